package dev.privileges.engine.statement;

import java.io.File;
import java.nio.file.Path;

/**
 * A path as messages show it: relative to the project (or working) folder when inside it, with
 * {@code /} on every system, so a message reads the same on every machine.
 */
public final class ShownPath {

  private ShownPath() {}

  public static String of(Path base, Path path) {
    Path b = base.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return (p.startsWith(b) && !p.equals(b) ? b.relativize(p) : p).toString().replace(File.separatorChar, '/');
  }
}
