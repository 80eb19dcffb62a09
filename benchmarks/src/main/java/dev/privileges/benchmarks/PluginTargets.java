package dev.privileges.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plugin's targets of PRODUCT §10, each judged on one run's figures and printed MET or MISSED:
 * the first {@code generate} in a fresh JVM (1x and a small bundle), the warm 1x, and the growth
 * per doubling. Each target is judged on the median; the minimum is printed beside it, because on
 * a shared machine noise only ever adds time and the fastest sample is the steadier estimate of
 * the code's own cost.
 */
final class PluginTargets {

  static final double COLD_ONE_X_MS = 700;
  static final double COLD_SMALL_MS = 150;
  static final double WARM_ONE_X_MS = 200;
  static final double GROWTH_PER_DOUBLING = 2.1;

  /** One target: what, the limit, the median and minimum measured. */
  record Target(String what, String limit, double median, double min, boolean met) {}

  private PluginTargets() {}

  static List<Target> judge(PluginBenchmark.Result r) {
    List<Target> out = new ArrayList<>();
    ColdRuns.Input coldOneX = r.cold().get(0);
    ColdRuns.Input coldSmall = r.cold().get(1);
    out.add(ms("1x, first `generate` in a fresh JVM", COLD_ONE_X_MS, coldOneX.wall()));
    out.add(ms(coldSmall.label() + ", first `generate` in a fresh JVM", COLD_SMALL_MS, coldSmall.wall()));
    out.add(ms("1x, warm `generate`", WARM_ONE_X_MS, r.scales().get(0).time()));
    for (int s = 1; s < r.scales().size(); s++) {
      Stats.Summary from = r.scales().get(s - 1).time();
      Stats.Summary to = r.scales().get(s).time();
      double median = to.median() / from.median();
      out.add(new Target(String.format(Locale.ROOT, "growth %dx/%dx (warm)", r.scales().get(s).factor(),
          r.scales().get(s - 1).factor()), "at most " + GROWTH_PER_DOUBLING, median, to.min() / from.min(),
          median <= GROWTH_PER_DOUBLING));
    }
    return out;
  }

  private static Target ms(String what, double limit, Stats.Summary measured) {
    return new Target(what, String.format(Locale.ROOT, "at most %.0f ms", limit), measured.median(), measured.min(),
        measured.median() <= limit);
  }

  /** The cold samples and the verdicts, Markdown. */
  static String report(PluginBenchmark.Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%n#### Cold: one `generate` in a fresh JVM (%d samples per input, alternating)%n%n",
        r.cold().get(0).wall().n()));
    s.append("| input | wall median (min-max) | process CPU median (min) |\n| --- | --- | --- |\n");
    for (ColdRuns.Input in : r.cold()) {
      s.append(String.format(Locale.ROOT, "| %s | %.0f ms (%.0f-%.0f) | %.0f ms (%.0f) |%n", in.label(),
          in.wall().median(), in.wall().min(), in.wall().max(), in.cpu().median(), in.cpu().min()));
    }
    s.append("\nThe clock starts just before the engine is first touched: JVM start-up is left out, class loading"
        + " and first-use costs are in. Process CPU includes the JIT compiler and GC threads.\n");
    s.append("\n#### Plugin targets (PRODUCT §10), judged on the median\n\n");
    s.append("| target | limit | median | minimum | verdict |\n| --- | --- | --- | --- | --- |\n");
    for (Target t : judge(r)) {
      boolean ratio = t.what().startsWith("growth");
      s.append(String.format(Locale.ROOT, ratio ? "| %s | %s | %.2f | %.2f | %s |%n" : "| %s | %s | %.0f ms | %.0f ms | %s |%n",
          t.what(), t.limit(), t.median(), t.min(), t.met() ? "MET" : "MISSED"));
    }
    return s.toString();
  }
}
