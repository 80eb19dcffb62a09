package dev.privileges.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux kernel version, {@code major.minor}, as used by kernel-dependent capability
 * requirements and by the oldest kernel a bundle supports.
 *
 * @param major major version
 * @param minor minor version
 */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

  private static final Pattern SYNTAX = Pattern.compile("([1-9][0-9]?)\\.(0|[1-9][0-9]?)");

  /** Whether {@code text} is a valid {@code major.minor} version. */
  public static boolean isValid(String text) {
    return text != null && SYNTAX.matcher(text).matches();
  }

  /**
   * Parses {@code major.minor}.
   *
   * @throws IllegalArgumentException if the text is not such a version
   */
  public static KernelVersion parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a kernel version of the form major.minor, such as 5.8");
    }
    return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(KernelVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
