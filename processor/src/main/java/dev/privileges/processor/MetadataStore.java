package dev.privileges.processor;

import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.metadata.MetadataLocations;
import dev.privileges.metadata.MetadataWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Owns the {@code META-INF/} paths of the metadata and all Filer I/O for them.
 *
 * <p>Besides one file per collector, it keeps an index of the collectors it wrote ({@link
 * #INDEX}: one {@code name<TAB>source} line each). The next compilation into the same output
 * folder reads it to delete the files of collectors that are gone, and to carry over collectors
 * whose class was not recompiled; compilers remove stale class files, but not stale resources.
 */
final class MetadataStore {

  /** The index of the previous compilation, next to the metadata files. */
  static final String INDEX = "META-INF/dev.privileges/collectors.index";

  /** The ServiceLoader registration of the opt-in registry class. */
  static final String SERVICE_FILE = "META-INF/services/" + CollectorRegistry.class.getName();

  /** javac's own Filer; build tools that track processor output wrap or replace it. */
  private static final String JAVAC_FILER = "com.sun.tools.javac.processing.JavacFiler";

  private final Filer filer;
  /** Folders this compilation has made sure exist. */
  private final java.util.Set<Path> createdFolders = new java.util.HashSet<>();

  MetadataStore(Filer filer) {
    this.filer = filer;
  }

  /** The collectors the previous compilation wrote, name to source; empty if there was none. */
  Map<String, String> previousIndex() {
    Map<String, String> out = new TreeMap<>();
    String text;
    try {
      FileObject index = filer.getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      try (Reader reader = index.openReader(true)) {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n; (n = reader.read(buffer)) > 0; ) {
          sb.append(buffer, 0, n);
        }
        text = sb.toString();
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return out; // a first or clean compilation: there is no index
    }
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return out;
  }

  /**
   * Writes the module's registry text to {@link RegistryData#RESOURCE}, through the Filer with
   * every collector class as an originating element; with no collectors, writes nothing and
   * removes the resource a previous compilation into the same folder left.
   */
  void writeRegistry(String text, Collection<? extends Element> origins) throws IOException {
    if (text.isEmpty()) {
      deleteResource(RegistryData.RESOURCE);
    } else {
      writeResource(RegistryData.RESOURCE, text, origins);
    }
  }

  /**
   * Deletes the metadata file of a collector that no longer exists; false if it could not. The
   * Filer has no delete (the objects getResource returns are read-only), so this goes through
   * the file's URI when the output is a real folder.
   */
  boolean delete(String name) {
    return deleteResource(MetadataLocations.resourceFor(name));
  }

  private boolean deleteResource(String path) {
    FileObject file;
    try {
      file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
    } catch (IOException | IllegalArgumentException e) {
      return true; // nothing there
    }
    java.net.URI uri = file.toUri();
    if (!"file".equals(uri.getScheme())) {
      return file.delete();
    }
    try {
      java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(uri));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes one file per collector and the index, each exactly once per compilation. Writes
   * nothing when there are no collectors now and were none before.
   *
   * <p>The collector files bypass the Filer when the output is a plain folder (see {@link
   * #directOutputFolder()}); the index always goes through the Filer.
   *
   * @param collectors metadata by collector name
   * @param origins the collector class of each name, so build tools can track the output
   * @param hadIndex whether a previous index exists (it is then rewritten, even if empty)
   */
  void write(Map<String, CollectorMetadata> collectors, Map<String, Element> origins,
      boolean hadIndex) throws IOException {
    if (collectors.isEmpty() && !hadIndex) {
      return;
    }
    Path folder = collectors.isEmpty() ? null : directOutputFolder();
    for (Map.Entry<String, CollectorMetadata> entry : collectors.entrySet()) {
      String path = MetadataLocations.resourceFor(entry.getKey());
      String json = MetadataWriter.write(entry.getValue());
      if (folder != null) {
        writeFile(folder.resolve(path), json);
      } else {
        writeResource(path, json, originOf(origins, entry.getKey()));
      }
    }
    StringBuilder index = new StringBuilder();
    for (CollectorMetadata c : collectors.values()) {
      index.append(c.name()).append('\t').append(c.source()).append('\n');
    }
    writeResource(INDEX, index.toString(), origins.values());
  }

  /**
   * The class output folder when the collector files can be written there directly, or null to
   * write them through the Filer.
   *
   * <p>Why: javac's Filer checks every file it creates against every input and every file
   * created so far ({@code JavacFiler.isInFileObjectHistory}), which is quadratic; with one file
   * per collector it was the largest cost of the processor on large modules (see
   * docs/benchmarks.md). Writing the same bytes to the same paths with java.nio avoids it.
   *
   * <p>What is lost: the Filer is told nothing about these files, so no originating elements
   * reach a build tool that listens to the Filer, and javac no longer rejects a second processor
   * that writes the same path. Hence the direct path is taken only when the Filer is javac's own
   * (Gradle's incremental processing and Eclipse wrap or replace it, and then everything goes
   * through the Filer as before) and {@code CLASS_OUTPUT} is a {@code file:} folder (not the
   * in-memory file managers of tests and IDE plugins). Stale files are still removed: the index,
   * written through the Filer with every collector as an originating element, lists what this
   * compilation wrote, and the next compilation into the same folder deletes the files of
   * collectors that are gone (see {@link #delete}).
   */
  Path directOutputFolder() {
    if (!JAVAC_FILER.equals(filer.getClass().getName())) {
      return null;
    }
    try {
      java.net.URI uri = filer.getResource(StandardLocation.CLASS_OUTPUT, "", INDEX).toUri();
      if (!"file".equals(uri.getScheme())) {
        return null;
      }
      Path index = Path.of(uri);
      Path relative = Path.of(INDEX);
      if (!index.endsWith(relative)) {
        return null; // the file manager does not lay resources out below one folder
      }
      Path folder = index;
      for (int i = 0; i < relative.getNameCount(); i++) {
        folder = folder.getParent();
      }
      return folder != null && Files.isDirectory(folder) ? folder : null;
    } catch (IOException | RuntimeException e) {
      return null; // not a plain folder: the Filer knows how to write there
    }
  }

  /**
   * Writes {@code content} to {@code file}, UTF-8, through a temporary file in the same folder
   * that is then moved over the target: a reader never sees half a file. The temporary name does
   * not end in {@code .json}, so a leftover one is never taken for metadata.
   */
  private void writeFile(Path file, String content) throws IOException {
    Path dir = file.getParent();
    // Once per folder: for a folder that exists, Files.createDirectories throws and catches an
    // exception inside, with its stack trace, which for one file per collector was a visible
    // share of the processor's cost.
    if (createdFolders.add(dir)) {
      Files.createDirectories(dir);
    }
    // A fixed temporary name beside the target: Files.createTempFile would seed a SecureRandom,
    // whose set-up cost more than writing all the files of a small module.
    Path temp = dir.resolve(file.getFileName() + ".tmp");
    boolean moved = false;
    try {
      Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp); // only a failed write leaves it behind
      }
    }
  }

  /** Writes a resource below {@code CLASS_OUTPUT}, UTF-8. */
  void writeResource(String path, String content, Collection<? extends Element> origins)
      throws IOException {
    FileObject file = filer.createResource(
        StandardLocation.CLASS_OUTPUT, "", path, origins.toArray(new Element[0]));
    try (OutputStream out = file.openOutputStream()) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<Element> originOf(Map<String, Element> origins, String name) {
    Element e = origins.get(name);
    return e == null ? List.of() : List.of(e);
  }
}
