package dev.privileges.annotations.runtime;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One collector of the typed registry and what it needs.
 *
 * @param name the input name, e.g. {@code cpu}
 * @param feature the feature it belongs to
 * @param description what it collects, if described
 * @param source the collector class (binary name), or {@code file:<path>} for hand-written
 *     metadata
 * @param noPrivilegesReason the reason given for needing nothing, if it says so
 * @param requirements what it needs; identical declarations once, sorted by kind and value
 */
public record RegisteredCollector(
    String name,
    String feature,
    Optional<String> description,
    String source,
    Optional<String> noPrivilegesReason,
    List<Requirement> requirements) {

  /** Checks for {@code null}, drops identical duplicate requirements and sorts them. */
  public RegisteredCollector {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(noPrivilegesReason, "noPrivilegesReason");
    requirements = requirements.stream().distinct().sorted(RequirementOrder.ORDER).toList();
  }

  /**
   * The typed form of a registry descriptor.
   *
   * @throws IllegalArgumentException naming the collector and the requirement when a requirement
   *     does not follow the metadata format
   */
  public static RegisteredCollector of(CollectorDescriptor d) {
    List<Requirement> typed = new ArrayList<>();
    for (RequirementDescriptor r : d.requirements()) {
      try {
        typed.add(RequirementDecoder.decode(r));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("collector '" + d.name() + "': " + e.getMessage(), e);
      }
    }
    return new RegisteredCollector(d.name(), d.feature(), nonEmpty(d.description()), d.source(),
        nonEmpty(d.noPrivilegesReason()), typed);
  }

  private static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Its requirements of one kind, e.g. {@code requirements(HostPathRequirement.class)}. */
  public <T extends Requirement> List<T> requirements(Class<T> kind) {
    return requirements.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** Whether it declares {@code privilege}. */
  public boolean needs(Privilege privilege) {
    return requirements(PrivilegeRequirement.class).stream().anyMatch(p -> p.privilege() == privilege);
  }

  /** Whether it declares {@code capability}, on any kernel. */
  public boolean needs(LinuxCapability capability) {
    return requirements(CapabilityRequirement.class).stream().anyMatch(c -> c.capability() == capability);
  }

  /** Whether it declares the relaxed {@code confinement}. */
  public boolean needs(Confinement confinement) {
    return requirements(ConfinementRequirement.class).stream()
        .anyMatch(c -> c.confinement() == confinement);
  }

  /** Whether it declares the node path {@code path} as a host path (exactly that path). */
  public boolean needsHostPath(String path) {
    return requirements(HostPathRequirement.class).stream().anyMatch(h -> h.path().equals(path));
  }

  /** Whether it calls the Kubernetes API. */
  public boolean needsApiAccess() {
    return !requirements(ApiRequirement.class).isEmpty();
  }
}
