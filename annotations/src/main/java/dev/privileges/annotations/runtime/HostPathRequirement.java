package dev.privileges.annotations.runtime;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import java.util.Objects;
import java.util.Optional;

/**
 * The collector needs a node path mounted into its container.
 *
 * @param path the node path, e.g. {@code /proc}
 * @param mountPath where it appears in the container, e.g. {@code /rootfs/proc}
 * @param readOnly {@code false} only if the collector writes there
 * @param type the hostPath type Kubernetes checks before mounting
 * @param propagation the mount propagation
 * @param env the environment variable that tells the collector the mount path, if any
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record HostPathRequirement(
    String path,
    String mountPath,
    boolean readOnly,
    HostPathType type,
    MountPropagation propagation,
    Optional<String> env,
    String reason,
    String declaredBy)
    implements Requirement {

  /** Checks for {@code null}. */
  public HostPathRequirement {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mountPath, "mountPath");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(propagation, "propagation");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.HOST_PATH;
  }

  @Override
  public String summary() {
    String at = mountPath.equals(path) ? "" : " at " + mountPath;
    return "host path " + path + at + (readOnly ? " (read-only)" : " (read-write)");
  }
}
