package dev.privileges.annotations.runtime;

import dev.privileges.annotations.Privilege;
import java.util.Objects;

/**
 * The collector needs a pod or container privilege ({@code hostPID}, {@code privileged}, ...).
 *
 * @param privilege which privilege
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record PrivilegeRequirement(Privilege privilege, String reason, String declaredBy)
    implements Requirement {

  /** Checks for {@code null}. */
  public PrivilegeRequirement {
    Objects.requireNonNull(privilege, "privilege");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.PRIVILEGE;
  }

  @Override
  public String summary() {
    return "privilege " + privilege;
  }
}
