package dev.privileges.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Linux capabilities (capabilities(7), kernel 6.x) and their Kubernetes spelling. */
public final class LinuxCapabilities {

  /** Every capability name without the {@code CAP_} prefix, as Kubernetes wants it. */
  public static final Set<String> ALL =
      Set.of(
          "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID",
          "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST",
          "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO",
          "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
          "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE",
          "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
          "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

  private LinuxCapabilities() {}

  /**
   * The Kubernetes spelling of {@code name} ({@code "cap_net_raw"} and {@code "NET_RAW"} both give
   * {@code NET_RAW}), or empty if it is not a Linux capability.
   */
  public static Optional<String> normalize(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
    return ALL.contains(bare) ? Optional.of(bare) : Optional.empty();
  }
}
