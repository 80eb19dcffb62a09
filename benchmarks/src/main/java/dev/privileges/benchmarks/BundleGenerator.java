package dev.privileges.benchmarks;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, deterministic generator of synthetic collector bundles: N collectors with a mix of
 * requirements shaped like a real node agent's. The same seed and size give the same bundle on
 * every machine and JDK ({@link Random} is specified).
 *
 * <p>The mix (per collector, independently): about 12% declare {@code @RequiresNoPrivileges}; of
 * the rest, 20% extend one of a few base classes that carry shared host paths (the way {@code
 * HostProcCollector} does), 55% mount 1 to 3 host paths, 25% listen on 1 or 2 ports, 20% need
 * capabilities (a third of those kernel-conditional: BPF/PERFMON from 5.8 with SYS_ADMIN before
 * 5.8, SYS_RESOURCE before 5.11), 30% declare privileges (host PID, host network, root,
 * occasionally privileged with replacing capabilities), 20% call the Kubernetes API, 15% write
 * to a directory, 2% lift seccomp. Pools of host paths, ports, API resources and writable paths
 * grow with N, so a bigger bundle also grants more distinct things, and shared items (such as
 * {@code /proc}) collect more dependents.
 *
 * <p>Every generated bundle resolves: items shared by several collectors are declared the same
 * way by each (a path's mount path, type and env variable, a port's name, a writable path's node
 * directory), as the engine requires.
 */
public final class BundleGenerator {

  /** The default seed of every benchmark. */
  public static final long DEFAULT_SEED = 20261126L;

  /** Package of the generated sources and of the classes named in the metadata. */
  public static final String PACKAGE = "bench.collectors";

  /** The interface every generated collector implements, registered with AutoService. */
  public static final String SERVICE_INTERFACE = PACKAGE + ".Input";

  private static final String[] FEATURES = {
    "Host Basic Metrics", "Host Process Metrics", "Container Metrics", "Kubernetes Objects",
    "Log Collection", "Network Monitoring", "eBPF Monitoring", "Receive Data on the Node",
    "Database Monitoring", "Middleware Monitoring", "Security Checks", "Application Tracing",
    "Disk and Filesystem", "Hardware Sensors", "Self Observability"
  };

  /** A node path shared by many collectors, declared the same way by each. */
  private record CommonPath(String path, String mountPath, HostPathType type, String env,
      MountPropagation propagation, String what) {}

  private static final List<CommonPath> COMMON_PATHS = List.of(
      new CommonPath("/proc", "/rootfs/proc", HostPathType.DIRECTORY, "HOST_PROC",
          MountPropagation.NONE, "per-process statistics"),
      new CommonPath("/sys", "/rootfs/sys", HostPathType.DIRECTORY, "HOST_SYS",
          MountPropagation.NONE, "device and cgroup statistics"),
      new CommonPath("/etc", "/rootfs/etc", HostPathType.DIRECTORY, "HOST_ETC",
          MountPropagation.NONE, "the node's OS release and host name"),
      new CommonPath("/var/log", "/rootfs/var/log", HostPathType.DIRECTORY, "HOST_VAR_LOG",
          MountPropagation.NONE, "system log files"),
      new CommonPath("/var/lib/docker/containers", "/var/lib/docker/containers",
          HostPathType.UNCHECKED, "", MountPropagation.HOST_TO_CONTAINER, "container log files"),
      new CommonPath("/var/log/pods", "/var/log/pods", HostPathType.DIRECTORY, "",
          MountPropagation.HOST_TO_CONTAINER, "pod log files"),
      new CommonPath("/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
          HostPathType.SOCKET, "", MountPropagation.NONE, "the container runtime's API"),
      new CommonPath("/sys/kernel/debug", "/sys/kernel/debug", HostPathType.DIRECTORY, "",
          MountPropagation.NONE, "kprobe events through debugfs"),
      new CommonPath("/dev", "/rootfs/dev", HostPathType.DIRECTORY, "HOST_DEV",
          MountPropagation.NONE, "block device statistics"),
      new CommonPath("/run/udev", "/run/udev", HostPathType.DIRECTORY, "",
          MountPropagation.NONE, "device properties from udev"));

