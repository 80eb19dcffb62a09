package dev.privileges.annotations.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * The collector writes into a directory of its container, which is otherwise read-only.
 *
 * @param path the directory inside the container
 * @param keepAcrossRestarts whether the content must survive a restart
 * @param hostPath the node directory that keeps it, when {@code keepAcrossRestarts}
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record WritablePathRequirement(
    String path,
    boolean keepAcrossRestarts,
    Optional<String> hostPath,
    String reason,
    String declaredBy)
    implements Requirement {

  /** Checks for {@code null}. */
  public WritablePathRequirement {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.WRITABLE_PATH;
  }

  @Override
  public String summary() {
    return "writable path " + path + (keepAcrossRestarts ? " (kept across restarts)" : " (scratch)");
  }
}
