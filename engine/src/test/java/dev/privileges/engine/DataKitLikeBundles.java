package dev.privileges.engine;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.HostPathRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;


/**
 * The one catalogue of DataKit-like test bundles. Each collector is declared once, after the
 * sample collector catalogue of the DataKit research notes ({@code shared/reference/datakit-facts.md}
 * §5: twenty inputs with their feature group, pod-level privileges, capabilities, host paths,
 * ports, root, writable paths and API rules; eBPF capabilities by kernel as in §2.3). Feature
 * names are those of the {@code sample-collector} module, which the notes' short group labels
 * ("Container &amp; K8s") only abbreviate. The named bundles are subsets of these collectors:
 * <ul>
 *   <li>{@link #all()}: all twenty, the resolver's whole sample; the DaemonSet golden files
 *       ({@code GoldenDaemonSetTest}, with {@link #HOST_METRICS}, {@link #RECEIVERS}, {@code dk} or
 *       {@code ebpf-net} enabled), the output, container and Pod Security Standards rule tests;</li>
 *   <li>{@link #statementGoldens()}: the five bundles whose statement, report and diagram are
 *       golden files under {@code golden/statement/}, rendered with {@link #STATEMENT_OPTIONS}; the
 *       statement tests use them too;</li>
 *   <li>{@link #datakitLike()} (every collector but {@code disk-nsenter}, the alternative to
 *       {@code disk}'s mount of {@code /}): also the Helm chart's golden files and tests.</li>
 * </ul>
 * The real sample module is built elsewhere; these only feed the engine.
 */
final class DataKitLikeBundles {

  private DataKitLikeBundles() {}

  /** The options of the statement golden files. */
  static final GenerationOptions STATEMENT_OPTIONS = GenerationOptions.builder()
      .name("node-agent").namespace("monitoring").image("example/node-agent:1.0").productName("Node Agent").build();

  /**
   * Collectors enabled over {@link #all()} for the host-metrics DaemonSet golden file; unlike
   * {@link #hostMetrics()} it has {@code diskio} and not {@code dk}, as that golden file always had.
   */
  static final List<String> HOST_METRICS = List.of("cpu", "mem", "system", "diskio", "net");
  static final List<String> RECEIVERS = List.of("statsd", "opentelemetry", "ddtrace");

  /** All twenty collectors. */
  static Bundle all() {
    return bundle(dk(), cpu(), mem(), system(), disk(), diskNsenter(), diskio(), net(), hostProcesses(), hostobject(),
        container(), containerLogs(), kubernetesPrometheus(), promOperator(), statsd(), opentelemetry(), ddtrace(),
        ebpfNet(), bpfNetlog(), jvmDump());
  }

  /** The bundles whose statements are golden files, by golden file name. */
  static Map<String, Bundle> statementGoldens() {
    Map<String, Bundle> out = new TreeMap<>();
    out.put("nothing-needed", nothingNeeded());
    out.put("host-metrics", hostMetrics());
    out.put("receivers", receivers());
    out.put("ebpf-host-processes", ebpfAndHostProcesses());
    out.put("datakit-like", datakitLike());
    return out;
  }

  static Bundle nothingNeeded() {
    return bundle(dk());
  }

  static Bundle hostMetrics() {
    return bundle(dk(), cpu(), mem(), system(), net());
  }

  static Bundle receivers() {
    return bundle(statsd(), opentelemetry(), ddtrace());
  }

  static Bundle ebpfAndHostProcesses() {
    return bundle(hostProcesses(), ebpfNet(), cpu());
  }

  static Bundle datakitLike() {
    return bundle(dk(), cpu(), mem(), system(), disk(), diskio(), net(), hostProcesses(), hostobject(),
        container(), containerLogs(), kubernetesPrometheus(), promOperator(), statsd(), opentelemetry(),
        ddtrace(), ebpfNet(), bpfNetlog(), jvmDump());
  }

  static CollectorMetadata dk() {
    return collector("dk").feature("Agent Self Metrics").nothing().build();
  }

