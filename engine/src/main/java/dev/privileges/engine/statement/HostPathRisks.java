package dev.privileges.engine.statement;

import static dev.privileges.engine.statement.PrivilegeRisk.high;
import static dev.privileges.engine.statement.PrivilegeRisk.low;
import static dev.privileges.engine.statement.PrivilegeRisk.medium;

import dev.privileges.engine.statement.PrivilegeRisk.Risk;
import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PrivilegeRisk}'s rows for host paths, judged by what the path is on a Kubernetes node.
 * A path takes the row of the closest listed path at or above it; a path above a listed one (say
 * {@code /var}, above {@code /var/lib/kubelet}) takes the worse of its own row and the rows it
 * contains, because mounting a folder exposes everything below it. {@code /var/run} is read as
 * {@code /run}, which it links to on every current distribution.
 */
public final class HostPathRisks {

  /**
   * One row.
   *
   * @param path the node path
   * @param readOnly the risk when mounted read-only
   * @param readWrite the risk when mounted read-write
   */
  private record Row(String path, Risk readOnly, Risk readWrite) {}

  private static final String RUNTIME_SOCKET = "Talks to the container runtime, which will start a privileged"
      + " container on request: full control of the node and every pod on it. Read-only changes nothing here:"
      + " connecting to a socket is not a write.";
  private static final String KUBELET = "the secrets, service account tokens and volumes of every pod on the node,"
      + " and the kubelet's own credentials";
  private static final String CONTAINERS = "the filesystem of every container and image on the node, with the"
      + " secrets they hold";
  private static final String PROGRAMS_RO = "Reads the node's installed programs and libraries: nothing secret, but an"
      + " inventory of what could be attacked.";
  private static final String PROGRAMS_RW = "Can replace programs and libraries that the node runs as root.";
  private static final String LOGS_RO = "Reads the output of every container on the node, which often includes"
      + " tokens, passwords or personal data.";
  private static final String LOGS_RW = LOGS_RO + " It can also erase or forge them to hide an intrusion.";

  private static final List<Row> ROWS = List.of(
      row("/", high("Reads every file on the node's disk: the kubelet's credentials, the secrets and service"
          + " account tokens of every pod on the node, SSH host keys and password hashes."),
          high("Can change any file of the node, its programs, services and kubelet configuration included, which"
              + " makes it root on the node; and it can read every secret on the node's disk.")),
      row("/etc", high("Reads the node's configuration: password hashes and, on most distributions, the kubelet's"
          + " credentials and the cluster certificates under /etc/kubernetes."),
          high("Can change the node's users, services and kubelet configuration: root on the node.")),
      row("/etc/kubernetes", high("Reads the node's Kubernetes credentials and certificates; on a control-plane node,"
          + " the keys of the whole cluster."), high("Can change or steal the node's Kubernetes credentials and"
          + " certificates; on a control-plane node, those of the whole cluster.")),
      row("/etc/os-release", low("Reads which operating system the node runs."),
          medium("Can change what other node software believes the operating system is.")),
      row("/etc/machine-id", low("Reads the node's machine ID."), medium("Can change the node's machine ID.")),
      row("/etc/hostname", low("Reads the node's host name."), medium("Can change the node's host name.")),
      row("/etc/localtime", low("Reads the node's time zone."), low("Can change the node's time zone.")),
      row("/root", high("Reads root's home directory on the node: SSH keys, shell history, cloud and cluster"
          + " credentials."), high("Can plant SSH keys or start-up scripts that run as root on the node.")),
      row("/home", high("Reads the users' home directories on the node: SSH keys, shell histories, cloud and cluster"
          + " credentials."), high("Can plant SSH keys or start-up scripts that run as the node's users.")),
      row("/var/lib/kubelet", high("Reads " + KUBELET + "."), high("Reads and changes " + KUBELET
          + ", for example plants files in other pods' volumes.")),
      row("/var/lib/etcd", high("Reads the cluster's etcd data: every Secret of the cluster."),
          high("Can read and rewrite the cluster's etcd data: every object and Secret of the cluster.")),
      row("/var/lib/docker", high("Reads " + CONTAINERS + "."), high("Can change " + CONTAINERS
          + ", so it can run its own code inside other pods.")),
      row("/var/lib/containerd", high("Reads " + CONTAINERS + "."), high("Can change " + CONTAINERS
          + ", so it can run its own code inside other pods.")),
      row("/var/lib/containers", high("Reads " + CONTAINERS + "."), high("Can change " + CONTAINERS
          + ", so it can run its own code inside other pods.")),
      row("/run", high("/run holds the sockets of the node's daemons, usually the container runtime's: connecting"
          + " to a socket works on a read-only mount, so the agent could ask the runtime for a privileged container."),
          high("/run holds the sockets of the node's daemons, usually the container runtime's, so the agent could ask"
              + " the runtime for a privileged container; it can also replace the sockets and state of node"
              + " services.")),
      row("/run/containerd", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/crio", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/docker", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/docker.sock", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/cri-dockerd.sock", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/podman", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/k3s", high(RUNTIME_SOCKET), high(RUNTIME_SOCKET)),
      row("/run/udev", low("Reads udev's device database: names, serial numbers and properties of the node's disks"
          + " and other devices."), medium("Can change device properties that other node software trusts.")),
      row("/run/utmp", low("Reads who is logged in on the node and since when."),
          low("Can forge or clear the node's record of logged-in users.")),
      row("/proc", medium("Shows every process of the node with its command line, which sometimes carries passwords"
          + " or tokens, and the kernel's state; other processes' environment and memory stay protected by the"
          + " capability checks."), high("Can also change kernel settings of the whole node through /proc/sys, and"
          + " crash or reboot it through /proc/sysrq-trigger.")),
      row("/sys", low("Reads hardware, device and kernel information of the node; little of it is secret."),
          high("Can change kernel, device and cgroup settings of the whole node, for example lift other pods'"
              + " limits or switch devices off.")),
      row("/sys/kernel/debug", medium("The debugfs filesystem shows kernel internals, some of which reveal kernel memory addresses"
          + " that make kernel exploits easier."), high("Can switch on tracing of any kernel function and read what"
          + " it records, data of every process on the node included.")),
      row("/sys/kernel/tracing", medium("Shows the kernel's trace events and what tracing records, which can include"
          + " data of other processes on the node."), high("Can switch on tracing of any kernel function or event"
          + " and read what it records, data of every process on the node included.")),
      row("/sys/fs/bpf", medium("Shows the eBPF programs and maps other node components (such as the network plugin)"
          + " pinned; with BPF the agent could read their maps."), high("Can pin, replace or remove the eBPF objects"
          + " other node components rely on, such as the network plugin's.")),
      row("/sys/fs/cgroup", low("Reads the resource use and limits of every pod on the node."),
          high("Can change the resource limits and device rules of every pod on the node.")),
      row("/var/log", medium("Reads the node's logs and every container's output, which often include tokens,"
          + " passwords or personal data."), high("Reads the node's logs and every container's output, which often"
          + " include tokens, passwords or personal data, and can erase or forge them to hide an intrusion.")),
      row("/var/log/pods", medium(LOGS_RO), high(LOGS_RW)),
      row("/var/log/containers", medium(LOGS_RO), high(LOGS_RW)),
      row("/dev", medium("Shows the node's device files; the device cgroup still keeps the agent from reading disks"
          + " or memory unless it is privileged, but it learns the node's hardware."), medium("Shows the node's"
          + " device files and can add or remove them; the device cgroup still keeps the agent from reading disks or"
          + " memory unless it is privileged.")),
      row("/boot", medium("Reads the node's kernels and boot configuration, which tells an intruder which kernel"
          + " exploits apply."), high("Can replace the node's kernel or boot configuration: full control after the"
          + " next reboot.")),
      row("/lib/modules", low("Reads the node's kernel modules and their versions."),
          high("Can replace kernel modules the node loads later: code in the kernel.")),
      row("/usr", low(PROGRAMS_RO), high(PROGRAMS_RW)),
      row("/lib", low(PROGRAMS_RO), high(PROGRAMS_RW)),
      row("/lib64", low(PROGRAMS_RO), high(PROGRAMS_RW)),
      row("/bin", low(PROGRAMS_RO), high(PROGRAMS_RW)),
      row("/sbin", low(PROGRAMS_RO), high(PROGRAMS_RW)),
      row("/opt", low(PROGRAMS_RO), high(PROGRAMS_RW)));

