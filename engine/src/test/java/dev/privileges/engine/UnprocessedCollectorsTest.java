package dev.privileges.engine;

import dev.privileges.engine.bundle.BundleReader;
import dev.privileges.engine.bundle.UnprocessedCollectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class that carries {@code @Collector} without metadata (the processor did not run, as on JDK
 * 23+ without annotationProcessorPaths) fails the bundle, in the module and in dependency jars.
 */
class UnprocessedCollectorsTest {

  @TempDir Path dir;

  /** Compiles {@code it.Cpu} (a collector) and {@code it.Plain} without any processor. */
  private Path compileWithoutProcessor() throws IOException {
    Path src = dir.resolve("src/it");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Cpu.java"), """
        package it;
        import dev.privileges.annotations.*;
        @Collector(name = "cpu", feature = "Host Basic Metrics")
        @RequiresHostPath(path = "/proc", reason = "Reads /proc/stat.")
        public class Cpu {
          @Deprecated int counter;
          public void collect() {}
        }
        """);
    Files.writeString(src.resolve("Plain.java"), """
        package it;
        public class Plain { dev.privileges.annotations.Collector field; }
        """);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
        classes.toString(), "-classpath", System.getProperty("java.class.path"),
        src.resolve("Cpu.java").toString(), src.resolve("Plain.java").toString());
    assertThat(rc).isZero();
    return classes;
  }

  private static CollectorMetadata cpuMetadata() {
    return MetadataCodec.read("""
        {"formatVersion": 1, "name": "cpu", "feature": "Host Basic Metrics", "source": "it.Cpu",
         "hostPaths": [{"path": "/proc", "readOnly": true, "reason": "Reads /proc/stat.",
                        "declaredBy": "it.Cpu"}]}
        """, "test");
  }

  @Test
  void classFolderWithoutMetadata_failsNamingTheClassAndTheFix() throws IOException {
    Path classes = compileWithoutProcessor();
    assertThatThrownBy(() -> new BundleReader().read(List.of(classes)))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("class it.Cpu (in " + classes + ") carries @Collector but no"
            + " collector metadata was written for it: the privileges annotation processor did"
            + " not run")
        .hasMessageContaining("Add dev.privileges:privileges-processor to <annotationProcessorPaths>")
        .hasMessageNotContaining("it.Plain");
  }

  @Test
  void classFolderWithMetadata_isRead() throws IOException {
    Path classes = compileWithoutProcessor();
    Path file = classes.resolve(MetadataLocations.resourceFor("cpu"));
    Files.createDirectories(file.getParent());
    Files.writeString(file, MetadataCodec.write(cpuMetadata()), StandardCharsets.UTF_8);
    assertThat(new BundleReader().read(List.of(classes)).collectors()).containsKey("cpu");
  }

  private Path jar(Path classes, String pom) throws IOException {
    Path jar = dir.resolve("collectors-1.0.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/maven/com.example/collectors/pom.xml"));
      out.write(pom.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void dependencyJarWithoutMetadata_fails() throws IOException {
    Path jar = jar(compileWithoutProcessor(), "<project><dependencies><dependency>"
        + "<groupId>dev.privileges</groupId><artifactId>privileges-annotations</artifactId>"
        + "</dependency></dependencies></project>");
    assertThatThrownBy(() -> new BundleReader().read(List.of(jar)))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("class it.Cpu (in " + jar + ") carries @Collector");
  }

  @Test
  void jarThatDoesNotDependOnTheAnnotations_isNotScanned() throws IOException {
    Path jar = jar(compileWithoutProcessor(), "<project/>");
    assertThat(new BundleReader().read(List.of(jar)).collectors()).isEmpty();
  }

  @Test
  void notAClassFile_isIgnored() throws IOException {
    assertThat(UnprocessedCollectors.collectorClass(new java.io.ByteArrayInputStream(
        new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1, 2}))).isNull();
    assertThat(UnprocessedCollectors.collectorClass(new java.io.ByteArrayInputStream(
        "random bytes".getBytes(StandardCharsets.UTF_8)))).isNull();
  }
}
