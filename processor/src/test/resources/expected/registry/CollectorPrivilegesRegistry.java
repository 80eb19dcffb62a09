package test;

import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * The collectors of this module and their requirements, as written in
 * {@code META-INF/dev.privileges/collectors/}. Load it with {@link ServiceLoader}.
 */
@Generated("dev.privileges.processor.CollectorProcessor")
public final class CollectorPrivilegesRegistry implements CollectorRegistry {
  private static final CollectorDescriptor[] ALL = {
    collector0(),
    collector1(),
    collector2()
  };

  private static final List<CollectorDescriptor> COLLECTORS = List.of(ALL);

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
    return CollectorDescriptor.of(
            "host_processes",
            "Host Process Metrics",
            "Per-process metrics.",
            "test.HostProcesses",
            "",
              RequirementDescriptor.of(
                  "capabilities",
                  "Reads other processes' /proc entries.",
                  "test.BaseCollector",
                  "capability", "SYS_PTRACE"),
              RequirementDescriptor.of(
                  "hostPaths",
                  "Reads per-process counters.",
                  "test.HostProcesses",
                  "env", "HOST_PROC",
                  "mountPath", "/rootfs/proc",
                  "path", "/proc",
                  "propagation", "NONE",
                  "readOnly", "true",
                  "type", "DIRECTORY"),
              RequirementDescriptor.of(
                  "hostPaths",
                  "Rotates logs.",
                  "test.HostProcesses",
                  "mountPath", "/var/log",
                  "path", "/var/log",
                  "propagation", "NONE",
                  "readOnly", "false",
                  "type", "UNCHECKED"),
              RequirementDescriptor.of(
                  "kubernetesApi",
                  "Adds pod labels to processes.",
                  "test.HostProcesses",
                  "apiGroups", "",
                  "resources", "nodes,pods",
                  "verbs", "get,list,watch"),
              RequirementDescriptor.of(
                  "privileges",
                  "Reads \"quoted\" C:\\path\\ # not a comment | pipe\n"
                      + "<b>html</b> & ünïcödé 中文 \\u00e9 */ end",
                  "test.HostProcesses",
                  "privilege", "HOST_PID"));
  }

  private static CollectorDescriptor collector1() {
    // collector "self"
    return CollectorDescriptor.of(
            "self",
            "Agent Self Metrics",
            "",
            "test.Self",
            "Reads the agent's own statistics.");
  }

  private static CollectorDescriptor collector2() {
    // collector "statsd"
    return CollectorDescriptor.of(
            "statsd",
            "Receive Data on the Node",
            "",
            "test.Statsd",
            "",
              RequirementDescriptor.of(
                  "ports",
                  "Receives StatsD metrics from applications on the node.",
                  "test.Statsd",
                  "name", "statsd",
                  "number", "8125",
                  "protocol", "UDP",
                  "reachableAtNodeIp", "true"),
              RequirementDescriptor.of(
                  "writablePaths",
                  "Buffers metrics.",
                  "test.Statsd",
                  "keepAcrossRestarts", "false",
                  "path", "/tmp/statsd"));
  }
}
