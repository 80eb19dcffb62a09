package dev.privileges.annotations.runtime.selfcheck;

/** The verdict for one enabled collector. */
public enum Readiness {
  /** Every declared requirement that applies is present. */
  READY,
  /** At least one declared requirement is missing. */
  MISSING,
  /** Nothing is missing, but at least one requirement cannot be checked from inside. */
  UNKNOWN,
  /** The enabled name is not a collector of the registry (a typo in the enabled inputs?). */
  NOT_REGISTERED
}
