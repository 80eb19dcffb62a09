package dev.privileges.engine;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.TestBundles.CollectorBuilder;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.metadata.CollectorMetadata;
import java.util.List;

import static dev.privileges.engine.TestBundles.collector;


/**
 * A DataKit-like bundle modelled on the collector catalogue of the reference notes (twenty
 * collectors: host metrics, container and log collection, Prometheus scraping, node-local
 * receivers, eBPF, remote jobs). The real sample module is built elsewhere; this one only feeds
 * the resolver.
 */
final class SampleLikeBundle {

  private SampleLikeBundle() {}

  static final List<String> HOST_METRICS = List.of("cpu", "mem", "system", "diskio", "net");
  static final List<String> RECEIVERS = List.of("statsd", "opentelemetry", "ddtrace");

  static Bundle all() {
    return TestBundles.bundle(collectors().toArray(CollectorMetadata[]::new));
  }

  static List<CollectorMetadata> collectors() {
    return List.of(
        collector("dk").feature("Agent Self Metrics").nothing().build(),
        proc(collector("cpu").feature("Host Basic Metrics")).build(),
        proc(collector("mem").feature("Host Basic Metrics")).build(),
        proc(collector("system").feature("Host Basic Metrics").privilege(Privilege.HOST_NETWORK))
            .hostPath("/var/run/utmp", "/rootfs/var/run/utmp", true, HostPathType.FILE, MountPropagation.NONE, "")
            .build(),
        collector("disk").feature("Host Disk Metrics").privilege(Privilege.RUN_AS_ROOT)
            .capability("DAC_READ_SEARCH")
            .hostPath("/", "/rootfs", true, HostPathType.UNCHECKED, MountPropagation.HOST_TO_CONTAINER, "HOST_ROOT")
            .build(),
        collector("disk-nsenter").feature("Host Disk Metrics")
            .privilege(Privilege.HOST_PID, Privilege.RUN_AS_ROOT)
            .capability("SYS_ADMIN", "SYS_CHROOT", "SYS_PTRACE").build(),
        proc(collector("diskio").feature("Host Disk Metrics"))
            .hostPath("/run/udev/data", "/rootfs/run/udev/data", true, HostPathType.DIRECTORY, MountPropagation.NONE, "")
            .hostPath("/sys", "/rootfs/sys", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_SYS")
            .build(),
        proc(collector("net").feature("Host Network Metrics").privilege(Privilege.HOST_NETWORK)).build(),
        proc(collector("host_processes").feature("Host Process Metrics")
            .privilege(Privilege.HOST_PID, Privilege.RUN_AS_ROOT).capability("SYS_PTRACE", "DAC_READ_SEARCH"))
            .build(),
        proc(collector("hostobject").feature("Host Object").privilege(Privilege.HOST_NETWORK))
            .hostPath("/sys", "/rootfs/sys", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_SYS")
            .hostPath("/etc", "/rootfs/etc", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_ETC")
            .hostPath("/", "/rootfs", true, HostPathType.UNCHECKED, MountPropagation.HOST_TO_CONTAINER, "HOST_ROOT")
            .build(),
        collector("container").feature("Container & K8s").privilege(Privilege.RUN_AS_ROOT)
            .hostPath(socket("/var/run/containerd/containerd.sock"))
            .hostPath(socket("/var/run/docker.sock"))
            .hostPath(socket("/var/run/crio/crio.sock"))
            .api("", List.of("nodes", "nodes/stats", "namespaces", "pods", "services", "endpoints",
                "events", "persistentvolumes", "persistentvolumeclaims"), "get", "list", "watch")
            .api("apps", List.of("deployments", "daemonsets", "statefulsets", "replicasets"), "get", "list", "watch")
            .api("batch", List.of("jobs", "cronjobs"), "get", "list", "watch")
            .api("metrics.k8s.io", List.of("pods", "nodes"), "get", "list")
            .build(),
        collector("container-logs").feature("Container Logs").privilege(Privilege.RUN_AS_ROOT)
            .capability("DAC_READ_SEARCH")
            .hostPath("/var/log/pods", "/var/log/pods", true)
            .hostPath("/var/lib/docker/containers", "/var/lib/docker/containers", true)
            .hostPath("/var/lib/containerd/container_logs", "/var/lib/containerd/container_logs", true)
            .writable("/usr/local/datakit/cache", "/var/lib/datakit/cache")
            .api("", List.of("pods"), "get", "list", "watch")
            .api("logging.datakits.io", List.of("clusterloggingconfigs"), "get", "list", "watch")
            .build(),
        collector("kubernetesprometheus").feature("Prometheus Scrape")
            .api("", List.of("pods", "services", "endpoints", "nodes"), "get", "list", "watch").build(),
        collector("prom-operator").feature("Prometheus Scrape")
            .api("monitoring.coreos.com", List.of("podmonitors", "servicemonitors"), "get", "list", "watch")
            .apiUrl("/metrics", "get").build(),
        collector("statsd").feature("Receive data on the node").port(8125, Protocol.UDP, "statsd", true).build(),
        collector("opentelemetry").feature("Receive data on the node")
            .port(4317, Protocol.TCP, "otlp-grpc", true).port(9529, Protocol.TCP, "http-api", true)
            .writable("/usr/local/datakit/cache", "").build(),
        collector("ddtrace").feature("Receive data on the node").port(9529, Protocol.TCP, "http-api", true)
            .writable("/usr/local/datakit/cache", "").build(),
        ebpfNet().build(),
        proc(collector("bpf-netlog").feature("eBPF Monitoring")
            .privilege(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.RUN_AS_ROOT)
            .capabilitiesInKernels("5.8", "", "BPF")
            .capability("NET_RAW", "SYS_ADMIN", "SYS_PTRACE")
            .capabilitiesInKernels("", "5.11", "SYS_RESOURCE"))
            .hostPath("/var/run", "/rootfs/var/run", true, HostPathType.DIRECTORY, MountPropagation.NONE, "")
            .api("", List.of("pods", "services", "namespaces"), "get", "list", "watch")
            .build(),
        collector("jvm-dump").feature("Remote Jobs").writable("/tmp", "")
            .api("", List.of("pods"), "get", "list").api("", List.of("pods/exec"), "create", "get")
            .build());
  }

  /** The eBPF network collector: BPF and PERFMON from 5.8, SYS_ADMIN before, SYS_RESOURCE before 5.11. */
  static CollectorBuilder ebpfNet() {
    return proc(collector("ebpf-net").feature("eBPF Monitoring")
        .privilege(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.RUN_AS_ROOT)
        .capabilitiesInKernels("5.8", "", "BPF", "PERFMON")
        .capabilitiesInKernels("", "5.8", "SYS_ADMIN")
        .capabilitiesInKernels("", "5.11", "SYS_RESOURCE")
        .capability("NET_RAW", "SYS_PTRACE"))
        .hostPath("/sys/kernel/debug", "/sys/kernel/debug", false, HostPathType.DIRECTORY, MountPropagation.NONE, "")
        .api("", List.of("pods", "services", "namespaces"), "get", "list", "watch")
        .api("apps", List.of("deployments", "statefulsets", "daemonsets", "replicasets"), "get", "list", "watch")
        .api("batch", List.of("jobs", "cronjobs"), "get", "list", "watch");
  }

  private static CollectorBuilder proc(CollectorBuilder b) {
    return b.hostPath("/proc", "/rootfs/proc", true, HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_PROC");
  }

  private static dev.privileges.metadata.HostPathRequirement socket(String path) {
    return new dev.privileges.metadata.HostPathRequirement(path, path, true, HostPathType.SOCKET,
        MountPropagation.NONE, "", "container reads the runtime's inventory through " + path + ".",
        "test.container");
  }
}
