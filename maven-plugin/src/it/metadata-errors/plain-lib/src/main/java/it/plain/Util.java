package it.plain;

/** A dependency without collectors. */
public final class Util {
  private Util() {}
}
