package dev.privileges.engine;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.helm.ChartValues;
import dev.privileges.engine.helm.HelmChart;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.KubernetesYaml;
import dev.privileges.engine.kubernetes.WrittenYamlAudit;
import dev.privileges.engine.kubernetes.Yaml;
import dev.privileges.metadata.CollectorMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's proof (PRODUCT §12) with real Helm: for every subset of features (all up to 10
 * features, beyond a seeded sample plus each single feature and each all-but-one), {@code helm
 * template} equals, object by object and field by field, what the engine renders for exactly
 * those collectors; where the engine refuses a subset, Helm refuses it too. Both sides are read
 * as the API server reads YAML (1.1 scalars).
 */
class HelmChartEqualityTest {

  @TempDir Path temp;

  @Test
  void dataKitLikeBundleRendersLikeTheEngineForEveryFeatureSubset() throws IOException {
    int checked = check(DataKitLikeBundles.datakitLike(), HelmChartTest.sampleOptions(), "datakit", 256);
    assertThat(checked).isGreaterThanOrEqualTo(256);
  }

  @Test
  void randomBundlesRenderLikeTheEngineForEveryFeatureSubset() throws IOException {
    int charted = 0;
    for (long seed = 1; seed <= 60; seed++) {
      RandomBundles.Case c = RandomBundles.generate(seed);
      if (check(c.bundle(), c.options(), "random-" + seed, 40) > 0) {
        charted++;
      }
    }
    assertThat(charted).as("random bundles the engine accepts and the chart was compared on").isGreaterThanOrEqualTo(50);
  }

  private int check(Bundle bundle, GenerationOptions options, String label, int sample) throws IOException {
    PrivilegesEngine engine = new PrivilegesEngine();
    HelmChart chart;
    try {
      chart = engine.chart(bundle, options.toBuilder().helmChart(true).chartVersion("1.0.0").build());
    } catch (EngineException e) {
      return 0; // the build itself is refused; nothing to chart
    }
    Path dir = temp.resolve(label).resolve(chart.name());
    write(chart, dir);
    LintResult lint = new Helm(dir).lint().strict().call();
    assertThat(lint.isFailed()).as(label + " lint: " + lint.getMessages()).isFalse();

    List<CollectorMetadata> all = List.copyOf(new TreeMap<>(bundle.collectors()).values());
    List<String> features = all.stream().map(CollectorMetadata::feature).distinct().sorted().toList();
    ChartValues values = new ChartValues(bundle, options, engine.resolve(bundle, options));
    int count = 0;
    for (List<String> subset : subsets(features, sample, label.hashCode())) {
      List<String> names = all.stream().filter(c -> subset.contains(c.feature())).map(CollectorMetadata::name).toList();
      // No collector at all: the engine's empty list means "all", the chart refuses it.
      String expected = names.isEmpty() ? null : direct(bundle, options, names);
      Path valuesFile = dir.resolveSibling("values-" + count + ".yaml");
      Files.writeString(valuesFile, toggles(values, features, subset, all), StandardCharsets.UTF_8);
      String rendered;
      try {
        rendered = new Helm(dir).template().withValuesFile(valuesFile).call();
      } catch (RuntimeException e) {
        assertThat(expected).as(label + " " + subset + ": Helm refused (" + e.getMessage() + ")").isNull();
        count++;
        continue;
      }
      assertThat(expected).as(label + " " + subset + ": the engine refuses, Helm rendered\n" + rendered).isNotNull();
      assertThat(objects(rendered)).as(label + " " + subset).isEqualTo(objects(expected));
      assertThat(KubernetesSchema.violations(rendered)).as(label + " " + subset).isEmpty();
      count++;
    }
    return count;
  }

  /** The engine's own output for exactly {@code names}, or null when it refuses them. */
  private static String direct(Bundle bundle, GenerationOptions options, List<String> names) {
    GenerationOptions o = options.toBuilder().enabledCollectors(names).excludedCollectors(List.of()).build();
    try {
      Grant g = new PrivilegesEngine().resolve(bundle, o);
      List<Map<String, Object>> docs = new DaemonSetRenderer().documents(g);
      if (o.baseTemplate().isPresent()) {
        docs = o.baseTemplate().get().apply(docs, g);
      }
      String yaml = Yaml.dumpAll(docs);
      WrittenYamlAudit.verify(yaml, g);
      return yaml;
    } catch (EngineException e) {
      return null;
    }
  }

  private static String toggles(ChartValues values, List<String> features, List<String> on, List<CollectorMetadata> all) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (String feature : features) {
      Map<String, Object> collectors = new LinkedHashMap<>();
      all.stream().filter(c -> c.feature().equals(feature)).forEach(c -> collectors.put(c.name(), true));
      f.put(values.featureKeys().get(feature), Map.of("enabled", on.contains(feature), "collectors", collectors));
    }
    return Yaml.dumpAll(List.of(Map.of("features", f)));
  }

  /** Objects by kind and name, so Helm's install order does not matter; lists keep their order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> objects(String yaml) {
    Map<String, Object> out = new TreeMap<>();
    for (Object doc : KubernetesYaml.readAll(yaml, "test")) {
      if (doc == null) {
        continue;
      }
      Map<String, Object> m = (Map<String, Object>) doc;
      Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
      out.put(m.get("kind") + "/" + meta.get("name"), m);
    }
    return out;
  }

  static List<List<String>> subsets(List<String> features, int sample, long seed) {
    List<List<String>> out = new ArrayList<>();
    int n = features.size();
    if (n <= 10) {
      for (int mask = 0; mask < (1 << n); mask++) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            s.add(features.get(i));
          }
        }
        out.add(s);
      }
      return out;
    }
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      add(out, seen, List.of(features.get(i)));
      List<String> allBut = new ArrayList<>(features);
      allBut.remove(i);
      add(out, seen, allBut);
    }
    add(out, seen, features);
    Random random = new Random(seed);
    while (out.size() < 2 * n + 1 + Math.max(sample, 256)) {
      List<String> s = new ArrayList<>();
      features.forEach(f -> {
        if (random.nextBoolean()) {
          s.add(f);
        }
      });
      add(out, seen, s);
    }
    return out;
  }

  private static void add(List<List<String>> out, TreeSet<String> seen, List<String> s) {
    if (seen.add(String.join("\u0000", s) + "|" + s.size())) {
      out.add(s);
    }
  }

  /** The chart's files under {@code dir}. */
  static void write(HelmChart chart, Path dir) throws IOException {
    for (Map.Entry<String, String> f : chart.files().entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(Objects.requireNonNull(p.getParent()));
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
  }
}
