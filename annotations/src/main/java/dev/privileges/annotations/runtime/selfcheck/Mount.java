package dev.privileges.annotations.runtime.selfcheck;

import java.util.Objects;

/**
 * One line of {@code /proc/self/mountinfo}, as far as the self-check cares.
 *
 * @param mountPoint where it is mounted, unescaped (e.g. {@code /rootfs/proc})
 * @param readOnly whether the mount or its filesystem is read-only
 */
public record Mount(String mountPoint, boolean readOnly) {

  /** Checks for {@code null}. */
  public Mount {
    Objects.requireNonNull(mountPoint, "mountPoint");
  }
}
