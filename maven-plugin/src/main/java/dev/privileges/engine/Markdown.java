package dev.privileges.engine;

/** Escaping for text from collectors (reasons, features, names) placed in Markdown. */
final class Markdown {

  private Markdown() {}

  /**
   * Text safe inside a paragraph, list item or table cell: Markdown punctuation and HTML are
   * escaped, table pipes too, and line breaks become spaces so a cell stays one row.
   */
  static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 8);
    String flat = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
    for (int i = 0; i < flat.length(); i++) {
      char ch = flat.charAt(i);
      switch (ch) {
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> out.append('\\').append(ch);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** Inline code; backticks inside are fenced with a longer run. */
  static String code(String raw) {
    String flat = raw.replace('\n', ' ').replace('|', '\u2502');
    String fence = flat.contains("`") ? "``" : "`";
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return fence + pad + flat + pad + fence;
  }
}
