package dev.privileges.metadata;

/**
 * A broken declaration rule: a stable code (for tests, docs and searching) and a message that
 * names the bad value and the fix.
 *
 * @param code stable code, e.g. {@code BlankReason}
 * @param message the human message, without the code
 */
public record Violation(String code, String message) {

  /** The message as shown to users: {@code [Code] message}. */
  @Override
  public String toString() {
    return "[" + code + "] " + message;
  }
}
