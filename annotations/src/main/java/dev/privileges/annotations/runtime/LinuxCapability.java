package dev.privileges.annotations.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The Linux capabilities (capabilities(7), kernel 6.x) in Kubernetes spelling, each with its bit
 * number in the kernel's capability sets: the self-check needs the bit to read {@code CapEff} in
 * {@code /proc/self/status}, and an agent querying the registry needs a type a typo cannot pass.
 */
public enum LinuxCapability {
  CHOWN(0),
  DAC_OVERRIDE(1),
  DAC_READ_SEARCH(2),
  FOWNER(3),
  FSETID(4),
  KILL(5),
  SETGID(6),
  SETUID(7),
  SETPCAP(8),
  LINUX_IMMUTABLE(9),
  NET_BIND_SERVICE(10),
  NET_BROADCAST(11),
  NET_ADMIN(12),
  NET_RAW(13),
  IPC_LOCK(14),
  IPC_OWNER(15),
  SYS_MODULE(16),
  SYS_RAWIO(17),
  SYS_CHROOT(18),
  SYS_PTRACE(19),
  SYS_PACCT(20),
  SYS_ADMIN(21),
  SYS_BOOT(22),
  SYS_NICE(23),
  SYS_RESOURCE(24),
  SYS_TIME(25),
  SYS_TTY_CONFIG(26),
  MKNOD(27),
  LEASE(28),
  AUDIT_WRITE(29),
  AUDIT_CONTROL(30),
  SETFCAP(31),
  MAC_OVERRIDE(32),
  MAC_ADMIN(33),
  SYSLOG(34),
  WAKE_ALARM(35),
  BLOCK_SUSPEND(36),
  AUDIT_READ(37),
  PERFMON(38),
  BPF(39),
  CHECKPOINT_RESTORE(40);

  private final int bit;

  LinuxCapability(int bit) {
    this.bit = bit;
  }

  /** The bit number in the kernel's capability masks, e.g. 19 for {@code SYS_PTRACE}. */
  public int bit() {
    return bit;
  }

  /** The kernel's name, e.g. {@code CAP_SYS_PTRACE}. */
  public String kernelName() {
    return "CAP_" + name();
  }

  /**
   * The capability called {@code name}, with or without {@code CAP_} and in any case ({@code
   * "cap_net_raw"}, {@code "NET_RAW"}), or empty if it is not a Linux capability.
   */
  public static Optional<LinuxCapability> parse(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
    for (LinuxCapability c : values()) {
      if (c.name().equals(bare)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
