package dev.privileges.engine;

/**
 * The environment failed, not the user's configuration: a folder could not be listed, an output
 * could not be written. Front ends report it as an execution error (Maven: {@code
 * MojoExecutionException}) rather than as a build failure caused by the user.
 */
public class EngineIoException extends EngineException {

  private static final long serialVersionUID = 1L;

  public EngineIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
