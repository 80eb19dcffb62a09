package dev.privileges.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}, compared byte for byte. Run the build
 * with {@code -Dprivileges.updateGolden=true} to rewrite them after an intended change, then
 * review the diff.
 */
final class Golden {

  static final String UPDATE_PROPERTY = "privileges.updateGolden";
  private static final Path FOLDER = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatches(String fileName, String actual) {
    Path file = FOLDER.resolve(fileName);
    byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return;
      }
      assertThat(file).as("golden file %s is missing: run with -D%s=true to create it", file, UPDATE_PROPERTY)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual).as("%s differs; if the change is intended, run with -D%s=true", file, UPDATE_PROPERTY)
          .isEqualTo(expected);
      assertThat(bytes).isEqualTo(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
