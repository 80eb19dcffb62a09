package dev.privileges.engine;

import dev.privileges.engine.output.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


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

  @Test
  void write_unchangedBytes_leavesTheFileAndItsModificationTime() throws IOException {
    Path out = dir.resolve("out");
    new OutputWriter(out).write(Map.of("a.yaml", "same\n", "b.md", "old\n"));
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out.resolve("a.yaml"), past);
    Files.setLastModifiedTime(out.resolve("b.md"), past);

    Map<String, Path> written = new OutputWriter(out).write(Map.of("a.yaml", "same\n", "b.md", "new\n"));

    assertThat(written).containsOnlyKeys("a.yaml", "b.md");
    assertThat(Files.getLastModifiedTime(out.resolve("a.yaml"))).isEqualTo(past);
    assertThat(Files.getLastModifiedTime(out.resolve("b.md"))).isNotEqualTo(past);
    assertThat(Files.readString(out.resolve("b.md"))).isEqualTo("new\n");
  }

  /** Files larger than the comparison's block: one byte changed anywhere is a change, none is not. */
  @Test
  void write_largeFile_isComparedToTheLastByte() throws IOException {
    Path out = dir.resolve("out");
    String big = "0123456789abcdef".repeat(20_000); // 320 KB: five blocks of 64 KB
    FileTime past = FileTime.fromMillis(1_000_000_000_000L);
    for (int changed : List.of(0, 65_535, 65_536, big.length() - 1)) {
      new OutputWriter(out).write(Map.of("big.json", big));
      Files.setLastModifiedTime(out.resolve("big.json"), past);
      char[] text = big.toCharArray();
      text[changed] = 'X';

      new OutputWriter(out).write(Map.of("big.json", new String(text)));

      assertThat(Files.getLastModifiedTime(out.resolve("big.json"))).as("byte %d changed", changed).isNotEqualTo(past);
      assertThat(Files.readString(out.resolve("big.json"))).isEqualTo(new String(text));
    }
    new OutputWriter(out).write(Map.of("big.json", big));
    Files.setLastModifiedTime(out.resolve("big.json"), past);

    new OutputWriter(out).write(Map.of("big.json", big));

    assertThat(Files.getLastModifiedTime(out.resolve("big.json"))).isEqualTo(past);
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void write_existingFile_keepsItsMode() throws IOException {
    Path out = dir.resolve("out");
    new OutputWriter(out).write(Map.of("lock.json", "old\n"));
    Files.setPosixFilePermissions(out.resolve("lock.json"), PosixFilePermissions.fromString("rw-r-----"));

    new OutputWriter(out).write(Map.of("lock.json", "new\n"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("lock.json"))))
        .isEqualTo("rw-r-----");
  }

  /** The umask belongs to the process, so a fresh JVM started under {@code umask 022} writes. */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void write_newFileUnderUmask022_is0644() throws Exception {
    Path out = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder("/bin/sh", "-c", "umask 022 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\"",
        java, System.getProperty("java.class.path"), WriteOneFile.class.getName(), out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();

    for (String name : List.of("daemonset.yaml", "SECURITY.md")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(name))))
          .as(name).isEqualTo("rw-r--r--");
    }
  }

  /** Run by {@link #write_newFileUnderUmask022_is0644()} in its own JVM. */
  static final class WriteOneFile {
    public static void main(String[] args) {
      new OutputWriter(Path.of(args[0])).write(Map.of("daemonset.yaml", "a: 1\n", "SECURITY.md", "# S\n"));
    }
  }
}
