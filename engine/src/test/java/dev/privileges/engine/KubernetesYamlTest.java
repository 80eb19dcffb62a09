package dev.privileges.engine;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.KubernetesYaml;
import dev.privileges.engine.kubernetes.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule 14: the YAML is written so that Kubernetes (YAML 1.1) and YAML 1.2 readers agree. */
class KubernetesYamlTest {

  @ParameterizedTest
  @ValueSource(strings = {"on", "On", "off", "yes", "no", "y", "N", "true", "FALSE", "~", "null", "",
      "0o10", "010", "0x1F", "0b101", "1_000", "+12", "-3", "1:20", ".5", "1e3", "1.5e-3", ".inf", ".NaN",
      "2001-12-14", "2001-12-14T21:59:43.10-05:00", "<<", "="})
  void stringsAnotherReaderWouldRetype_areQuoted_andReadBackAsTheSameString(String value) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("value", value);
    String yaml = Yaml.dumpAll(List.of(doc));

    assertThat(yaml).doesNotContain("value: " + value + "\n");
    assertThat(KubernetesYaml.readAll(yaml, "test")).containsExactly(Map.of("value", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpu", "host_processes", "1.2.3", "pubrepo.guance.com/datakit/datakit:1.2.3", "a,b"})
  void ordinaryStrings_stayPlain(String value) {
    assertThat(Yaml.dumpAll(List.of(Map.of("value", value)))).contains("value: " + value + "\n");
  }

  @Test
  void aCollectorNamedOn_isQuotedInTheEnvVarAndTheAnnotations_andTheYamlStaysValid() {
    Grant grant = new Resolver().resolve(TestBundles.bundle(TestBundles.collector("on")
        .privilege(dev.privileges.annotations.Privilege.HOST_PID).build()), GenerationOptions.builder().build());
    String yaml = new DaemonSetRenderer().render(grant);

    assertThat(yaml).contains("value: 'on'").contains("privileges.dev/host-pid: 'on'").doesNotContain(": on\n");
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
    assertThat(Rendered.of(yaml).annotations()).containsEntry("privileges.dev/host-pid", "on");
  }

  @Test
  void reading_aDateLikeValue_keepsItsText() {
    // A base template's annotation such as a release date used to fail to load at all.
    List<Object> docs = KubernetesYaml.readAll("metadata:\n  annotations:\n    released: 2024-01-01\n"
        + "    at: 2001-12-14t21:59:43.10-05:00\n", "base.yaml");

    assertThat(docs).containsExactly(Map.of("metadata", Map.of("annotations",
        Map.of("released", "2024-01-01", "at", "2001-12-14t21:59:43.10-05:00"))));
  }

  @Test
  void reading_followsTheApiServer_yaml11Booleans_andOctal() {
    List<Object> docs = KubernetesYaml.readAll("hostNetwork: yes\nhostPID: on\nhostIPC: n\nmode: 010\nport: 0o17\n"
        + "big: 1_000\n", "t.yaml");

    assertThat(docs).containsExactly(Map.of("hostNetwork", true, "hostPID", true, "hostIPC", false, "mode", 8,
        "port", 15, "big", 1000));
  }
}
