package dev.privileges.benchmarks;

import dev.privileges.engine.PrivilegesEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The child process of a cold sample: one {@code generate} in this fresh JVM, timed from just
 * before the engine is first touched to its return, so the JVM's own start-up is left out but the
 * engine's class loading, static set-up and interpreted first run are in. Prints one line,
 * {@code cold-generate <wall ms> <process CPU ms>}, that {@link ColdRuns} reads.
 *
 * <p>Arguments: a file listing the sources (one path a line, in order) and the output folder.
 * Reading that list before the clock starts uses a stream and lambdas, so the JDK's lambda
 * machinery is already bootstrapped, as it is in any Maven JVM by the time a plugin runs; nothing
 * of the engine or its libraries is loaded first.
 */
public final class ColdGenerate {

  static final String PREFIX = "cold-generate ";

  private ColdGenerate() {}

  public static void main(String[] args) throws IOException {
    List<Path> sources = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank()).map(Path::of).toList();
    Path out = Path.of(args[1]);
    Duration cpu0 = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    long t0 = System.nanoTime();
    new PrivilegesEngine().generate(sources, PluginBenchmark.options(), out, PrivilegesEngine.OutputNames.defaults());
    long t1 = System.nanoTime();
    Duration cpu1 = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    // Plain concatenation, not String.format: the clock has stopped, but keep the child's output trivial.
    System.out.println(PREFIX + (t1 - t0) / 1_000 + " " + cpu1.minus(cpu0).toNanos() / 1_000);
  }
}
