package dev.privileges.benchmarks;

import com.google.auto.service.AutoService;
import com.google.auto.service.processor.AutoServiceProcessor;
import dev.privileges.annotations.Collector;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import dev.privileges.processor.CollectorProcessor;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Processor overhead: javac (in-process, a fresh task and file manager per run) on the same
 * generated collector sources, (a) without annotation processing ({@code -proc:none}), (b) with
 * our processor, (c) with AutoService's processor, and three more runs that explain the figures:
 * our processor without its registry, and two processors that do nothing ({@link
 * FloorProcessors}), which show what javac's processing machinery costs by itself. The sources
 * carry both annotation sets, so the runs differ only in which processor runs. Runs alternate
 * through all variants after warm-up rounds; the report gives medians of wall time and of the
 * compiling thread's CPU time, and the median of the per-round ratios to (a).
 */
final class ProcessorBenchmark {

  /** One way of running javac on the sources. */
  enum Variant {
    PLAIN("(a) `-proc:none`"),
    EMPTY("(f1) a processor that does nothing"),
    EMPTY_ONE_SOURCE("(f2) a processor that only writes one source file"),
    OURS_NO_REGISTRY("(b') privileges-processor, `-Aprivileges.registry=false`"),
    OURS("(b) privileges-processor"),
    AUTO_SERVICE("(c) AutoService 1.1.1");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /** The measurements of one variant; ratios are medians of per-round ratios to (a). */
  record VariantResult(Variant variant, Stats.Summary wall, Stats.Summary cpu, double wallRatio,
      double cpuRatio, Stats.Summary allocatedMb) {}

  record Result(int collectors, int extraMethods, long sourceLines, int warmups, int repetitions,
      List<VariantResult> variants, String check) {

    VariantResult of(Variant v) {
      return variants.stream().filter(r -> r.variant() == v).findFirst().orElseThrow();
    }
  }

  private final int collectors;
  private final int extraMethods;
  private final int warmups;
  private final int repetitions;
  private final long seed;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  /** The compiling thread's allocation: the in-process stand-in for peak memory. */
  private final com.sun.management.ThreadMXBean allocation =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  ProcessorBenchmark(int collectors, int extraMethods, int warmups, int repetitions, long seed) {
    this.collectors = collectors;
    this.extraMethods = extraMethods;
    this.warmups = warmups;
    this.repetitions = repetitions;
    this.seed = seed;
  }

  /**
   * What every run compiles: the generated collectors written as sources, and the compiler.
   *
   * @param generated the collectors, to check the processor's output against
   * @param sources their source files
   * @param classPath what they compile against: our annotations and AutoService's
   */
  record Workload(JavaCompiler javac, List<BundleGenerator.Generated> generated, List<Path> sources,
      String classPath) {

    static Workload create(long seed, int collectors, int extraMethods, Path sourceRoot) throws IOException {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac == null) {
        throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
      }
      List<BundleGenerator.Generated> generated = new BundleGenerator(seed).generate(collectors);
      return new Workload(javac, generated, SourceEmitter.write(generated, sourceRoot, extraMethods),
          location(Collector.class) + File.pathSeparator + location(AutoService.class));
    }

    void compile(Variant variant, Path out) throws IOException {
      ProcessorBenchmark.compile(javac, variant, sources, classPath, out);
    }
  }

