package dev.privileges.annotations;

/** A kernel confinement a collector can ask to have lifted with {@link RequiresRelaxedConfinement}. */
public enum Confinement {
  /** Run without a seccomp filter: {@code seccompProfile: {type: Unconfined}}. */
  SECCOMP_UNCONFINED,
  /** Run without an AppArmor profile: {@code appArmorProfile: {type: Unconfined}}. */
  APPARMOR_UNCONFINED
}
