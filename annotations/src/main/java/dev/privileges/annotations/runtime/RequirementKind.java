package dev.privileges.annotations.runtime;

import java.util.Optional;

/**
 * The kinds of requirement, in the order a collector's requirements are listed, each with the
 * name of its array in the metadata file and its typed class.
 */
public enum RequirementKind {
  PRIVILEGE("privileges", PrivilegeRequirement.class),
  CAPABILITY("capabilities", CapabilityRequirement.class),
  HOST_PATH("hostPaths", HostPathRequirement.class),
  PORT("ports", PortRequirement.class),
  WRITABLE_PATH("writablePaths", WritablePathRequirement.class),
  KUBERNETES_API("kubernetesApi", ApiRequirement.class),
  CONFINEMENT("confinement", ConfinementRequirement.class);

  private final String metadataName;
  private final Class<? extends Requirement> type;

  RequirementKind(String metadataName, Class<? extends Requirement> type) {
    this.metadataName = metadataName;
    this.type = type;
  }

  /** The name of the array in the metadata file, e.g. {@code hostPaths}. */
  public String metadataName() {
    return metadataName;
  }

  /** The record that holds a requirement of this kind. */
  public Class<? extends Requirement> type() {
    return type;
  }

  /** The kind whose metadata array is called {@code name}, or empty. */
  public static Optional<RequirementKind> ofMetadataName(String name) {
    for (RequirementKind k : values()) {
      if (k.metadataName.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
