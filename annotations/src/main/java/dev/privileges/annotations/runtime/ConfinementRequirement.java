package dev.privileges.annotations.runtime;

import dev.privileges.annotations.Confinement;
import java.util.Objects;

/**
 * The collector needs a relaxed confinement (an unconfined seccomp or AppArmor profile).
 *
 * @param confinement which confinement is relaxed
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record ConfinementRequirement(Confinement confinement, String reason, String declaredBy)
    implements Requirement {

  /** Checks for {@code null}. */
  public ConfinementRequirement {
    Objects.requireNonNull(confinement, "confinement");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.CONFINEMENT;
  }

  @Override
  public String summary() {
    return "confinement " + confinement;
  }
}
