package dev.privileges.annotations.runtime.selfcheck;

import java.util.List;
import java.util.Objects;

/**
 * The self-check of one enabled collector.
 *
 * @param name the enabled collector name
 * @param readiness the verdict
 * @param findings one per declared requirement, in the registry's order; empty when the name is
 *     not registered
 */
public record CollectorCheck(String name, Readiness readiness, List<Finding> findings) {

  /** Checks for {@code null} and copies the list. */
  public CollectorCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(readiness, "readiness");
    findings = List.copyOf(findings);
  }

  /** The verdict that follows from the findings: missing beats unknown beats ready. */
  static CollectorCheck of(String name, List<Finding> findings) {
    Readiness readiness = Readiness.READY;
    for (Finding f : findings) {
      if (f.status() == Status.MISSING) {
        readiness = Readiness.MISSING;
      } else if (f.status() == Status.UNKNOWN && readiness == Readiness.READY) {
        readiness = Readiness.UNKNOWN;
      }
    }
    return new CollectorCheck(name, readiness, findings);
  }

  /** The findings with {@code status}. */
  public List<Finding> findings(Status status) {
    return findings.stream().filter(f -> f.status() == status).toList();
  }
}
