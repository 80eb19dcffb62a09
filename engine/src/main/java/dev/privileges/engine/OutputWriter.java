package dev.privileges.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes outputs atomically into one folder: each file goes to a temporary file beside it and is
 * moved into place only after every output was rendered, so a failed build never leaves a
 * half-written file and keeps the previous outputs. Nothing is written outside the folder.
 */
public final class OutputWriter {

  private final Path folder;

  public OutputWriter(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /**
   * Writes every file of {@code contents} (relative name to UTF-8 text).
   *
   * @return the written files, in order
   */
  public Map<String, Path> write(Map<String, String> contents) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    contents.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return writeBytes(bytes);
  }

  /** Like {@link #write(Map)}, for binary files such as the chart's {@code .tgz}. */
  public Map<String, Path> writeBytes(Map<String, byte[]> contents) {
    Map<String, Path> targets = new LinkedHashMap<>();
    for (String name : contents.keySet()) {
      Path target = folder.resolve(name).normalize();
      if (!target.startsWith(folder) || target.equals(folder)) {
        throw new EngineException("output file name '" + name + "' points outside the output folder "
            + folder + ": use a plain file name such as 'daemonset.yaml'");
      }
      targets.put(name, target);
    }
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Path> t : targets.entrySet()) {
        Files.createDirectories(t.getValue().getParent());
        Path temp = Files.createTempFile(t.getValue().getParent(), ".privileges-", ".tmp");
        staged.put(temp, t.getValue());
        Files.write(temp, contents.get(t.getKey()));
      }
      for (Map.Entry<Path, Path> s : staged.entrySet()) {
        move(s.getKey(), s.getValue());
      }
    } catch (IOException e) {
      throw new EngineIoException("cannot write outputs to " + folder + ": " + e.getMessage(), e);
    } finally {
      for (Path temp : staged.keySet()) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: a leftover temp file is harmless and hidden
        }
      }
    }
    return targets;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
