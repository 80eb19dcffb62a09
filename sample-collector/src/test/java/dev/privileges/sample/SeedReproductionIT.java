package dev.privileges.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every privilege section and every row of the recommendation table of DataKit's hand-written
 * security statement (the seed) has its counterpart in the statement generated for the full
 * profile: the same instruction, or a more exact one.
 */
class SeedReproductionIT {

  private static String statement;

  @BeforeAll
  static void load() throws IOException {
    statement = Files.readString(Path.of("golden/full/SECURITY.md"), StandardCharsets.UTF_8);
  }

  /** The text of the section under the heading that starts with {@code heading}, up to the next heading. */
  private static String section(String heading) {
    int start = statement.indexOf("\n" + heading);
    assertThat(start).as("section %s", heading).isNotNegative();
    int end = statement.indexOf("\n#", start + 1);
    return statement.substring(start, end < 0 ? statement.length() : end);
  }

  /** The row of the "If you do not need this feature" table for {@code feature}. */
  private static String recommendation(String feature) {
    String table = section("### If you do not need a feature");
    return table.lines().filter(l -> l.startsWith("| " + feature + " |")).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + feature));
  }

  // Pod-level privileges of the seed

  @Test
  void seedHostPid_eBpfTracing_isExplainedWithItsCollectors() {
    assertThat(section("#### `hostPID: true`")).contains("**Purpose**", "*eBPF Monitoring* (`ebpf-net`)",
        "*Host Process Metrics* (`host_processes`)");
  }

  @Test
  void seedHostNetwork_eBpfTracing_isExplained_butReceivingNeedsOnlyHostPorts() {
    String hostNetwork = section("#### `hostNetwork: true`");
    assertThat(hostNetwork).contains("*eBPF Monitoring* (`ebpf-net`)", "*Host Network Metrics* (`net`)");
    // More exact than the seed: StatsD/OpenTelemetry receive through hostPorts, not hostNetwork.
    assertThat(hostNetwork).doesNotContain("Receive Data on the Node");
    assertThat(section("#### `hostPort: 8125/UDP`")).contains("*Receive Data on the Node* (`statsd`)");
  }

  @Test
  void seedPrivileged_eBpf_isReplacedByCapabilities_andDebugfsIsItsOwnMount() {
    assertThat(section("## Not requested")).contains("`privileged: true`, declared by `ebpf-net`");
    assertThat(section("#### `capabilities.add: SYS_ADMIN`")).contains("eBPF Monitoring");
    assertThat(section("#### `capabilities.add: NET_RAW`")).contains("*eBPF Monitoring* (`ebpf-net`)");
    assertThat(section("#### `hostPath: /sys/kernel/debug`")).contains("*eBPF Monitoring* (`ebpf-net`)");
  }

  // Container-level privileges of the seed

  @Test
  void seedRoot_readingProcSysAndLogs_isExplainedPerPath() {
    assertThat(section("#### `runAsUser: 0`")).contains("**Purpose**", "*Containers and Kubernetes* (`container`)");
    assertThat(statement).contains("#### `hostPath: /proc`", "#### `hostPath: /sys`", "#### `hostPath: /var/log/pods`");
  }

  @Test
  void seedHostPort_receivingOnTheNode_isExplainedPerPort() {
    for (String port : new String[] {"4317/TCP", "8125/UDP", "9529/TCP"}) {
      assertThat(section("#### `hostPort: " + port + "`")).contains("Receive Data on the Node");
    }
  }

  @Test
  void seedWritableFilesystem_isReplacedByDeclaredWritablePaths() {
    assertThat(section("## Not requested")).contains("`readOnlyRootFilesystem: true`");
    String writable = statement.substring(statement.indexOf("\n### Writable paths"),
        statement.indexOf("\n### Kubernetes API access"));
    assertThat(writable).contains("`hostPath: /var/lib/sample-agent/cache`", "`emptyDir: /usr/local/datakit/python.d`");
    assertThat(statement).contains("Buffers received data on disk", "Downloads the collection scripts");
  }

  // Rows of the seed's table

  @Test
  void seedRowHostProcessMetrics_hostPidStaysWhileOtherFeaturesNeedIt() {
    assertThat(recommendation("Host Process Metrics"))
        .contains("Remove `host_processes` from `ENV_DEFAULT_ENABLED_INPUTS`")
        .contains("| `hostPID: true`<br>");
  }

  @Test
  void seedRowEbpf_doesNotOfferHostPidFalse_becauseHostProcessMetricsNeedsIt() {
    String row = recommendation("eBPF Monitoring");
    assertThat(row).doesNotContain("hostPID: false").doesNotContain("Set `hostPID`")
        .contains("| `hostPID: true`<br>")
        .contains("Remove `bpf-netlog`, `ebpf-net` from `ENV_DEFAULT_ENABLED_INPUTS`")
        .contains("`hostPath: /sys/kernel/debug`");
  }

  @Test
  void seedRowHostNetworkMetrics_hostNetworkStaysForOtherFeatures() {
    assertThat(recommendation("Host Network Metrics"))
        .contains("| `hostNetwork: true`")
        .doesNotContain("hostPort");
  }

  @Test
  void seedRowReceivers_removesTheHostPorts() {
    assertThat(recommendation("Receive Data on the Node"))
        .contains("Remove the port `4317/TCP` with its `hostPort`", "the port `8125/UDP` with its `hostPort`",
            "the port `9529/TCP` with its `hostPort`")
        .doesNotContain("hostNetwork");
  }
}
