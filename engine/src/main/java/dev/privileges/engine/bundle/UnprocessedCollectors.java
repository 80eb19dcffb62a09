package dev.privileges.engine.bundle;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.EngineIoException;

import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataLocations;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fails when a class carries {@code @Collector} but no metadata was written for it: the
 * annotation processor did not run when it was compiled (on JDK 23 and later, javac runs no
 * processor that is only on the class path). Without this check the build is green, and the
 * collector's privileges are silently missing from the DaemonSet.
 *
 * <p>{@code @Collector} has class retention, so a collector's class file names the annotation's
 * descriptor in its constant pool and carries it in its class-level annotations. What is read,
 * to stay cheap on large class paths:
 *
 * <ul>
 *   <li>class folders (the module's own output): every class file;
 *   <li>jars without any metadata whose embedded Maven pom depends on privileges-annotations (a
 *       collector jar built without the processor); other jars are not opened beyond their
 *       directory: a jar with metadata was processed, and a jar that does not depend on the
 *       annotations holds no collector.
 * </ul>
 *
 * Class files are streamed one at a time; a class is parsed past its constant pool only when the
 * pool names the annotation.
 */
public final class UnprocessedCollectors {

  private static final String DESCRIPTOR = "Ldev/privileges/annotations/Collector;";
  private static final byte[] DESCRIPTOR_BYTES = DESCRIPTOR.getBytes(StandardCharsets.UTF_8);
  private static final String ANNOTATIONS_ARTIFACT = "<artifactId>privileges-annotations</artifactId>";
  private static final int MAX_LISTED = 10;

  private UnprocessedCollectors() {}

  /** The classes of one source that carry {@code @Collector}, by binary name. */
  record Found(Path source, List<String> classes) {}

  /**
   * Throws if a class in {@code found} (per source, in order) carries {@code @Collector} and no
   * metadata in {@code metadata} names it as its source.
   */
  static void check(List<Found> found, Collection<CollectorMetadata> metadata) {
    Set<String> withMetadata = new HashSet<>();
    for (CollectorMetadata c : metadata) {
      withMetadata.add(c.source());
    }
    Set<String> missing = new TreeSet<>();
    for (Found f : found) {
      for (String type : f.classes()) {
        if (!withMetadata.contains(type)) {
          missing.add(type + " (in " + f.source() + ")");
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    List<String> listed = new ArrayList<>(missing).subList(0, Math.min(MAX_LISTED, missing.size()));
    throw new EngineException((missing.size() == 1 ? "class " : missing.size() + " classes ")
        + String.join(", ", listed) + (missing.size() > MAX_LISTED ? ", ..." : "")
        + (missing.size() == 1 ? " carries" : " carry") + " @Collector but no collector metadata"
        + " was written for " + (missing.size() == 1 ? "it" : "them") + ": the privileges"
        + " annotation processor did not run when " + (missing.size() == 1 ? "it was" : "they were")
        + " compiled, so " + (missing.size() == 1 ? "its" : "their") + " requirements are unknown."
        + " Add dev.privileges:privileges-processor to <annotationProcessorPaths> of"
        + " maven-compiler-plugin (javac 23 and later run no processor found only on the class"
        + " path) and rebuild the module that holds " + (missing.size() == 1 ? "it" : "them"));
  }

  /** Binary names of the classes of a class folder that carry {@code @Collector}. */
  static List<String> inFolder(Path classes) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      List<Path> classFiles = new ArrayList<>();
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path p = it.next();
        if (p.toString().endsWith(".class")) {
          classFiles.add(p);
        }
      }
      classFiles.sort(null); // natural order, as the stream's sorted() was
      for (Path file : classFiles) {
        try (InputStream in = Files.newInputStream(file)) {
          String type = collectorClass(in);
          if (type != null) {
            out.add(type);
          }
        }
      }
    } catch (IOException e) {
      throw new EngineIoException("cannot read the classes of " + classes + ": " + e, e);
    }
    return out;
  }

  /**
   * Binary names of the classes of {@code zip} (the open {@code jar}, which holds no metadata)
   * that carry {@code @Collector}; none unless its embedded pom depends on the annotations.
   */
  static List<String> inJar(Path jar, ZipFile zip) {
    try {
      List<ZipEntry> classes = new ArrayList<>();
      boolean dependsOnAnnotations = false;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName();
        if (name.endsWith(".class") && !entry.isDirectory()) {
          classes.add(entry);
        } else if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.xml")) {
          try (InputStream in = zip.getInputStream(entry)) {
            dependsOnAnnotations |= new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .contains(ANNOTATIONS_ARTIFACT);
          }
        }
      }
      if (!dependsOnAnnotations) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (ZipEntry entry : classes) {
        try (InputStream in = zip.getInputStream(entry)) {
          String type = collectorClass(in);
          if (type != null) {
            out.add(type);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new EngineIoException("cannot read the classes of " + jar + ": " + e, e);
    }
  }

  /**
   * The binary name of the class in {@code in} if it carries {@code @Collector} itself (not a
   * field or method of it), else null; null too for what is not a class file.
   */
  public static String collectorClass(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 8192));
    try {
      if (in.readInt() != 0xCAFEBABE) {
        return null;
      }
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] classNames = new int[count];
      boolean named = false;
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> {
            byte[] bytes = new byte[in.readUnsignedShort()];
            in.readFully(bytes);
            if (java.util.Arrays.equals(bytes, DESCRIPTOR_BYTES)) {
              named = true;
            }
            utf8[i] = new String(bytes, StandardCharsets.UTF_8); // class names hold no NUL or surrogate
          }
          case 7 -> classNames[i] = in.readUnsignedShort();
          case 8, 16, 19, 20 -> in.skipNBytes(2);
          case 15 -> in.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // takes two slots
          }
          default -> {
            return null; // not a class file we understand
          }
        }
      }
      if (!named) {
        return null; // the common case: nothing more to read
      }
      in.readUnsignedShort(); // access flags
      String self = utf8[classNames[in.readUnsignedShort()]];
      in.readUnsignedShort(); // super class
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      for (int members = 0; members < 2; members++) { // fields, then methods
        for (int n = in.readUnsignedShort(); n > 0; n--) {
          in.skipNBytes(6);
          skipAttributes(in);
        }
      }
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        String attribute = utf8[in.readUnsignedShort()];
        long length = in.readInt() & 0xFFFFFFFFL;
        if ("RuntimeInvisibleAnnotations".equals(attribute) || "RuntimeVisibleAnnotations".equals(attribute)) {
          for (int a = in.readUnsignedShort(); a > 0; a--) {
            if (DESCRIPTOR.equals(utf8[in.readUnsignedShort()])) {
              return self.replace('/', '.');
            }
            skipPairs(in);
          }
        } else {
          in.skipNBytes(length);
        }
      }
      return null;
    } catch (java.io.EOFException | ArrayIndexOutOfBoundsException | NullPointerException e) {
      return null; // truncated or not a class file
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      in.skipNBytes(2);
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }

  /** Skips the element-value pairs of one annotation. */
  private static void skipPairs(DataInputStream in) throws IOException {
    for (int n = in.readUnsignedShort(); n > 0; n--) {
      in.skipNBytes(2);
      skipValue(in);
    }
  }

  private static void skipValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case 'e' -> in.skipNBytes(4);
      case '@' -> {
        in.skipNBytes(2);
        skipPairs(in);
      }
      case '[' -> {
        for (int n = in.readUnsignedShort(); n > 0; n--) {
          skipValue(in);
        }
      }
      default -> in.skipNBytes(2); // B C D F I J S Z s c
    }
  }
}
