package dev.privileges.benchmarks;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.BundleReader;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;
import dev.privileges.metadata.CollectorMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's phases on their own, on the generated bundle of the plugin benchmark (5,000
 * collectors; the jars for {@link #read} are written once per trial): read the jars, resolve the
 * grant, render the DaemonSet YAML, render the statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {

  @Param("5000")
  public int collectors;

  @Param("200")
  public int jars;

  private Bundle bundle;
  private GenerationOptions options;
  private Grant grant;
  private Path work;
  private List<Path> jarFiles;

  @Setup
  public void setUp() throws IOException {
    List<CollectorMetadata> generated = new BundleGenerator(BundleGenerator.DEFAULT_SEED)
        .generate(collectors).stream().map(BundleGenerator.Generated::metadata).toList();
    Map<String, CollectorMetadata> byName = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    for (CollectorMetadata c : generated) {
      byName.put(c.name(), c);
      origins.put(c.name(), c.source());
    }
    bundle = new Bundle(byName, origins);
    options = PluginBenchmark.options();
    grant = new Resolver().resolve(bundle, options);
    work = Files.createTempDirectory("privileges-jmh-");
    jarFiles = new ArrayList<>(JarWriter.write(generated, jars, work, BundleGenerator.DEFAULT_SEED));
  }

  @TearDown
  public void tearDown() throws IOException {
    Stats.deleteRecursively(work);
  }

  @Benchmark
  public Bundle read() {
    return new BundleReader().read(jarFiles);
  }

  @Benchmark
  public Grant resolve() {
    return new Resolver().resolve(bundle, options);
  }

  @Benchmark
  public String renderDaemonSet() {
    return new DaemonSetRenderer().render(grant);
  }

  @Benchmark
  public String renderStatement() {
    return new StatementRenderer().render(grant);
  }
}
