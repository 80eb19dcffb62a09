package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;


/** The table "if you do not need this feature", read from the rendered statement. */
class StatementRecommendationsTest {

  private static List<List<String>> table(Bundle bundle, GenerationOptions options) {
    String md = new StatementRenderer().render(new Resolver().resolve(bundle, options));
    return new StatementDocument(md).table("If you do not need this feature");
  }

  /** The edits of a feature's row, one per line. */
  private static String row(List<List<String>> table, String feature) {
    return cells(table, feature).get(1);
  }

  /** What other features keep, one field per line. */
  private static String kept(List<List<String>> table, String feature) {
    return cells(table, feature).get(2);
  }

  private static List<String> cells(List<List<String>> table, String feature) {
    return table.stream().filter(r -> r.get(0).equals(feature)).findFirst().orElseThrow();
  }

  @Test
  void sharedHostPid_isNotOfferedForEbpfAndNamesHostProcessMetrics() {
    List<List<String>> table = table(DataKitLikeBundles.ebpfAndHostProcesses(), DataKitLikeBundles.STATEMENT_OPTIONS);

    String ebpf = row(table, "eBPF Monitoring");
    assertThat(ebpf).doesNotContain("hostPID: false")
        .contains("Set hostNetwork: false")
        .contains("Remove BPF, NET_RAW, PERFMON, SYS_RESOURCE from capabilities.add")
        .contains("Remove ebpf-net from ENV_DEFAULT_ENABLED_INPUTS");
    assertThat(kept(table, "eBPF Monitoring").lines()).contains("hostPID: true");
    assertThat(row(table, "Host Process Metrics")).doesNotContain("hostPID: false");
    assertThat(kept(table, "Host Process Metrics").lines()).contains("hostPID: true");
  }

  @Test
  void onlyFeatureNeedingAPrivilege_isOfferedItsRemoval() {
    List<List<String>> table = table(bundle(
        collector("host_processes").feature("Host Process Metrics").privilege(Privilege.HOST_PID).build(),
        collector("cpu").feature("Host Basic Metrics").hostPath("/proc", "/rootfs/proc", true).build()),
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().enabledInputsEnv("INPUTS").build());

    assertThat(row(table, "Host Process Metrics")).isEqualTo(
        "Set hostPID: false\nRemove host_processes from INPUTS");
    assertThat(kept(table, "Host Process Metrics")).isEqualTo("-");
    assertThat(row(table, "Host Basic Metrics")).startsWith("Remove the volume host-proc (hostPath: /proc) and its mount");
  }

  @Test
  void sharedPort_dropsHostPortOnlyWhenNoOtherFeatureNeedsItReachable() {
    List<List<String>> table = table(bundle(
        collector("ddtrace").feature("Tracing").port(9529, Protocol.TCP, "http", true).build(),
        collector("api").feature("HTTP API").port(9529, Protocol.TCP, "http", false).build(),
        collector("statsd").feature("StatsD").port(8125, Protocol.UDP, "statsd", true).build()),
        DataKitLikeBundles.STATEMENT_OPTIONS);

    assertThat(row(table, "Tracing")).startsWith("Remove hostPort: 9529 from the port 9529/TCP\n")
        .doesNotContain("Remove the port 9529/TCP");
    assertThat(kept(table, "Tracing").lines()).contains("containerPort: 9529/TCP");
    assertThat(row(table, "HTTP API")).doesNotContain("9529/TCP from");
    assertThat(kept(table, "HTTP API").lines()).contains("hostPort: 9529/TCP");
    assertThat(row(table, "StatsD")).startsWith("Remove the port 8125/UDP with its hostPort\n");
  }

  @Test
  void readWriteHostPath_becomesReadOnlyWhenTheOnlyWriterGoes() {
    List<List<String>> table = table(bundle(
        collector("ebpf").feature("eBPF").hostPath("/sys/kernel/debug", "/sys/kernel/debug", false).build(),
        collector("kernel").feature("Kernel Metrics").hostPath("/sys/kernel/debug", "/sys/kernel/debug", true).build()),
        DataKitLikeBundles.STATEMENT_OPTIONS);

    assertThat(row(table, "eBPF")).startsWith("Mount /sys/kernel/debug read-only (readOnly: true)\n")
        .doesNotContain("Remove the volume");
  }

  @Test
  void rootStaysWhileAnotherFeatureAddsCapabilities() {
    List<List<String>> table = table(bundle(
        collector("a").feature("A").capability("NET_RAW").build(),
        collector("b").feature("B").capability("SYS_PTRACE").build(),
        collector("c").feature("C").nothing().build()),
        DataKitLikeBundles.STATEMENT_OPTIONS);

    assertThat(row(table, "A")).doesNotContain("runAsNonRoot");
    assertThat(kept(table, "A").lines()).contains("runAsUser: 0");
    assertThat(table(bundle(
        collector("a").feature("A").capability("NET_RAW").build(),
        collector("c").feature("C").nothing().build()), DataKitLikeBundles.STATEMENT_OPTIONS).get(1).get(1))
        .startsWith("Set runAsUser: 10001 in the pod's securityContext (was 0)\nAdd runAsNonRoot: true in the"
            + " pod's securityContext\nAdd runAsGroup: 10001 in the pod's securityContext\n")
        .contains("\nRemove capabilities.add (NET_RAW)").endsWith("\nThe pods then meet the restricted level.");
  }

  @Test
  void featureThatIsEverything_saysNothingWouldBeLeft() {
    List<List<String>> table = table(bundle(collector("dk").feature("Self").nothing().build()), DataKitLikeBundles.STATEMENT_OPTIONS);

    assertThat(row(table, "Self")).contains("Nothing would be left to deploy");
  }

  /**
   * A feature the others cannot do without: one collector mounts a host path with Bidirectional
   * propagation and declares PRIVILEGED, but its own capabilities replace privileged mode, so the
   * container is privileged only for another feature's collector. Without that feature the
   * DaemonSet cannot be built; the row says so, naming the real collectors, instead of failing.
   * The collector also reads {@code /proc}, which sorts first, so the Bidirectional mount is not
   * merely the reduced grant's witness host path: the trim table must keep it because it needs
   * privileged mode.
   */
  @Test
  void featureTheOthersNeed_rowSaysItCannotBeTurnedOffAlone() {
    Bundle bundle = TestBundles.bundle(
        TestBundles.collector("mount-watcher").feature("Mounts").privilege(Privilege.PRIVILEGED).capability("SYS_ADMIN")
            .hostPath("/proc", "/host/proc", true, HostPathType.DIRECTORY, MountPropagation.NONE, "")
            .hostPath("/var/lib/agent/mounts", "/var/lib/agent/mounts", false, HostPathType.DIRECTORY_OR_CREATE,
                MountPropagation.BIDIRECTIONAL, "").build(),
        TestBundles.collector("kernel-probe").feature("Kernel").privilege(Privilege.PRIVILEGED).build());
    List<List<String>> table = table(bundle, GenerationOptions.builder().build());

    assertThat(row(table, "Kernel")).contains("Cannot be turned off on its own: without it, host path")
        .contains("mount-watcher").doesNotContain("~");
    assertThat(row(table, "Mounts")).contains("mount-watcher");
  }
}
