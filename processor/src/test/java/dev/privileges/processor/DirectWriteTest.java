package dev.privileges.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import dev.privileges.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a real javac writing into a folder, the collector files are written directly rather than
 * through the Filer (see {@link MetadataStore#directOutputFolder()}); they must be the same files
 * with the same bytes as through the Filer, which the compile-testing tests cover.
 */
class DirectWriteTest {

  private static final Golden GOLDEN = Golden.in(Path.of("src/test/resources/expected"));

  private static final List<String> NAMES = List.of("host_processes", "self", "statsd");

  @TempDir Path dir;

  /** Records, at init, where the store would write directly (null: through the Filer). */
  static final class Probe extends AbstractProcessor {
    Path folder;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      folder = new MetadataStore(env.getFiler()).directOutputFolder();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  private Path compile(Processor... processors) throws IOException {
    Path out = dir.resolve("classes");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", out.toString(), "-classpath",
          System.getProperty("java.class.path"), "-implicit:none", "-Xlint:all");
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, options, null, GeneratedOutputTest.SOURCES);
      task.setProcessors(List.of(processors));
      assertEquals(true, task.call(), () -> "javac failed: " + diagnostics.getDiagnostics());
      assertEquals(List.of(), diagnostics.getDiagnostics());
    }
    return out;
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void realJavac_writesCollectorFilesDirectlyIntoTheClassOutput() throws IOException {
    Probe probe = new Probe();
    Path out = compile(probe, new CollectorProcessor());
    assertEquals(out.toRealPath(), probe.folder.toRealPath());

    Path metadata = out.resolve("META-INF/dev.privileges/collectors");
    assertEquals(List.of("host_processes.json", "self.json", "statsd.json"), listing(metadata));
    for (String name : NAMES) {
      GOLDEN.assertMatches("metadata/" + name + ".json",
          Files.readString(metadata.resolve(name + ".json"), StandardCharsets.UTF_8));
    }
    assertEquals("host_processes\ttest.HostProcesses\nself\ttest.Self\nstatsd\ttest.Statsd\n",
        Files.readString(out.resolve(MetadataStore.INDEX), StandardCharsets.UTF_8));
  }

  @Test
  void realJavac_writesTheSameBytesAsTheFiler() throws IOException {
    Path out = compile(new CollectorProcessor());
    Compilation viaFiler = Compilers.compiler().compile(GeneratedOutputTest.SOURCES);
    assertThat(viaFiler).succeededWithoutWarnings();
    List<String> paths = new ArrayList<>();
    for (String name : NAMES) {
      paths.add("META-INF/dev.privileges/collectors/" + name + ".json");
    }
    paths.add(MetadataStore.INDEX);
    for (String path : paths) {
      byte[] expected;
      try (InputStream in = viaFiler.generatedFile(StandardLocation.CLASS_OUTPUT, "", path)
          .orElseThrow().openInputStream()) {
        expected = in.readAllBytes();
      }
      assertThat(Files.readAllBytes(out.resolve(path))).isEqualTo(expected);
    }
  }

  @Test
  void realJavac_secondCompileReplacesTheFilesAndLeavesNoTemporaryFile() throws IOException {
    Path out = compile(new CollectorProcessor());
    Path self = out.resolve("META-INF/dev.privileges/collectors/self.json");
    Files.writeString(self, "stale\n", StandardCharsets.UTF_8);

    compile(new CollectorProcessor());

    assertEquals(List.of("host_processes.json", "self.json", "statsd.json"),
        listing(self.getParent()));
    GOLDEN.assertMatches("metadata/self.json", Files.readString(self, StandardCharsets.UTF_8));
  }

  @Test
  void inMemoryFileManager_goesThroughTheFiler() {
    Probe probe = new Probe();
    Compilation c = Compilers.compiler().withProcessors(probe, new CollectorProcessor())
        .compile(GeneratedOutputTest.SOURCES);
    assertThat(c).succeededWithoutWarnings();
    assertNull(probe.folder);
  }
}
