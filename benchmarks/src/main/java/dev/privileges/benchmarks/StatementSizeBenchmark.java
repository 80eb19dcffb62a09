package dev.privileges.benchmarks;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;
import dev.privileges.metadata.CollectorMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The security statement's size and rendering time for large bundles (issue 14: 5,000 collectors
 * under 300 KB, time linear in the bundle): the generated bundle at 1x, 2x and 4x, resolved once,
 * then the statement (with the trim table) and the SVG rendered {@code repetitions} times. Its own
 * class and entry point, so it stays apart from the plugin benchmark:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.privileges.benchmarks.StatementSizeBenchmark [collectors] [repetitions]}.
 */
public final class StatementSizeBenchmark {

  private static final int[] SCALES = {1, 2, 4};

  private StatementSizeBenchmark() {}

  public static void main(String[] args) {
    int collectors = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    GenerationOptions options = PluginBenchmark.options();
    StringBuilder md = new StringBuilder();
    md.append("| collectors | statement | SVG | render statement + SVG, median | per 1,000 collectors |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: |\n");
    double[] medians = new double[SCALES.length];
    int firstBytes = 0;
    for (int s = 0; s < SCALES.length; s++) {
      int scale = SCALES[s];
      int n = collectors * scale;
      Map<String, CollectorMetadata> all = new TreeMap<>();
      Map<String, String> origins = new TreeMap<>();
      for (BundleGenerator.Generated g : new BundleGenerator(BundleGenerator.DEFAULT_SEED).generate(n)) {
        all.put(g.metadata().name(), g.metadata());
        origins.put(g.metadata().name(), "generated");
      }
      Grant grant = new Resolver().resolve(new Bundle(all, origins), options);
      StatementRenderer renderer = new StatementRenderer();
      List<Double> times = new ArrayList<>();
      int statementBytes = 0;
      int svgBytes = 0;
      for (int i = 0; i < repetitions + 1; i++) {
        System.gc();
        long t0 = System.nanoTime();
        String statement = renderer.render(grant);
        String svg = renderer.diagram(grant);
        long t1 = System.nanoTime();
        if (i > 0) { // the first run warms the JIT up
          times.add((t1 - t0) / 1e6);
        }
        statementBytes = statement.getBytes(StandardCharsets.UTF_8).length;
        svgBytes = svg.getBytes(StandardCharsets.UTF_8).length;
      }
      double median = Stats.median(times);
      medians[s] = median;
      if (s == 0) {
        firstBytes = statementBytes;
      }
      Log.info("statement: %d collectors, %d bytes, SVG %d bytes, %.1f ms", n, statementBytes, svgBytes, median);
      md.append(String.format(Locale.ROOT, "| %,d | %,.1f KB | %,.1f KB | %,.1f ms | %,.1f ms |%n", n,
          statementBytes / 1024.0, svgBytes / 1024.0, median, median * 1000 / n));
    }
    md.append(String.format(Locale.ROOT, "%nStatement for %,d collectors at most 300 KB: %.1f KB -> %s%n",
        collectors, firstBytes / 1024.0, firstBytes <= 300 * 1024 ? "MET" : "MISSED"));
    for (int s = 1; s < SCALES.length; s++) {
      double growth = medians[s] / medians[s - 1];
      md.append(String.format(Locale.ROOT, "Rendering growth %dx/%dx at most 2.1: %.2f -> %s%n", SCALES[s],
          SCALES[s - 1], growth, growth <= 2.1 ? "MET" : "MISSED"));
    }
    System.out.println();
    System.out.print(md);
  }
}
