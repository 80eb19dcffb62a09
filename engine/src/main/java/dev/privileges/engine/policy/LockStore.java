package dev.privileges.engine.policy;

import dev.privileges.engine.EngineIoException;
import dev.privileges.engine.output.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;


/** Reads and writes the committed lock file; only the lock file itself is ever touched. */
public final class LockStore {

  private LockStore() {}

  /**
   * The committed lock, or empty when the file does not exist.
   *
   * @param shown how messages name the file
   * @param fix the command that rewrites the lock, for messages
   */
  public static Optional<LockFile> read(Path file, String shown, String fix) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineIoException("cannot read " + shown + ": " + e.getMessage(), e);
    }
    return Optional.of(LockFile.parse(text, shown, fix));
  }

  /** Writes the lock atomically, keeping the file's mode and leaving it alone when unchanged. */
  public static void write(LockFile lock, Path file) {
    Path absolute = file.toAbsolutePath();
    new OutputWriter(absolute.getParent()).write(Map.of(absolute.getFileName().toString(), lock.render()));
  }
}