  static CollectorMetadata cpu() {
    return collector("cpu").feature("Host Basic Metrics").hostPath(proc("cpu")).build();
  }

  static CollectorMetadata mem() {
    return collector("mem").feature("Host Basic Metrics").hostPath(proc("mem")).build();
  }

  static CollectorMetadata system() {
    return collector("system").feature("Host Basic Metrics").privilege(Privilege.HOST_NETWORK)
        .hostPath(proc("system"))
        .hostPath("/var/run/utmp", "/rootfs/var/run/utmp", true, HostPathType.FILE, MountPropagation.NONE, "")
        .build();
  }

  static CollectorMetadata disk() {
    return collector("disk").feature("Host Disk Metrics").privilege(Privilege.RUN_AS_ROOT)
        .capability("DAC_READ_SEARCH")
        .hostPath(new HostPathRequirement("/", "/rootfs", true, HostPathType.UNCHECKED,
            MountPropagation.HOST_TO_CONTAINER, "HOST_ROOT", "disk calls statfs() on the node's mount points.",
            "test.disk"))
        .build();
  }

  static CollectorMetadata diskNsenter() {
    return collector("disk-nsenter").feature("Host Disk Metrics")
        .privilege(Privilege.HOST_PID, Privilege.RUN_AS_ROOT)
        .capability("SYS_ADMIN", "SYS_CHROOT", "SYS_PTRACE").build();
  }