  /** A base class (a supertype without {@code @Collector}) with the host paths it declares. */
  private record Base(String simpleName, List<Integer> commonPaths) {}

  private static final List<Base> BASES = List.of(
      new Base("HostProcBase", List.of(0)),
      new Base("HostSysBase", List.of(0, 1)),
      new Base("NodeLogsBase", List.of(3, 2)),
      new Base("ContainerLogsBase", List.of(4, 5)),
      new Base("DeviceBase", List.of(8, 9)));

  /** A capability set a collector declares together, possibly bound to kernel versions. */
  private record CapabilityGroup(String[] capabilities, String fromKernel, String beforeKernel,
      String what) {}

  private static final List<List<CapabilityGroup>> CAPABILITY_MIXES = List.of(
      List.of(new CapabilityGroup(new String[] {"NET_RAW"}, "", "", "opens a packet socket")),
      List.of(new CapabilityGroup(new String[] {"SYS_PTRACE", "DAC_READ_SEARCH"}, "", "",
          "reads other processes' file descriptors and environment")),
      List.of(new CapabilityGroup(new String[] {"NET_ADMIN"}, "", "", "reads traffic control queues")),
      List.of(new CapabilityGroup(new String[] {"SYS_ADMIN"}, "", "", "reads the quota of every mount")),
      List.of(
          new CapabilityGroup(new String[] {"BPF", "PERFMON"}, "5.8", "", "loads eBPF programs"),
          new CapabilityGroup(new String[] {"SYS_ADMIN"}, "", "5.8",
              "loads eBPF programs on kernels without CAP_BPF"),
          new CapabilityGroup(new String[] {"SYS_RESOURCE"}, "", "5.11",
              "raises the locked-memory limit older kernels charge eBPF maps to")),
      List.of(
          new CapabilityGroup(new String[] {"BPF"}, "5.8", "", "attaches socket filters"),
          new CapabilityGroup(new String[] {"NET_ADMIN"}, "", "5.8",
              "attaches socket filters on kernels without CAP_BPF")),
      List.of(new CapabilityGroup(new String[] {"SYS_RESOURCE"}, "", "5.11",
          "raises the locked-memory limit older kernels charge eBPF maps to")));

  private static final String[][] CORE_RESOURCES = {
    {"pods"}, {"nodes"}, {"nodes/stats", "nodes/proxy"}, {"namespaces"}, {"services", "endpoints"},
    {"events"}, {"persistentvolumes", "persistentvolumeclaims"}, {"configmaps"}
  };
  private static final String[][] APPS_RESOURCES = {
    {"deployments"}, {"daemonsets"}, {"statefulsets", "replicasets"}
  };
  private static final List<String> READ_VERBS = List.of("get", "list", "watch");

  private final long seed;

  public BundleGenerator(long seed) {
    this.seed = seed;
  }

  /** A generated collector: its metadata and the base class it extends (empty for none). */
  public record Generated(CollectorMetadata metadata, String baseSimpleName) {}

  /** The binary name of base class {@code simpleName}. */
  public static String baseBinaryName(String simpleName) {
    return PACKAGE + "." + simpleName;
  }

  /** The simple names of the base classes the collectors may extend. */
  public static List<String> baseSimpleNames() {
    return BASES.stream().map(Base::simpleName).toList();
  }

  /** The collector name of collector {@code i}. */
  public static String collectorName(int i) {
    return String.format(Locale.ROOT, "input-%05d", i);
  }

  /** The simple class name of collector {@code i}. */
  public static String className(int i) {
    return String.format(Locale.ROOT, "Input%05dCollector", i);
  }

