package dev.privileges.annotations.runtime;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * Turns the generic {@link RequirementDescriptor} of the registry text into its typed {@link
 * Requirement}. Defaults are those of the metadata format ({@code docs/metadata-format.md}).
 */
final class RequirementDecoder {

  private RequirementDecoder() {}

  /**
   * The typed form of {@code d}.
   *
   * @throws IllegalArgumentException naming the kind and the attribute when {@code d} does not
   *     follow the metadata format
   */
  static Requirement decode(RequirementDescriptor d) {
    RequirementKind kind = RequirementKind.ofMetadataName(d.kind())
        .orElseThrow(() -> new IllegalArgumentException("unknown requirement kind '" + d.kind() + "'"));
    String r = d.reason();
    String by = d.declaredBy();
    return switch (kind) {
      case PRIVILEGE -> new PrivilegeRequirement(constant(d, "privilege", Privilege.class), r, by);
      case CAPABILITY -> new CapabilityRequirement(
          LinuxCapability.parse(required(d, "capability")).orElseThrow(() -> bad(d, "capability")),
          kernel(d, "fromKernel"), kernel(d, "beforeKernel"), r, by);
      case HOST_PATH -> new HostPathRequirement(
          required(d, "path"),
          d.attribute("mountPath").isEmpty() ? d.attribute("path") : d.attribute("mountPath"),
          bool(d, "readOnly"),
          optionalConstant(d, "type", HostPathType.class).orElse(HostPathType.UNCHECKED),
          optionalConstant(d, "propagation", MountPropagation.class).orElse(MountPropagation.NONE),
          optional(d, "env"), r, by);
      case PORT -> new PortRequirement(
          number(d, "number"),
          optionalConstant(d, "protocol", Protocol.class).orElse(Protocol.TCP),
          optional(d, "name"), bool(d, "reachableAtNodeIp"), r, by);
      case WRITABLE_PATH -> new WritablePathRequirement(
          required(d, "path"), bool(d, "keepAcrossRestarts"), optional(d, "hostPath"), r, by);
      case KUBERNETES_API -> new ApiRequirement(
          // The text form joins lists with ','; the core group alone is an empty value, while an
          // absent key means no groups (a non-resource rule).
          d.attributes().containsKey("apiGroups") ? List.of(d.attribute("apiGroups").split(",", -1)) : List.of(),
          list(d, "resources"), list(d, "nonResourceUrls"), list(d, "verbs"), r, by);
      case CONFINEMENT -> new ConfinementRequirement(
          constant(d, "confinement", Confinement.class), r, by);
    };
  }

  private static String required(RequirementDescriptor d, String key) {
    String value = d.attribute(key);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(d.kind() + " requirement without '" + key + "'");
    }
    return value;
  }

  private static Optional<String> optional(RequirementDescriptor d, String key) {
    String value = d.attribute(key);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static List<String> list(RequirementDescriptor d, String key) {
    String value = d.attribute(key);
    return value.isEmpty() ? List.of() : List.of(value.split(",", -1));
  }

  private static boolean bool(RequirementDescriptor d, String key) {
    return switch (required(d, key)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(d, key);
    };
  }

  private static int number(RequirementDescriptor d, String key) {
    try {
      return Integer.parseInt(required(d, key));
    } catch (NumberFormatException e) {
      throw bad(d, key);
    }
  }

  private static Optional<KernelVersion> kernel(RequirementDescriptor d, String key) {
    if (d.attribute(key).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(KernelVersion.parse(d.attribute(key)).orElseThrow(() -> bad(d, key)));
  }

  private static <E extends Enum<E>> E constant(RequirementDescriptor d, String key, Class<E> type) {
    required(d, key);
    return optionalConstant(d, key, type).orElseThrow();
  }

  private static <E extends Enum<E>> Optional<E> optionalConstant(
      RequirementDescriptor d, String key, Class<E> type) {
    String value = d.attribute(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return Optional.of(e);
      }
    }
    throw bad(d, key);
  }

  private static IllegalArgumentException bad(RequirementDescriptor d, String key) {
    return new IllegalArgumentException(
        d.kind() + " requirement with invalid " + key + " '" + d.attribute(key) + "'");
  }
}
