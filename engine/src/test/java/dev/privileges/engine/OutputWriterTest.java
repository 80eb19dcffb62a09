package dev.privileges.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

  @TempDir Path dir;

  @Test
  void write_replacesEveryFile_andLeavesNoTemporaryFile() throws IOException {
    Path out = dir.resolve("out");
    new OutputWriter(out).write(Map.of("a.yaml", "old\n"));
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put("a.yaml", "new\n");
    contents.put("b.md", "# B\n");

    new OutputWriter(out).write(contents);

    assertThat(Files.readString(out.resolve("a.yaml"))).isEqualTo("new\n");
    assertThat(Files.readString(out.resolve("b.md"))).isEqualTo("# B\n");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.yaml", "b.md");
    }
  }

  @Test
  void write_outsideTheFolder_isRefusedBeforeAnythingIsWritten() {
    Path out = dir.resolve("out");
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put("ok.yaml", "x\n");
    contents.put("../escape.yaml", "x\n");

    assertThatThrownBy(() -> new OutputWriter(out).write(contents))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'../escape.yaml' points outside the output folder");
    assertThat(out.resolve("ok.yaml")).doesNotExist();
    assertThat(dir.resolve("escape.yaml")).doesNotExist();
  }

  @Test
  void write_whenTheFolderCannotBeCreated_isAnEnvironmentError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");

    assertThatThrownBy(() -> new OutputWriter(blocker.resolve("out")).write(Map.of("a.yaml", "x\n")))
        .isInstanceOf(EngineIoException.class)
        .hasMessageContaining("cannot write outputs to");
  }
}
