package dev.privileges.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Golden files, compared byte for byte: the one helper of every module's tests. Run the build with
 * {@code -Dprivileges.updateGolden=true} to rewrite them from the actual output after an intended
 * change, then review the diff.
 *
 * <p>Under {@code CI=true} rewriting is refused: a CI job that regenerated its golden files would
 * pass whatever the output, so the switch fails the test instead.
 */
public final class Golden {

  /** The system property that rewrites golden files. */
  public static final String UPDATE_PROPERTY = "privileges.updateGolden";

  private final Path folder;
  private final boolean update;
  private final boolean ci;

  private Golden(Path folder, boolean update, boolean ci) {
    this.folder = folder;
    this.update = update;
    this.ci = ci;
  }

  /** Golden files under {@code folder} (relative to the module), switched by the system property and {@code CI}. */
  public static Golden in(Path folder) {
    return in(folder, System.getProperties().entrySet().stream().collect(
        java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))),
        System.getenv());
  }

  /** As {@link #in(Path)}, reading the switch from the given properties and environment (for tests). */
  public static Golden in(Path folder, Map<String, String> properties, Map<String, String> environment) {
    return new Golden(folder, Boolean.parseBoolean(properties.get(UPDATE_PROPERTY)),
        Boolean.parseBoolean(environment.get("CI")));
  }

  /** Whether this run rewrites golden files instead of comparing. */
  public boolean updating() {
    if (update && ci) {
      throw new AssertionError("golden files are not rewritten under CI=true (-D" + UPDATE_PROPERTY
          + "=true was given): regenerate them locally, review the diff and commit it");
    }
    return update;
  }

  /** The golden file's path. */
  public Path file(String relative) {
    return folder.resolve(relative);
  }

  /** Compares {@code actual} with the golden file {@code relative}, or rewrites it when updating. */
  public void assertMatches(String relative, String actual) {
    Path file = file(relative);
    byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
    try {
      if (updating()) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        return;
      }
      if (!Files.isRegularFile(file)) {
        throw new AssertionError("golden file " + file + " is missing: run with -D" + UPDATE_PROPERTY
            + "=true to create it, then review it");
      }
      byte[] expected = Files.readAllBytes(file);
      if (!Arrays.equals(expected, bytes)) {
        throw new AssertionError(difference(file, new String(expected, StandardCharsets.UTF_8), actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first differing line, which is where a reader starts looking. */
  private static String difference(Path file, String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    int line = 0;
    while (line < e.length && line < a.length && e[line].equals(a[line])) {
      line++;
    }
    return file + " differs at line " + (line + 1) + ":\n  expected: "
        + (line < e.length ? e[line] : "<end of file>") + "\n  actual:   "
        + (line < a.length ? a[line] : "<end of file>") + "\nIf the change is intended, run with -D"
        + UPDATE_PROPERTY + "=true and review the diff.";
  }
}
