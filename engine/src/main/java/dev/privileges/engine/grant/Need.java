package dev.privileges.engine.grant;

import java.util.Comparator;

/**
 * Why something is granted: which enabled collector needs it, its feature, and the reason it
 * declared. Every granted privilege carries its needs (provenance).
 *
 * @param collector collector name
 * @param feature the collector's feature
 * @param reason the declared reason
 */
public record Need(String collector, String feature, String reason) implements Comparable<Need> {

  private static final Comparator<Need> ORDER =
      Comparator.comparing(Need::collector).thenComparing(Need::feature).thenComparing(Need::reason);

  @Override
  public int compareTo(Need other) {
    return ORDER.compare(this, other);
  }
}
