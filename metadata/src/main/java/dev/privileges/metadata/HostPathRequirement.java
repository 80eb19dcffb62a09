package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;

/**
 * One node path a collector mounts.
 *
 * @param path the absolute path on the node
 * @param mountPath where it appears in the container (already defaulted to {@code path})
 * @param readOnly whether the mount is read-only
 * @param type what Kubernetes checks before mounting
 * @param propagation mount propagation
 * @param env environment variable set to {@code mountPath}; empty for none
 * @param reason what the collector reads or writes there
 * @param declaredBy the type (or file) whose declaration this is
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record HostPathRequirement(
    String path,
    String mountPath,
    boolean readOnly,
    HostPathType type,
    MountPropagation propagation,
    String env,
    String reason,
    String declaredBy) implements SortKeyed {

  public HostPathRequirement {
    mountPath = mountPath == null || mountPath.isEmpty() ? path : mountPath;
    type = type == null ? HostPathType.UNCHECKED : type;
    propagation = propagation == null ? MountPropagation.NONE : propagation;
    env = env == null ? "" : env;
  }

  @Override
  public String sortKey() {
    return path + "\0" + mountPath + "\0" + readOnly + "\0" + declaredBy + "\0" + reason;
  }
}
