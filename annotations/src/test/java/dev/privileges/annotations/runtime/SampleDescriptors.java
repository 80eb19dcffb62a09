package dev.privileges.annotations.runtime;

/** Collectors in the registry's generic form, as the processor writes them (attribute by attribute). */
final class SampleDescriptors {

  static final String BASE = "dev.example.ProcessCollectorBase";
  static final String PROCS = "dev.example.HostProcessesCollector";

  private SampleDescriptors() {}

  /** A collector with one requirement of every kind, the same host path declared twice. */
  static CollectorDescriptor hostProcesses() {
    return CollectorDescriptor.of("host_processes", "Host Process Metrics", "Per-process metrics.", PROCS, "",
        RequirementDescriptor.of("privileges", "Lists the node's processes.", PROCS, "privilege", "HOST_PID"),
        RequirementDescriptor.of("capabilities", "Reads other processes' /proc entries.", BASE,
            "capability", "SYS_PTRACE"),
        RequirementDescriptor.of("capabilities", "Loads eBPF programs.", PROCS,
            "capability", "BPF", "fromKernel", "5.8"),
        RequirementDescriptor.of("capabilities", "Loads eBPF programs on old kernels.", PROCS,
            "capability", "SYS_ADMIN", "beforeKernel", "5.8"),
        RequirementDescriptor.of("hostPaths", "Reads per-process counters.", PROCS, "env", "HOST_PROC",
            "mountPath", "/rootfs/proc", "path", "/proc", "propagation", "NONE", "readOnly", "true",
            "type", "DIRECTORY"),
        RequirementDescriptor.of("hostPaths", "Reads per-process counters.", PROCS, "env", "HOST_PROC",
            "mountPath", "/rootfs/proc", "path", "/proc", "propagation", "NONE", "readOnly", "true",
            "type", "DIRECTORY"),
        RequirementDescriptor.of("ports", "Serves its own metrics.", PROCS, "name", "metrics",
            "number", "9529", "protocol", "TCP", "reachableAtNodeIp", "false"),
        RequirementDescriptor.of("writablePaths", "Caches process names.", PROCS,
            "keepAcrossRestarts", "false", "path", "/var/cache/procs"),
        RequirementDescriptor.of("kubernetesApi", "Adds pod labels to processes.", PROCS,
            "apiGroups", "", "resources", "nodes,pods", "verbs", "get,list,watch"),
        RequirementDescriptor.of("kubernetesApi", "Reads the kubelet's metrics.", PROCS,
            "nonResourceUrls", "/metrics", "verbs", "get"),
        RequirementDescriptor.of("confinement", "Uses perf_event_open.", PROCS,
            "confinement", "SECCOMP_UNCONFINED"));
  }

  /** A collector that needs nothing. */
  static CollectorDescriptor self() {
    return CollectorDescriptor.of("self", "Agent Self Metrics", "", "dev.example.SelfCollector",
        "Reads the agent's own statistics.");
  }

  /** A collector that receives StatsD on the node. */
  static CollectorDescriptor statsd() {
    return CollectorDescriptor.of("statsd", "Receive Data on the Node", "", "dev.example.StatsdCollector", "",
        RequirementDescriptor.of("ports", "Receives StatsD metrics.", "dev.example.StatsdCollector",
            "name", "statsd", "number", "8125", "protocol", "UDP", "reachableAtNodeIp", "true"),
        RequirementDescriptor.of("privileges", "Receives on the node's address.", "dev.example.StatsdCollector",
            "privilege", "HOST_NETWORK"));
  }

  /** The registry text of the collectors. */
  static String text(CollectorDescriptor... collectors) {
    StringBuilder out = new StringBuilder();
    for (CollectorDescriptor c : collectors) {
      out.append(RegistryData.encode(c));
    }
    return out.toString();
  }
}
