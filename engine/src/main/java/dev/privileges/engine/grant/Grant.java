package dev.privileges.engine.grant;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Waiver;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;


/**
 * The resolved least-privilege grant for the enabled collectors: exactly what the DaemonSet will
 * contain, each item with the {@link Need needs} behind it. Renderers read only this.
 *
 * @param options the build's options
 * @param enabled the enabled collectors, sorted by name
 * @param privileges granted pod/container privileges; {@code RUN_AS_ROOT} also lists collectors
 *     that add capabilities, since those only take effect for UID 0
 * @param privilegedReplaced collectors that declared {@code PRIVILEGED} but are served by their
 *     declared capabilities instead
 * @param capabilities added capabilities, sorted; empty when the container runs privileged
 * @param coveredByPrivileged capabilities enabled collectors declared that the privileged
 *     container already holds (so no {@code capabilities} block is written); empty otherwise
 * @param hostPaths host path mounts, merged by host path
 * @param ports container ports, merged by number and protocol
 * @param writablePaths writable directories
 * @param apiRules merged ClusterRole rules
 * @param confinement lifted confinements
 * @param waivers requirements the bundle owner removed, with their reasons
 * @param security the container's and pod's security fields, decided once from the above
 */
public record Grant(
    GenerationOptions options,
    List<CollectorMetadata> enabled,
    SortedMap<Privilege, List<Need>> privileges,
    List<Need> privilegedReplaced,
    SortedMap<String, List<Need>> capabilities,
    SortedMap<String, List<Need>> coveredByPrivileged,
    List<HostPathMount> hostPaths,
    List<ContainerPort> ports,
    List<WritableDirectory> writablePaths,
    List<ApiRule> apiRules,
    SortedMap<Confinement, List<Need>> confinement,
    List<Waiver> waivers,
    SecurityFields security) {

  /** This grant, listing {@code applied} as the waivers the bundle owner made. */
  public Grant withWaivers(List<Waiver> applied) {
    return new Grant(options, enabled, privileges, privilegedReplaced, capabilities, coveredByPrivileged,
        hostPaths, ports, writablePaths, apiRules, confinement, List.copyOf(applied), security);
  }

  /** The Pod Security Standards level the pods meet, and what holds them there. */
  public PodSecurity.Assessment podSecurity() {
    return PodSecurity.assess(this);
  }

  public boolean has(Privilege privilege) {
    return privileges.containsKey(privilege);
  }

  public boolean needsApiAccess() {
    return !apiRules.isEmpty();
  }

  /** The enabled collector names, sorted. */
  public List<String> enabledNames() {
    List<String> names = new ArrayList<>(enabled.size());
    for (CollectorMetadata c : enabled) {
      names.add(c.name());
    }
    return Collections.unmodifiableList(names);
  }

  /** Whether any port is published on the node as a hostPort. */
  public boolean usesHostPorts() {
    for (ContainerPort p : ports) {
      if (p.hostPort()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A host path mounted into the container.
   *
   * @param volumeName the volume's name
   * @param path node path
   * @param mountPath container path
   * @param readOnly read-only unless some collector writes
   * @param type hostPath type
   * @param propagation mount propagation
   * @param env env vars set to the mount path
   * @param needs who needs it
   * @param writers who needs it writable
   */
  public record HostPathMount(
      String volumeName, String path, String mountPath, boolean readOnly, HostPathType type,
      MountPropagation propagation, SortedSet<String> env, List<Need> needs, List<Need> writers) {}

  /**
   * A container port.
   *
   * @param number port number
   * @param protocol protocol
   * @param name port name
   * @param hostPort whether it is bound on the node: a hostPort, or any port under hostNetwork
   *     (where the API server sets hostPort to containerPort)
   * @param nodeReachable whether some collector needs it reachable at NodeIP:port
   * @param needs who listens on it
   */
  public record ContainerPort(
      int number, Protocol protocol, String name, boolean hostPort, boolean nodeReachable,
      List<Need> needs) {}

  /**
   * A writable directory with its own volume.
   *
   * @param volumeName volume name
   * @param path container path
   * @param hostPath node directory when kept across restarts; empty for emptyDir
   * @param needs who writes there
   */
  public record WritableDirectory(String volumeName, String path, String hostPath, List<Need> needs) {
    public boolean kept() {
      return !hostPath.isEmpty();
    }
  }

  /**
   * One merged ClusterRole rule.
   *
   * @param apiGroups API groups (empty for a non-resource rule)
   * @param resources resources
   * @param nonResourceUrls URLs
   * @param verbs verbs
   * @param needs who needs it
   */
  public record ApiRule(
      List<String> apiGroups, List<String> resources, List<String> nonResourceUrls,
      List<String> verbs, List<Need> needs) {}

  /**
   * The security fields of rules 1-9 as the YAML carries them, each decided once (in {@link
   * Resolver}) with the collectors behind it; every output reads these instead of deriving them
   * again.
   *
   * @param privileged {@code securityContext.privileged: true}
   * @param escalation whether {@code allowPrivilegeEscalation: false} is set, and if not why
   * @param root {@code runAsUser: 0} (else {@code runAsNonRoot: true} with the non-root UID)
   * @param uid the UID the agent container runs as
   * @param readOnlyRootFilesystem {@code readOnlyRootFilesystem}
   * @param seccomp the pod's {@code seccompProfile.type}, or unset
   * @param appArmorUnconfined {@code appArmorProfile: Unconfined}
   * @param keptPathOwner present when an init container must hand the kept host directories to
   *     the non-root UID (the kubelet creates them root-owned 0755, and {@code fsGroup} does not
   *     apply to hostPath volumes)
   */
  public record SecurityFields(
      boolean privileged, Escalation escalation, boolean root, long uid,
      boolean readOnlyRootFilesystem, Seccomp seccomp, boolean appArmorUnconfined,
      java.util.Optional<KeptPathOwner> keptPathOwner) {}

  /** Why {@code allowPrivilegeEscalation} is or is not {@code false}. */
  public enum Escalation {
    /** {@code allowPrivilegeEscalation: false}. */
    DISALLOWED,
    /** Unset: Kubernetes rejects {@code false} with {@code privileged: true}. */
    UNSET_PRIVILEGED,
    /** Unset: Kubernetes rejects {@code false} with {@code CAP_SYS_ADMIN}. */
    UNSET_SYS_ADMIN
  }

  /** The pod's seccomp profile. */
  public enum Seccomp {
    RUNTIME_DEFAULT("RuntimeDefault"),
    UNCONFINED("Unconfined"),
    /** Left out: a privileged container runs without seccomp whatever the profile says. */
    UNSET("");

    private final String kubernetesName;

    Seccomp(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    public String kubernetesName() {
      return kubernetesName;
    }
  }

  /**
   * The init container that gives the kept writable directories to the agent's UID before it
   * starts: root with only {@code CAP_CHOWN}, no escalation, a read-only root filesystem.
   *
   * @param name the init container's name
   * @param directories the kept directories it hands over
   */
  public record KeptPathOwner(String name, List<WritableDirectory> directories) {

    /** The only capability the init container adds. */
    public static final String CAPABILITY = "CHOWN";

    /** The collectors whose kept directories it prepares. */
    public List<Need> needs() {
      List<Need> all = new ArrayList<>();
      for (WritableDirectory d : directories) {
        all.addAll(d.needs());
      }
      return sorted(all);
    }
  }

  /** The collectors behind {@code allowPrivilegeEscalation} being unset; empty when it is false. */
  public List<Need> escalationNeeds() {
    return switch (security.escalation()) {
      case DISALLOWED -> List.of();
      case UNSET_PRIVILEGED -> privileges.get(Privilege.PRIVILEGED);
      case UNSET_SYS_ADMIN -> capabilities.get("SYS_ADMIN");
    };
  }

  /** The collectors behind the pod's seccomp profile being other than RuntimeDefault. */
  public List<Need> seccompNeeds() {
    return switch (security.seccomp()) {
      case RUNTIME_DEFAULT -> List.of();
      case UNCONFINED -> confinement.get(Confinement.SECCOMP_UNCONFINED);
      case UNSET -> privileges.get(Privilege.PRIVILEGED);
    };
  }

  /** Whether the pod uses the node's network, so every listening port is bound on the node. */
  public boolean hostNetwork() {
    return has(Privilege.HOST_NETWORK);
  }

  public static List<Need> sorted(java.util.Collection<Need> needs) {
    return List.copyOf(new TreeSet<>(needs));
  }
}
