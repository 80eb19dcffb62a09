package dev.privileges.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {

  @TempDir Path dir;

  @Test
  void sameBytes_pass() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "a: 1\n");

    Golden.in(dir, Map.of(), Map.of()).assertMatches("a.yaml", "a: 1\n");
  }

  @Test
  void differentBytes_failAtTheFirstDifferentLine() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "a: 1\nb: 2\n");

    assertThatThrownBy(() -> Golden.in(dir, Map.of(), Map.of()).assertMatches("a.yaml", "a: 1\nb: 3\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("differs at line 2")
        .hasMessageContaining("expected: b: 2")
        .hasMessageContaining("actual:   b: 3");
  }

  @Test
  void missingFile_failsWithTheSwitch() {
    assertThatThrownBy(() -> Golden.in(dir, Map.of(), Map.of()).assertMatches("new.md", "x"))
        .hasMessageContaining("is missing: run with -Dprivileges.updateGolden=true");
  }

  @Test
  void update_rewritesTheFile() throws IOException {
    Golden.in(dir, Map.of("privileges.updateGolden", "true"), Map.of()).assertMatches("sub/new.md", "# New\n");

    assertThat(dir.resolve("sub/new.md")).hasContent("# New");
  }

  @Test
  void update_underCi_failsAndWritesNothing() {
    Golden golden = Golden.in(dir, Map.of("privileges.updateGolden", "true"), Map.of("CI", "true"));

    assertThatThrownBy(() -> golden.assertMatches("new.md", "x"))
        .hasMessageContaining("golden files are not rewritten under CI=true");
    assertThat(dir.resolve("new.md")).doesNotExist();
  }
}
