package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one collector declares: the content of one metadata file in the jar.
 *
 * @param formatVersion the metadata format version, {@link #FORMAT_VERSION} when written
 * @param name the input name, e.g. {@code cpu}
 * @param feature the feature the collector belongs to
 * @param description optional description, empty when none
 * @param source the collector class (binary name), or the hand-written file it came from
 * @param noPrivilegesReason the reason given with {@code @RequiresNoPrivileges}, empty when none
 * @param privileges pod- and container-level privileges
 * @param capabilities Linux capabilities
 * @param hostPaths node paths to mount
 * @param ports ports the collector listens on
 * @param writablePaths writable directories inside the container
 * @param kubernetesApi Kubernetes API rules
 * @param confinement confinements to lift
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record CollectorMetadata(
    int formatVersion,
    String name,
    String feature,
    String description,
    String source,
    String noPrivilegesReason,
    List<PrivilegeRequirement> privileges,
    List<CapabilityRequirement> capabilities,
    List<HostPathRequirement> hostPaths,
    List<PortRequirement> ports,
    List<WritablePathRequirement> writablePaths,
    List<ApiRuleRequirement> kubernetesApi,
    List<ConfinementRequirement> confinement) {

  /** The format this code writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** Copies the lists (missing ones become empty) and sorts them, so equal content is equal bytes. */
  public CollectorMetadata {
    description = description == null ? "" : description;
    noPrivilegesReason = noPrivilegesReason == null ? "" : noPrivilegesReason;
    privileges = sorted(privileges, Comparator.comparing(PrivilegeRequirement::sortKey));
    capabilities = sorted(capabilities, Comparator.comparing(CapabilityRequirement::sortKey));
    hostPaths = sorted(hostPaths, Comparator.comparing(HostPathRequirement::sortKey));
    ports = sorted(ports, Comparator.comparing(PortRequirement::sortKey));
    writablePaths = sorted(writablePaths, Comparator.comparing(WritablePathRequirement::sortKey));
    kubernetesApi = sorted(kubernetesApi, Comparator.comparing(ApiRuleRequirement::sortKey));
    confinement = sorted(confinement, Comparator.comparing(ConfinementRequirement::sortKey));
  }

  /** Whether the collector declares any requirement at all. */
  public boolean declaresAnyRequirement() {
    return !(privileges.isEmpty()
        && capabilities.isEmpty()
        && hostPaths.isEmpty()
        && ports.isEmpty()
        && writablePaths.isEmpty()
        && kubernetesApi.isEmpty()
        && confinement.isEmpty());
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    return list == null ? List.of() : list.stream().sorted(order).toList();
  }
}
