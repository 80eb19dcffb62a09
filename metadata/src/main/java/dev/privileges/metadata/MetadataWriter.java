package dev.privileges.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical JSON of a metadata document, written by hand: keys in alphabetical order,
 * two-space indent, {@code "key": value}, {@code \n} line ends and a final newline. Empty
 * optional values (empty strings and lists of the fields that may be left out) are left out.
 *
 * <p>Why not Jackson, which reads the files: the processor runs in every compilation of every
 * collector module, and loading Jackson was most of its own class loading (see {@code
 * docs/benchmarks.md}); writing this fixed shape needs no library. The bytes equal those of the
 * Jackson writer used before; {@code MetadataWriterTest} holds the two side by side.
 *
 * <p>{@link #requirements} gives the same entries as values, for the registry text, so the JSON
 * and the registry cannot disagree.
 */
public final class MetadataWriter {

  /** One entry of one requirement array (at {@code position} in it), fields in key order. */
  public record Entry(String array, int position, List<Field> fields) {

    /** The value of {@code key}, or null if the entry leaves it out or it is null. */
    public Object value(String key) {
      for (Field f : fields) {
        if (f.key().equals(key)) {
          return f.value();
        }
      }
      return null;
    }
  }

  /**
   * One field: a String, Boolean, Integer, enum constant or {@code List<String>}; null is
   * written as JSON {@code null}.
   */
  public record Field(String key, Object value) {}

  private MetadataWriter() {}

  /** The canonical JSON of {@code c}, ending in a newline. */
  public static String write(CollectorMetadata c) {
    StringBuilder out = new StringBuilder(1024);
    out.append('{');
    Separator root = new Separator(out, 1);
    List<Entry> entries = requirements(c);
    // top-level keys, alphabetical; arrays interleave with the scalar fields
    array(root, "capabilities", entries);
    array(root, "confinement", entries);
    text(root, "description", c.description());
    text(root, "feature", c.feature());
    root.key("formatVersion");
    out.append(c.formatVersion());
    array(root, "hostPaths", entries);
    array(root, "kubernetesApi", entries);
    text(root, "name", c.name());
    text(root, "noPrivilegesReason", c.noPrivilegesReason());
    array(root, "ports", entries);
    array(root, "privileges", entries);
    text(root, "source", c.source());
    array(root, "writablePaths", entries);
    root.close();
    out.append("}\n");
    return out.toString();
  }

  /** A top-level text field, left out when null or empty. */
  private static void text(Separator root, String key, String value) {
    if (!isEmpty(value)) {
      root.key(key);
      string(root.out, value);
    }
  }

  /**
   * Every requirement of {@code c}, array by array in key order ({@code capabilities}, {@code
   * confinement}, {@code hostPaths}, {@code kubernetesApi}, {@code ports}, {@code privileges},
   * {@code writablePaths}), each array in its sorted order.
   */
  public static List<Entry> requirements(CollectorMetadata c) {
    List<Entry> out = new ArrayList<>();
    for (CapabilityRequirement r : c.capabilities()) {
      Fields f = new Fields(5);
      f.optional("beforeKernel", r.beforeKernel());
      f.optional("capability", r.capability());
      f.optional("declaredBy", r.declaredBy());
      f.optional("fromKernel", r.fromKernel());
      f.optional("reason", r.reason());
      out.add(new Entry("capabilities", position(out, "capabilities"), f.list));
    }
    for (ConfinementRequirement r : c.confinement()) {
      Fields f = new Fields(3);
      f.always("confinement", r.confinement());
      f.always("declaredBy", r.declaredBy());
      f.always("reason", r.reason());
      out.add(new Entry("confinement", position(out, "confinement"), f.list));
    }
    for (HostPathRequirement r : c.hostPaths()) {
      Fields f = new Fields(8);
      f.optional("declaredBy", r.declaredBy());
      f.optional("env", r.env());
      f.optional("mountPath", r.mountPath());
      f.optional("path", r.path());
      f.optional("propagation", r.propagation());
      f.always("readOnly", r.readOnly());
      f.optional("reason", r.reason());
      f.optional("type", r.type());
      out.add(new Entry("hostPaths", position(out, "hostPaths"), f.list));
    }
    for (ApiRuleRequirement r : c.kubernetesApi()) {
      Fields f = new Fields(6);
      f.optional("apiGroups", r.apiGroups());
      f.optional("declaredBy", r.declaredBy());
      f.optional("nonResourceUrls", r.nonResourceUrls());
      f.optional("reason", r.reason());
      f.optional("resources", r.resources());
      f.optional("verbs", r.verbs());
      out.add(new Entry("kubernetesApi", position(out, "kubernetesApi"), f.list));
    }
    for (PortRequirement r : c.ports()) {
      Fields f = new Fields(6);
      f.always("declaredBy", r.declaredBy());
      f.always("name", r.name());
      f.always("number", r.number());
      f.always("protocol", r.protocol());
      f.always("reachableAtNodeIp", r.reachableAtNodeIp());
      f.always("reason", r.reason());
      out.add(new Entry("ports", position(out, "ports"), f.list));
    }
    for (PrivilegeRequirement r : c.privileges()) {
      Fields f = new Fields(3);
      f.always("declaredBy", r.declaredBy());
      f.always("privilege", r.privilege());
      f.always("reason", r.reason());
      out.add(new Entry("privileges", position(out, "privileges"), f.list));
    }
    for (WritablePathRequirement r : c.writablePaths()) {
      Fields f = new Fields(5);
      f.optional("declaredBy", r.declaredBy());
      f.optional("hostPath", r.hostPath());
      f.always("keepAcrossRestarts", r.keepAcrossRestarts());
      f.optional("path", r.path());
      f.optional("reason", r.reason());
      out.add(new Entry("writablePaths", position(out, "writablePaths"), f.list));
    }
    return out;
  }

  /** How many entries of {@code array} precede the next one (they come array by array). */
  private static int position(List<Entry> out, String array) {
    int n = 0;
    for (int i = out.size() - 1; i >= 0 && out.get(i).array().equals(array); i--) {
      n++;
    }
    return n;
  }

  /** The fields of one entry, in the order added (the callers add them in key order). */
  private static final class Fields {
    final List<Field> list;

    Fields(int size) {
      list = new ArrayList<>(size);
    }

    void always(String key, Object value) {
      list.add(new Field(key, value));
    }

    /** A field that is left out when null, an empty string or an empty list. */
    void optional(String key, Object value) {
      if (!isEmpty(value)) {
        list.add(new Field(key, value));
      }
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof List<?> l && l.isEmpty());
  }

  /** Writes the array {@code name} if {@code entries} hold any of it. */
  private static void array(Separator root, String name, List<Entry> entries) {
    Separator items = null;
    for (Entry e : entries) {
      if (!e.array().equals(name)) {
        continue;
      }
      if (items == null) {
        root.key(name);
        root.out.append('[');
        items = new Separator(root.out, 2);
      }
      items.next();
      root.out.append('{');
      Separator fields = new Separator(root.out, 3);
      for (Field f : e.fields()) {
        fields.key(f.key());
        value(fields, f.value());
      }
      fields.close();
      root.out.append('}');
    }
    if (items != null) {
      items.close();
      root.out.append(']');
    }
  }

  private static void value(Separator at, Object value) {
    StringBuilder out = at.out;
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Enum<?> e) {
      string(out, e.name());
    } else if (value instanceof List<?> list) {
      out.append('[');
      Separator items = new Separator(out, at.depth + 1);
      for (Object item : list) {
        items.next();
        if (item == null) {
          out.append("null");
        } else {
          string(out, item.toString());
        }
      }
      items.close();
      out.append(']');
    } else {
      out.append(value); // Boolean, Integer
    }
  }

  /** Commas, line breaks and indentation between the members of one object or array. */
  private static final class Separator {
    final StringBuilder out;
    final int depth;
    private boolean first = true;

    Separator(StringBuilder out, int depth) {
      this.out = out;
      this.depth = depth;
    }

    void next() {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append('\n');
      for (int i = 0; i < depth; i++) {
        out.append("  ");
      }
    }

    void key(String key) {
      next();
      string(out, key);
      out.append(": ");
    }

    /** Ends the object or array; an empty one stays on one line with a space, as Jackson did. */
    void close() {
      if (first) {
        out.append(' ');
        return;
      }
      out.append('\n');
      for (int i = 0; i < depth - 1; i++) {
        out.append("  ");
      }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * A JSON string: {@code "} and {@code \} escaped, control characters as {@code \b \t \n \f
   * \r} or {@code \}{@code u00XX}; everything else, non-ASCII included, as it is.
   */
  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (ch < 0x20) {
            out.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }
}
