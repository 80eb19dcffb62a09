package dev.privileges.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints a Markdown report (also written to {@code --report}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [all|processor|forked|profile|plugin|jmh] [--quick]
 *     [--processor-collectors 2000] [--methods 4] [--plugin-collectors 5000] [--plugin-jars 200]
 *     [--warmups 3] [--repetitions 10] [--seed 20261126] [--report file.md]
 * </pre>
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String what = "all";
    boolean quick = false;
    int processorCollectors = 2000;
    int extraMethods = 4;
    int pluginCollectors = 5000;
    int pluginJars = 200;
    int smallClasses = 2000;
    String beforeProcessorPath = null;
    int warmups = 3;
    int repetitions = 10;
    long seed = BundleGenerator.DEFAULT_SEED;
    Path report = Path.of("benchmarks", "target", "benchmark-report.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "all", "processor", "forked", "profile", "plugin", "jmh" -> what = args[i];
        case "--quick" -> quick = true;
        case "--processor-collectors" -> processorCollectors = Integer.parseInt(args[++i]);
        case "--methods" -> extraMethods = Integer.parseInt(args[++i]);
        case "--plugin-collectors" -> pluginCollectors = Integer.parseInt(args[++i]);
        case "--plugin-jars" -> pluginJars = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--report" -> report = Path.of(args[++i]);
        case "--small-classes" -> smallClasses = Integer.parseInt(args[++i]);
        case "--before-processor-path" -> beforeProcessorPath = args[++i];
        default -> {
          System.err.println("unknown argument '" + args[i] + "': use all, processor, forked, profile, plugin or jmh,"
              + " and --quick, --processor-collectors N, --methods N, --plugin-collectors N, --plugin-jars N,"
              + " --warmups N, --repetitions N, --seed S, --report FILE, --small-classes N,"
              + " --before-processor-path PATH");
          System.exit(2);
        }
      }
    }
    if (quick) {
      processorCollectors = Math.min(processorCollectors, 300);
      pluginCollectors = Math.min(pluginCollectors, 500);
      pluginJars = Math.min(pluginJars, 20);
      warmups = 1;
      repetitions = 3;
    }

    StringBuilder md = new StringBuilder();
    md.append("## Run of ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
    md.append(machine()).append('\n');
    Path work = Files.createTempDirectory("privileges-bench-");
    try {
      if (what.equals("all") || what.equals("processor")) {
        ProcessorBenchmark.Result r =
            new ProcessorBenchmark(processorCollectors, extraMethods, warmups, repetitions, seed).run(work.resolve("processor"));
        md.append(processorReport(r)).append('\n');
        Stats.deleteRecursively(work.resolve("processor"));
        ForkedJavacBenchmark.Result f = new ForkedJavacBenchmark(quick ? 300 : smallClasses,
            Math.min(warmups, 1), quick ? 3 : Math.max(repetitions - 1, 3), seed, beforeProcessorPath, false)
            .run(work.resolve("forked"));
        md.append(forkedReport(f)).append('\n');
        md.append(processorTargets(r, f)).append('\n');
        Stats.deleteRecursively(work.resolve("forked"));
      }
      if (what.equals("forked")) {
        ForkedJavacBenchmark.Result f = new ForkedJavacBenchmark(quick ? 300 : smallClasses, Math.min(warmups, 1),
            quick ? 3 : repetitions, seed, beforeProcessorPath, true).run(work.resolve("forked"));
        md.append(forkedReport(f)).append('\n');
        md.append("Processor targets (ours at most AutoService, same run):\n").append(forkedTargets(f)).append('\n');
      }
      if (what.equals("profile")) {
        ProcessorProfile.Result r = new ProcessorProfile(processorCollectors, extraMethods, Math.min(warmups, 2),
            quick ? 1 : 3, seed).run(work.resolve("profile"));
        md.append(ProcessorProfile.report(r)).append('\n');
      }
      if (what.equals("all") || what.equals("plugin")) {
        PluginBenchmark.Result r =
            new PluginBenchmark(pluginCollectors, pluginJars, warmups, repetitions, seed).run(work.resolve("plugin"));
        md.append(pluginReport(r)).append('\n');
        Stats.deleteRecursively(work.resolve("plugin"));
      }
      if (what.equals("all") || what.equals("jmh")) {
        md.append(jmhReport(jmh(quick), quick)).append('\n');
      }
    } finally {
      Stats.deleteRecursively(work);
    }
    md.append("Load average at the end: ").append(loadAverage()).append("\n");
    System.out.println();
    System.out.println(md);
    if (report.getParent() != null) {
      Files.createDirectories(report.getParent());
    }
    Files.writeString(report, md, StandardCharsets.UTF_8);
    Log.info("report written to %s", report);
  }

  private static String machine() {
    Runtime rt = Runtime.getRuntime();
    return String.format(Locale.ROOT,
        "Machine: %d cores, %s %s (%s), %s %s, max heap %d MB; load average at the start: %s%n",
        rt.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
        rt.maxMemory() / (1024 * 1024), loadAverage());
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static String processorReport(ProcessorBenchmark.Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### Processor overhead (%d collectors, %d extra methods each, %d lines of Java;"
        + " %d warm-up + %d measured rounds, variants alternating)%n%n",
        r.collectors(), r.extraMethods(), r.sourceLines(), r.warmups(), r.repetitions()));
    // Noise on a shared machine only ever adds time, so the fastest round of each variant is a
    // second, steadier estimate of its own cost.
    s.append("| javac run | wall median (min-max) | thread CPU median (min) | median ratio to (a), wall"
        + " | median ratio to (a), CPU | ratio of CPU minima to (a) | allocated median |\n");
    s.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    double plainMin = r.of(ProcessorBenchmark.Variant.PLAIN).cpu().min();
    for (ProcessorBenchmark.VariantResult v : r.variants()) {
      s.append(String.format(Locale.ROOT, "| %s | %.0f ms (%.0f-%.0f) | %.0f ms (%.0f) | %.3f | %.3f | %.3f | %.0f MB |%n",
          v.variant().label, v.wall().median(), v.wall().min(), v.wall().max(), v.cpu().median(),
          v.cpu().min(), v.wallRatio(), v.cpuRatio(), v.cpu().min() / plainMin, v.allocatedMb().median()));
    }
    ProcessorBenchmark.VariantResult ours = r.of(ProcessorBenchmark.Variant.OURS);
    ProcessorBenchmark.VariantResult auto = r.of(ProcessorBenchmark.Variant.AUTO_SERVICE);
    ProcessorBenchmark.VariantResult floor = r.of(ProcessorBenchmark.Variant.EMPTY_ONE_SOURCE);
    s.append(String.format(Locale.ROOT, "%nCPU over plain javac: ours %.1f%%, AutoService %.1f%%; a processor that"
            + " only writes one source file %.1f%%. Allocated by the compiling thread per run (median):"
            + " plain %.0f MB, ours %.0f MB, AutoService %.0f MB.%n",
        (ours.cpuRatio() - 1) * 100, (auto.cpuRatio() - 1) * 100, (floor.cpuRatio() - 1) * 100,
        r.of(ProcessorBenchmark.Variant.PLAIN).allocatedMb().median(), ours.allocatedMb().median(),
        auto.allocatedMb().median()));
    s.append("Check: ").append(r.check()).append('\n');
    return s.toString();
  }

  private static String forkedReport(ForkedJavacBenchmark.Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### Processor in a fresh javac process (%d small classes with our annotations"
        + " and @AutoService; %d warm-up + %d measured rounds, variants alternating)%n%n",
        r.classes(), r.warmups(), r.repetitions()));
    s.append("| javac run | process CPU median (min) | median ratio to (a), CPU | ratio of CPU minima to (a)"
        + " | peak RSS median (min) |\n");
    s.append("| --- | --- | --- | --- | --- |\n");
    double plainMin = r.of(ForkedJavacBenchmark.Variant.PLAIN).cpu().min();
    for (ForkedJavacBenchmark.VariantResult v : r.variants()) {
      s.append(String.format(Locale.ROOT, "| %s | %.0f ms (%.0f) | %.3f | %.3f | %.0f MB (%.0f) |%n",
          v.variant().label, v.cpu().median(), v.cpu().min(), v.cpuRatio(), v.cpu().min() / plainMin,
          v.rssMb().median(), v.rssMb().min()));
    }
    return s.toString();
  }

  /** The processor targets of PRODUCT section 10: no costlier than AutoService, in the same run. */
  private static String processorTargets(ProcessorBenchmark.Result r, ForkedJavacBenchmark.Result f) {
    ProcessorBenchmark.VariantResult ours = r.of(ProcessorBenchmark.Variant.OURS);
    ProcessorBenchmark.VariantResult auto = r.of(ProcessorBenchmark.Variant.AUTO_SERVICE);
    StringBuilder s = new StringBuilder("Processor targets (ours at most AutoService, same run):\n");
    s.append(target(String.format(Locale.ROOT, "%d collectors in process, CPU ratio to (a)", r.collectors()),
        ours.cpuRatio(), auto.cpuRatio(), "%.3f"));
    s.append(target(String.format(Locale.ROOT, "%d collectors in process, allocated MB", r.collectors()),
        ours.allocatedMb().median(), auto.allocatedMb().median(), "%.0f"));
    return s.append(forkedTargets(f)).toString();
  }

  /** The fresh-javac lines of the processor targets, for the full run and for {@code forked} alone. */
  private static String forkedTargets(ForkedJavacBenchmark.Result f) {
    ForkedJavacBenchmark.VariantResult ours = f.of(ForkedJavacBenchmark.Variant.OURS);
    ForkedJavacBenchmark.VariantResult auto = f.of(ForkedJavacBenchmark.Variant.AUTO_SERVICE);
    return target(String.format(Locale.ROOT, "%d small classes, fresh javac, CPU ratio to (a)", f.classes()),
        ours.cpuRatio(), auto.cpuRatio(), "%.3f")
        + target(String.format(Locale.ROOT, "%d small classes, fresh javac, peak RSS MB", f.classes()),
        ours.rssMb().median(), auto.rssMb().median(), "%.0f");
  }

  private static String target(String what, double ours, double auto, String format) {
    return String.format(Locale.ROOT, "- %s: ours " + format + ", AutoService " + format + " -> %s%n",
        what, ours, auto, ours <= auto ? "MET" : "MISSED");
  }

  private static String pluginReport(PluginBenchmark.Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### Plugin `generate` work (%d warm-up + %d measured rounds of 1x, 2x, 4x)%n%n",
        r.warmups(), r.repetitions()));
    s.append("| input | jars on disk | generate median (min-max) | thread CPU median | allocated per run |");
    for (String phase : PluginBenchmark.PHASES) {
      s.append(' ').append(phase).append(" |");
    }
    s.append(" YAML / statement size |\n|");
    for (int i = 0; i < 6 + PluginBenchmark.PHASES.size(); i++) {
      s.append(" --- |");
    }
    s.append('\n');
    for (PluginBenchmark.Scale sc : r.scales()) {
      s.append(String.format(Locale.ROOT, "| %dx: %d collectors in %d jars | %.1f MB | %.1f ms (%.1f-%.1f) | %.1f ms | %.0f MB |",
          sc.factor(), sc.collectors(), sc.jars(), sc.jarBytes() / 1e6, sc.time().median(),
          sc.time().min(), sc.time().max(), sc.cpu().median(), sc.allocatedMb()));
      for (String phase : PluginBenchmark.PHASES) {
        s.append(String.format(Locale.ROOT, " %.1f ms |", sc.phases().get(phase)));
      }
      s.append(String.format(Locale.ROOT, " %d KB / %d KB |%n", sc.yamlChars() / 1024, sc.statementChars() / 1024));
    }
    s.append(String.format(Locale.ROOT, "%nGrowth (medians of wall time): 2x/1x = %.2f, 4x/2x = %.2f. First `generate` in"
        + " this benchmark's JVM, 1x: %.0f ms.%n", r.ratio(0, 1), r.ratio(1, 2), r.firstRunMs()));
    s.append("(Phase columns come from a separate pass of 5 runs per input, phase by phase on one thread;"
        + " `generate` renders the statement on a second core while the YAML, its audit and the report are written.)\n");
    s.append(PluginTargets.report(r));
    return s.toString();
  }

  private static Collection<RunResult> jmh(boolean quick) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(EngineBenchmark.class.getName())
        .warmupIterations(quick ? 1 : 2)
        .measurementIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(1))
        .measurementTime(TimeValue.seconds(1))
        .forks(1)
        .jvmArgs("-Xms1g", "-Xmx1g")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.isEmpty()) {
      throw new IllegalStateException("JMH produced no results: see its output above");
    }
    return results;
  }

  private static String jmhReport(Collection<RunResult> results, boolean quick) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### JMH: engine phases on 5,000 collectors (200 jars), 1 fork,"
        + " %d x 1 s warm-up, %d x 1 s measurement%n%n", quick ? 1 : 2, quick ? 1 : 3));
    s.append("| benchmark | average time | error (99.9%) |\n| --- | --- | --- |\n");
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> a.getParams().getBenchmark().compareTo(b.getParams().getBenchmark()));
    for (RunResult r : sorted) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      double score = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      s.append(String.format(Locale.ROOT, "| EngineBenchmark.%s | %.2f %s | %s |%n", name, score,
          r.getPrimaryResult().getScoreUnit(), Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "± %.2f", error)));
    }
    return s.toString();
  }
}
