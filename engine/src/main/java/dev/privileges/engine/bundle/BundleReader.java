package dev.privileges.engine.bundle;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.EngineIoException;
import dev.privileges.engine.Parallel;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataException;
import dev.privileges.metadata.MetadataLocations;
import dev.privileges.metadata.StreamingMetadataReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;


/**
 * Reads collector metadata from class directories and jars, in the order given (the module's
 * classes first, then its runtime dependencies). A source without metadata contributes nothing;
 * a malformed or newer-format file fails naming the jar and entry; the same collector name from
 * two places fails naming both.
 *
 * <p>Only the metadata entries of a jar are read, each streamed on its own: the rest of the jar
 * is never loaded.
 */
public final class BundleReader {

  private static final Comparator<ZipEntry> BY_NAME = new Comparator<>() {
    @Override
    public int compare(ZipEntry a, ZipEntry b) {
      return a.getName().compareTo(b.getName());
    }
  };

  /** Reads every source, in order. */
  public Bundle read(List<Path> sources) {
    return read(sources, List.of());
  }

  /**
   * Reads every source, in order, then every folder (or file) of hand-written metadata (see
   * {@link HandWrittenReader}).
   */
  public Bundle read(List<Path> sources, List<Path> handWritten) {
    // Sources are independent: each is opened once, on whichever core is free; the results are
    // merged in the given order, so collisions and errors are reported as a loop would.
    // A class rather than a method reference: a fresh JVM spins a class for each lambda it links.
    List<SourceContent> contents = Parallel.map(sources, new Function<Path, SourceContent>() {
      @Override
      public SourceContent apply(Path source) {
        return readSource(source);
      }
    });
    List<Located> all = new ArrayList<>();
    List<UnprocessedCollectors.Found> classes = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      all.addAll(contents.get(i).metadata());
      classes.add(new UnprocessedCollectors.Found(sources.get(i), contents.get(i).collectorClasses()));
    }
    for (Path input : handWritten) {
      for (HandWrittenReader.Located l : new HandWrittenReader().read(input)) {
        all.add(new Located(l.metadata(), l.origin()));
      }
    }
    Map<String, CollectorMetadata> collectors = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (Located located : all) {
      String name = located.metadata().name();
      String before = origins.putIfAbsent(name, located.origin());
      if (before != null) {
        throw new EngineException("collector '" + name + "' is declared twice: in " + before
            + " and in " + located.origin() + ". Rename one of the collectors, or exclude the"
            + " dependency that brings the second copy");
      }
      collectors.put(name, located.metadata());
    }
    UnprocessedCollectors.check(classes, collectors.values());
    return new Bundle(collectors, origins);
  }

  private record Located(CollectorMetadata metadata, String origin) {}

  /**
   * What one source holds: its metadata, and the classes that carry {@code @Collector} where the
   * source may hold collectors compiled without the processor (see {@link UnprocessedCollectors}).
   */
  private record SourceContent(List<Located> metadata, List<String> collectorClasses) {}

  private static final SourceContent NOTHING = new SourceContent(List.of(), List.of());

  private SourceContent readSource(Path source) {
    if (Files.isDirectory(source)) {
      return new SourceContent(readDirectory(source), UnprocessedCollectors.inFolder(source));
    }
    if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".jar")) {
      return readJar(source);
    }
    return NOTHING; // poms, missing optional artifacts: nothing to read
  }

  private List<Located> readDirectory(Path classes) {
    Path folder = classes.resolve(MetadataLocations.DIRECTORY);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Located> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String entry = MetadataLocations.DIRECTORY + file.getFileName();
        if (!MetadataLocations.isMetadataEntry(entry)) {
          continue;
        }
        String origin = file.toString();
        CollectorMetadata metadata = parse(Files.readString(file, StandardCharsets.UTF_8), origin);
        if (isStale(classes, metadata)) {
          continue; // its class was deleted; the compiler left the old file behind
        }
        out.add(new Located(metadata, origin));
      }
    } catch (IOException e) {
      throw new EngineIoException("cannot read collector metadata in " + folder + ": " + e, e);
    }
    return out;
  }

  /**
   * Metadata generated for a class that no longer exists in the same classes directory. Compilers
   * remove stale class files but not stale resources, so an incremental build after deleting a
   * collector would otherwise still grant its privileges. Hand-written metadata (source starting
   * with {@code file:}) is never stale.
   */
  static boolean isStale(Path classes, CollectorMetadata metadata) {
    String source = metadata.source();
    if (source.startsWith("file:")) {
      return false;
    }
    return !Files.isRegularFile(classes.resolve(source.replace('.', '/') + ".class"));
  }

  private SourceContent readJar(Path jar) {
    List<Located> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8)) {
      List<ZipEntry> entries = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (!entry.isDirectory() && MetadataLocations.isMetadataEntry(entry.getName())) {
          entries.add(entry);
        }
      }
      if (entries.isEmpty()) {
        return new SourceContent(List.of(), UnprocessedCollectors.inJar(jar, zip));
      }
      entries.sort(BY_NAME);
      for (ZipEntry entry : entries) {
        String origin = jar + "!/" + entry.getName();
        out.add(new Located(parse(new String(contents(zip, entry), StandardCharsets.UTF_8), origin), origin));
      }
    } catch (IOException e) {
      // an unreadable input, like a missing folder: the environment, not a setting, is wrong
      throw new EngineIoException("cannot read " + jar + " as a jar (" + e.getMessage()
          + "): rebuild or remove it", e);
    }
    // a jar with metadata was processed: the processor writes metadata for every collector
    return new SourceContent(out, List.of());
  }

  /**
   * An entry's bytes, read into an array of the size the jar's directory gives (metadata files are
   * a few KB: {@code readAllBytes} read each into an 8 KB buffer and then copied it, the largest part of what
   * reading 5,000 collectors allocated).
   */
  private static byte[] contents(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      long size = entry.getSize();
      if (size < 0 || size > Integer.MAX_VALUE - 16) {
        return in.readAllBytes(); // size unknown to the directory
      }
      byte[] bytes = new byte[(int) size];
      if (in.readNBytes(bytes, 0, bytes.length) < size || in.read() >= 0) {
        throw new IOException("entry " + entry.getName() + " does not hold the " + size + " bytes its directory says");
      }
      return bytes;
    }
  }

  private static CollectorMetadata parse(String json, String origin) {
    try {
      return StreamingMetadataReader.read(json, origin);
    } catch (MetadataException e) {
      throw new EngineException(e.getMessage(), e);
    }
  }
}
