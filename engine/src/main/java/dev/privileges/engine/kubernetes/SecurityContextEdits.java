package dev.privileges.engine.kubernetes;

import dev.privileges.engine.statement.Markdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;


/**
 * The edits that turn one rendered {@code securityContext} into another, key by key, in the
 * words of the YAML: {@code remove privileged: true}, {@code add allowPrivilegeEscalation:
 * false}, {@code set capabilities to {drop: [ALL], add: [BPF]}}. Because both sides are what the
 * renderer writes, every edit applies to the file as written.
 */
public final class SecurityContextEdits {

  private SecurityContextEdits() {}

  /** The edits, as Markdown fragments for a table cell, in key order. */
  public static List<String> between(String whose, Map<String, Object> before, Map<String, Object> after) {
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      Object was = before.get(key);
      Object is = after.get(key);
      if (Objects.equals(was, is)) {
        continue;
      }
      String where = " in " + whose + " " + Markdown.cellCode("securityContext");
      if (key.equals("capabilities") && was instanceof Map<?, ?> w && is instanceof Map<?, ?> i
          && Objects.equals(w.get("drop"), i.get("drop"))) {
        out.add(addedList(w.get("add"), i.get("add")));
        continue;
      }
      if (is == null) {
        out.add("remove " + Markdown.cellCode(key + ": " + flow(was)) + where);
      } else if (was == null) {
        out.add("add " + Markdown.cellCode(key + ": " + flow(is)) + where);
      } else {
        out.add("set " + Markdown.cellCode(key + ": " + flow(is)) + where + " (was " + Markdown.cellCode(flow(was)) + ")");
      }
    }
    return out;
  }

  /** The edit of {@code capabilities.add} when only the added capabilities change. */
  private static String addedList(Object was, Object is) {
    List<String> before = names(was);
    List<String> after = names(is);
    List<String> removed = new ArrayList<>();
    for (String c : before) {
      if (!after.contains(c)) {
        removed.add(c);
      }
    }
    List<String> added = new ArrayList<>();
    for (String c : after) {
      if (!before.contains(c)) {
        added.add(c);
      }
    }
    String field = Markdown.cellCode("capabilities.add");
    if (after.isEmpty()) {
      return "remove " + field + " (" + codes(removed) + ")";
    }
    List<String> parts = new ArrayList<>();
    if (!removed.isEmpty()) {
      parts.add("remove " + codes(removed) + " from " + field);
    }
    if (!added.isEmpty()) {
      parts.add("add " + codes(added) + " to " + field);
    }
    return String.join(", ", parts);
  }

  private static List<String> names(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      for (Object o : l) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private static String codes(List<String> names) {
    return String.join(", ", Markdown.cellCodes(names));
  }

  /** A value in YAML flow style, as short as the YAML allows. */
  static String flow(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        parts.add(e.getKey() + ": " + flow(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(flow(o));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return String.valueOf(value);
  }
}
