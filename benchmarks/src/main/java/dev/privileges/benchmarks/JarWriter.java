package dev.privileges.benchmarks;

import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a generated bundle as dependency jars, the way the plugin meets them: each jar holds its
 * collectors' metadata (written with {@link MetadataCodec#write}), a class entry per collector and
 * {@value #FILLER_ENTRIES} other class entries (random bytes, about 1 KB each), so reading a jar
 * means skipping entries that are not metadata.
 */
final class JarWriter {

  static final int FILLER_ENTRIES = 40;

  private JarWriter() {}

  /** Spreads {@code collectors} round-robin over {@code jars} jars in {@code dir}; returns them in order. */
  static List<Path> write(List<CollectorMetadata> collectors, int jars, Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    List<List<CollectorMetadata>> byJar = new ArrayList<>();
    for (int j = 0; j < jars; j++) {
      byJar.add(new ArrayList<>());
    }
    for (int i = 0; i < collectors.size(); i++) {
      byJar.get(i % jars).add(collectors.get(i));
    }
    Random random = new Random(seed);
    List<Path> out = new ArrayList<>();
    for (int j = 0; j < jars; j++) {
      Path jar = dir.resolve(String.format(Locale.ROOT, "collectors-%04d-1.0.jar", j));
      writeJar(jar, j, byJar.get(j), random);
      out.add(jar);
    }
    return out;
  }

  private static void writeJar(Path jar, int index, List<CollectorMetadata> collectors, Random random)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    String pkg = String.format(Locale.ROOT, "bench/j%04d/", index);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (CollectorMetadata c : collectors) {
        String simple = c.source().substring(c.source().lastIndexOf('.') + 1);
        entry(out, pkg + simple + ".class", bytes(random, 600 + random.nextInt(900)));
      }
      for (int k = 0; k < FILLER_ENTRIES; k++) {
        entry(out, pkg + String.format(Locale.ROOT, "support/Helper%03d.class", k),
            bytes(random, 500 + random.nextInt(1100)));
      }
      for (CollectorMetadata c : collectors) {
        entry(out, MetadataLocations.resourceFor(c.name()),
            MetadataCodec.write(c).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
    JarEntry e = new JarEntry(name);
    e.setTime(0L);
    out.putNextEntry(e);
    out.write(content);
    out.closeEntry();
  }

  private static byte[] bytes(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }
}
