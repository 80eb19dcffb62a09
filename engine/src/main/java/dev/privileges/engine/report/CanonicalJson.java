package dev.privileges.engine.report;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the report's tree (maps, lists, records, strings, numbers, booleans, enums) as the
 * canonical JSON of {@code docs/report-format.md}, byte for byte what Jackson's {@code ObjectMapper}
 * wrote with sorted properties and map keys and a two-space pretty printer: {@code "key": value},
 * {@code [ ]} and <code>{ }</code> when empty, Jackson's escapes. It exists because the plugin pays
 * for Jackson data binding in every fresh JVM (about a third of a second of class loading and
 * introspection, see {@code docs/benchmarks.md}) for one document it can write by hand.
 *
 * <p>Records are written as Jackson writes them: their components sorted by name, and for the
 * types marked {@code @JsonInclude(NON_EMPTY)} without their null, empty-text and empty-list
 * components. {@link RecordMembers} lists each type's members, so nothing here reflects.
 */
public final class CanonicalJson {

  private static final String HEX = "0123456789ABCDEF";

  private final StringBuilder out;

  private CanonicalJson(int capacity) {
    out = new StringBuilder(capacity);
  }

  /** The JSON text of {@code value}, without a final newline. */
  public static String write(Object value) {
    CanonicalJson json = new CanonicalJson(1 << 16);
    json.value(value, 0);
    return json.out.toString();
  }

  /**
   * The JSON text of {@code value} with a final newline, as a file holds it.
   *
   * @param expectedChars about how long the text will be: the buffer starts at that size, since
   *     growing a 12 MB report by doubling from a small buffer copied it about twice over
   */
  public static String writeFile(Object value, int expectedChars) {
    CanonicalJson json = new CanonicalJson(Math.max(1 << 16, expectedChars));
    json.value(value, 0);
    return json.out.append('\n').toString();
  }

  private void value(Object v, int depth) {
    // Classes before interfaces: a test against a class is one compare, while a test against an
    // interface scans the class's interfaces through a one-entry cache per class that threads
    // rendering other outputs at the same time keep overwriting.
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Record r) {
      record(r, depth);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) {
      out.append(v);
    } else if (v instanceof Enum<?> e) {
      string(e.name());
    } else if (v instanceof Map<?, ?> m) {
      map(m, depth);
    } else if (v instanceof Collection<?> c) {
      array(c, depth);
    } else if (v instanceof CharSequence s) {
      string(s.toString());
    } else {
      throw new IllegalStateException("the report cannot hold a " + v.getClass().getName());
    }
  }

  // Members are written as they are met, with no list of keys and values built first: the
  // report of a large bundle has hundreds of thousands of them.

  private void map(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{ }");
      return;
    }
    Map<?, ?> sorted = map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
    boolean first = true;
    for (Map.Entry<?, ?> e : sorted.entrySet()) {
      Object k = e.getKey();
      member(first, k instanceof Enum<?> en ? en.name() : String.valueOf(k), depth);
      value(e.getValue(), depth + 1);
      first = false;
    }
    close('}', depth);
  }

  private void record(Record r, int depth) {
    Object[] members = RecordMembers.of(r);
    boolean leaveOutEmpty = RecordMembers.leavesOutEmpty(r);
    boolean first = true;
    for (int i = 0; i < members.length; i += 2) {
      Object v = members[i + 1];
      if (leaveOutEmpty && isEmpty(v)) {
        continue;
      }
      member(first, (String) members[i], depth);
      value(v, depth + 1);
      first = false;
    }
    if (first) {
      out.append("{ }");
    } else {
      close('}', depth);
    }
  }

  /** Opens the object on the first member, then writes the member's key. */
  private void member(boolean first, String key, int depth) {
    out.append(first ? "{\n" : ",\n");
    indent(depth + 1);
    string(key);
    out.append(": ");
  }

  private void close(char bracket, int depth) {
    out.append('\n');
    indent(depth);
    out.append(bracket);
  }

  private void array(Collection<?> items, int depth) {
    if (items.isEmpty()) {
      out.append("[ ]");
      return;
    }
    boolean first = true;
    for (Object item : items) {
      out.append(first ? "[\n" : ",\n");
      first = false;
      indent(depth + 1);
      value(item, depth + 1);
    }
    close(']', depth);
  }

  /** Two spaces per level, for the depths the report reaches; deeper levels are built. */
  private static final String[] INDENTS = new String[16];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = "  ".repeat(i);
    }
  }

  private void indent(int depth) {
    out.append(depth < INDENTS.length ? INDENTS[depth] : "  ".repeat(depth));
  }

  /** Jackson's escapes: the two-character forms where JSON has them, else a six-character escape with upper-case hex digits. */
  private void string(String s) {
    out.append('"');
    int plain = 0; // most strings need no escape: copy them whole
    int length = s.length();
    while (plain < length) {
      char ch = s.charAt(plain);
      if (ch < 0x20 || ch == '"' || ch == '\\') {
        break;
      }
      plain++;
    }
    if (plain == length) {
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (ch < 0x20) {
            out.append("\\u00").append(HEX.charAt(ch >> 4)).append(HEX.charAt(ch & 0xF));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isEmpty(Object v) {
    return v == null || (v instanceof String s ? s.isEmpty() : (v instanceof CharSequence s && s.length() == 0)
        || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty()));
  }
}
