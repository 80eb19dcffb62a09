package dev.privileges.engine.output;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.EngineIoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;


/**
 * Writes outputs atomically into one folder: each file goes to a temporary file beside it and is
 * moved into place only after every output was rendered, so a failed build never leaves a
 * half-written file. Nothing is written outside the folder.
 *
 * <p>Two habits of release pipelines shape the details:
 *
 * <ul>
 *   <li>A file whose bytes did not change is not touched, so its modification time stays and
 *       tools that watch it (rsync, make, a docs server) see no change.
 *   <li>A new file gets the mode the process's umask gives ({@code 0644} under {@code 022}), an
 *       existing file keeps its mode. {@link Files#createTempFile} would make every output
 *       {@code 0600}, unreadable by a docs server or another CI user, so the temporary file is
 *       created as an ordinary file instead.
 * </ul>
 */
public final class OutputWriter {

  /** Distinguishes the temporary files of concurrent writers in one JVM; the pid does across JVMs. */
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** The block size of the comparison with what a file holds. */
  private static final int COMPARE_BLOCK = 1 << 16;

  private final Path folder;

  public OutputWriter(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /**
   * Writes every file of {@code contents} (relative name to UTF-8 text) whose bytes differ from
   * what is there.
   *
   * @return every output file (written or unchanged), in order
   */
  public Map<String, Path> write(Map<String, String> contents) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    contents.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return writeBytes(bytes);
  }

  /** Like {@link #write(Map)}, for binary files such as the Helm chart's {@code .tgz}. */
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
        byte[] bytes = contents.get(t.getKey());
        if (!unchanged(t.getValue(), bytes)) {
          staged.put(stage(t.getValue(), bytes), t.getValue());
        }
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

  /**
   * Whether {@code target} holds exactly {@code bytes}. Read in blocks rather than whole: the
   * report of a large bundle is 12 MB, and a second copy of it in memory only to compare is waste.
   */
  private static boolean unchanged(Path target, byte[] bytes) throws IOException {
    if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
      return false;
    }
    byte[] block = new byte[(int) Math.min(bytes.length, COMPARE_BLOCK)];
    try (InputStream in = Files.newInputStream(target)) {
      int at = 0;
      while (at < bytes.length) {
        int n = in.readNBytes(block, 0, Math.min(block.length, bytes.length - at));
        if (n == 0 || !Arrays.equals(block, 0, n, bytes, at, at + n)) {
          return false;
        }
        at += n;
      }
      return in.read() < 0;
    }
  }

  /** A hidden file beside {@code target} holding {@code bytes}, with the mode the target will have. */
  private static Path stage(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp;
    while (true) {
      temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
          + "-" + SEQUENCE.incrementAndGet() + ".tmp");
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(bytes);
        break;
      } catch (FileAlreadyExistsException e) {
        // left over by a crashed run with the same pid: take the next name
      }
    }
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (view != null && Files.isRegularFile(target)) {
      Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
    }
    return temp;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