  static CollectorMetadata diskio() {
    return collector("diskio").feature("Host Disk Metrics").hostPath(proc("diskio"))
        .hostPath("/run/udev/data", "/rootfs/run/udev/data", true, HostPathType.DIRECTORY, MountPropagation.NONE, "")
        .hostPath("/sys", "/rootfs/sys", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_SYS")
        .build();
  }

  static CollectorMetadata net() {
    return collector("net").feature("Host Network Metrics").privilege(Privilege.HOST_NETWORK)
        .hostPath(proc("net")).build();
  }

  static CollectorMetadata hostProcesses() {
    return collector("host_processes").feature("Host Process Metrics").hostPath(proc("host_processes"))
        .privilege(Privilege.HOST_PID, Privilege.RUN_AS_ROOT).capability("SYS_PTRACE", "DAC_READ_SEARCH")
        .build();
  }

  static CollectorMetadata hostobject() {
    return collector("hostobject").feature("Host Object").privilege(Privilege.HOST_NETWORK)
        .hostPath(proc("hostobject"))
        .hostPath("/sys", "/rootfs/sys", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_SYS")
        .hostPath("/etc", "/rootfs/etc", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_ETC")
        .hostPath("/", "/rootfs", true, HostPathType.UNCHECKED, MountPropagation.HOST_TO_CONTAINER, "HOST_ROOT")
        .build();
  }

  static CollectorMetadata container() {
    return collector("container").feature("Containers and Kubernetes").privilege(Privilege.RUN_AS_ROOT)
        .hostPath(socket("/var/run/containerd/containerd.sock"))
        .hostPath(socket("/var/run/docker.sock"))
        .hostPath(socket("/var/run/crio/crio.sock"))
        .api("", List.of("nodes", "nodes/stats", "namespaces", "pods", "services", "endpoints",
            "events", "persistentvolumes", "persistentvolumeclaims"), "get", "list", "watch")
        .api("apps", List.of("deployments", "daemonsets", "statefulsets", "replicasets"), "get", "list", "watch")
        .api("batch", List.of("jobs", "cronjobs"), "get", "list", "watch")
        .api("metrics.k8s.io", List.of("pods", "nodes"), "get", "list")
        .build();
  }

  static CollectorMetadata containerLogs() {
    return collector("container-logs").feature("Container Logs").privilege(Privilege.RUN_AS_ROOT)
        .capability("DAC_READ_SEARCH")
        .hostPath("/var/log/pods", "/var/log/pods", true)
        .hostPath("/var/lib/docker/containers", "/var/lib/docker/containers", true)
        .hostPath("/var/lib/containerd/container_logs", "/var/lib/containerd/container_logs", true)
        .writable("/usr/local/datakit/cache", "/var/lib/datakit/cache")
        .api("", List.of("pods"), "get", "list", "watch")
        .api("logging.datakits.io", List.of("clusterloggingconfigs"), "get", "list", "watch")
        .build();
  }

  static CollectorMetadata kubernetesPrometheus() {
    return collector("kubernetesprometheus").feature("Prometheus Scrape")
        .api("", List.of("endpoints", "nodes", "pods", "services"), "get", "list", "watch").build();
  }

  static CollectorMetadata promOperator() {
    return collector("prom-operator").feature("Prometheus Scrape")
        .api("monitoring.coreos.com", List.of("podmonitors", "servicemonitors"), "get", "list", "watch")
        .apiUrl("/metrics", "get").build();
  }

  static CollectorMetadata statsd() {
    return collector("statsd").feature("Receive Data on the Node").port(8125, Protocol.UDP, "statsd", true).build();
  }

  static CollectorMetadata opentelemetry() {
    return collector("opentelemetry").feature("Receive Data on the Node")
        .port(4317, Protocol.TCP, "otlp-grpc", true).port(9529, Protocol.TCP, "http-api", true)
        .writable("/usr/local/datakit/cache", "").build();
  }

  static CollectorMetadata ddtrace() {
    return collector("ddtrace").feature("Receive Data on the Node").port(9529, Protocol.TCP, "http-api", true)
        .writable("/usr/local/datakit/cache", "").build();
  }

  /** BPF and PERFMON from kernel 5.8, SYS_ADMIN before, SYS_RESOURCE before 5.11 (memlock). */
  static CollectorMetadata ebpfNet() {
    return collector("ebpf-net").feature("eBPF Monitoring").hostPath(proc("ebpf-net"))
        .privilege(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.RUN_AS_ROOT)
        .capabilitiesInKernels("5.8", "", "BPF", "PERFMON")
        .capabilitiesInKernels("", "5.8", "SYS_ADMIN")
        .capabilitiesInKernels("", "5.11", "SYS_RESOURCE")
        .capability("NET_RAW", "SYS_PTRACE")
        .hostPath("/sys/kernel/debug", "/sys/kernel/debug", false, HostPathType.DIRECTORY, MountPropagation.NONE, "")
        .api("", List.of("pods", "services", "namespaces"), "get", "list", "watch")
        .api("apps", List.of("deployments", "statefulsets", "daemonsets", "replicasets"), "get", "list", "watch")
        .api("batch", List.of("jobs", "cronjobs"), "get", "list", "watch")
        .build();
  }

  static CollectorMetadata bpfNetlog() {
    return collector("bpf-netlog").feature("eBPF Monitoring").hostPath(proc("bpf-netlog"))
        .privilege(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.RUN_AS_ROOT)
        .capabilitiesInKernels("5.8", "", "BPF")
        .capability("NET_RAW", "SYS_ADMIN", "SYS_PTRACE")
        .capabilitiesInKernels("", "5.11", "SYS_RESOURCE")
        .hostPath("/var/run", "/rootfs/var/run", true, HostPathType.DIRECTORY, MountPropagation.NONE, "")
        .api("", List.of("pods", "services", "namespaces"), "get", "list", "watch")
        .build();
  }

  static CollectorMetadata jvmDump() {
    return collector("jvm-dump").feature("Remote Jobs").writable("/tmp", "")
        .api("", List.of("pods"), "get", "list").api("", List.of("pods/exec"), "create", "get").build();
  }

  /** The host's procfs, read through {@code HOST_PROC} as gopsutil does. */
  private static HostPathRequirement proc(String collector) {
    return new HostPathRequirement("/proc", "/rootfs/proc", true, HostPathType.DIRECTORY, MountPropagation.NONE,
        "HOST_PROC", collector + " reads host-wide counters under /proc.", "test." + collector.replace('-', '_'));
  }

  private static HostPathRequirement socket(String path) {
    return new HostPathRequirement(path, path, true, HostPathType.SOCKET, MountPropagation.NONE, "",
        "container reads the runtime's inventory through " + path + ".", "test.container");
  }
}
