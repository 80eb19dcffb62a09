/**
 * The start-up self-check: does the running process have what its enabled collectors declared?
 * {@link dev.privileges.annotations.runtime.selfcheck.SelfCheck} reads {@code /proc} (under a
 * configurable root) and reports, per collector, ready or the missing requirements with their
 * reasons; what cannot be seen from inside is unknown. See {@code docs/runtime.md}.
 */
package dev.privileges.annotations.runtime.selfcheck;
