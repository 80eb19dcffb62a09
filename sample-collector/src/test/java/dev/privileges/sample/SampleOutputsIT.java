package dev.privileges.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample's generated outputs, for both build profiles, equal the golden files checked in under
 * {@code sample-collector/golden/}. Run with {@code -Dprivileges.updateGolden=true} to rewrite the
 * golden files after an intended change, then review the diff.
 */
class SampleOutputsIT {

  private static final Path GENERATED = Path.of("target/privileges");
  private static final Path GOLDEN = Path.of("golden");

  static Stream<String> outputs() throws IOException {
    try (Stream<Path> files = Files.walk(GENERATED)) {
      return files.filter(Files::isRegularFile)
          .map(f -> GENERATED.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("outputs")
  void generatedOutput_equalsGoldenFile(String relative) throws IOException {
    if (relative.endsWith(".tgz")) { // the Helm chart's package: byte for byte
      byte[] bytes = Files.readAllBytes(GENERATED.resolve(relative));
      Path golden = GOLDEN.resolve(relative);
      if (Boolean.getBoolean("privileges.updateGolden") && System.getenv("CI") == null) {
        Files.createDirectories(golden.getParent());
        Files.write(golden, bytes);
      }
      assertThat(golden).as("golden file for %s (run with -Dprivileges.updateGolden=true)", relative).exists();
      assertThat(bytes).as(relative).isEqualTo(Files.readAllBytes(golden));
      return;
    }
    Golden.in(GOLDEN).assertMatches(relative, Files.readString(GENERATED.resolve(relative), StandardCharsets.UTF_8));
  }

  @org.junit.jupiter.api.Test
  void everyGoldenFile_isStillGenerated() throws IOException {
    List<String> generated = outputs().toList();
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      assertThat(files.filter(Files::isRegularFile)
              .map(f -> GOLDEN.relativize(f).toString().replace('\\', '/')).sorted().toList())
          .as("golden files without a generated counterpart")
          .isSubsetOf(generated);
    }
  }

  @org.junit.jupiter.api.Test
  void bothProfiles_produceADaemonSetAndAStatement() {
    for (String profile : List.of("default", "full")) {
      assertThat(GENERATED.resolve(profile + "/daemonset.yaml")).isRegularFile();
      assertThat(GENERATED.resolve(profile + "/SECURITY.md")).isRegularFile();
    }
  }
}
