package dev.privileges.cli;

/** The CLI's exit codes, documented in the README and in every command's help. */
public enum ExitCode {
  /** The command did what it was asked. */
  OK(0),
  /** {@code check} found a difference from the lock file or a policy violation. */
  CHECK_FAILED(1),
  /** The command line or its inputs are wrong: unknown option, bad value, malformed metadata. */
  USAGE(2),
  /** A file could not be read or written (disk, permissions, a corrupt jar). */
  IO(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
