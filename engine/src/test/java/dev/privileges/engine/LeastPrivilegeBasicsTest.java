package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;


/** The foundation's least-privilege promises, checked on the rendered YAML of small bundles. */
class LeastPrivilegeBasicsTest {

  private static final GenerationOptions OPTIONS = GenerationOptions.builder()
      .name("agent").namespace("monitoring").image("example/agent:1").build();

  private static String yaml(Bundle bundle) {
    return new DaemonSetRenderer().render(new Resolver().resolve(bundle, OPTIONS));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(String yaml) {
    Map<String, Object> spec = (Map<String, Object>) KubernetesSchema.daemonSet(yaml).get("spec");
    return (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(String yaml) {
    return ((List<Map<String, Object>>) podSpec(yaml).get("containers")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> containerSecurity(String yaml) {
    return (Map<String, Object>) container(yaml).get("securityContext");
  }

  @Test
  void hostPid_absentUnlessACollectorNeedsIt() {
    String without = yaml(bundle(collector("cpu").hostPath("/proc", "/rootfs/proc", true).build()));
    String with = yaml(bundle(
        collector("cpu").hostPath("/proc", "/rootfs/proc", true).build(),
        collector("host_processes").privilege(Privilege.HOST_PID).build()));

    assertThat(podSpec(without)).doesNotContainKey("hostPID");
    assertThat(podSpec(with)).containsEntry("hostPID", true);
    assertThat(KubernetesSchema.violations(without)).isEmpty();
    assertThat(KubernetesSchema.violations(with)).isEmpty();
  }

  @Test
  void hostNetwork_comesWithClusterFirstWithHostNetDns() {
    String yaml = yaml(bundle(collector("net").privilege(Privilege.HOST_NETWORK).build()));

    assertThat(podSpec(yaml)).containsEntry("hostNetwork", true)
        .containsEntry("dnsPolicy", "ClusterFirstWithHostNet");
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void readOnlyHostPath_staysReadOnly() {
    String yaml = yaml(bundle(
        collector("cpu").hostPath("/proc", "/rootfs/proc", true).build(),
        collector("mem").hostPath("/proc", "/rootfs/proc", true).build()));

    List<Map<String, Object>> mounts = (List<Map<String, Object>>) container(yaml).get("volumeMounts");
    assertThat(mounts).containsExactly(
        Map.of("name", "host-proc", "mountPath", "/rootfs/proc", "readOnly", true));
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void nothingNeeded_runsNonRootReadOnlyWithEveryCapabilityDropped() {
    String yaml = yaml(bundle(collector("dk").nothing().build()));

    Map<String, Object> pod = podSpec(yaml);
    assertThat(pod).doesNotContainKeys("hostPID", "hostNetwork", "hostIPC", "volumes", "serviceAccountName")
        .containsEntry("automountServiceAccountToken", false);
    assertThat((Map<String, Object>) pod.get("securityContext"))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("runAsUser", 10001)
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    assertThat(containerSecurity(yaml))
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")))
        .doesNotContainKey("privileged");
    assertThat(KubernetesSchema.documents(yaml)).extracting(d -> d.get("kind")).containsExactly("DaemonSet");
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void addedCapabilities_areSortedWithoutPrivileged_andRunAsRoot() {
    String yaml = yaml(bundle(
        collector("host_processes").capability("SYS_PTRACE", "DAC_READ_SEARCH").build(),
        collector("ebpf").privilege(Privilege.PRIVILEGED).capability("PERFMON", "BPF", "NET_RAW").build()));

    Map<String, Object> security = containerSecurity(yaml);
    assertThat(security).doesNotContainKey("privileged");
    assertThat((Map<String, Object>) security.get("capabilities")).containsExactly(
        Map.entry("drop", List.of("ALL")),
        Map.entry("add", List.of("BPF", "DAC_READ_SEARCH", "NET_RAW", "PERFMON", "SYS_PTRACE")));
    assertThat((Map<String, Object>) podSpec(yaml).get("securityContext")).containsEntry("runAsUser", 0)
        .doesNotContainKey("runAsNonRoot");
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void sharedPort_appearsOnceAsHostPort() {
    String yaml = yaml(bundle(
        collector("ddtrace").port(9529, Protocol.TCP, "http-api", true).build(),
        collector("opentelemetry").port(9529, Protocol.TCP, "http-api", true).build()));

    assertThat((List<Map<String, Object>>) container(yaml).get("ports")).containsExactly(
        Map.of("name", "http-api", "containerPort", 9529, "hostPort", 9529, "protocol", "TCP"));
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
  }

  @Test
  void enabledInputsEnv_listsExactlyTheEnabledCollectorsSorted() {
    Bundle bundle = bundle(collector("mem").nothing().build(), collector("cpu").nothing().build(),
        collector("disk").nothing().build());
    GenerationOptions options = GenerationOptions.builder().excludedCollectors(List.of("disk")).build();

    String yaml = new DaemonSetRenderer().render(new Resolver().resolve(bundle, options));

    assertThat(container(yaml).get("env")).isEqualTo(
        List.of(Map.of("name", "ENV_DEFAULT_ENABLED_INPUTS", "value", "cpu,mem")));
  }

  @Test
  void schemaCheck_catchesAMisspelledField() {
    String yaml = yaml(bundle(collector("dk").nothing().build())).replace("hostPID", "x")
        .replace("automountServiceAccountToken", "automountServiceAccountTokens");

    assertThat(KubernetesSchema.violations(yaml)).anyMatch(m -> m.contains("automountServiceAccountTokens"));
  }
}
