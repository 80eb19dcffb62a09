package dev.privileges.engine;

/**
 * A user mistake found by the engine: bad configuration, conflicting declarations, unreadable
 * metadata. The message names where (parameter, collector, file), the bad value and the fix; front
 * ends show it without a stack trace.
 */
public class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
