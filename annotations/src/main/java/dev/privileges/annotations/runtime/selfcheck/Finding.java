package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.runtime.Requirement;
import java.util.Objects;

/**
 * The self-check's finding for one declared requirement.
 *
 * @param requirement the requirement as declared, with its reason and declaring class
 * @param status present, missing, unknown or not applicable
 * @param detail what was seen, in container terms (e.g. {@code nothing is mounted at
 *     /rootfs/proc}); never a path of the check's root folder
 */
public record Finding(Requirement requirement, Status status, String detail) {

  /** Checks for {@code null}. */
  public Finding {
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }
}
