package dev.privileges.benchmarks;

import java.util.Locale;

/** Progress lines, printed as the benchmarks go. */
final class Log {

  private Log() {}

  static void info(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
