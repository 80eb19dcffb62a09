package dev.privileges.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}, compared byte for byte;
 * {@code -Dprivileges.updateGolden=true} rewrites them instead (then review the diff).
 */
final class StatementGolden {

  private static final Path ROOT = Path.of("src/test/resources/golden");

  private StatementGolden() {}

  static void assertMatches(String relative, String actual) throws IOException {
    Path file = ROOT.resolve(relative);
    if (Boolean.getBoolean("privileges.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (rerun with -Dprivileges.updateGolden=true to create it)", file).exists();
    assertThat(actual).as("output differs from golden file %s", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
