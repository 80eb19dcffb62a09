package dev.privileges.annotations.runtime;

/**
 * One declared requirement of a collector, typed by its kind. Every kind is a record, so two
 * identical declarations are equal and a registry keeps them once.
 */
public sealed interface Requirement
    permits PrivilegeRequirement,
        CapabilityRequirement,
        HostPathRequirement,
        PortRequirement,
        WritablePathRequirement,
        ApiRequirement,
        ConfinementRequirement {

  /** Which kind of requirement this is. */
  RequirementKind kind();

  /** One sentence: what the collector does with it. */
  String reason();

  /** The class whose annotation declared it (a superclass or interface, too), or {@code file:<path>}. */
  String declaredBy();

  /** A short, human-readable statement of what is required, e.g. {@code capability SYS_PTRACE}. */
  String summary();
}