  /** {@code count} collectors, deterministic for the seed and count. */
  public List<Generated> generate(int count) {
    Random random = new Random(seed ^ count);
    List<Generated> out = new ArrayList<>(count);
    int appPaths = Math.max(4, count / 20);
    int appPorts = Math.max(4, count / 10);
    int customResources = Math.max(2, count / 50);
    int writablePool = Math.max(4, count / 20);
    for (int i = 0; i < count; i++) {
      out.add(one(i, random, appPaths, appPorts, customResources, writablePool));
    }
    return out;
  }

  private Generated one(int i, Random r, int appPaths, int appPorts, int customResources, int writablePool) {
    String name = collectorName(i);
    String binaryName = PACKAGE + "." + className(i);
    String feature = FEATURES[r.nextInt(FEATURES.length)];
    String description = "Synthetic collector " + i + " of the benchmark bundle.";
    List<PrivilegeRequirement> privileges = new ArrayList<>();
    List<CapabilityRequirement> capabilities = new ArrayList<>();
    List<HostPathRequirement> hostPaths = new ArrayList<>();
    List<PortRequirement> ports = new ArrayList<>();
    List<WritablePathRequirement> writable = new ArrayList<>();
    List<ApiRuleRequirement> api = new ArrayList<>();
    List<ConfinementRequirement> confinement = new ArrayList<>();

    if (r.nextInt(100) < 12) {
      return new Generated(new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, name, feature,
          description, binaryName, "Reads only what its own process can see, such as the agent's"
              + " own counters for " + name + ".",
          null, null, null, null, null, null, null), "");
    }