  private HostPathRisks() {}

  static Risk of(String rawPath, boolean readOnly) {
    String path = canonical(rawPath);
    Row own = null;
    for (Row r : ROWS) {
      boolean applies = r.path().equals("/") ? path.equals("/") : within(path, r.path());
      if (applies && (own == null || r.path().length() > own.path().length())) {
        own = r;
      }
    }
    Risk risk = own != null ? pick(own, readOnly) : fallback(rawPath, readOnly);
    if (runtimeSocket(path)) {
      risk = new Risk(Severity.HIGH, RUNTIME_SOCKET);
    }
    for (Row below : ROWS) {
      Risk inside = pick(below, readOnly);
      if (!below.path().equals(path) && within(below.path(), path)
          && inside.severity().compareTo(risk.severity()) < 0) {
        risk = new Risk(inside.severity(), "It includes " + below.path() + ": " + lowerFirst(inside.text()));
      }
    }
    return risk;
  }

  /** A socket of a container runtime, wherever it is mounted from. */
  private static boolean runtimeSocket(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!name.endsWith(".sock")) {
      return false;
    }
    for (String runtime : List.of("docker", "containerd", "crio", "cri-dockerd", "podman")) {
      if (name.contains(runtime)) {
        return true;
      }
    }
    return false;
  }

  private static Risk fallback(String path, boolean readOnly) {
    return readOnly
        ? low("Reads the files under " + path + " on the node.")
        : medium("Can change the files under " + path + " on the node, which other node software may trust.");
  }

  private static Risk pick(Row row, boolean readOnly) {
    return readOnly ? row.readOnly() : row.readWrite();
  }

  /** Whether {@code path} is {@code top} or below it. */
  private static boolean within(String path, String top) {
    return path.equals(top) || top.equals("/") || path.startsWith(top + "/");
  }

  private static String canonical(String path) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.equals("/var/run") || p.startsWith("/var/run/") ? p.substring("/var".length()) : p;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() || s.startsWith("/") ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static Row row(String path, Risk readOnly, Risk readWrite) {
    return new Row(path, readOnly, readWrite);
  }

  /** The listed paths, for tests. */
  public static List<String> listedPaths() {
    List<String> out = new ArrayList<>();
    ROWS.forEach(r -> out.add(r.path()));
    return out;
  }
}
