package dev.privileges.annotations.runtime.selfcheck;

/** What the self-check found for one declared requirement. */
public enum Status {
  /** The running process has it. */
  PRESENT,
  /** The running process does not have it: the collector will fail where it uses it. */
  MISSING,
  /** It cannot be known from inside the process (e.g. {@code hostPID}); never guessed. */
  UNKNOWN,
  /** It does not apply here, e.g. a capability declared only for older kernels. */
  NOT_APPLICABLE
}
