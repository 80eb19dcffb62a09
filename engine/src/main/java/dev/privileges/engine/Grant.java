package dev.privileges.engine;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.metadata.CollectorMetadata;
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
 * @param capabilities added capabilities, sorted
 * @param hostPaths host path mounts, merged by host path
 * @param ports container ports, merged by number and protocol
 * @param writablePaths writable directories
 * @param apiRules merged ClusterRole rules
 * @param confinement lifted confinements
 * @param waivers requirements the bundle owner removed, with their reasons
 */
public record Grant(
    GenerationOptions options,
    List<CollectorMetadata> enabled,
    SortedMap<Privilege, List<Need>> privileges,
    List<Need> privilegedReplaced,
    SortedMap<String, List<Need>> capabilities,
    List<HostPathMount> hostPaths,
    List<ContainerPort> ports,
    List<WritableDirectory> writablePaths,
    List<ApiRule> apiRules,
    SortedMap<Confinement, List<Need>> confinement,
    List<Waiver> waivers) {

  /** This grant, listing {@code applied} as the waivers the bundle owner made. */
  public Grant withWaivers(List<Waiver> applied) {
    return new Grant(options, enabled, privileges, privilegedReplaced, capabilities, hostPaths, ports,
        writablePaths, apiRules, confinement, List.copyOf(applied));
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
    return enabled.stream().map(CollectorMetadata::name).toList();
  }

  /** Whether any port is published on the node as a hostPort. */
  public boolean usesHostPorts() {
    return ports.stream().anyMatch(ContainerPort::hostPort);
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
   * @param hostPort whether it is published as a hostPort
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

  static List<Need> sorted(java.util.Collection<Need> needs) {
    return List.copyOf(new TreeSet<>(needs));
  }
}
