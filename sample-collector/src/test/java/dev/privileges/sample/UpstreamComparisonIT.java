package dev.privileges.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.engine.Rendered;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backs every row of docs/comparison-with-upstream.md with an assertion on the computed DaemonSet
 * for DataKit's default inputs (golden/default/daemonset.yaml).
 */
class UpstreamComparisonIT {

  private static Rendered yaml;

  @BeforeAll
  static void load() throws IOException {
    yaml = GoldenYaml.read("default");
  }

  @Test
  void hostPid_keptAndAttributedToHostProcesses() {
    assertThat(yaml.pod()).containsEntry("hostPID", true);
    assertThat((String) yaml.annotations().get("privileges.dev/host-pid")).contains("host_processes");
  }

  @Test
  void hostNetwork_keptWithClusterDns() {
    assertThat(yaml.pod()).containsEntry("hostNetwork", true).containsEntry("dnsPolicy", "ClusterFirstWithHostNet");
    assertThat((String) yaml.annotations().get("privileges.dev/host-network")).contains("net", "system", "hostobject");
  }

  @Test
  void hostIpc_dropped() {
    assertThat(yaml.pod()).doesNotContainKey("hostIPC");
  }

  @Test
  @SuppressWarnings("unchecked")
  void privileged_replacedByTwoCapabilities() {
    assertThat(yaml.containerSecurity()).doesNotContainKey("privileged");
    Map<String, Object> caps = (Map<String, Object>) yaml.containerSecurity().get("capabilities");
    assertThat(caps).containsEntry("drop", List.of("ALL")).containsEntry("add", List.of("DAC_READ_SEARCH", "SYS_PTRACE"));
  }

  @Test
  void privilegeEscalation_forbidden() {
    assertThat(yaml.containerSecurity()).containsEntry("allowPrivilegeEscalation", false);
  }

  @Test
  void root_statedExplicitly() {
    assertThat(yaml.podSecurity()).containsEntry("runAsUser", 0);
  }

  @Test
  void rootFilesystem_readOnly() {
    assertThat(yaml.containerSecurity()).containsEntry("readOnlyRootFilesystem", true);
  }

  @Test
  void seccomp_runtimeDefault() {
    assertThat(yaml.podSecurity()).containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
  }

  @Test
  void everyHostPath_isReadOnly_andRootIsNoLongerWritable() {
    Map<String, Boolean> mounts = GoldenYaml.hostPathsReadOnly(yaml);
    assertThat(mounts).containsEntry("/", true);
    assertThat(mounts.values()).containsOnly(true);
  }

  @Test
  void varRun_narrowedToOneSocketAndLoginRecords() {
    assertThat(GoldenYaml.hostPathsReadOnly(yaml)).doesNotContainKey("/var/run")
        .containsKeys("/var/run/containerd/containerd.sock", "/var/run/utmp");
  }

  @Test
  void debugfsAndCache_notMounted() {
    assertThat(GoldenYaml.hostPathsReadOnly(yaml)).doesNotContainKeys("/sys/kernel/debug", "/root/datakit_cache");
  }

  @Test
  void hostPorts_onlyStatsd() {
    assertThat(yaml.ports()).extracting(p -> p.get("hostPort") + "/" + p.get("protocol"))
        .containsExactly("8125/UDP");
  }

  @Test
  void clusterRole_dropsUnusedAndMisspelledRules() {
    assertThat(GoldenYaml.clusterRoleTargets(yaml))
        .doesNotContain("rbac.authorization.k8s.io/clusterroles", "/pods/log", "/pods/exec",
            "monitoring.coreos.com/podmonitors", "monitoring.coreos.com/servicemonitors", "/metrics",
            "logging.datakit.io/clusterloggingconfigs")
        .contains("/pods", "/nodes/stats", "apps/daemonsets", "metrics.k8s.io/pods");
  }
}
