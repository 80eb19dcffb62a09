package dev.privileges.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privileges.engine.bundle.BundleReader;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's parallel steps give what a sequential loop gives: results in input order, and the
 * failure of the first failing input whatever thread meets it first.
 */
class ParallelTest {

  @TempDir Path dir;

  @Test
  void map_keepsTheInputOrder() {
    List<Integer> in = IntStream.range(0, 500).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<String> out = Parallel.map(in, i -> {
      threads.add(Thread.currentThread().getName());
      return "item " + i;
    });
    assertThat(out).containsExactlyElementsOf(in.stream().map(i -> "item " + i).toList());
    assertThat(threads).hasSizeBetween(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void map_throwsTheFailureOfTheFirstFailingItemInOrder_evenWhenALaterOneFailsSooner() {
    List<Integer> in = IntStream.range(0, 40).boxed().toList();
    assertThatThrownBy(() -> Parallel.map(in, i -> {
      if (i == 3) {
        sleep(200); // fails last in time, first in order
        throw new EngineException("item 3 is bad");
      }
      if (i == 4 || i == 30) {
        throw new EngineException("item " + i + " is bad");
      }
      return i;
    })).isInstanceOf(EngineException.class).hasMessage("item 3 is bad");
  }

  @Test
  void map_ofNothing_isEmpty() {
    assertThat(Parallel.map(List.<String>of(), String::length)).isEmpty();
  }

  @Test
  void fork_givesItsResultOrItsFailureAsThrown() {
    assertThat(Parallel.fork(() -> "rendered").join()).isEqualTo("rendered");
    Parallel.Forked<String> failing = Parallel.fork(() -> {
      throw new EngineException("statementTemplate 'x' is not a valid Mustache template");
    });
    assertThatThrownBy(failing::join).isInstanceOf(EngineException.class)
        .hasMessage("statementTemplate 'x' is not a valid Mustache template");
    Parallel.Forked<String> broken = Parallel.fork(() -> {
      throw new StackOverflowError("deep");
    });
    assertThatThrownBy(broken::join).isInstanceOf(StackOverflowError.class).hasMessage("deep");
  }

  /**
   * The default template is compiled once per JVM and executed by several threads at once (a
   * Maven build with -T runs the plugin for several modules in one JVM, and the trim table runs in
   * parallel): statements of different bundles rendered concurrently equal their sequential
   * renderings.
   */
  @Test
  void statementsRenderedConcurrently_equalTheirSequentialRenderings() {
    List<Grant> grants = DataKitLikeBundles.statementGoldens().values().stream()
        .map(b -> new Resolver().resolve(b, DataKitLikeBundles.STATEMENT_OPTIONS)).toList();
    List<String> sequential = grants.stream().map(g -> new StatementRenderer().render(g)).toList();
    List<Integer> jobs = IntStream.range(0, grants.size() * 8).boxed().toList();
    List<String> concurrent = Parallel.map(jobs, i -> new StatementRenderer().render(grants.get(i % grants.size())));
    for (int i = 0; i < jobs.size(); i++) {
      assertThat(concurrent.get(i)).as("job %d", i).isEqualTo(sequential.get(i % grants.size()));
    }
  }

  @Test
  void readingManyJars_reportsTheFirstMalformedJarInClassPathOrder() throws IOException {
    List<Path> jars = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String json = i == 5 || i == 9 ? "{ not json" : "";
      jars.add(jar("dep-" + i + ".jar", json));
    }
    assertThatThrownBy(() -> new BundleReader().read(jars))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("dep-5.jar!/META-INF/dev.privileges/collectors/broken.json")
        .hasMessageNotContaining("dep-9.jar");
  }

  /** A jar with one metadata entry of {@code json}, or with no metadata when it is empty. */
  private Path jar(String name, String json) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("org/example/Filler.txt"));
      out.write("filler".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      if (!json.isEmpty()) {
        out.putNextEntry(new JarEntry("META-INF/dev.privileges/collectors/broken.json"));
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
