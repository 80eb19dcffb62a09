package dev.privileges.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold samples: each is a fresh {@code java} process ({@link ColdGenerate}) that runs one {@code
 * generate} and reports its own time, the case every Maven build meets once per module. The child
 * gets this JVM's {@code java} and class path and no other options, as a plain {@code mvn} would
 * start; inputs alternate, one process per input per round.
 */
final class ColdRuns {

  /** One input's cold samples, in milliseconds. */
  record Input(String label, Stats.Summary wall, Stats.Summary cpu) {}

  private static final long TIMEOUT_SECONDS = 300;

  private final int rounds;

  ColdRuns(int rounds) {
    this.rounds = rounds;
  }

  /** Runs {@code rounds} rounds over the inputs (label to sources, in order). */
  List<Input> run(Map<String, List<Path>> inputs, Path work) throws IOException {
    Files.createDirectories(work);
    Map<String, Path> lists = new LinkedHashMap<>();
    Map<String, List<Double>> walls = new LinkedHashMap<>();
    Map<String, List<Double>> cpus = new LinkedHashMap<>();
    int k = 0;
    for (Map.Entry<String, List<Path>> e : inputs.entrySet()) {
      Path list = work.resolve("sources-" + k++ + ".txt");
      Files.write(list, e.getValue().stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
      lists.put(e.getKey(), list);
      walls.put(e.getKey(), new ArrayList<>());
      cpus.put(e.getKey(), new ArrayList<>());
    }
    for (int round = 1; round <= rounds; round++) {
      StringBuilder line = new StringBuilder();
      for (Map.Entry<String, Path> e : lists.entrySet()) {
        double[] sample = sample(e.getValue(), work.resolve("out"));
        walls.get(e.getKey()).add(sample[0]);
        cpus.get(e.getKey()).add(sample[1]);
        line.append(String.format(java.util.Locale.ROOT, "  %s %7.1f ms (CPU %7.1f)", e.getKey(), sample[0], sample[1]));
      }
      Log.info("  cold  %2d:%s", round, line);
    }
    List<Input> out = new ArrayList<>();
    for (String label : inputs.keySet()) {
      out.add(new Input(label, Stats.summary(walls.get(label)), Stats.summary(cpus.get(label))));
    }
    return out;
  }

  /** Wall and process CPU milliseconds of one child. */
  private static double[] sample(Path sources, Path out) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ColdGenerate.class.getName(), sources.toString(), out.toString())
        .redirectErrorStream(true).start();
    String output;
    try {
      output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("the cold generate child failed:\n" + output);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cold generate child", e);
    }
    for (String line : output.split("\n")) {
      if (line.startsWith(ColdGenerate.PREFIX)) {
        String[] f = line.substring(ColdGenerate.PREFIX.length()).trim().split(" ");
        return new double[] {Long.parseLong(f[0]) / 1e3, Long.parseLong(f[1]) / 1e3};
      }
    }
    throw new IllegalStateException("the cold generate child printed no timing:\n" + output);
  }
}
