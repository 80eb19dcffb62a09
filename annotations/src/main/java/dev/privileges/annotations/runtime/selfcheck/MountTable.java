package dev.privileges.annotations.runtime.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mounts of the process, in {@code /proc/self/mountinfo} order: a later mount on the same
 * point hides an earlier one, so lookups take the last match.
 *
 * @param mounts every mount, in file order
 */
public record MountTable(List<Mount> mounts) {

  /** Copies the list. */
  public MountTable {
    mounts = List.copyOf(mounts);
  }

  /**
   * The table in {@code mountinfo} text (proc(5)): the fifth field is the mount point, the sixth
   * the mount options, and the field after the {@code -} separator's file system type and source
   * holds the super-block options. Lines too short to have them are skipped.
   */
  public static MountTable parse(String mountinfo) {
    List<Mount> out = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      String[] f = line.trim().split(" ");
      int separator = List.of(f).indexOf("-");
      if (f.length < 6 || separator < 6 || f.length < separator + 4) {
        continue;
      }
      boolean readOnly = hasOption(f[5], "ro") || hasOption(f[separator + 3], "ro");
      out.add(new Mount(unescape(f[4]), readOnly));
    }
    return new MountTable(out);
  }

  /** The mount exactly at {@code mountPoint}, or empty. */
  public Optional<Mount> at(String mountPoint) {
    Mount found = null;
    for (Mount m : mounts) {
      if (m.mountPoint().equals(mountPoint)) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The mount that holds {@code path}: the one with the longest mount point above it. */
  public Optional<Mount> holding(String path) {
    Mount found = null;
    for (Mount m : mounts) {
      String p = m.mountPoint();
      boolean above = p.equals("/") || path.equals(p) || path.startsWith(p + "/");
      if (above && (found == null || p.length() >= found.mountPoint().length())) {
        found = m;
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean hasOption(String options, String option) {
    return List.of(options.split(",")).contains(option);
  }

  /** The kernel writes space, tab, newline and backslash in mount points as {@code \ooo}. */
  private static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
