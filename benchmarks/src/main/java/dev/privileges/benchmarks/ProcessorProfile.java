package dev.privileges.benchmarks;

import dev.privileges.benchmarks.ProcessorBenchmark.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of each processor variant goes: Java Flight Recorder samples the compiling
 * thread every 2 ms during warm compiles of the same sources, and each sample is put in the first
 * phase below whose method is on its stack. The benchmark's wall and CPU times on a shared
 * machine vary by ±15% per round; the shares of one profile are much steadier.
 *
 * <p>Stacks of javac are deep: run with {@code -XX:FlightRecorderOptions:stackdepth=2048}
 * ({@code benchmarks/run.sh} does), or samples lose the frames that name their phase.
 *
 * @param collectors generated collectors compiled
 * @param extraMethods extra methods per collector class
 * @param warmups unrecorded rounds of every variant first
 * @param compiles recorded compiles per variant
 * @param seed generator seed
 */
record ProcessorProfile(int collectors, int extraMethods, int warmups, int compiles, long seed) {

  /** A phase and the methods that mark it, checked in this order. */
  enum Phase {
    FILER_CHECK("javac's Filer reopen check",
        "com.sun.tools.javac.processing.JavacFiler.isInFileObjectHistory",
        "com.sun.tools.javac.processing.JavacFiler.checkFileReopening"),
    PROCESSOR("the processor's own code (incl. JSON, JavaPoet, Filer writes)",
        "dev.privileges.processor.", "dev.privileges.metadata.", "com.google.auto.service.processor."),
    NEW_ROUND("entering every class again for a new round",
        "com.sun.tools.javac.processing.JavacProcessingEnvironment$Round.<init>"),
    PROCESSING("other annotation processing (annotation scan per round, discovery)",
        "com.sun.tools.javac.processing."),
    COMPILE("compiling (parse, enter, attribute, generate)");

    final String label;
    final List<String> markers;

    Phase(String label, String... markers) {
      this.label = label;
      this.markers = List.of(markers);
    }
  }

  record Result(int collectors, int compiles, Map<Variant, Map<Phase, Double>> samplesPerCompile) {}

  Result run(Path work) throws IOException {
    ProcessorBenchmark.Workload workload =
        ProcessorBenchmark.Workload.create(seed, collectors, extraMethods, work.resolve("src"));
    Log.info("profile: %d collectors, %d warm-up rounds, then %d recorded compiles per variant", collectors,
        warmups, compiles);
    String thread = Thread.currentThread().getName();
    Map<Variant, Map<Phase, Double>> out = new EnumMap<>(Variant.class);
    for (int round = 0; round < warmups + compiles; round++) {
      for (Variant v : Variant.values()) {
        Path classes = work.resolve("out-" + v.name().toLowerCase(Locale.ROOT));
        Stats.deleteRecursively(classes);
        Files.createDirectories(classes);
        System.gc();
        if (round < warmups) {
          workload.compile(v, classes);
          continue;
        }
        Path file = work.resolve("profile-" + v.name().toLowerCase(Locale.ROOT) + ".jfr");
        try (Recording recording = new Recording()) {
          recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
          recording.start();
          workload.compile(v, classes);
          recording.stop();
          recording.dump(file);
        }
        Map<Phase, Double> phases = out.computeIfAbsent(v, k -> new EnumMap<>(Phase.class));
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
          if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null
              && thread.equals(e.getThread("sampledThread").getJavaName())) {
            phases.merge(phaseOf(e.getStackTrace().getFrames()), 1.0 / compiles, Double::sum);
          }
        }
        Files.delete(file);
      }
      Log.info("  %s %d done", round < warmups ? "warm-up round" : "recorded round",
          round < warmups ? round + 1 : round - warmups + 1);
    }
    return new Result(collectors, compiles, out);
  }

  private static Phase phaseOf(List<RecordedFrame> frames) {
    Map<Phase, Boolean> seen = new LinkedHashMap<>();
    for (RecordedFrame f : frames) {
      String method = f.getMethod().getType().getName() + "." + f.getMethod().getName();
      for (Phase p : Phase.values()) {
        for (String marker : p.markers) {
          if (method.startsWith(marker)) {
            seen.put(p, true);
          }
        }
      }
    }
    for (Phase p : Phase.values()) {
      if (seen.containsKey(p)) {
        return p;
      }
    }
    return Phase.COMPILE;
  }

  /**
   * Each variant's samples by phase, as shares of its own samples. The totals are not compared
   * across variants: how many samples JFR manages to take per second of CPU differs between
   * them (plain javac's compile was sampled more densely), so the benchmark's CPU times give the
   * totals and this profile gives the split.
   */
  static String report(Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "### Processor profile (%d collectors; JFR samples of the compiling"
        + " thread every 2 ms, %d warm compiles per variant; share of each variant's own samples)%n%n",
        r.collectors(), r.compiles()));
    s.append("| javac run | samples per compile");
    for (Phase p : Phase.values()) {
      s.append(" | ").append(p.label);
    }
    s.append(" |\n|---|---");
    s.append("|---".repeat(Phase.values().length)).append("|\n");
    for (Map.Entry<Variant, Map<Phase, Double>> e : r.samplesPerCompile().entrySet()) {
      double total = total(e.getValue());
      s.append(String.format(Locale.ROOT, "| %s | %.0f", e.getKey().label, total));
      for (Phase p : Phase.values()) {
        s.append(String.format(Locale.ROOT, " | %.1f%%", 100 * e.getValue().getOrDefault(p, 0.0) / total));
      }
      s.append(" |\n");
    }
    return s.toString();
  }

  private static double total(Map<Phase, Double> phases) {
    return phases.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
