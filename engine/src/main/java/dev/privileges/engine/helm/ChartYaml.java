package dev.privileges.engine.helm;

import dev.privileges.engine.kubernetes.KubernetesYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * The object tree of a chart template: maps and lists whose entries carry a {@link
 * ChartCondition}, literal scalars, Go expressions and values spliced in. It is written as block
 * YAML with {@code {{- if }}} around conditional entries; every scalar is written as a JSON
 * string or number (JSON is YAML, and quoting keeps YAML 1.1 readers from retyping it), with
 * braces escaped so that no collector string can open a template action.
 *
 * <p>Loops, not lambdas: this runs in the first {@code generate} of every fresh JVM, where each
 * lambda costs a class spun at run time.
 */
public final class ChartYaml {

  private ChartYaml() {}

  sealed interface Node {}

  /** A literal string, number or boolean. */
  record Literal(Object value) implements Node {}

  /** A Go template expression whose value is written as JSON, e.g. {@code $d.enabledInputs}. */
  record Expression(String go) implements Node {}

  /** A Go template expression whose value is a list or map, written in block style. */
  record Block(String go) implements Node {}

  /** A map; entry keys are literal. */
  static final class MapNode implements Node {
    final List<Entry> entries = new ArrayList<>();
    /** Go expressions of maps from the values whose keys are written into this map. */
    final List<String> splices = new ArrayList<>();

    MapNode put(String key, Object value) {
      return put(key, value, ChartCondition.TRUE);
    }

    MapNode put(String key, Object value, ChartCondition when) {
      if (when != ChartCondition.FALSE) {
        entries.add(new Entry(new Literal(key), node(value), when));
      }
      return this;
    }

    MapNode put(Node key, Object value, ChartCondition when) {
      if (when != ChartCondition.FALSE) {
        entries.add(new Entry(key, node(value), when));
      }
      return this;
    }

    MapNode splice(String goMap) {
      splices.add(goMap);
      return this;
    }
  }

  /** A list. */
  static final class ListNode implements Node {
    final List<Entry> items = new ArrayList<>();
    /** Go expressions of lists from the values whose items are appended. */
    final List<String> splices = new ArrayList<>();

    ListNode add(Object value) {
      return add(value, ChartCondition.TRUE);
    }

    ListNode add(Object value, ChartCondition when) {
      if (when != ChartCondition.FALSE) {
        items.add(new Entry(null, node(value), when));
      }
      return this;
    }

    ListNode splice(String goList) {
      splices.add(goList);
      return this;
    }
  }

  record Entry(Node key, Node value, ChartCondition when) {}

  static MapNode map() {
    return new MapNode();
  }

  static ListNode list(Object... items) {
    ListNode l = new ListNode();
    for (Object i : items) {
      l.add(i);
    }
    return l;
  }

  static Node node(Object value) {
    if (value instanceof Node n) {
      return n;
    }
    if (value instanceof List<?> l) {
      ListNode out = new ListNode();
      for (Object item : l) {
        out.add(item);
      }
      return out;
    }
    if (value instanceof java.util.Map<?, ?> m) {
      // Map.of iterates in an order that changes from run to run: unordered maps are sorted.
      java.util.Map<?, ?> ordered = m instanceof java.util.LinkedHashMap || m instanceof java.util.SortedMap
          ? m : new java.util.TreeMap<>(m);
      MapNode out = new MapNode();
      for (java.util.Map.Entry<?, ?> e : ordered.entrySet()) {
        out.put(String.valueOf(e.getKey()), e.getValue());
      }
      return out;
    }
    return new Literal(value);
  }

  /** The block YAML of a top-level map. */
  static String write(MapNode root) {
    StringBuilder out = new StringBuilder();
    writeMap(out, root, 0);
    return out.toString();
  }

  private static void writeMap(StringBuilder out, MapNode map, int indent) {
    for (Entry e : map.entries) {
      open(out, e.when());
      if (e.value() instanceof Block b) {
        line(out, indent, key(e.key()) + ":{{ toYaml " + b.go() + " | nindent " + (indent + 2) + " }}");
      } else {
        line(out, indent, key(e.key()) + ":" + inline(e.value()));
        writeNested(out, e.value(), indent + 2);
      }
      close(out, e.when());
    }
    for (String s : map.splices) {
      out.append("\n{{- with ").append(s).append(" }}{{ toYaml . | nindent ").append(indent).append(" }}{{- end }}");
    }
  }

  private static void writeList(StringBuilder out, ListNode list, int indent) {
    for (Entry e : list.items) {
      open(out, e.when());
      if (e.value() instanceof MapNode m && !m.entries.isEmpty()) {
        line(out, indent, "-");
        writeMap(out, m, indent + 2);
      } else {
        line(out, indent, "-" + inline(e.value()));
        writeNested(out, e.value(), indent + 2);
      }
      close(out, e.when());
    }
    for (String s : list.splices) {
      out.append("\n{{- range ").append(s).append(" }}\n").append(" ".repeat(indent)).append("- {{ toJson . }}{{- end }}");
    }
  }

  /** What follows the colon or dash on the same line: a scalar, or nothing for a block. */
  private static String inline(Node value) {
    if (value instanceof Literal l) {
      return " " + scalar(l.value());
    }
    if (value instanceof Expression x) {
      return " {{ " + x.go() + " | toJson }}";
    }
    if (value instanceof MapNode m) {
      return m.entries.isEmpty() && m.splices.isEmpty() ? " {}" : "";
    }
    ListNode l = (ListNode) value;
    return l.items.isEmpty() && l.splices.isEmpty() ? " []" : "";
  }

  private static void writeNested(StringBuilder out, Node value, int indent) {
    if (value instanceof MapNode m) {
      writeMap(out, m, indent);
    } else if (value instanceof ListNode l) {
      writeList(out, l, indent);
    }
  }

  private static String key(Node key) {
    if (key instanceof Literal l) {
      return scalar(l.value());
    }
    return "{{ " + ((Expression) key).go() + " | toJson }}";
  }

  private static void open(StringBuilder out, ChartCondition when) {
    if (when != ChartCondition.TRUE) {
      out.append("\n{{- if ").append(when.go()).append(" }}");
    }
  }

  private static void close(StringBuilder out, ChartCondition when) {
    if (when != ChartCondition.TRUE) {
      out.append("\n{{- end }}");
    }
  }

  private static void line(StringBuilder out, int indent, String text) {
    out.append('\n').append(" ".repeat(indent)).append(text);
  }

  /** Strings that every YAML reader takes as the same plain string. */
  private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z][-A-Za-z0-9_./]*");

  /**
   * A scalar: numbers, booleans and plain words bare, other strings quoted as JSON with braces
   * escaped.
   */
  static String scalar(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    String s = String.valueOf(value);
    return PLAIN.matcher(s).matches() && !KubernetesYaml.readsAsNonString(s) ? s : quote(s);
  }

  /**
   * A string as a JSON (and so YAML double-quoted) literal that is also a valid Go template
   * string literal: only {@code \"}, {@code \\} and {@code \}{@code uXXXX} escapes are used.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == '{' || c == '}' || c == 0x7f
          || c == 0x2028 || c == 0x2029 || c == 0x85 || c == 0xfeff) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
