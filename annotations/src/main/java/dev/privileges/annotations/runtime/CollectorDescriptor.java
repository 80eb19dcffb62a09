package dev.privileges.annotations.runtime;

import java.util.List;
import java.util.Objects;

/**
 * One collector as the registry describes it: the same content as its metadata file in the jar.
 *
 * @param name the input name, e.g. {@code cpu}
 * @param feature the feature it belongs to
 * @param description its description; empty when none
 * @param source the collector class (binary name), or {@code file:<path>} for hand-written
 *     metadata
 * @param noPrivilegesReason the reason given for needing nothing; empty when it declares
 *     requirements
 * @param requirements what it needs, in the order of the metadata file
 */
public record CollectorDescriptor(
    String name,
    String feature,
    String description,
    String source,
    String noPrivilegesReason,
    List<RequirementDescriptor> requirements) {

  /** Checks for {@code null} and copies the list. */
  public CollectorDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(noPrivilegesReason, "noPrivilegesReason");
    requirements = List.copyOf(requirements);
  }

  /** A collector with its requirements as varargs, e.g. for a hand-made registry or a test. */
  public static CollectorDescriptor of(
      String name,
      String feature,
      String description,
      String source,
      String noPrivilegesReason,
      RequirementDescriptor... requirements) {
    return new CollectorDescriptor(
        name, feature, description, source, noPrivilegesReason, List.of(requirements));
  }

  /** The requirements of one kind, e.g. {@code "hostPath"}. */
  public List<RequirementDescriptor> requirements(String kind) {
    return requirements.stream().filter(r -> r.kind().equals(kind)).toList();
  }
}