    Set<String> usedPaths = new LinkedHashSet<>();
    String base = "";
    if (r.nextInt(100) < 20) {
      Base b = BASES.get(r.nextInt(BASES.size()));
      base = b.simpleName();
      for (int p : b.commonPaths()) {
        CommonPath c = COMMON_PATHS.get(p);
        usedPaths.add(c.path());
        hostPaths.add(new HostPathRequirement(c.path(), c.mountPath(), true, c.type(),
            c.propagation(), c.env(), "Reads " + c.what() + " from " + c.path() + ".",
            baseBinaryName(b.simpleName())));
      }
    }
    if (r.nextInt(100) < 55) {
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) {
        if (r.nextInt(100) < 60) {
          CommonPath c = COMMON_PATHS.get(r.nextInt(COMMON_PATHS.size()));
          if (usedPaths.add(c.path())) {
            boolean readOnly = !c.path().equals("/sys/kernel/debug");
            hostPaths.add(new HostPathRequirement(c.path(), c.mountPath(), readOnly, c.type(),
                c.propagation(), c.env(), "Reads " + c.what() + " for " + name + ".", binaryName));
          }
        } else {
          int app = r.nextInt(appPaths);
          String path = String.format(Locale.ROOT, "/var/log/app-%04d", app);
          if (usedPaths.add(path)) {
            hostPaths.add(new HostPathRequirement(path, path, true,
                app % 3 == 0 ? HostPathType.DIRECTORY : HostPathType.UNCHECKED,
                MountPropagation.NONE, "", "Tails the log files application " + app
                    + " writes on the node.", binaryName));
          }
        }
      }
    }
    if (r.nextInt(100) < 25) {
      int n = 1 + r.nextInt(2);
      Set<Integer> used = new LinkedHashSet<>();
      for (int k = 0; k < n; k++) {
        int p = r.nextInt(appPorts);
        if (used.add(p)) {
          Protocol protocol = p % 5 == 0 ? Protocol.UDP : Protocol.TCP;
          int number = 20000 + p;
          ports.add(new PortRequirement(number, protocol,
              String.format(Locale.ROOT, "p%d%s", number, protocol == Protocol.UDP ? "u" : "t"),
              p % 4 == 0, "Receives metrics that applications push to port " + number + ".",
              binaryName));
        }
      }
    }
    boolean hasCapabilities = r.nextInt(100) < 20;
    if (hasCapabilities) {
      for (CapabilityGroup g : CAPABILITY_MIXES.get(r.nextInt(CAPABILITY_MIXES.size()))) {
        for (String cap : g.capabilities()) {
          capabilities.add(new CapabilityRequirement(cap, g.fromKernel(), g.beforeKernel(),
              "The collector " + g.what() + ".", binaryName));
        }
      }
    }
    if (r.nextInt(100) < 30) {
      int pick = r.nextInt(100);
      if (pick < 40) {
        privileges.add(new PrivilegeRequirement(Privilege.HOST_PID,
            "Maps every process on the node to its container.", binaryName));
      } else if (pick < 65) {
        privileges.add(new PrivilegeRequirement(Privilege.HOST_NETWORK,
            "Reads the node's interface counters.", binaryName));
      } else if (pick < 85) {
        privileges.add(new PrivilegeRequirement(Privilege.RUN_AS_ROOT,
            "Connects to a root-owned socket.", binaryName));
      } else if (pick < 92 && hasCapabilities) {
        privileges.add(new PrivilegeRequirement(Privilege.PRIVILEGED,
            "Loads kernel programs; the capabilities replace privileged mode where possible.",
            binaryName));
      } else if (pick < 96) {
        privileges.add(new PrivilegeRequirement(Privilege.HOST_IPC,
            "Reads shared-memory segments of node processes.", binaryName));
      } else {
        privileges.add(new PrivilegeRequirement(Privilege.WRITABLE_ROOT_FILESYSTEM,
            "Unpacks plugins into its installation directory.", binaryName));
      }
    }
    if (r.nextInt(100) < 20) {
      int pick = r.nextInt(100);
      if (pick < 50) {
        api.add(new ApiRuleRequirement(List.of(""),
            List.of(CORE_RESOURCES[r.nextInt(CORE_RESOURCES.length)]), null, READ_VERBS,
            "Tags metrics with the Kubernetes objects they belong to.", binaryName));
      } else if (pick < 70) {
        api.add(new ApiRuleRequirement(List.of("apps"),
            List.of(APPS_RESOURCES[r.nextInt(APPS_RESOURCES.length)]), null, READ_VERBS,
            "Reports the workloads that own each pod.", binaryName));
      } else if (pick < 90) {
        int c = r.nextInt(customResources);
        api.add(new ApiRuleRequirement(List.of("monitoring.example.com"),
            List.of(String.format(Locale.ROOT, "probes%03d", c)), null,
            c % 7 == 0 ? List.of("get", "list", "watch", "update") : READ_VERBS,
            "Reads the probe objects users create for it.", binaryName));
      } else {
        api.add(new ApiRuleRequirement(null, null, List.of("/metrics", "/metrics/cadvisor"),
            List.of("get"), "Scrapes the kubelet and API server metrics.", binaryName));
      }
    }
    if (r.nextInt(100) < 15) {
      int w = r.nextInt(writablePool);
      String path = String.format(Locale.ROOT, "/usr/local/agent/cache/c%04d", w);
      boolean keep = w % 3 == 0;
      writable.add(new WritablePathRequirement(path, keep,
          keep ? String.format(Locale.ROOT, "/var/lib/agent/c%04d", w) : "",
          "Buffers data it could not send yet.", binaryName));
    }
    if (r.nextInt(100) < 2) {
      confinement.add(new ConfinementRequirement(Confinement.SECCOMP_UNCONFINED,
          "Calls perf_event_open, which the runtime's default seccomp profile blocks.", binaryName));
    }
    if (privileges.isEmpty() && capabilities.isEmpty() && hostPaths.isEmpty() && ports.isEmpty()
        && writable.isEmpty() && api.isEmpty() && confinement.isEmpty()) {
      CommonPath c = COMMON_PATHS.get(0);
      hostPaths.add(new HostPathRequirement(c.path(), c.mountPath(), true, c.type(),
          c.propagation(), c.env(), "Reads " + c.what() + " for " + name + ".", binaryName));
    }
    return new Generated(new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, name, feature,
        description, binaryName, "", privileges, capabilities, hostPaths, ports, writable, api,
        confinement), base);
  }
}
