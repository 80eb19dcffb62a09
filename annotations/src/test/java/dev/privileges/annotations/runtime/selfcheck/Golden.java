package dev.privileges.annotations.runtime.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/expected/} (the processor's tests have the same
 * helper; this module cannot depend on theirs, which depends on it). Run the tests with {@code
 * -Dprivileges.updateGolden=true} to rewrite them from the actual output, then review the diff.
 */
final class Golden {

  private static final Path ROOT = Path.of("src", "test", "resources", "expected");

  private Golden() {}

  static void assertMatches(String relativePath, String actual) throws IOException {
    Path file = ROOT.resolve(relativePath);
    if (Boolean.getBoolean("privileges.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionError("golden file " + file + " is missing: run the tests with"
          + " -Dprivileges.updateGolden=true to create it, then review it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
        "output differs from " + file + " (rerun with -Dprivileges.updateGolden=true to accept)");
  }
}
