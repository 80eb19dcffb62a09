package dev.privileges.annotations.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form in which a generated registry carries its collectors, and its decoder.
 *
 * <p>Why text and not one constructor call per requirement: javac attributes every call, so a
 * registry of thousands of collectors written as calls cost more to compile than the rest of the
 * processor's work together (see {@code docs/benchmarks.md}); string literals cost almost
 * nothing. The generated source stays readable: one literal per collector, one line per
 * requirement.
 *
 * <p>The text is a sequence of lines, each ending with {@code \n}, with fields separated by a
 * tab:
 *
 * <pre>
 * collector &lt;TAB&gt; name &lt;TAB&gt; feature &lt;TAB&gt; description &lt;TAB&gt; source &lt;TAB&gt; noPrivilegesReason
 * kind &lt;TAB&gt; reason &lt;TAB&gt; declaredBy [&lt;TAB&gt; key=value]...
 * </pre>
 *
 * <p>A {@code collector} line starts a collector; each following line is one of its
 * requirements ({@code kind} is never {@code collector}). Inside a field, {@code \}, tab, line
 * feed and carriage return are written {@code \\}, {@code \t}, {@code \n} and {@code \r}. A
 * registry may split the text anywhere across several strings (a class-file constant holds at
 * most 65,535 bytes); {@link #decode} joins them first.
 */
public final class RegistryData {

  /**
   * Where a module's registry text lives in its jar: one resource per module, written by the
   * processor at the end of the compilation (no generated source, so javac needs no extra round),
   * read at run time through {@link ClassLoader#getResources}. A fat jar must append these files
   * (as it appends {@code META-INF/services} files), not keep one.
   */
  public static final String RESOURCE = "META-INF/dev.privileges/registry.txt";

  private static final String COLLECTOR = "collector";

  private RegistryData() {}

  /** The text of one collector, ending with a line feed. */
  public static String encode(CollectorDescriptor c) {
    StringBuilder out = new StringBuilder(512); // a collector's text is a few hundred characters
    line(out, COLLECTOR, c.name(), c.feature(), c.description(), c.source(), c.noPrivilegesReason());
    for (RequirementDescriptor r : c.requirements()) {
      if (r.kind().equals(COLLECTOR)) {
        throw new IllegalArgumentException("a requirement kind cannot be '" + COLLECTOR + "'");
      }
      // Field by field into the text, with no list of fields or "key=value" strings built
      // first: the processor encodes every collector of the module.
      escape(out, r.kind());
      out.append('\t');
      escape(out, r.reason());
      out.append('\t');
      escape(out, r.declaredBy());
      for (Map.Entry<String, String> a : r.attributes().entrySet()) {
        if (a.getKey().isEmpty() || a.getKey().indexOf('=') >= 0) {
          throw new IllegalArgumentException("attribute key '" + a.getKey() + "' is empty or holds '='");
        }
        out.append('\t');
        escape(out, a.getKey()); // as escaping "key=value" whole: '=' is never escaped
        out.append('=');
        escape(out, String.valueOf(a.getValue())); // as the concatenation did
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The collectors in the text made of all pieces of all parts, joined in order. (A generated
   * registry holds its pieces in several arrays: a method has room for about 8,000 of them.)
   *
   * @throws IllegalArgumentException if the text is not in the form above
   */
  public static List<CollectorDescriptor> decode(String[]... parts) {
    StringBuilder joined = new StringBuilder();
    for (String[] part : parts) {
      for (String piece : part) {
        joined.append(piece);
      }
    }
    String text = joined.toString();
    List<CollectorDescriptor> out = new ArrayList<>();
    String[] header = null;
    List<RequirementDescriptor> requirements = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        throw new IllegalArgumentException("registry text does not end with a line feed");
      }
      List<String> fields = fields(text.substring(start, end));
      start = end + 1;
      if (fields.get(0).equals(COLLECTOR)) {
        if (header != null) {
          out.add(collector(header, requirements));
        }
        if (fields.size() != 6) {
          throw new IllegalArgumentException("collector line with " + fields.size() + " fields: " + fields);
        }
        header = fields.toArray(new String[0]);
        requirements = new ArrayList<>();
      } else {
        if (header == null || fields.size() < 3) {
          throw new IllegalArgumentException("requirement line out of place: " + fields);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : fields.subList(3, fields.size())) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("attribute without key=value: " + pair);
          }
          attributes.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        requirements.add(new RequirementDescriptor(fields.get(0), attributes, fields.get(1), fields.get(2)));
      }
    }
    if (header != null) {
      out.add(collector(header, requirements));
    }
    return List.copyOf(out);
  }

  private static CollectorDescriptor collector(String[] h, List<RequirementDescriptor> requirements) {
    return new CollectorDescriptor(h[1], h[2], h[3], h[4], h[5], requirements);
  }

  private static void line(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      escape(out, fields[i]);
    }
    out.append('\n');
  }

  private static void escape(StringBuilder out, String field) {
    int plain = 0; // most fields need no escape: append them whole, without growing char by char
    while (plain < field.length()) {
      char ch = field.charAt(plain);
      if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
        break;
      }
      plain++;
    }
    out.append(field, 0, plain);
    for (int i = plain; i < field.length(); i++) {
      char ch = field.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
  }

  /** The unescaped fields of one line. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\\') {
        if (++i == line.length()) {
          throw new IllegalArgumentException("line ends inside an escape: " + line);
        }
        char next = line.charAt(i);
        field.append(switch (next) {
          case '\\' -> '\\';
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> throw new IllegalArgumentException("unknown escape \\" + next + " in: " + line);
        });
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
