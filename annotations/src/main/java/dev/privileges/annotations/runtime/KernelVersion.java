package dev.privileges.annotations.runtime;

import java.util.Optional;

/**
 * A kernel version as far as capability ranges care: {@code major.minor}.
 *
 * @param major e.g. 5
 * @param minor e.g. 8
 */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

  /** Checks that both numbers are not negative. */
  public KernelVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("kernel version " + major + "." + minor + " is negative");
    }
  }

  /**
   * The version at the start of {@code text}: {@code "5.8"}, or a release string such as {@code
   * "6.1.0-18-amd64"} (as in {@code /proc/sys/kernel/osrelease}); empty if it does not start with
   * {@code major.minor}.
   */
  public static Optional<KernelVersion> parse(String text) {
    String[] parts = text.trim().split("[.]", 3);
    if (parts.length < 2) {
      return Optional.empty();
    }
    String minor = leadingDigits(parts[1]);
    if (!isNumber(parts[0]) || minor.isEmpty() || minor.length() > 6 || parts[0].length() > 6) {
      return Optional.empty();
    }
    return Optional.of(new KernelVersion(Integer.parseInt(parts[0]), Integer.parseInt(minor)));
  }

  private static String leadingDigits(String s) {
    int n = 0;
    while (n < s.length() && s.charAt(n) >= '0' && s.charAt(n) <= '9') {
      n++;
    }
    return s.substring(0, n);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && leadingDigits(s).length() == s.length();
  }

  @Override
  public int compareTo(KernelVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  /** {@code major.minor}, e.g. {@code 5.8}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
