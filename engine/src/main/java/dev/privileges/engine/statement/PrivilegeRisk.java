package dev.privileges.engine.statement;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.GrantedItem;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of what a compromised agent could do with each kind of granted item, and how bad
 * that is. Reviewers weigh risk, not purpose: the same statement that explains why a privilege is
 * there must say what it would give an intruder. Texts are plain sentences (no Markdown), so every
 * output can escape them its own way.
 *
 * <p>The severities are judged for a node agent: an item is {@link Severity#HIGH} when it alone
 * gives control of the node, of other pods or of cluster secrets; {@link Severity#MEDIUM} when it
 * exposes data or widens what an exploit can reach; {@link Severity#LOW} when its harm stays
 * within the pod or is information of little value.
 */
public final class PrivilegeRisk {

  /** How much a compromised agent gains with an item, worst first. */
  public enum Severity {
    HIGH, MEDIUM, LOW;

    /** The lower-case word the outputs show. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The risk of one granted item.
   *
   * @param severity how bad it is
   * @param text one or two plain sentences: what an intruder in the agent could do with it
   */
  public record Risk(Severity severity, String text) {}

  static Risk high(String text) {
    return new Risk(Severity.HIGH, text);
  }

  static Risk medium(String text) {
    return new Risk(Severity.MEDIUM, text);
  }

  static Risk low(String text) {
    return new Risk(Severity.LOW, text);
  }

  private static final Map<Privilege, Risk> PRIVILEGES = Map.of(
      Privilege.PRIVILEGED, high("Holds every capability without device restrictions: it can load kernel modules,"
          + " read and write the node's disks and mount the node's filesystem, which makes it root on the node."),
      Privilege.HOST_PID, medium("Sees every process on the node with its command line, which sometimes carries"
          + " passwords or tokens; as root it can also kill the node's root processes such as the kubelet, and with"
          + " SYS_PTRACE read and change their memory."),
      Privilege.HOST_NETWORK, medium("Uses the node's network stack: it reaches services that listen only on the"
          + " node's localhost, NetworkPolicies do not apply to it, and with NET_RAW it can capture all of the node's"
          + " traffic."),
      Privilege.HOST_IPC, medium("Can read and write the shared memory and message queues of every process on"
          + " the node that uses System V IPC."),
      Privilege.RUN_AS_ROOT, medium("Root in the container owns every root-owned file on the host paths mounted"
          + " writable, and a flaw that lets it leave the container would make it root on the node."),
      Privilege.WRITABLE_ROOT_FILESYSTEM, low("Can change its own programs and configuration inside the container,"
          + " so an intruder's changes last until the pod is replaced."));

  private static final Map<Confinement, Risk> CONFINEMENT = Map.of(
      Confinement.SECCOMP_UNCONFINED, medium("Every system call is open to it, including rarely used ones that"
          + " kernel exploits aim at and that the runtime's default profile blocks."),
      Confinement.APPARMOR_UNCONFINED, medium("No AppArmor profile limits the files, mounts and signals it may"
          + " use beyond what its other settings allow."));

  /** Every capability of {@code LinuxCapabilities.ALL}; a test keeps the two in step. */
  private static final Map<String, Risk> CAPABILITIES = Map.ofEntries(
      Map.entry("SYS_ADMIN", high("Close to root on the node: it can mount filesystems, enter other processes'"
          + " namespaces and load any eBPF program, so an intruder can usually leave the container.")),
      Map.entry("SYS_MODULE", high("Loads code into the node's kernel: full control of the node.")),
      Map.entry("SYS_RAWIO", high("Raw access to I/O ports and devices such as the node's memory: full control of"
          + " the node.")),
      Map.entry("SYS_BOOT", high("Can reboot the node or load a different kernel into it with kexec.")),
      Map.entry("SYS_PTRACE", high("Reads and changes the memory of other processes it can see; with hostPID that is"
          + " every process on the node, including the kubelet and other pods' processes.")),
      Map.entry("DAC_READ_SEARCH", high("Reads any file it can see regardless of permissions and, through"
          + " open_by_handle_at, files of a mounted host filesystem outside the mounted directory.")),
      Map.entry("BPF", high("Loads eBPF programs and maps into the node's kernel; together with PERFMON they can"
          + " read the memory of the kernel and of every process, secrets of other pods included.")),
      Map.entry("PERFMON", high("Attaches eBPF programs and perf events to the kernel and to every process on the"
          + " node; together with BPF they can read the memory of the kernel and of every process.")),
      Map.entry("NET_ADMIN", high("Changes network configuration; with hostNetwork that is the node's firewall,"
          + " routes and interfaces, so it can redirect or intercept the traffic of every pod on the node.")),
      Map.entry("MAC_ADMIN", high("Changes the node's mandatory access control policy (AppArmor, SELinux, Smack),"
          + " lifting the confinement of every container on the node.")),
      Map.entry("MAC_OVERRIDE", high("Ignores the node's mandatory access control policy (AppArmor, SELinux,"
          + " Smack) for its own actions.")),
      Map.entry("DAC_OVERRIDE", medium("Reads and writes any file it can see regardless of permissions, including"
          + " root-only files on mounted host paths.")),
      Map.entry("NET_RAW", medium("Opens raw and packet sockets: it can capture the traffic of its network namespace"
          + " (with hostNetwork, the node's) and send forged packets.")),
      Map.entry("KILL", medium("Sends signals to any process it can see; with hostPID it can stop any process on"
          + " the node.")),
      Map.entry("IPC_OWNER", medium("Bypasses the permissions of System V IPC objects; with hostIPC those of every"
          + " process on the node.")),
      Map.entry("SYS_TIME", medium("Sets the node's clock, which is shared by every pod: certificate and token"
          + " expiry checks and log timestamps stop being trustworthy.")),
      Map.entry("AUDIT_CONTROL", medium("Changes or switches off the kernel's audit rules, so the node's audit log no"
          + " longer records what an intruder does.")),
      Map.entry("AUDIT_READ", medium("Reads the kernel's audit log of the node, which records the actions of other"
          + " users and processes.")),
      Map.entry("SYSLOG", medium("Reads and clears the kernel's log, which reveals kernel memory addresses that make"
          + " kernel exploits easier.")),
      Map.entry("CHECKPOINT_RESTORE", medium("Checkpoints and restores processes and reads the memory mappings of"
          + " processes it can see.")),
      Map.entry("LINUX_IMMUTABLE", medium("Sets or clears the immutable and append-only flags of files on its"
          + " writable mounts, which could hide tampering with node files.")),
      Map.entry("SYS_RESOURCE", low("Raises resource limits such as locked memory, so it can take more of the node's"
          + " memory than its limits would allow.")),
      Map.entry("SYS_NICE", low("Raises the scheduling priority of its processes, which can starve other pods on"
          + " the node of CPU.")),
      Map.entry("IPC_LOCK", low("Locks memory into RAM, which can press the node's memory.")),
      Map.entry("SYS_CHROOT", low("Changes its root directory; Pod Security's baseline level allows it.")),
      Map.entry("SYS_PACCT", low("Switches process accounting on or off.")),
      Map.entry("SYS_TTY_CONFIG", low("Configures terminal devices it can open.")),
      Map.entry("CHOWN", low("Changes the owner of files it can write, on its own filesystem and writable mounts.")),
      Map.entry("FOWNER", low("Acts as the owner of any file it can write, for example to change its mode.")),
      Map.entry("FSETID", low("Keeps the set-user-ID bit on files it changes.")),
      Map.entry("SETUID", low("Switches to any user ID inside the container.")),
      Map.entry("SETGID", low("Switches to any group ID inside the container.")),
      Map.entry("SETPCAP", low("Passes on the capabilities it already holds to the programs it runs.")),
      Map.entry("SETFCAP", low("Gives files capabilities that programs started from them receive.")),
      Map.entry("MKNOD", low("Creates device files; the device cgroup still blocks opening devices it was not"
          + " given.")),
      Map.entry("AUDIT_WRITE", low("Writes records into the kernel's audit log.")),
      Map.entry("NET_BIND_SERVICE", low("Listens on ports below 1024.")),
      Map.entry("NET_BROADCAST", low("Sends broadcast and multicast traffic.")),
      Map.entry("LEASE", low("Takes leases on files it can open.")),
      Map.entry("WAKE_ALARM", low("Sets alarms that wake the node from suspend.")),
      Map.entry("BLOCK_SUSPEND", low("Keeps the node from suspending.")));

  private PrivilegeRisk() {}

  /** The risk of a pod- or container-level privilege. */
  public static Risk privilege(Privilege privilege) {
    return PRIVILEGES.get(privilege);
  }

  /** The risk of a lifted confinement. */
  public static Risk confinement(Confinement confinement) {
    return CONFINEMENT.get(confinement);
  }

  /**
   * The risk of the init container that hands directories kept on the node to the agent's
   * non-root user: root with only {@code CHOWN}, for one fixed command before the agent starts.
   */
  public static Risk keptPathOwner() {
    return low("Runs once before the agent, as root with only CHOWN, a fixed command that gives the kept"
        + " directories to the agent's user; a compromised agent cannot run code in it.");
  }

  /** The risk of an added capability (Kubernetes spelling); an unknown name gets a cautious default. */
  public static Risk capability(String capability) {
    Risk risk = CAPABILITIES.get(capability);
    return risk != null ? risk
        : medium("A capability this table does not know: treat it as lifting one of the kernel's permission checks.");
  }

  /** The capabilities the table covers. */
  public static Set<String> knownCapabilities() {
    return CAPABILITIES.keySet();
  }

  /** The risk of a node path mounted into the container. */
  public static Risk hostPath(String path, boolean readOnly) {
    return HostPathRisks.of(path, readOnly);
  }

  /**
   * The risk of a listening port.
   *
   * @param hostPort published as a hostPort
   * @param hostNetwork the pod uses the node's network, so the port is bound on the node
   * @param service delivered by a node-local Service
   */
  public static Risk port(boolean hostPort, boolean hostNetwork, boolean service) {
    if (hostNetwork) {
      return medium("Bound on the node's own addresses (hostNetwork): anything that reaches the node reaches the"
          + " agent on this port, and NetworkPolicies do not apply to it.");
    }
    if (hostPort) {
      return medium("Published on every node's IP address: whatever can reach a node, inside or outside the"
          + " cluster, can send to the agent, so a flaw in its listener is open to the node's network.");
    }
    if (service) {
      return low("Reachable through a Service that delivers to the agent on the sender's own node;"
          + " NetworkPolicies apply as for any pod.");
    }
    return low("Listens inside the pod only; other pods reach it as far as NetworkPolicies let them.");
  }

  /** The risk of a writable directory: scratch ({@code emptyDir}) or kept on the node. */
  public static Risk writable(boolean keptOnHost) {
    return keptOnHost
        ? medium("A directory on the node that outlives the pod: whatever the agent leaves there, content planted to"
            + " be read back after a restart included, stays, and it can fill the node's disk.")
        : low("Scratch space that disappears with the pod; at worst the agent fills the node's disk, unless the"
            + " volume has a size limit.");
  }

  /** The risk of one ClusterRole rule. */
  public static Risk apiRule(List<String> apiGroups, List<String> resources, List<String> nonResourceUrls,
      List<String> verbs) {
    return ApiRuleRisks.of(apiGroups, resources, nonResourceUrls, verbs);
  }

  /** The risk of {@code item} of the grant {@code records} index, whatever its kind; empty if the grant lacks it. */
  static Optional<Risk> of(GrantedItem item, GrantRecords records) {
    String key = item.key();
    String name = key.substring(key.indexOf(':') + 1);
    return switch (item.kind()) {
      case POD, CONTAINER -> Optional.of(key.startsWith("confinement:") ? confinement(Confinement.valueOf(name))
          : key.startsWith("init:") ? keptPathOwner() : privilege(Privilege.valueOf(name)));
      case CAPABILITY -> Optional.of(capability(item.path()));
      case HOST_PATH -> {
        Grant.HostPathMount h = records.hostPath(item.path());
        yield h == null ? Optional.empty() : Optional.of(hostPath(h.path(), h.readOnly()));
      }
      case PORT -> {
        Grant.ContainerPort p = records.port(item.path());
        yield p == null ? Optional.empty()
            : Optional.of(port(p.hostPort(), records.grant().has(Privilege.HOST_NETWORK), p.nodeReachable() && !p.hostPort()));
      }
      case WRITABLE -> {
        Grant.WritableDirectory w = records.writable(item.path());
        yield w == null ? Optional.empty() : Optional.of(writable(w.kept()));
      }
      case API -> {
        Grant.ApiRule r = key.startsWith("api:") ? records.rule(name) : null;
        yield r == null ? Optional.empty()
            : Optional.of(apiRule(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs()));
      }
    };
  }
}
