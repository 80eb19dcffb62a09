package dev.privileges.engine;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.TestBundles.CollectorBuilder;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.KernelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;


/**
 * Seeded random bundles and options for property tests. Requirements are drawn from small pools
 * so that collectors share host paths, ports, capabilities and API rules (what merging must get
 * right), and are always mergeable (a pool entry fixes mount path, type, port name), so every
 * generated case must resolve.
 */
public final class RandomBundles {

  public record Case(long seed, Bundle bundle, GenerationOptions options) {}

  private record Cap(String name, String from, String before) {}

  private record HostPath(String path, String mountPath, HostPathType type, MountPropagation propagation, String env) {}

  private record Port(int number, Protocol protocol, String name) {}

  private static final List<Cap> CAPS = List.of(new Cap("NET_RAW", "", ""), new Cap("SYS_PTRACE", "", ""),
      new Cap("DAC_READ_SEARCH", "", ""), new Cap("BPF", "5.8", ""), new Cap("PERFMON", "5.8", ""),
      new Cap("SYS_ADMIN", "", "5.8"), new Cap("SYS_RESOURCE", "", "5.11"), new Cap("SYS_ADMIN", "", ""),
      new Cap("CHOWN", "", ""), new Cap("NET_BIND_SERVICE", "", ""), new Cap("CHECKPOINT_RESTORE", "5.9", ""));
  private static final List<HostPath> HOST_PATHS = List.of(
      new HostPath("/proc", "/rootfs/proc", HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_PROC"),
      new HostPath("/sys", "/rootfs/sys", HostPathType.DIRECTORY, MountPropagation.NONE, "HOST_SYS"),
      new HostPath("/", "/rootfs", HostPathType.UNCHECKED, MountPropagation.HOST_TO_CONTAINER, "HOST_ROOT"),
      new HostPath("/var/log", "/var/log", HostPathType.DIRECTORY, MountPropagation.NONE, ""),
      new HostPath("/var/run/docker.sock", "/var/run/docker.sock", HostPathType.SOCKET, MountPropagation.NONE, ""),
      new HostPath("/var/run", "/host/var/run", HostPathType.UNCHECKED, MountPropagation.NONE, ""),
      new HostPath("/var-run", "/host/var-run", HostPathType.UNCHECKED, MountPropagation.NONE, ""),
      new HostPath("/var/lib/kubelet/plugins/kubernetes.io/csi/pv/a-rather-long-volume-handle/globalmount",
          "/csi", HostPathType.UNCHECKED, MountPropagation.HOST_TO_CONTAINER, ""));
  private static final HostPath BIDIRECTIONAL = new HostPath("/var/lib/agent/mounts", "/var/lib/agent/mounts",
      HostPathType.DIRECTORY_OR_CREATE, MountPropagation.BIDIRECTIONAL, "");
  private static final List<Port> PORTS = List.of(new Port(8125, Protocol.UDP, "statsd"),
      new Port(8125, Protocol.TCP, "statsd-tcp"), new Port(9529, Protocol.TCP, "http-api"),
      new Port(4317, Protocol.TCP, "otlp-grpc"), new Port(9100, Protocol.TCP, "metrics"));
  private static final List<String> WRITABLE = List.of("/usr/local/agent/cache", "/tmp", "/usr/local/agent/plugins");
  private static final List<String> KERNELS = List.of("4.19", "5.8", "5.11");

  private RandomBundles() {}

  public static Case generate(long seed) {
    Random random = new Random(seed);
    int count = 1 + random.nextInt(6);
    List<CollectorMetadata> collectors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      collectors.add(collector(random, "c" + i));
    }
    List<String> enabled = new ArrayList<>();
    if (random.nextBoolean()) {
      collectors.forEach(c -> {
        if (random.nextInt(3) > 0) {
          enabled.add(c.name());
        }
      });
    }
    GenerationOptions options = GenerationOptions.builder()
        .enabledCollectors(enabled)
        .portExposure(random.nextBoolean() ? PortExposure.HOST_PORT : PortExposure.SERVICE)
        .oldestKernel(KernelVersion.parse(KERNELS.get(random.nextInt(KERNELS.size()))))
        .privilegedInsteadOfCapabilities(random.nextInt(4) == 0)
        .namespaceObject(random.nextBoolean())
        .build();
    return new Case(seed, TestBundles.bundle(collectors.toArray(CollectorMetadata[]::new)), options);
  }

  private static CollectorMetadata collector(Random random, String name) {
    CollectorBuilder b = TestBundles.collector(name).feature("Feature " + random.nextInt(3));
    boolean any = false;
    if (random.nextInt(8) == 0) {
      // A mount-sharing collector: Bidirectional needs privileged, so it declares no capability.
      // A device needs privileged too (the device cgroup); privileged covers others' capabilities.
      HostPath h = BIDIRECTIONAL;
      b.privilege(Privilege.PRIVILEGED).hostPath(h.path(), h.mountPath(), false, h.type(), h.propagation(), h.env());
      if (random.nextBoolean()) {
        b.hostPath("/dev/kmsg", "/dev/kmsg", true, HostPathType.CHAR_DEVICE, MountPropagation.NONE, "");
      }
      return b.build();
    }
    if (random.nextInt(10) == 0) {
      // A receiver: one port senders reach at the node, and nothing else, so that a hostPort can
      // be all that holds the pods at the privileged level.
      Port p = PORTS.get(random.nextInt(PORTS.size()));
      return b.port(p.number(), p.protocol(), p.name(), true).build();
    }
    for (Privilege p : Privilege.values()) {
      if (random.nextInt(p == Privilege.PRIVILEGED ? 10 : 5) == 0) {
        b.privilege(p);
        any = true;
      }
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      Cap c = CAPS.get(random.nextInt(CAPS.size()));
      b.capabilityInKernels(c.name(), c.from(), c.before());
      any = true;
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      HostPath h = HOST_PATHS.get(random.nextInt(HOST_PATHS.size()));
      b.hostPath(h.path(), h.mountPath(), random.nextInt(3) > 0, h.type(), h.propagation(), h.env());
      any = true;
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      Port p = PORTS.get(random.nextInt(PORTS.size()));
      b.port(p.number(), p.protocol(), p.name(), random.nextBoolean());
      any = true;
    }
    if (random.nextInt(3) == 0) {
      int w = random.nextInt(WRITABLE.size());
      // Two of the paths can be kept on the node, so the init container can own more than one.
      b.writable(WRITABLE.get(w), w != 1 && random.nextBoolean() ? (w == 0 ? "/var/lib/agent/cache" : "/var/lib/agent/plugins") : "");
      any = true;
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      switch (random.nextInt(7)) {
        case 0 -> b.api("", List.of("pods"), "get", "list", "watch");
        case 1 -> b.api("", List.of("nodes", "nodes/stats"), "get");
        case 2 -> b.api("apps", List.of("daemonsets", "deployments"), "list");
        case 3 -> b.api("", List.of("pods"), "*");
        case 4 -> b.apiUrl("/metrics", "get");
        case 5 -> b.apiUrl("/healthz", "get", "head");
        // /healthz with fewer verbs: without the collectors that add head, it joins /metrics in one rule.
        default -> b.apiUrl("/healthz", "get");
      }
      any = true;
    }
    if (random.nextInt(10) == 0) {
      b.confinement(random.nextBoolean() ? Confinement.SECCOMP_UNCONFINED : Confinement.APPARMOR_UNCONFINED);
      any = true;
    }
    return any ? b.build() : b.nothing().build();
  }
}
