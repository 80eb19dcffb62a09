package dev.privileges.engine;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.metadata.HostPathRequirement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;


/** The bundles whose statements are golden files, modelled on DataKit's inputs. */
final class StatementBundles {

  private StatementBundles() {}

  static final GenerationOptions OPTIONS = GenerationOptions.builder()
      .name("node-agent").namespace("monitoring").image("example/node-agent:1.0").productName("Node Agent").build();

  /** Every bundle by golden file name. */
  static Map<String, Bundle> all() {
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

  private static HostPathRequirement proc(String collector) {
    return new HostPathRequirement("/proc", "/rootfs/proc", true, HostPathType.DIRECTORY, MountPropagation.NONE,
        "HOST_PROC", collector + " reads host-wide counters under /proc.", "test." + collector.replace('-', '_'));
  }

  static dev.privileges.metadata.CollectorMetadata dk() {
    return collector("dk").feature("Agent Self Metrics").nothing().build();
  }

  static dev.privileges.metadata.CollectorMetadata cpu() {
    return collector("cpu").feature("Host Basic Metrics").hostPath(proc("cpu")).build();
  }

  static dev.privileges.metadata.CollectorMetadata mem() {
    return collector("mem").feature("Host Basic Metrics").hostPath(proc("mem")).build();
  }

  static dev.privileges.metadata.CollectorMetadata system() {
    return collector("system").feature("Host Basic Metrics").privilege(Privilege.HOST_NETWORK)
        .hostPath(proc("system")).hostPath("/var/run/utmp", "/rootfs/var/run/utmp", true).build();
  }

  static dev.privileges.metadata.CollectorMetadata disk() {
    return collector("disk").feature("Host Disk Metrics").capability("DAC_READ_SEARCH")
        .hostPath(new HostPathRequirement("/", "/rootfs", true, HostPathType.DIRECTORY,
            MountPropagation.HOST_TO_CONTAINER, "HOST_ROOT", "disk calls statfs() on the node's mount points.",
            "test.disk"))
        .build();
  }

  static dev.privileges.metadata.CollectorMetadata diskio() {
    return collector("diskio").feature("Host Disk Metrics").hostPath(proc("diskio"))
        .hostPath("/run/udev/data", "/rootfs/run/udev/data", true).hostPath("/sys", "/rootfs/sys", true).build();
  }

  static dev.privileges.metadata.CollectorMetadata net() {
    return collector("net").feature("Host Network Metrics").privilege(Privilege.HOST_NETWORK)
        .hostPath(proc("net")).build();
  }

  static dev.privileges.metadata.CollectorMetadata hostProcesses() {
    return collector("host_processes").feature("Host Process Metrics").privilege(Privilege.HOST_PID)
        .capability("SYS_PTRACE", "DAC_READ_SEARCH").hostPath(proc("host_processes")).build();
  }

  static dev.privileges.metadata.CollectorMetadata hostobject() {
    return collector("hostobject").feature("Host Object").privilege(Privilege.HOST_NETWORK)
        .hostPath(proc("hostobject")).hostPath("/etc", "/rootfs/etc", true).build();
  }

  static dev.privileges.metadata.CollectorMetadata container() {
    return collector("container").feature("Containers and Kubernetes")
        .hostPath(new HostPathRequirement("/var/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
            true, HostPathType.SOCKET, MountPropagation.NONE, "", "container lists containers through the CRI socket.",
            "test.container"))
        .api("", List.of("namespaces", "nodes", "nodes/stats", "pods", "services"), "get", "list", "watch")
        .api("apps", List.of("daemonsets", "deployments"), "get", "list", "watch")
        .api("metrics.k8s.io", List.of("nodes", "pods"), "get", "list")
        .build();
  }

  static dev.privileges.metadata.CollectorMetadata containerLogs() {
    return collector("container-logs").feature("Container Logs").capability("DAC_READ_SEARCH")
        .hostPath("/var/log/pods", "/rootfs/var/log/pods", true)
        .writable("/usr/local/datakit/cache", "")
        .api("", List.of("pods"), "get", "list", "watch")
        .build();
  }

  static dev.privileges.metadata.CollectorMetadata kubernetesPrometheus() {
    return collector("kubernetesprometheus").feature("Prometheus Scrape")
        .api("", List.of("endpoints", "nodes", "pods", "services"), "get", "list", "watch").build();
  }

  static dev.privileges.metadata.CollectorMetadata promOperator() {
    return collector("prom-operator").feature("Prometheus Scrape")
        .api("monitoring.coreos.com", List.of("podmonitors", "servicemonitors"), "get", "list", "watch")
        .apiUrl("/metrics", "get").build();
  }

  static dev.privileges.metadata.CollectorMetadata statsd() {
    return collector("statsd").feature("Receive Data on the Node").port(8125, Protocol.UDP, "statsd", true).build();
  }

  static dev.privileges.metadata.CollectorMetadata opentelemetry() {
    return collector("opentelemetry").feature("Receive Data on the Node").port(4317, Protocol.TCP, "otlp-grpc", true)
        .port(9529, Protocol.TCP, "http", true).writable("/usr/local/datakit/cache", "").build();
  }

  static dev.privileges.metadata.CollectorMetadata ddtrace() {
    return collector("ddtrace").feature("Receive Data on the Node").port(9529, Protocol.TCP, "http", true)
        .writable("/usr/local/datakit/cache", "").build();
  }

  static dev.privileges.metadata.CollectorMetadata ebpfNet() {
    return collector("ebpf-net").feature("eBPF Monitoring").privilege(Privilege.HOST_PID, Privilege.HOST_NETWORK)
        .capability("BPF", "PERFMON", "NET_RAW", "SYS_RESOURCE", "SYS_PTRACE")
        .hostPath("/sys/kernel/debug", "/sys/kernel/debug", false).hostPath(proc("ebpf-net"))
        .api("", List.of("namespaces", "pods", "services"), "get", "list", "watch")
        .api("apps", List.of("daemonsets", "deployments"), "get", "list", "watch")
        .build();
  }

  static dev.privileges.metadata.CollectorMetadata bpfNetlog() {
    return collector("bpf-netlog").feature("eBPF Monitoring").privilege(Privilege.HOST_PID, Privilege.HOST_NETWORK)
        .capability("BPF", "NET_RAW", "SYS_ADMIN", "SYS_PTRACE", "SYS_RESOURCE")
        .hostPath("/var/run", "/rootfs/var/run", true).hostPath(proc("bpf-netlog")).build();
  }

  static dev.privileges.metadata.CollectorMetadata jvmDump() {
    return collector("jvm-dump").feature("Remote Jobs").writable("/tmp", "")
        .api("", List.of("pods"), "get", "list").api("", List.of("pods/exec"), "create", "get").build();
  }
}
