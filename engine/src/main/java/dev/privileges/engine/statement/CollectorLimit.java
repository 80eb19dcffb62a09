package dev.privileges.engine.statement;

import dev.privileges.engine.grant.Need;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps the statement's size bounded for large bundles: a privilege needed by more collectors than
 * {@link GenerationOptions#statementCollectorLimit()} lists its features with a count instead of
 * one line per collector, and sends the reader to {@code privileges.json} for the full list. The
 * statement then grows with the number of features and privileges, not with the collectors.
 */
public final class CollectorLimit {

  private CollectorLimit() {}

  /**
   * Puts {@code needs} (each need), or {@code counted} (feature and count) with
   * {@code collectorCount}, into an item of the template model, and {@code hasCounted}.
   */
  static void put(Map<String, Object> item, List<Need> needs, int limit) {
    long collectors = collectors(needs);
    if (collectors <= limit) {
      item.put("needs", StatementModel.needs(needs));
      item.put("counted", List.of());
      item.put("hasCounted", false);
      return;
    }
    item.put("needs", List.of());
    item.put("counted", byFeature(needs));
    item.put("hasCounted", true);
    item.put("collectorCount", collectors);
  }

  /** The features of {@code needs}, each with {@code count} ("3 collectors"), sorted by feature. */
  static List<Map<String, Object>> byFeature(List<Need> needs) {
    Map<String, Set<String>> byFeature = new TreeMap<>();
    for (Need n : needs) {
      Set<String> names = byFeature.get(n.feature());
      if (names == null) {
        names = new TreeSet<>();
        byFeature.put(n.feature(), names);
      }
      names.add(n.collector());
    }
    List<Map<String, Object>> out = new java.util.ArrayList<>(byFeature.size());
    for (Map.Entry<String, Set<String>> e : byFeature.entrySet()) {
      out.add(Map.of("feature", e.getKey(), "count", count(e.getValue().size())));
    }
    return out;
  }

  /** How many distinct collectors {@code needs} name (a loop: this runs in every fresh JVM's first generate). */
  private static long collectors(List<Need> needs) {
    Set<String> names = new java.util.HashSet<>();
    for (Need n : needs) {
      names.add(n.collector());
    }
    return names.size();
  }

  /**
   * A table cell for {@code needs} beyond the limit ("*F*: 3 collectors; ... (each with its reason
   * in privileges.json)"); empty within the limit, where the caller lists every need.
   */
  static Optional<String> cell(List<Need> needs, int limit) {
    if (collectors(needs) <= limit) {
      return Optional.empty();
    }
    List<String> parts = new java.util.ArrayList<>();
    for (Map<String, Object> f : byFeature(needs)) {
      parts.add("*" + Markdown.text((String) f.get("feature")) + "*: " + f.get("count"));
    }
    return Optional.of(String.join("; ", parts) + " (each with its reason in " + Markdown.cellCode("privileges.json")
        + ")");
  }

  /** The enabled-inputs edit of a trim-table row, with the collectors counted beyond the limit. */
  static Optional<String> inputsEdit(List<String> collectors, String env, int limit) {
    return collectors.size() <= limit ? Optional.empty()
        : Optional.of("remove this feature's " + collectors.size() + " collectors (listed in "
            + Markdown.cellCode("privileges.json") + ") from " + Markdown.cellCode(env));
  }

  private static String count(int n) {
    return n == 1 ? "1 collector" : n + " collectors";
  }
}
