package dev.privileges.engine.statement;

import dev.privileges.engine.kubernetes.KubernetesNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Escaping for text from collectors (reasons, features, names) placed in Markdown that both
 * CommonMark/GFM and Python-Markdown (MkDocs) read the same way.
 */
public final class Markdown {

  private Markdown() {}

  /**
   * Text safe inside a paragraph, list item, heading or table cell: Markdown punctuation, MkDocs
   * attribute braces and HTML are escaped, table pipes too, and line breaks become spaces so a
   * cell stays one row. Every character of the input still shows.
   */
  public static String text(String raw) {
    String flat = flatten(raw).strip();
    StringBuilder out = new StringBuilder(flat.length() + 8);
    for (int i = 0; i < flat.length(); i++) {
      char ch = flat.charAt(i);
      switch (ch) {
        case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~', '{', '}' -> out.append('\\').append(ch);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '-', '+', '=' -> out.append(i == 0 ? "\\" : "").append(ch); // would start a list or rule
        default -> out.append(ch);
      }
    }
    // "1. x" or "1) x" at the start would become an ordered list.
    int digits = 0;
    while (digits < out.length() && Character.isDigit(out.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits < out.length() && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
      out.insert(digits, '\\');
    }
    return out.toString();
  }

  /** Inline code outside tables; backticks inside are fenced with a longer run. */
  static String code(String raw) {
    String flat = flatten(raw);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return fence + pad + flat + pad + fence;
  }

  /** Inline code inside a GFM table cell: a pipe is escaped, which GFM removes again. */
  public static String cellCode(String raw) {
    return code(raw).replace("|", "\\|");
  }

  // The list forms are loops rather than stream().map(Markdown::x): every lambda or method
  // reference costs a fresh JVM (the first run of every Maven build) a class spun at run time.

  /** {@link #text} of each value, in order. */
  static List<String> texts(Collection<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String r : raw) {
      out.add(text(r));
    }
    return out;
  }

  /** {@link #code} of each value, in order. */
  static List<String> codes(Collection<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String r : raw) {
      out.add(code(r));
    }
    return out;
  }

  /** {@link #cellCode} of each value, in order. */
  public static List<String> cellCodes(Collection<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (String r : raw) {
      out.add(cellCode(r));
    }
    return out;
  }

  private static String flatten(String raw) {
    return raw.replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
  }

  /** Hands out heading anchors: lower-case, {@code [a-z0-9-]}, unique within one document. */
  static final class Anchors {
    private final Set<String> used = new HashSet<>();

    String of(String wanted) {
      String base = KubernetesNames.slug(wanted);
      if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
        base = "a-" + base;
      }
      String anchor = base;
      for (int n = 2; !used.add(anchor); n++) {
        anchor = base + "-" + n;
      }
      return anchor;
    }
  }
}
