package dev.privileges.engine.statement;

import dev.privileges.engine.grant.GrantedItem;

import dev.privileges.engine.statement.PrivilegeRisk.Risk;
import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The "at a glance" values of the statement: how many items are granted, the high risks first,
 * and the matrix of features (rows) against what they need (columns, by kind of item). One
 * column per item would not fit: MkDocs Material gives every header cell at least 5rem, so a
 * 1280 px page holds about six columns. Each cell names the items, linked to their sections,
 * high risks in bold; names longer than a cell are shortened.
 */
public final class StatementGlance {

  /** Longest privilege label shown in the matrix, in characters. */
  static final int LABEL_CHARS = 40;

  private StatementGlance() {}

  /** A granted item (or a group of them, see {@link ItemGroups}) with its risk and the anchor of its section. */
  record Entry(GrantedItem item, Risk risk, String anchor, java.util.Optional<ItemGroups.Group> group) {}

  /** Columns of the matrix: granted items grouped by kind, so six columns fit any site at 1280 px. */
  private static final Map<String, Set<GrantedItem.Kind>> COLUMNS = columns();

  private static Map<String, Set<GrantedItem.Kind>> columns() {
    Map<String, Set<GrantedItem.Kind>> out = new LinkedHashMap<>();
    out.put("Pod and container", EnumSet.of(GrantedItem.Kind.POD, GrantedItem.Kind.CONTAINER));
    out.put("Capabilities", EnumSet.of(GrantedItem.Kind.CAPABILITY));
    out.put("Host paths", EnumSet.of(GrantedItem.Kind.HOST_PATH));
    out.put("Ports and writable paths", EnumSet.of(GrantedItem.Kind.PORT, GrantedItem.Kind.WRITABLE));
    out.put("Kubernetes API", EnumSet.of(GrantedItem.Kind.API));
    return out;
  }

  /** Adds the glance keys to the template model {@code m}. */
  static void put(Map<String, Object> m, List<Entry> entries, int grantedCount) {
    Set<String> features = new TreeSet<>();
    // Loops, not streams: this runs in the first generate of every fresh JVM, where each lambda
    // costs a class spun at run time.
    for (Entry e : entries) {
      features.addAll(e.item().features());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String feature : features) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (Set<GrantedItem.Kind> kinds : COLUMNS.values()) {
        List<String> marks = new ArrayList<>();
        for (Entry e : entries) {
          if (kinds.contains(e.item().kind()) && e.item().features().contains(feature)) {
            marks.add(mark(e, feature));
          }
        }
        cells.add(row("itemsMd", marks.isEmpty() ? "-" : String.join(", ", marks)));
      }
      rows.add(row("feature", feature, "cells", cells));
    }
    // The high risks, in statement order.
    List<Map<String, Object>> high = new ArrayList<>();
    for (Entry e : entries) {
      if (e.risk().severity() == Severity.HIGH) {
        high.add(row("linkMd", link(e), "risk", e.risk().text()));
      }
    }
    m.put("grantedCount", grantedCount);
    m.put("summaryMd", "The DaemonSet grants " + grantedCount + (grantedCount == 1 ? " privilege; " : " privileges; ")
        + (high.isEmpty() ? "none carries a high risk if the agent is compromised."
            : high.size() + (high.size() == 1 ? " of them carries" : " of them carry")
                + " a high risk if the agent is compromised (in bold below)."));
    List<Map<String, Object>> columns = new ArrayList<>();
    for (String c : COLUMNS.keySet()) {
      columns.add(row("column", c));
    }
    m.put("matrixColumns", columns);
    m.put("matrixRows", rows);
    m.put("highRisks", high);
  }

  /**
   * An item in a matrix cell: its short name, linked to its section, in bold when its risk is high;
   * a group shows how many of its items the row's feature needs.
   */
  private static String mark(Entry e, String feature) {
    GrantedItem i = e.item();
    if (e.group().isPresent()) {
      int count = e.group().get().membersOf(feature);
      return "[" + count + " " + ItemGroups.noun(i.kind(), count) + "](#" + e.anchor() + ")";
    }
    String name = switch (i.kind()) {
      case CAPABILITY, HOST_PATH -> i.path();
      // "hostNetwork", not "hostNetwork: true": the column is narrow; the link leads to the field
      case POD -> i.field().substring(0, i.field().indexOf(':'));
      case API -> i.key().substring("api:".length());
      default -> i.field();
    };
    String link = "[" + Markdown.cellCode(SvgDiagram.shorten(name, LABEL_CHARS)) + "](#" + e.anchor() + ")";
    return e.risk().severity() == Severity.HIGH ? "**" + link + "**" : link;
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
