package dev.privileges.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.engine.KubernetesSchema;
import dev.privileges.engine.Rendered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample's DaemonSets, as shipped (base template merged in), are valid against the strict
 * Kubernetes schemas and keep the template's non-privilege settings.
 */
class SampleDaemonSetIT {

  private static String yaml(String profile) throws IOException {
    return Files.readString(Path.of("golden", profile, "daemonset.yaml"), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "full"})
  void daemonSet_isValidAgainstTheStrictKubernetesSchema(String profile) throws IOException {
    assertThat(KubernetesSchema.violations(yaml(profile))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "full"})
  @SuppressWarnings("unchecked")
  void baseTemplate_resourcesTolerationsEnvAndConfigVolume_areKept(String profile) throws IOException {
    Rendered golden = GoldenYaml.read(profile);
    Map<String, Object> pod = golden.pod();
    assertThat(pod.get("tolerations")).isEqualTo(List.of(Map.of("operator", "Exists")));
    assertThat(pod).containsEntry("priorityClassName", "system-node-critical");
    assertThat((Map<String, Object>) golden.container().get("resources")).containsKeys("requests", "limits");
    assertThat((List<Map<String, Object>>) golden.container().get("env"))
        .extracting(e -> e.get("name")).contains("ENV_DATAWAY", "ENV_K8S_NODE_IP", "ENV_DEFAULT_ENABLED_INPUTS");
    assertThat((List<Map<String, Object>>) pod.get("volumes"))
        .anyMatch(v -> v.containsKey("configMap") && "agent-config".equals(v.get("name")));
  }
}
