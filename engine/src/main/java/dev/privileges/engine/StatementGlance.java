package dev.privileges.engine;

import dev.privileges.engine.PrivilegeRisk.Risk;
import dev.privileges.engine.PrivilegeRisk.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The "at a glance" values of the statement: how many items are granted, the high risks, and the
 * matrix of granted items (rows, worst risk first) against features (columns). Features are
 * numbered columns with a key above the table, so twelve or more of them still fit a 1280 px
 * page in every site; labels longer than a cell are shortened and link to their full section.
 */
final class StatementGlance {

  /** Longest privilege label shown in the matrix, in characters. */
  static final int LABEL_CHARS = 40;
  private static final String MARK = "\u25cf";

  private StatementGlance() {}

  /** A granted item with its risk and the anchor of its section. */
  record Entry(GrantedItem item, Risk risk, String anchor) {}

  /** Adds the glance keys to the template model {@code m}. */
  static void put(Map<String, Object> m, List<Entry> entries) {
    Map<String, Integer> columns = new TreeMap<>();
    entries.forEach(e -> e.item().features().forEach(f -> columns.put(f, 0)));
    int n = 1;
    for (Map.Entry<String, Integer> c : columns.entrySet()) {
      c.setValue(n++);
    }
    List<Entry> worstFirst = new ArrayList<>(entries);
    worstFirst.sort(Comparator.comparing((Entry e) -> e.risk().severity()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Entry e : worstFirst) {
      List<Map<String, Object>> cells = new ArrayList<>();
      columns.keySet().forEach(f -> cells.add(row("mark", e.item().features().contains(f) ? MARK : "")));
      rows.add(row("severityMd", severityMd(e.risk().severity()), "linkMd", link(e), "cells", cells));
    }
    List<Map<String, Object>> features = new ArrayList<>();
    columns.forEach((feature, number) -> features.add(row("number", number, "feature", feature)));
    List<Map<String, Object>> high = worstFirst.stream().filter(e -> e.risk().severity() == Severity.HIGH)
        .map(e -> row("linkMd", link(e), "risk", e.risk().text())).toList();
    m.put("grantedCount", entries.size());
    m.put("summaryMd", "The DaemonSet grants " + entries.size() + (entries.size() == 1 ? " privilege; " : " privileges; ")
        + (high.isEmpty() ? "none carries a high risk if the agent is compromised."
            : high.size() + (high.size() == 1 ? " of them carries" : " of them carry")
                + " a high risk if the agent is compromised:"));
    m.put("highCount", high.size());
    m.put("matrixFeatures", features);
    m.put("featureKeyMd", String.join(" \u00b7 ", columns.entrySet().stream()
        .map(c -> "**" + c.getValue() + "** " + Markdown.text(c.getKey())).toList()));
    m.put("matrixRows", rows);
    m.put("highRisks", high);
  }

  /** The severity as the statement shows it: high in bold, so it stands out in a table. */
  static String severityMd(Severity s) {
    return s == Severity.HIGH ? "**" + s.label() + "**" : s.label();
  }

  private static String link(Entry e) {
    return "[" + Markdown.cellCode(SvgDiagram.shorten(e.item().field(), LABEL_CHARS)) + "](#" + e.anchor() + ")";
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
