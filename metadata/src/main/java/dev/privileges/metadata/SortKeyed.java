package dev.privileges.metadata;

/**
 * A requirement that {@link CollectorMetadata} sorts by a key built from all its fields, so that
 * equal content is equal bytes. An interface rather than a function argument: a lambda or method
 * reference would cost the first generate of every fresh JVM a class spun at run time.
 */
interface SortKeyed {

  /** The key this requirement sorts by within its list. */
  String sortKey();
}
