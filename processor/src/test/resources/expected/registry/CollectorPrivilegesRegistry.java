package test;

import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * The collectors of this module and their requirements, as written in
 * {@code META-INF/dev.privileges/collectors/}. Load it with {@link ServiceLoader}.
 */
@Generated("dev.privileges.processor.CollectorProcessor")
public final class CollectorPrivilegesRegistry implements CollectorRegistry {
  private static final List<CollectorDescriptor> COLLECTORS = List.of(
    collector0(),
    collector1(),
    collector2());

  /**
   * Creates the registry; {@link java.util.ServiceLoader} calls this.
   */
  public CollectorPrivilegesRegistry() {
  }

  @Override
  public List<CollectorDescriptor> collectors() {
    return COLLECTORS;
  }

  private static CollectorDescriptor collector0() {
    // collector "host_processes"
    return new CollectorDescriptor(
            "host_processes",
            "Host Process Metrics",
            "Per-process metrics.",
            "test.HostProcesses",
            "",
            List.of(
              new RequirementDescriptor(
                  "capabilities",
                  Map.ofEntries(
                    Map.entry("capability", "SYS_PTRACE")),
                  "Reads other processes' /proc entries.",
                  "test.BaseCollector"),
              new RequirementDescriptor(
                  "hostPaths",
                  Map.ofEntries(
                    Map.entry("env", "HOST_PROC"),
                    Map.entry("mountPath", "/rootfs/proc"),
                    Map.entry("path", "/proc"),
                    Map.entry("propagation", "NONE"),
                    Map.entry("readOnly", "true"),
                    Map.entry("type", "DIRECTORY")),
                  "Reads per-process counters.",
                  "test.HostProcesses"),
              new RequirementDescriptor(
                  "hostPaths",
                  Map.ofEntries(
                    Map.entry("mountPath", "/var/log"),
                    Map.entry("path", "/var/log"),
                    Map.entry("propagation", "NONE"),
                    Map.entry("readOnly", "false"),
                    Map.entry("type", "UNCHECKED")),
                  "Rotates logs.",
                  "test.HostProcesses"),
              new RequirementDescriptor(
                  "kubernetesApi",
                  Map.ofEntries(
                    Map.entry("apiGroups", ""),
                    Map.entry("resources", "nodes,pods"),
                    Map.entry("verbs", "get,list,watch")),
                  "Adds pod labels to processes.",
                  "test.HostProcesses"),
              new RequirementDescriptor(
                  "privileges",
                  Map.ofEntries(
                    Map.entry("privilege", "HOST_PID")),
                  "Reads \"quoted\" C:\\path\\ # not a comment | pipe\n"
                      + "<b>html</b> & ünïcödé 中文 \\u00e9 */ end",
                  "test.HostProcesses")));
  }

  private static CollectorDescriptor collector1() {
    // collector "self"
    return new CollectorDescriptor(
            "self",
            "Agent Self Metrics",
            "",
            "test.Self",
            "Reads the agent's own statistics.",
            List.of());
  }

  private static CollectorDescriptor collector2() {
    // collector "statsd"
    return new CollectorDescriptor(
            "statsd",
            "Receive Data on the Node",
            "",
            "test.Statsd",
            "",
            List.of(
              new RequirementDescriptor(
                  "ports",
                  Map.ofEntries(
                    Map.entry("name", "statsd"),
                    Map.entry("number", "8125"),
                    Map.entry("protocol", "UDP"),
                    Map.entry("reachableAtNodeIp", "true")),
                  "Receives StatsD metrics from applications on the node.",
                  "test.Statsd"),
              new RequirementDescriptor(
                  "writablePaths",
                  Map.ofEntries(
                    Map.entry("keepAcrossRestarts", "false"),
                    Map.entry("path", "/tmp/statsd")),
                  "Buffers metrics.",
                  "test.Statsd")));
  }
}
