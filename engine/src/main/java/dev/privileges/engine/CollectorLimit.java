package dev.privileges.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the statement's size bounded for large bundles: a privilege needed by more collectors than
 * {@link GenerationOptions#statementCollectorLimit()} lists its features with a count instead of
 * one line per collector, and sends the reader to {@code privileges.json} for the full list. The
 * statement then grows with the number of features and privileges, not with the collectors.
 */
final class CollectorLimit {

  private CollectorLimit() {}

  /**
   * Puts {@code needs} (each need), or {@code counted} (feature and count) with
   * {@code collectorCount}, into an item of the template model, and {@code hasCounted}.
   */
  static void put(Map<String, Object> item, List<Need> needs, int limit) {
    long collectors = needs.stream().map(Need::collector).distinct().count();
    if (collectors <= limit) {
      item.put("needs", needs.stream().map(StatementModel::need).toList());
      item.put("counted", List.of());
      item.put("hasCounted", false);
      return;
    }
    Map<String, java.util.Set<String>> byFeature = new TreeMap<>();
    needs.forEach(n -> byFeature.computeIfAbsent(n.feature(), k -> new java.util.TreeSet<>()).add(n.collector()));
    item.put("needs", List.of());
    item.put("counted", byFeature.entrySet().stream()
        .map(e -> Map.<String, Object>of("feature", e.getKey(), "count", e.getValue().size() == 1 ? "1 collector"
            : e.getValue().size() + " collectors")).toList());
    item.put("hasCounted", true);
    item.put("collectorCount", collectors);
  }
}
