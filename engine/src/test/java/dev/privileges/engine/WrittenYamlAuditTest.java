package dev.privileges.engine;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.KubernetesNames;
import dev.privileges.engine.kubernetes.WrittenYamlAudit;
import dev.privileges.engine.kubernetes.Yaml;
import dev.privileges.engine.policy.LockFile;
import dev.privileges.engine.statement.StatementRenderer;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privileges.annotations.Privilege;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule 14: the written YAML, read back as the API server reads it, grants exactly the model. */
class WrittenYamlAuditTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBundles_passTheAudit_andEveryOutputNamesWhatTheYamlGrants(long seed) {
    RandomBundles.Case c = RandomBundles.generate(seed);
    Grant grant = new Resolver().resolve(c.bundle(), c.options());
    List<Map<String, Object>> objects = new DaemonSetRenderer().documents(grant);
    if (seed % 3 == 0) {
      objects = BaseTemplate.parse(RandomTemplates.benign(seed), "base.yaml").apply(objects, grant);
    }
    String yaml = Yaml.dumpAll(objects);

    assertThatCode(() -> WrittenYamlAudit.verify(yaml, grant)).as("seed %d:\n%s", seed, yaml).doesNotThrowAnyException();

    SortedSet<String> written = WrittenYamlAudit.written(yaml, java.util.Set.of(c.options().containerName(),
        KubernetesNames.KEPT_PATH_OWNER));
    String agent = "containers[" + c.options().containerName() + "]";
    SortedSet<String> yamlCaps = suffixes(written, "." + agent + ".securityContext.capabilities.add: ");
    Rendered r = Rendered.of(yaml);
    SortedSet<String> annotatedCaps = new TreeSet<>();
    r.annotations().keySet().stream().filter(k -> k.startsWith("privileges.dev/capability."))
        .forEach(k -> annotatedCaps.add(k.substring("privileges.dev/capability.".length()).toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
    SortedSet<String> lockCaps = new TreeSet<>();
    LockFile.of(grant).granted().keySet().stream().filter(k -> k.startsWith("capability:"))
        .forEach(k -> lockCaps.add(k.substring("capability:".length())));
    boolean privileged = written.stream().anyMatch(f -> f.endsWith(agent + ".securityContext.privileged: true"));
    String statement = new StatementRenderer(new Resolver()).render(grant);

    assertThat(annotatedCaps).as("seed %d annotations", seed).isEqualTo(yamlCaps);
    assertThat(lockCaps).as("seed %d lock", seed).isEqualTo(yamlCaps);
    assertThat(grant.capabilities().keySet()).as("seed %d JSON grant", seed).isEqualTo(yamlCaps);
    assertThat(r.annotations().containsKey("privileges.dev/privileged")).isEqualTo(privileged);
    assertThat(LockFile.of(grant).granted()).as("seed %d", seed).matches(l -> l.containsKey("PRIVILEGED") == privileged);
    assertThat(statement.contains("#### `privileged: true`")).as("seed %d statement", seed).isEqualTo(privileged);
    assertThat(statement.contains("Every capability is dropped")).isEqualTo(!privileged);
    yamlCaps.forEach(cap -> assertThat(statement).contains("#### `capabilities.add: " + cap + "`"));
    for (String f : written) {
      if (f.contains(".volumeMounts: hostPath ") && f.contains(agent)) {
        String path = f.substring(f.indexOf("hostPath ") + 9).split(" ")[0];
        assertThat(statement).as("seed %d: %s", seed, f).contains("hostPath: " + path);
      }
      if (f.endsWith(" bound on the node") && f.contains(agent)) {
        String port = f.substring(f.indexOf(".ports: ") + 8, f.indexOf(" bound"));
        assertThat(LockFile.of(grant).granted()).as("seed %d: %s", seed, f).containsKey("hostPort:" + port);
        assertThat(statement).contains("#### `hostPort: " + port + "`");
      }
    }
  }

  @Test
  void aPrivilegeInjectedAfterResolution_failsTheAudit_namingTheField() {
    Grant grant = new Resolver().resolve(bundle(collector("cpu").nothing().build()), GenerationOptions.builder().build());
    List<Map<String, Object>> objects = new DaemonSetRenderer().documents(grant);
    Map<String, Object> pod = Rendered.of(Yaml.dumpAll(objects)).pod();
    assertThat(pod).doesNotContainKey("hostIPC");
    @SuppressWarnings("unchecked")
    Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        objects.get(objects.size() - 1).get("spec")).get("template")).get("spec");
    podSpec.put("hostIPC", "yes"); // a string, which the API server reads as true

    assertThatThrownBy(() -> WrittenYamlAudit.verify(Yaml.dumpAll(objects).replace("hostIPC: 'yes'", "hostIPC: yes"), grant))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("the YAML grants spec.template.spec.hostIPC: true, which the decided grant does not hold");
  }

  @Test
  void aTemplateThatSaysYes_grantsAndFails_asKubernetesReadsIt() {
    Grant grant = new Resolver().resolve(bundle(collector("cpu").nothing().build()), GenerationOptions.builder().build());
    BaseTemplate template = BaseTemplate.parse("spec:\n  hostNetwork: yes\n  containers:\n  - name: agent\n", "base.yaml");

    assertThatThrownBy(() -> template.apply(new DaemonSetRenderer().documents(grant), grant))
        .isInstanceOf(EngineException.class).hasMessageContaining("base.yaml").hasMessageContaining("hostNetwork");
  }

  @Test
  void anInjectedCapability_isNamed() {
    Grant grant = new Resolver().resolve(bundle(collector("net").privilege(Privilege.HOST_NETWORK).build()),
        GenerationOptions.builder().build());
    String yaml = new DaemonSetRenderer().render(grant).replace("drop:\n", "add:\n              - SYS_ADMIN\n              drop:\n");

    assertThatThrownBy(() -> WrittenYamlAudit.verify(yaml, grant))
        .hasMessageContaining("spec.template.spec.containers[node-agent].securityContext.capabilities.add: SYS_ADMIN");
  }

  private static SortedSet<String> suffixes(SortedSet<String> facts, String marker) {
    SortedSet<String> out = new TreeSet<>();
    facts.stream().filter(f -> f.contains(marker)).forEach(f -> out.add(f.substring(f.indexOf(marker) + marker.length())));
    return out;
  }
}
