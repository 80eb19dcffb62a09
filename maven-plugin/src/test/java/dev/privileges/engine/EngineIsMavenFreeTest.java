package dev.privileges.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine must stay reusable by other front ends (Gradle, CLI): no Maven imports. */
class EngineIsMavenFreeTest {

  @Test
  void engineSources_importNothingFromMaven() throws IOException {
    Path engine = Path.of("src/main/java/dev/privileges/engine");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(engine)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> {
            try {
              return Files.readString(f).contains("org.apache.maven");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString)
          .toList();
    }
    assertThat(Files.isDirectory(engine)).isTrue();
    assertThat(offenders).isEmpty();
  }
}
