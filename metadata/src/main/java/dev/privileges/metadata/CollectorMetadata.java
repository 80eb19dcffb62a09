package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
    privileges = sorted(privileges);
    capabilities = sorted(capabilities);
    hostPaths = sorted(hostPaths);
    ports = sorted(ports);
    writablePaths = sorted(writablePaths);
    kubernetesApi = sorted(kubernetesApi);
    confinement = sorted(confinement);
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

  /**
   * {@code list} in the order of its sort keys, each key built once: a comparator that builds
   * both keys per comparison cost more than the rest of reading a large bundle. No lambdas here:
   * each one a fresh JVM links costs more than sorting a collector's few requirements.
   */
  private static <T extends SortKeyed> List<T> sorted(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    if (list.size() == 1) {
      // Not a stream per list: a collector has seven lists, most of them empty or of one element.
      return Collections.singletonList(list.get(0));
    }
    Keyed[] order = new Keyed[list.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = new Keyed(list.get(i).sortKey(), i);
    }
    Arrays.sort(order); // stable, as the stream's sort was
    List<T> out = new ArrayList<>(order.length);
    for (Keyed k : order) {
      out.add(list.get(k.index));
    }
    return Collections.unmodifiableList(out);
  }

  /** A list position and its element's sort key, ordered by the key. */
  private static final class Keyed implements Comparable<Keyed> {
    final String key;
    final int index;

    Keyed(String key, int index) {
      this.key = key;
      this.index = index;
    }

    @Override
    public int compareTo(Keyed other) {
      return key.compareTo(other.key);
    }
  }
}
