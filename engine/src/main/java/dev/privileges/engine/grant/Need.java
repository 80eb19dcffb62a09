package dev.privileges.engine.grant;

/**
 * Why something is granted: which enabled collector needs it, its feature, and the reason it
 * declared. Every granted privilege carries its needs (provenance).
 *
 * @param collector collector name
 * @param feature the collector's feature
 * @param reason the declared reason
 */
public record Need(String collector, String feature, String reason) implements Comparable<Need> {

  /** By collector, then feature, then reason. */
  @Override
  public int compareTo(Need other) {
    int c = collector.compareTo(other.collector);
    if (c != 0) {
      return c;
    }
    c = feature.compareTo(other.feature);
    return c != 0 ? c : reason.compareTo(other.reason);
  }
}
