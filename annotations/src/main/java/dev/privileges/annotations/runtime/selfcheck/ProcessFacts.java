package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.runtime.KernelVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the process can see about itself under a root folder ({@code /} on a real machine, a fake
 * tree in tests). A value is empty when its file is absent or unreadable, so that every check
 * built on it says "unknown" instead of guessing.
 *
 * @param effectiveCapabilities the {@code CapEff} mask of {@code /proc/self/status}
 * @param effectiveUid the second value of its {@code Uid} line
 * @param seccompMode its {@code Seccomp} line: 0 off, 1 strict, 2 filter
 * @param noNewPrivs its {@code NoNewPrivs} line
 * @param kernel from {@code /proc/sys/kernel/osrelease}
 * @param lastCapability {@code /proc/sys/kernel/cap_last_cap}: the highest capability bit this
 *     kernel knows
 * @param mounts {@code /proc/self/mountinfo}
 * @param appArmorLabel {@code /proc/self/attr/apparmor/current}, else {@code
 *     /proc/self/attr/current}
 */
public record ProcessFacts(
    Optional<Long> effectiveCapabilities,
    Optional<Integer> effectiveUid,
    Optional<Integer> seccompMode,
    Optional<Boolean> noNewPrivs,
    Optional<KernelVersion> kernel,
    Optional<Integer> lastCapability,
    Optional<MountTable> mounts,
    Optional<String> appArmorLabel) {

  /** Checks for {@code null}. */
  public ProcessFacts {
    Objects.requireNonNull(effectiveCapabilities, "effectiveCapabilities");
    Objects.requireNonNull(effectiveUid, "effectiveUid");
    Objects.requireNonNull(seccompMode, "seccompMode");
    Objects.requireNonNull(noNewPrivs, "noNewPrivs");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(lastCapability, "lastCapability");
    Objects.requireNonNull(mounts, "mounts");
    Objects.requireNonNull(appArmorLabel, "appArmorLabel");
  }

  /** The facts read under {@code root}. */
  public static ProcessFacts read(Path root) {
    Map<String, String> status = statusLines(read(root, "proc/self/status").orElse(""));
    Optional<String> appArmor = read(root, "proc/self/attr/apparmor/current")
        .or(() -> read(root, "proc/self/attr/current"));
    return new ProcessFacts(
        parse(status.get("CapEff"), s -> Long.parseUnsignedLong(s, 16)),
        parse(status.get("Uid"), s -> Integer.parseInt(s.split("\\s+")[1])),
        parse(status.get("Seccomp"), Integer::parseInt),
        parse(status.get("NoNewPrivs"), s -> s.equals("1")),
        read(root, "proc/sys/kernel/osrelease").flatMap(KernelVersion::parse),
        parse(read(root, "proc/sys/kernel/cap_last_cap").orElse(null), Integer::parseInt),
        read(root, "proc/self/mountinfo").map(MountTable::parse),
        appArmor.map(s -> s.replace("\0", "").trim()));
  }

  private interface Parser<T> {
    T parse(String s);
  }

  private static <T> Optional<T> parse(String value, Parser<T> parser) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.parse(value.trim()));
    } catch (RuntimeException e) {
      return Optional.empty(); // a line we cannot read is unknown, not a crash of the agent
    }
  }

  private static Map<String, String> statusLines(String text) {
    Map<String, String> out = new HashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return out;
  }

  /** The file's text, or empty when it is absent or cannot be read (EINVAL, EACCES, ...). */
  static Optional<String> read(Path root, String relative) {
    try {
      return Optional.of(Files.readString(root.resolve(relative), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
