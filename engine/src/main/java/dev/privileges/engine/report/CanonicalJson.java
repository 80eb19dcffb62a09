package dev.privileges.engine.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 *
 * <p>The text is encoded to UTF-8 as it is written, into one byte array: the report of a large
 * bundle is 12 MB, and a {@code StringBuilder}, its {@code toString()} and {@code getBytes} held
 * and copied it three times before it reached the file.
 */
public final class CanonicalJson {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** A line break and the indent of each depth the report reaches; deeper levels are built. */
  private static final byte[][] BREAKS = new byte[16][];

  static {
    for (int i = 0; i < BREAKS.length; i++) {
      BREAKS[i] = ("\n" + "  ".repeat(i)).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private byte[] out;
  private int length;

  private CanonicalJson(int capacity) {
    out = new byte[capacity];
  }

  /** The JSON text of {@code value}, without a final newline. */
  public static String write(Object value) {
    CanonicalJson json = new CanonicalJson(1 << 16);
    json.value(value, 0);
    return new String(json.out, 0, json.length, StandardCharsets.UTF_8);
  }

  /**
   * The UTF-8 bytes of the JSON text of {@code value} with a final newline, as a file holds them:
   * the bytes {@code getBytes(UTF_8)} gives of the text {@link #write} returns, plus {@code \n}.
   *
   * @param expectedBytes about how long the text will be: the buffer starts at that size, since
   *     growing a 12 MB report by doubling from a small buffer copied it about twice over
   */
  public static byte[] writeFile(Object value, int expectedBytes) {
    CanonicalJson json = new CanonicalJson(Math.max(1 << 16, expectedBytes));
    json.value(value, 0);
    json.ascii('\n');
    return json.out.length == json.length ? json.out : Arrays.copyOf(json.out, json.length);
  }

  private void value(Object v, int depth) {
    // Classes before interfaces: a test against a class is one compare, while a test against an
    // interface scans the class's interfaces through a one-entry cache per class that threads
    // rendering other outputs at the same time keep overwriting.
    if (v == null) {
      ascii("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Record r) {
      record(r, depth);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) {
      ascii(v.toString());
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
      ascii("{ }");
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
      ascii("{ }");
    } else {
      close('}', depth);
    }
  }

  /** Opens the object on the first member, then writes the member's key. */
  private void member(boolean first, String key, int depth) {
    ascii(first ? '{' : ',');
    lineBreak(depth + 1);
    string(key);
    ascii(": ");
  }

  private void close(char bracket, int depth) {
    lineBreak(depth);
    ascii(bracket);
  }

  private void array(Collection<?> items, int depth) {
    if (items.isEmpty()) {
      ascii("[ ]");
      return;
    }
    boolean first = true;
    for (Object item : items) {
      ascii(first ? '[' : ',');
      first = false;
      lineBreak(depth + 1);
      value(item, depth + 1);
    }
    close(']', depth);
  }

  /** A line break and two spaces per level. */
  private void lineBreak(int depth) {
    byte[] b = depth < BREAKS.length ? BREAKS[depth] : ("\n" + "  ".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    room(b.length);
    System.arraycopy(b, 0, out, length, b.length);
    length += b.length;
  }

  /** Makes room for {@code more} bytes. */
  private void room(int more) {
    if (out.length - length < more) {
      long wanted = Math.max((long) out.length * 2, (long) length + more);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("the report is larger than 2 GB");
      }
      out = Arrays.copyOf(out, (int) wanted);
    }
  }

  private void ascii(char c) {
    room(1);
    out[length++] = (byte) c;
  }

  /** Text known to be ASCII with nothing to escape (numbers, punctuation). */
  private void ascii(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      out[length + i] = (byte) s.charAt(i);
    }
    length += n;
  }

  /**
   * A JSON string with Jackson's escapes (the two-character forms where JSON has them, else a
   * six-character escape with upper-case hex digits), in UTF-8; a lone surrogate becomes {@code ?},
   * as {@code String.getBytes(UTF_8)} makes it.
   */
  private void string(String s) {
    int n = s.length();
    room(n + 2); // enough unless something is escaped or not ASCII
    byte[] b = out;
    int at = length;
    b[at++] = '"';
    int i = 0;
    for (; i < n; i++) { // most strings are plain ASCII: one pass, no check for room
      char ch = s.charAt(i);
      if (ch < 0x20 || ch >= 0x80 || ch == '"' || ch == '\\') {
        break;
      }
      b[at++] = (byte) ch;
    }
    length = at;
    if (i < n) {
      escaped(s, i);
    }
    ascii('"');
  }

  /** The rest of {@code s} from {@code from}, escaping and encoding each character. */
  private void escaped(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> ascii("\\\"");
        case '\\' -> ascii("\\\\");
        case '\n' -> ascii("\\n");
        case '\r' -> ascii("\\r");
        case '\t' -> ascii("\\t");
        case '\b' -> ascii("\\b");
        case '\f' -> ascii("\\f");
        default -> {
          if (ch < 0x20) {
            ascii("\\u00");
            room(2);
            out[length++] = HEX[ch >> 4];
            out[length++] = HEX[ch & 0xF];
          } else if (ch < 0x80) {
            ascii(ch);
          } else if (ch < 0x800) {
            room(2);
            out[length++] = (byte) (0xC0 | ch >> 6);
            out[length++] = (byte) (0x80 | ch & 0x3F);
          } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(ch, s.charAt(++i));
            room(4);
            out[length++] = (byte) (0xF0 | cp >> 18);
            out[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[length++] = (byte) (0x80 | cp & 0x3F);
          } else if (Character.isSurrogate(ch)) {
            ascii('?');
          } else {
            room(3);
            out[length++] = (byte) (0xE0 | ch >> 12);
            out[length++] = (byte) (0x80 | ch >> 6 & 0x3F);
            out[length++] = (byte) (0x80 | ch & 0x3F);
          }
        }
      }
    }
  }

  private static boolean isEmpty(Object v) {
    return v == null || (v instanceof String s ? s.isEmpty() : (v instanceof CharSequence s && s.length() == 0)
        || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty()));
  }
}
