package dev.privileges.benchmarks;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.BundleReader;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.output.OutputWriter;
import dev.privileges.engine.PrivilegesEngine;
import dev.privileges.engine.kubernetes.WrittenYamlAudit;
import dev.privileges.engine.report.ReportRenderer;
import dev.privileges.engine.statement.StatementRenderer;
import dev.privileges.metadata.CollectorMetadata;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugin time: the {@code generate} work of {@link PrivilegesEngine} (read the metadata from the
 * jars, resolve, render the DaemonSet and the statement, write both atomically) on generated
 * bundles of {@code collectors} collectors in {@code jars} jars, and at 2x and 4x that input. The
 * jars are built once; runs alternate 1x, 2x, 4x after warm-up rounds. A second, shorter pass
 * times the phases on their own, to show where the time goes.
 */
final class PluginBenchmark {

  static final int[] SCALES = {1, 2, 4};

  /** The small bundle of the cold target (PRODUCT §10): an agent with a few collectors. */
  static final int SMALL_COLLECTORS = 20;

  static final int SMALL_JARS = 4;

  record Scale(int factor, int collectors, int jars, long jarBytes, Stats.Summary time, Stats.Summary cpu,
      double allocatedMb, Map<String, Double> phases, int yamlChars, int statementChars) {}

  /**
   * @param cold the fresh-JVM samples: 1x, then the small bundle
   */
  record Result(List<Scale> scales, double firstRunMs, List<ColdRuns.Input> cold, int warmups, int repetitions) {

    double ratio(int from, int to) {
      return scales.get(to).time().median() / scales.get(from).time().median();
    }
  }

  private final int collectors;
  private final int jars;
  private final int warmups;
  private final int repetitions;
  private final long seed;

  PluginBenchmark(int collectors, int jars, int warmups, int repetitions, long seed) {
    this.collectors = collectors;
    this.jars = jars;
    this.warmups = warmups;
    this.repetitions = repetitions;
    this.seed = seed;
  }

  static GenerationOptions options() {
    return GenerationOptions.builder()
        .name("bench-agent")
        .namespace("bench-agent")
        .image("registry.example.com/bench-agent:1.0.0")
        .productName("Bench Agent")
        .build();
  }

  Result run(Path work) throws IOException {
    List<List<Path>> sources = new ArrayList<>();
    long[] jarBytes = new long[SCALES.length];
    for (int s = 0; s < SCALES.length; s++) {
      int n = collectors * SCALES[s];
      int j = jars * SCALES[s];
      List<CollectorMetadata> bundle = new BundleGenerator(seed).generate(n).stream()
          .map(BundleGenerator.Generated::metadata).toList();
      Path dir = work.resolve("jars-" + SCALES[s] + "x");
      List<Path> list = new ArrayList<>();
      Path classes = work.resolve("classes-" + SCALES[s] + "x");
      Files.createDirectories(classes); // the module's own (empty) classes directory comes first
      list.add(classes);
      list.addAll(JarWriter.write(bundle, j, dir, seed + s));
      for (Path p : list) {
        jarBytes[s] += Files.isRegularFile(p) ? Files.size(p) : 0;
      }
      sources.add(list);
      Log.info("plugin: %dx = %d collectors in %d jars (%.1f MB of jars) written", SCALES[s], n, j,
          jarBytes[s] / 1e6);
    }
    List<ColdRuns.Input> cold = coldRuns(work, sources.get(0));
    GenerationOptions options = options();
    List<List<Double>> times = new ArrayList<>();
    List<List<Double>> allocated = new ArrayList<>();
    List<List<Double>> cpu = new ArrayList<>();
    for (int s = 0; s < SCALES.length; s++) {
      times.add(new ArrayList<>());
      cpu.add(new ArrayList<>());
      allocated.add(new ArrayList<>());
    }
    double firstRun = -1;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 0; round < warmups + repetitions; round++) {
      boolean measured = round >= warmups;
      StringBuilder line = new StringBuilder();
      for (int s = 0; s < SCALES.length; s++) {
        Path out = work.resolve("out-" + SCALES[s] + "x");
        System.gc();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        new PrivilegesEngine().generate(sources.get(s), options, out, PrivilegesEngine.OutputNames.defaults());
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        long a1 = threads.getCurrentThreadAllocatedBytes();
        double ms = (t1 - t0) / 1e6;
        if (firstRun < 0) {
          firstRun = ms;
        }
        if (measured) {
          times.get(s).add(ms);
          cpu.get(s).add((c1 - c0) / 1e6);
          allocated.get(s).add((a1 - a0) / 1e6);
        }
        line.append(String.format(java.util.Locale.ROOT, "  %dx %7.1f ms", SCALES[s], ms));
      }
      Log.info("  %s %2d:%s", measured ? "run   " : "warmup", measured ? round - warmups + 1 : round + 1, line);
    }

