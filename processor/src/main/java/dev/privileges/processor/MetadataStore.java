package dev.privileges.processor;

import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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

  private final Filer filer;

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
   * Deletes the metadata file of a collector that no longer exists; false if it could not. The
   * Filer has no delete (the objects getResource returns are read-only), so this goes through
   * the file's URI when the output is a real folder.
   */
  boolean delete(String name) {
    FileObject file;
    try {
      file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", MetadataLocations.resourceFor(name));
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
   * @param collectors metadata by collector name
   * @param origins the collector class of each name, so build tools can track the output
   * @param hadIndex whether a previous index exists (it is then rewritten, even if empty)
   */
  void write(Map<String, CollectorMetadata> collectors, Map<String, Element> origins,
      boolean hadIndex) throws IOException {
    for (Map.Entry<String, CollectorMetadata> entry : collectors.entrySet()) {
      writeResource(MetadataLocations.resourceFor(entry.getKey()),
          MetadataCodec.write(entry.getValue()), originOf(origins, entry.getKey()));
    }
    if (collectors.isEmpty() && !hadIndex) {
      return;
    }
    StringBuilder index = new StringBuilder();
    for (CollectorMetadata c : collectors.values()) {
      index.append(c.name()).append('\t').append(c.source()).append('\n');
    }
    writeResource(INDEX, index.toString(), origins.values());
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
