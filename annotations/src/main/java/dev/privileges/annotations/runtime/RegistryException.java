package dev.privileges.annotations.runtime;

/**
 * The registry cannot be built: a malformed registry source, or one collector name with two
 * different contents. The message names every source involved (a resource URL or a registry
 * class) and what to do.
 */
public final class RegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with its message, which names the sources involved. */
  public RegistryException(String message) {
    super(message);
  }

  /** An error with its message and the underlying cause. */
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
