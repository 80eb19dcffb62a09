package dev.privileges.engine;

import com.marcnuri.helm.Helm;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.helm.ChartValues;
import dev.privileges.engine.helm.HelmChart;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.KubernetesYaml;
import dev.privileges.engine.kubernetes.Yaml;
import dev.privileges.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart as a user gets it: golden files, its package, its values schema and its toggles. */
class HelmChartTest {

  private static final Golden GOLDEN = Golden.in(Path.of("src/test/resources/golden"));

  @TempDir Path temp;

  /** Options like the sample's: a base template with everything that is not a privilege. */
  static GenerationOptions sampleOptions() {
    BaseTemplate base = BaseTemplate.parse("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: sample-agent
          labels:
            app.kubernetes.io/part-of: sample-observability
        spec:
          revisionHistoryLimit: 10
          template:
            metadata:
              annotations:
                example.com/scrape: "true"
            spec:
              tolerations:
                - operator: Exists
              priorityClassName: system-node-critical
              securityContext:
                fsGroup: 10001
              containers:
                - name: sample-agent
                  workingDir: /usr/local/datakit
                  resources:
                    limits:
                      cpu: "2"
                      memory: 4Gi
                  env:
                    - name: ENV_K8S_NODE_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: spec.nodeName
                  volumeMounts:
                    - name: agent-config
                      mountPath: /usr/local/datakit/conf.d/custom
                      readOnly: true
              volumes:
                - name: agent-config
                  configMap:
                    name: sample-agent-config
                    optional: true
        """, "base.yaml");
    return GenerationOptions.builder().name("sample-agent").namespace("sample-agent").namespaceObject(true)
        .image("registry.example.com/sample-agent:1.0.0").labels(Map.of("team", "observability"))
        .productName("Sample Agent").baseTemplate(Optional.of(base)).helmChart(true).chartVersion("1.0.0").build();
  }

  private static HelmChart sampleChart() {
    return new PrivilegesEngine().chart(DataKitLikeBundles.datakitLike(), sampleOptions());
  }

  @Test
  void chartFilesMatchTheGoldenFiles() {
    sampleChart().files().forEach((path, text) -> GOLDEN.assertMatches("chart/" + path, text));
  }

  @Test
  void packageIsByteIdenticalAcrossRunsTimeZonesAndLocalesAndHelmReadsIt() throws IOException {
    byte[] first = sampleChart().packaged();
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(sampleChart().packaged()).isEqualTo(first);
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
    Path tgz = temp.resolve(sampleChart().packageFileName());
    Files.write(tgz, first);
    Path folder = temp.resolve("folder").resolve("sample-agent");
    HelmChartEqualityTest.write(sampleChart(), folder);
    assertThat(new Helm(tgz).template().call()).isEqualTo(new Helm(folder).template().call());
  }

  @Test
  void generateWritesTheChartWithTheOtherOutputsAndTheStatementSaysWhatEachToggleDoes() throws IOException {
    PrivilegesEngine engine = new PrivilegesEngine();
    PrivilegesEngine.Result result = engine.generate(DataKitLikeBundles.datakitLike(), sampleOptions(),
        temp.resolve("out"), PrivilegesEngine.OutputNames.defaults(), null);
    Path out = temp.resolve("out");
    assertThat(result.chartPackage()).contains(out.resolve("sample-agent-1.0.0.tgz").toAbsolutePath());
    assertThat(Files.readAllBytes(result.chartPackage().orElseThrow())).isEqualTo(sampleChart().packaged());
    for (Map.Entry<String, String> f : sampleChart().files().entrySet()) {
      assertThat(out.resolve("sample-agent").resolve(f.getKey())).hasContent(f.getValue());
    }
    assertThat(result.files()).containsOnlyKeys("daemonset.yaml", "SECURITY.md", "privileges-diagram.svg",
        "privileges.json");
    assertThat(out.resolve("SECURITY.md")).content(StandardCharsets.UTF_8)
        .contains("In the Helm chart built with this statement, each feature's toggle");

    Path plain = temp.resolve("plain");
    PrivilegesEngine.Result without = engine.generate(DataKitLikeBundles.datakitLike(),
        sampleOptions().toBuilder().helmChart(false).build(), plain, PrivilegesEngine.OutputNames.defaults(), null);
    assertThat(without.chartPackage()).isEmpty();
    assertThat(plain.resolve("sample-agent")).doesNotExist();
    assertThat(plain.resolve("SECURITY.md")).content(StandardCharsets.UTF_8).doesNotContain("Helm");
  }

  @Test
  void aChartVersionHelmCannotReadIsRefusedBeforeAnythingIsWritten() {
    GenerationOptions twoParts = sampleOptions().toBuilder().chartVersion("v1.4").build();
    assertThatThrownBy(() -> new PrivilegesEngine().generate(DataKitLikeBundles.datakitLike(), twoParts,
        temp.resolve("out"), PrivilegesEngine.OutputNames.defaults(), null))
        .isInstanceOf(EngineException.class)
        .hasMessage("chartVersion 'v1.4' is not a SemVer 2 version, which Helm requires of a chart: write"
            + " major.minor.patch with an optional -prerelease, e.g. '1.4.0' or '1.4.0-SNAPSHOT', perhaps you"
            + " meant '1.4.0'");
    assertThat(temp.resolve("out")).doesNotExist();
    GenerationOptions none = sampleOptions().toBuilder().chartVersion("").build();
    assertThatThrownBy(() -> new PrivilegesEngine().chart(DataKitLikeBundles.datakitLike(), none))
        .isInstanceOf(EngineException.class)
        .satisfies(e -> assertThat(((EngineException) e).message(Option.Syntax.CLI)).isEqualTo(
            "--helm-chart is on but --chart-version is empty: give the version of the release the chart ships,"
                + " e.g. '1.4.0'"));
  }

  @Test
  void lintStrictPasses() throws IOException {
    Path folder = temp.resolve("sample-agent");
    HelmChartEqualityTest.write(sampleChart(), folder);
    var lint = new Helm(folder).lint().strict().call();
    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
  }

  @Test
  void valuesNamingAnUnknownFeatureOrCollectorFail() throws IOException {
    Path folder = temp.resolve("sample-agent");
    HelmChartEqualityTest.write(sampleChart(), folder);
    Path unknownFeature = temp.resolve("unknown-feature.yaml");
    Files.writeString(unknownFeature, "features:\n  ebpfTypo:\n    enabled: true\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new Helm(folder).template().withValuesFile(unknownFeature).call())
        .hasMessageContaining("ebpfTypo");
    Path unknownCollector = temp.resolve("unknown-collector.yaml");
    Files.writeString(unknownCollector, "features:\n  hostBasicMetrics:\n    collectors:\n      cpuu: false\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new Helm(folder).template().withValuesFile(unknownCollector).call())
        .hasMessageContaining("cpuu");
    Path noneEnabled = temp.resolve("none.yaml");
    StringBuilder off = new StringBuilder("features:\n");
    new ChartValues(DataKitLikeBundles.datakitLike(), sampleOptions(),
        new PrivilegesEngine().resolve(DataKitLikeBundles.datakitLike(), sampleOptions()))
        .featureKeys().values().forEach(k -> off.append("  ").append(k).append(":\n    enabled: false\n"));
    Files.writeString(noneEnabled, off.toString(), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new Helm(folder).template().withValuesFile(noneEnabled).call())
        .hasMessageContaining("no collector is enabled");
  }

  @Test
  void oneCollectorOfAFeatureTurnsOffAlone() throws IOException {
    Path folder = temp.resolve("sample-agent");
    HelmChartEqualityTest.write(sampleChart(), folder);
    Path values = temp.resolve("no-system.yaml");
    Files.writeString(values, "features:\n  hostBasicMetrics:\n    collectors:\n      system: false\n",
        StandardCharsets.UTF_8);
    String rendered = new Helm(folder).template().withValuesFile(values).call();
    List<String> rest = DataKitLikeBundles.datakitLike().names().stream().filter(n -> !n.equals("system")).toList();
    GenerationOptions o = sampleOptions().toBuilder().enabledCollectors(rest).build();
    Grant g = new PrivilegesEngine().resolve(DataKitLikeBundles.datakitLike(), o);
    String direct = Yaml.dumpAll(o.baseTemplate().get().apply(new DaemonSetRenderer().documents(g), g));
    assertThat(KubernetesYaml.readAll(rendered, "helm").stream().filter(d -> d != null).toList())
        .containsExactlyInAnyOrderElementsOf(KubernetesYaml.readAll(direct, "engine"));
    assertThat(rendered).contains("ENV_DEFAULT_ENABLED_INPUTS").doesNotContain(",system,");
  }
}
