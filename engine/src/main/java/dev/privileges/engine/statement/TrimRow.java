package dev.privileges.engine.statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the "if you do not need a feature" table, laid out to stay inside a 1280 px page:
 * the edits as a short list (one per line), and what other features keep as a short, separate
 * column of field names; which features keep them is in the at-a-glance matrix.
 */
public final class TrimRow {

  /** Line break inside a table cell: GFM and Python-Markdown pass it; the site page maps it. */
  static final String BREAK = "<br>";

  private TrimRow() {}

  static Map<String, Object> of(FeatureRecommendations.Row r) {
    List<String> remove = new ArrayList<>();
    if (r.everything()) {
      remove.add("Nothing would be left to deploy: every enabled collector belongs to this feature.");
    } else {
      for (String c : r.changes()) {
        remove.add(capitalize(c));
      }
      if (!r.levelAfter().isEmpty()) {
        remove.add("The pods then meet the " + Markdown.cellCode(r.levelAfter()) + " level.");
      }
    }
    List<String> kept = new ArrayList<>();
    for (String k : r.kept()) {
      kept.add(keptField(k));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("feature", r.feature());
    out.put("removeMd", String.join(BREAK, remove));
    out.put("keptMd", kept.isEmpty() ? "-" : String.join(BREAK, kept));
    return out;
  }

  /** The field of a "kept" fragment ({@code `field` stays for ...}), shortened for a narrow column. */
  private static String keptField(String fragment) {
    int cut = fragment.indexOf(" stays for ");
    String code = cut < 0 ? fragment : fragment.substring(0, cut);
    if (code.length() > 2 && code.startsWith("`") && code.endsWith("`") && code.indexOf('`', 1) == code.length() - 1) {
      String raw = code.substring(1, code.length() - 1).replace("\\|", "|");
      return Markdown.cellCode(SvgDiagram.shorten(raw, StatementGlance.LABEL_CHARS));
    }
    return code;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
