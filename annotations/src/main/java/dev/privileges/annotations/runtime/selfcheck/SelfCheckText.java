package dev.privileges.annotations.runtime.selfcheck;

import java.util.Locale;
import java.util.Optional;

/**
 * The plain-text form of a self-check report, for a log: a summary line, a line of process facts,
 * then one line per enabled collector, followed by each requirement that is missing or unknown
 * with its reason and declaring class. Present requirements are only counted, so a healthy agent
 * logs one line per collector. Deterministic: the same report gives the same bytes, {@code \n}
 * line ends, no locale-dependent formatting.
 */
final class SelfCheckText {

  private SelfCheckText() {}

  static String render(SelfCheckReport report) {
    StringBuilder out = new StringBuilder();
    out.append("privileges self-check: ").append(report.collectors().size()).append(" enabled collectors: ")
        .append(count(report, Readiness.READY)).append(" ready, ")
        .append(count(report, Readiness.MISSING)).append(" missing, ")
        .append(count(report, Readiness.UNKNOWN)).append(" unknown, ")
        .append(count(report, Readiness.NOT_REGISTERED)).append(" not registered\n");
    out.append("process: ").append(facts(report.process())).append('\n');
    for (CollectorCheck c : report.collectors()) {
      out.append(c.name()).append(": ").append(c.readiness());
      if (c.readiness() == Readiness.NOT_REGISTERED) {
        out.append(" (no collector of this name in the registry; check the enabled inputs)\n");
        continue;
      }
      out.append(" (").append(counts(c)).append(")\n");
      for (Finding f : c.findings()) {
        if (f.status() == Status.MISSING || f.status() == Status.UNKNOWN) {
          out.append("  ").append(f.status()).append(' ').append(oneLine(f.requirement().summary()))
              .append(": ").append(oneLine(f.detail())).append('\n');
          out.append("    reason: ").append(oneLine(f.requirement().reason()))
              .append(" (declared by ").append(oneLine(f.requirement().declaredBy())).append(")\n");
        }
      }
    }
    return out.toString();
  }

  /** How many findings of each status, in a fixed order, zeros left out. */
  private static String counts(CollectorCheck c) {
    if (c.findings().isEmpty()) {
      return "declares no requirements";
    }
    StringBuilder out = new StringBuilder();
    for (Status s : new Status[] {Status.MISSING, Status.UNKNOWN, Status.PRESENT, Status.NOT_APPLICABLE}) {
      int n = c.findings(s).size();
      if (n > 0) {
        out.append(out.length() == 0 ? "" : ", ").append(n).append(' ')
            .append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return out.toString();
  }

  private static long count(SelfCheckReport report, Readiness readiness) {
    return report.collectors().stream().filter(c -> c.readiness() == readiness).count();
  }

  private static String facts(ProcessFacts p) {
    return "uid " + known(p.effectiveUid())
        + ", kernel " + known(p.kernel())
        + ", CapEff " + p.effectiveCapabilities().map(c -> String.format(Locale.ROOT, "%016x", c)).orElse("unknown")
        + ", Seccomp " + known(p.seccompMode())
        + ", NoNewPrivs " + p.noNewPrivs().map(b -> b ? "1" : "0").orElse("unknown")
        + ", AppArmor " + p.appArmorLabel().map(SelfCheckText::oneLine).orElse("unknown");
  }

  private static String known(Optional<?> value) {
    return value.map(String::valueOf).orElse("unknown");
  }

  /** Reasons may hold line breaks; a log line must not, or one finding would read as two. */
  private static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u2028', '\u2029', '\u0085' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