  Result run(Path work) throws IOException {
    Workload workload = Workload.create(seed, collectors, extraMethods, work.resolve("src"));
    List<BundleGenerator.Generated> generated = workload.generated();
    List<Path> sources = workload.sources();
    long lines = 0;
    for (Path p : sources) {
      lines += Files.readAllLines(p, StandardCharsets.UTF_8).size();
    }
    Variant[] variants = Variant.values();
    Log.info("processor: %d collectors (%d lines of Java), %d source files, %d warm-up and %d measured rounds of %d variants",
        collectors, lines, sources.size(), warmups, repetitions, variants.length);

    StringBuilder check = new StringBuilder();
    Map<Variant, List<Double>> wall = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> cpu = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> wallRatios = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> cpuRatios = new EnumMap<>(Variant.class);
    Map<Variant, List<Double>> allocated = new EnumMap<>(Variant.class);
    for (Variant v : variants) {
      allocated.put(v, new ArrayList<>());
      wall.put(v, new ArrayList<>());
      cpu.put(v, new ArrayList<>());
      wallRatios.put(v, new ArrayList<>());
      cpuRatios.put(v, new ArrayList<>());
    }
    for (int round = 0; round < warmups + repetitions; round++) {
      Map<Variant, double[]> times = new EnumMap<>(Variant.class);
      for (Variant v : variants) {
        Path out = work.resolve("out-" + v.name().toLowerCase(Locale.ROOT));
        Stats.deleteRecursively(out);
        Files.createDirectories(out);
        System.gc();
        long thread = Thread.currentThread().getId();
        long bytes0 = allocation.getThreadAllocatedBytes(thread);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        workload.compile(v, out);
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        long bytes1 = allocation.getThreadAllocatedBytes(thread);
        times.put(v, new double[] {(t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, (bytes1 - bytes0) / 1048576.0});
        if (round == 0) {
          check.append(verify(v, out, generated));
        }
      }
      boolean measured = round >= warmups;
      double[] plain = times.get(Variant.PLAIN);
      StringBuilder line = new StringBuilder();
      for (Variant v : variants) {
        double[] t = times.get(v);
        line.append(String.format(Locale.ROOT, "  %s %6.0f ms (%.3f)", v.label.substring(1, v.label.indexOf(')')),
            t[1], t[1] / plain[1]));
        if (measured) {
          wall.get(v).add(t[0]);
          cpu.get(v).add(t[1]);
          wallRatios.get(v).add(t[0] / plain[0]);
          cpuRatios.get(v).add(t[1] / plain[1]);
          allocated.get(v).add(t[2]);
        }
      }
      Log.info("  %s %2d CPU:%s", measured ? "run   " : "warmup", measured ? round - warmups + 1 : round + 1, line);
    }
    List<VariantResult> results = new ArrayList<>();
    for (Variant v : variants) {
      results.add(new VariantResult(v, Stats.summary(wall.get(v)), Stats.summary(cpu.get(v)),
          Stats.median(wallRatios.get(v)), Stats.median(cpuRatios.get(v)), Stats.summary(allocated.get(v))));
    }
    return new Result(collectors, extraMethods, lines, warmups, repetitions, results, check.toString().strip());
  }

  private static void compile(JavaCompiler javac, Variant variant, List<Path> sources, String classPath, Path out)
      throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of(
          "--release", "17", "-encoding", "UTF-8", "-classpath", classPath, "-d", out.toString(),
          "-implicit:none", "-Xlint:none"));
      Supplier<Processor> processor = null;
      switch (variant) {
        case PLAIN -> options.add("-proc:none");
        case EMPTY -> processor = FloorProcessors.Empty::new;
        case EMPTY_ONE_SOURCE -> processor = FloorProcessors.OneSource::new;
        case OURS -> processor = CollectorProcessor::new;
        case OURS_NO_REGISTRY -> {
          processor = CollectorProcessor::new;
          options.add("-Aprivileges.registry=false");
        }
        case AUTO_SERVICE -> processor = AutoServiceProcessor::new;
      }
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      if (processor != null) {
        task.setProcessors(List.of(processor.get()));
      }
      boolean ok = task.call();
      if (!ok) {
        StringBuilder message = new StringBuilder("compilation (" + variant + ") failed:\n");
        diagnostics.getDiagnostics().stream().limit(10)
            .forEach(d -> message.append("  ").append(d).append('\n'));
        throw new IllegalStateException(message.toString());
      }
    }
  }

  /** Checks once that each variant produced what it should; returns a line for the report. */
  private static String verify(Variant v, Path out, List<BundleGenerator.Generated> generated) throws IOException {
    Path metadata = out.resolve(MetadataLocations.DIRECTORY);
    Path services = out.resolve("META-INF/services/" + BundleGenerator.SERVICE_INTERFACE);
    switch (v) {
      case PLAIN, EMPTY, EMPTY_ONE_SOURCE -> {
        if (Files.exists(metadata) || Files.exists(services)) {
          throw new IllegalStateException(v + " run produced processor output");
        }
        return "";
      }
      case OURS_NO_REGISTRY -> {
        if (Files.exists(out.resolve(RegistryData.RESOURCE))) {
          throw new IllegalStateException("-Aprivileges.registry=false still wrote a registry");
        }
        return "";
      }
      case OURS -> {
        int same = 0;
        for (BundleGenerator.Generated g : generated) {
          Path file = out.resolve(MetadataLocations.resourceFor(g.metadata().name()));
          if (Files.isRegularFile(file)
              && Files.readString(file, StandardCharsets.UTF_8).equals(MetadataCodec.write(g.metadata()))) {
            same++;
          }
        }
        if (same != generated.size()) {
          throw new IllegalStateException("the processor's metadata differs from the generator's for "
              + (generated.size() - same) + " of " + generated.size() + " collectors");
        }
        Path registry = out.resolve(RegistryData.RESOURCE);
        if (!Files.isRegularFile(registry)
            || RegistryData.decode(new String[] {Files.readString(registry, StandardCharsets.UTF_8)}).size() != same) {
          throw new IllegalStateException("the processor's registry does not hold every collector");
        }
        return "our processor wrote " + same + " metadata files, byte-identical to the generator's, and its registry; ";
      }
      case AUTO_SERVICE -> {
        long lines = Files.readAllLines(services, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank()).count();
        if (lines != generated.size()) {
          throw new IllegalStateException("AutoService registered " + lines + " of " + generated.size());
        }
        return "AutoService registered " + lines + " services.";
      }
      default -> throw new AssertionError(v);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
