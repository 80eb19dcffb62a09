package dev.privileges.benchmarks;

import com.google.auto.service.AutoService;
import com.google.auto.service.processor.AutoServiceProcessor;
import dev.privileges.annotations.Collector;
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
import java.util.List;
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
 * generated collector sources (a) without annotation processing ({@code -proc:none}), (b) with
 * our processor, (c) with AutoService's processor. The sources carry both annotation sets, so (b)
 * and (c) differ only in which processor runs. Runs alternate a, b, c, a, b, c, ... after
 * warm-up rounds; the report gives medians of wall time and of the compiling thread's CPU time,
 * and the median of the per-round ratios b/a and c/a.
 */
final class ProcessorBenchmark {

  private enum Variant { PLAIN, OURS, AUTO_SERVICE }

  record Result(int collectors, int extraMethods, long sourceLines, int warmups, int repetitions, Stats.Summary plainWall,
      Stats.Summary oursWall, Stats.Summary autoServiceWall, Stats.Summary plainCpu,
      Stats.Summary oursCpu, Stats.Summary autoServiceCpu, double oursRatio, double autoServiceRatio,
      double oursCpuRatio, double autoServiceCpuRatio, String check) {}

  private final int collectors;
  private final int extraMethods;
  private final int warmups;
  private final int repetitions;
  private final long seed;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  ProcessorBenchmark(int collectors, int extraMethods, int warmups, int repetitions, long seed) {
    this.collectors = collectors;
    this.extraMethods = extraMethods;
    this.warmups = warmups;
    this.repetitions = repetitions;
    this.seed = seed;
  }

  Result run(Path work) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
    }
    List<BundleGenerator.Generated> generated = new BundleGenerator(seed).generate(collectors);
    List<Path> sources = SourceEmitter.write(generated, work.resolve("src"), extraMethods);
    String classPath = location(Collector.class) + File.pathSeparator + location(AutoService.class);
    long lines = 0;
    for (Path p : sources) {
      lines += Files.readAllLines(p, StandardCharsets.UTF_8).size();
    }
    Log.info("processor: %d collectors (%d lines of Java), %d source files, %d warm-up and %d measured rounds of (a, b, c)",
        collectors, lines, sources.size(), warmups, repetitions);

    String check = "";
    List<List<Double>> wallBy = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpuBy = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Double> oursRatios = new ArrayList<>();
    List<Double> autoRatios = new ArrayList<>();
    List<Double> oursCpuRatios = new ArrayList<>();
    List<Double> autoCpuRatios = new ArrayList<>();
    for (int round = 0; round < warmups + repetitions; round++) {
      double[] w = new double[3];
      double[] c = new double[3];
      for (Variant v : Variant.values()) {
        Path out = work.resolve("out-" + v.name().toLowerCase(Locale.ROOT));
        Stats.deleteRecursively(out);
        Files.createDirectories(out);
        System.gc();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        compile(javac, v, sources, classPath, out);
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        w[v.ordinal()] = (t1 - t0) / 1e6;
        c[v.ordinal()] = (cpu1 - cpu0) / 1e6;
        if (round == 0) {
          check += verify(v, out, generated);
        }
      }
      boolean measured = round >= warmups;
      Log.info("  %s %2d: a %7.0f ms  b %7.0f ms  c %7.0f ms   b/a %.3f  c/a %.3f",
          measured ? "run   " : "warmup", measured ? round - warmups + 1 : round + 1,
          w[0], w[1], w[2], w[1] / w[0], w[2] / w[0]);
      if (measured) {
        for (int i = 0; i < 3; i++) {
          wallBy.get(i).add(w[i]);
          cpuBy.get(i).add(c[i]);
        }
        oursRatios.add(w[1] / w[0]);
        autoRatios.add(w[2] / w[0]);
        oursCpuRatios.add(c[1] / c[0]);
        autoCpuRatios.add(c[2] / c[0]);
      }
    }
    return new Result(collectors, extraMethods, lines, warmups, repetitions,
        Stats.summary(wallBy.get(0)), Stats.summary(wallBy.get(1)), Stats.summary(wallBy.get(2)),
        Stats.summary(cpuBy.get(0)), Stats.summary(cpuBy.get(1)), Stats.summary(cpuBy.get(2)),
        Stats.median(oursRatios), Stats.median(autoRatios),
        Stats.median(oursCpuRatios), Stats.median(autoCpuRatios), check.strip());
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
        case OURS -> processor = CollectorProcessor::new;
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
      case PLAIN -> {
        if (Files.exists(metadata) || Files.exists(services)) {
          throw new IllegalStateException("-proc:none run produced processor output");
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
        return "our processor wrote " + same + " metadata files, byte-identical to the generator's; ";
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
