package dev.privileges.processor;

/**
 * Java string literals for generated sources, written here rather than by JavaPoet's {@code $S}:
 * JavaPoet splits its output into lines at every Unicode line break, U+2028 and U+2029 included,
 * which cut a literal holding one in two ({@code unclosed string literal}).
 */
final class JavaLiterals {

  private JavaLiterals() {}

  /**
   * {@code text} as a literal, one line per line of the text ({@code "...\n"} joined with
   * {@code +} on the next line, as JavaPoet lays them out), pure printable text kept as it is.
   *
   * <p>Escapes: {@code " \ \n \t \r \b \f} as usual; other control characters in octal (a
   * Unicode escape of a line feed would end the line before the lexer sees the literal); line
   * and paragraph separators, format characters and surrogates as Unicode escapes, so nothing
   * invisible or unpaired stands raw in the source.
   */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> {
          out.append("\\n");
          if (i + 1 < text.length()) {
            out.append("\"\n    + \"");
          }
        }
        default -> {
          if (Character.isISOControl(ch)) {
            out.append('\\').append(Integer.toOctalString(ch | 0x200).substring(1));
          } else if (needsUnicodeEscape(ch)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code text} safe inside a line comment: no line break of any kind. */
  static String comment(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      out.append(Character.isISOControl(ch) || needsUnicodeEscape(ch) ? '?' : ch);
    }
    return out.toString();
  }

  private static boolean needsUnicodeEscape(char ch) {
    return switch (Character.getType(ch)) {
      case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.FORMAT,
          Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }
}