    List<Scale> scales = new ArrayList<>();
    for (int s = 0; s < SCALES.length; s++) {
      Phases phases = phases(sources.get(s), options, work.resolve("phases-" + SCALES[s] + "x"), 5);
      scales.add(new Scale(SCALES[s], collectors * SCALES[s], jars * SCALES[s], jarBytes[s],
          Stats.summary(times.get(s)), Stats.summary(cpu.get(s)), Stats.median(allocated.get(s)), phases.medians(),
          phases.yamlChars(), phases.statementChars()));
    }
    return new Result(scales, firstRun, cold, warmups, repetitions);
  }

  /** Fresh-JVM samples of the 1x input and of a small bundle, alternating. */
  private List<ColdRuns.Input> coldRuns(Path work, List<Path> oneX) throws IOException {
    List<CollectorMetadata> small = new BundleGenerator(seed).generate(SMALL_COLLECTORS).stream()
        .map(BundleGenerator.Generated::metadata).toList();
    Path classes = work.resolve("classes-small");
    Files.createDirectories(classes);
    List<Path> smallSources = new ArrayList<>();
    smallSources.add(classes);
    smallSources.addAll(JarWriter.write(small, SMALL_JARS, work.resolve("jars-small"), seed + SCALES.length));
    Map<String, List<Path>> inputs = new LinkedHashMap<>();
    inputs.put("1x", oneX);
    inputs.put(SMALL_COLLECTORS + " collectors", smallSources);
    Log.info("plugin: %d cold rounds (a fresh JVM per sample): 1x and %d collectors in %d jars", repetitions,
        SMALL_COLLECTORS, SMALL_JARS);
    return new ColdRuns(repetitions).run(inputs, work.resolve("cold"));
  }

  /** The phases of {@code generate}, in the order {@link #phases} times them. */
  static final List<String> PHASES = List.of("read", "resolve", "render YAML", "audit YAML", "report",
      "render statement", "write");

  private record Phases(Map<String, Double> medians, int yamlChars, int statementChars) {}

  /**
   * The same work as {@code generate}, phase by phase on one thread (generate overlaps the
   * statement with the YAML, its audit and the report), {@code runs} times; medians per phase.
   */
  private static Phases phases(List<Path> sources, GenerationOptions options, Path out, int runs) {
    Map<String, List<Double>> byPhase = new LinkedHashMap<>();
    for (String p : PHASES) {
      byPhase.put(p, new ArrayList<>());
    }
    int yaml = 0;
    int statement = 0;
    for (int i = 0; i < runs; i++) {
      System.gc();
      long t0 = System.nanoTime();
      Bundle bundle = new BundleReader().read(sources);
      long t1 = System.nanoTime();
      Grant grant = new PrivilegesEngine().resolve(bundle, options);
      long t2 = System.nanoTime();
      String y = new DaemonSetRenderer().render(grant);
      long t3 = System.nanoTime();
      WrittenYamlAudit.verify(y, grant);
      long t4 = System.nanoTime();
      byte[] report = new ReportRenderer().renderUtf8(bundle, grant);
      long t5 = System.nanoTime();
      StatementRenderer.Rendered s = new StatementRenderer().renderWithDiagram(grant);
      long t6 = System.nanoTime();
      Map<String, byte[]> contents = new LinkedHashMap<>();
      contents.put("daemonset.yaml", y.getBytes(StandardCharsets.UTF_8));
      contents.put("SECURITY.md", s.markdown().getBytes(StandardCharsets.UTF_8));
      contents.put(StatementRenderer.DIAGRAM_FILE, s.diagramSvg().getBytes(StandardCharsets.UTF_8));
      contents.put("privileges.json", report);
      new OutputWriter(out).writeBytes(contents);
      long t7 = System.nanoTime();
      long[] t = {t0, t1, t2, t3, t4, t5, t6, t7};
      int k = 0;
      for (List<Double> values : byPhase.values()) {
        values.add((t[k + 1] - t[k]) / 1e6);
        k++;
      }
      yaml = y.length();
      statement = s.markdown().length();
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    byPhase.forEach((k, v) -> medians.put(k, Stats.median(v)));
    return new Phases(medians, yaml, statement);
  }
}
