package dev.privileges.engine.statement;

import dev.privileges.engine.grant.GrantedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * A Mermaid flowchart from features to the privileges they pull in. Node ids are generated
 * ({@code f1}, {@code p1}), so no collector string reaches the syntax; labels are quoted with
 * Mermaid's entity codes for the characters that could end or change them.
 */
public final class MermaidDiagram {

  private MermaidDiagram() {}

  /** The diagram source, without the surrounding fence; empty when nothing is granted. */
  static String render(List<GrantedItem> items) {
    if (items.isEmpty()) {
      return "";
    }
    Map<String, String> features = new TreeMap<>();
    for (GrantedItem i : items) {
      for (String f : i.features()) {
        features.put(f, "");
      }
    }
    int n = 1;
    for (Map.Entry<String, String> e : features.entrySet()) {
      e.setValue("f" + n++);
    }
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (Map.Entry<String, String> e : features.entrySet()) {
      out.append("    ").append(e.getValue()).append("[\"").append(label(e.getKey())).append("\"]\n");
    }
    List<String> edges = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      GrantedItem item = items.get(i);
      String id = "p" + (i + 1);
      out.append("    ").append(id).append("[\"").append(label(item.field())).append("\"]\n");
      for (String f : item.features()) {
        edges.add("    " + features.get(f) + " --> " + id + "\n");
      }
    }
    for (String edge : edges) {
      out.append(edge);
    }
    return out.toString();
  }

  static String label(String raw) {
    StringBuilder out = new StringBuilder();
    String flat = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
    for (int i = 0; i < flat.length(); i++) {
      char ch = flat.charAt(i);
      switch (ch) {
        case '"' -> out.append("#quot;");
        case '#' -> out.append("#35;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '&' -> out.append("#amp;");
        case '`' -> out.append("#96;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
