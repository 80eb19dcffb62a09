package dev.privileges.engine.kubernetes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * YAML scalars as the Kubernetes API server reads them. kubectl and the API server decode YAML
 * with sigs.k8s.io/yaml, whose reader follows YAML 1.1: {@code yes}, {@code on}, {@code y} are
 * {@code true}, {@code no}, {@code off}, {@code n} are {@code false}, {@code 010} and {@code 0o10}
 * are octal, {@code 1_000} is a number, and a date becomes a timestamp. snakeyaml-engine alone is
 * YAML 1.2 and would read all of these as strings.
 *
 * <p>The schema serves both directions: reading (the base template and the audit of the written
 * YAML see the values Kubernetes sees) and writing (a string that either a YAML 1.1 or a 1.2
 * reader would take for another type is quoted, because the emitter quotes every string that
 * this resolver does not resolve to {@code str}).
 */
public final class KubernetesYaml implements Schema {

  private static final ScalarResolver RESOLVER = new Resolver();

  // Before SCHEMA: its constructor registers the timestamp constructor under this tag, and a
  // later declaration would still be null then (every date-like value failed to load).
  private static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

  static final KubernetesYaml SCHEMA = new KubernetesYaml();

  private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
      "on", "On", "ON");
  private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE",
      "off", "Off", "OFF");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");

  /** Integers of YAML 1.1 and 1.2, and what Go's ParseInt with base 0 accepts (underscores, 0o). */
  private static final Pattern INT = Pattern.compile(
      "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|0|[1-9][0-9_]*|[1-9][0-9_]*(:[0-5]?[0-9])+)");
  /** Floats of YAML 1.1 and 1.2, with exponents, infinities, NaN and 1.1's sexagesimal form. */
  private static final Pattern FLOAT = Pattern.compile(
      "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
          + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final Pattern DATE = Pattern.compile(
      "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|[ \\t]+)?([0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?)?"
          + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?");

  private final Map<Tag, ConstructNode> constructors = new HashMap<>();

  /**
   * The value of a scalar of each resolved tag but {@code str}. An enum and a class below rather
   * than lambdas: each lambda costs a fresh JVM a class spun at its first use.
   */
  private enum Scalar implements ConstructNode {
    NULL, BOOL, INT, FLOAT, TIMESTAMP;

    @Override
    public Object construct(Node node) {
      return switch (this) {
        case NULL -> null;
        case BOOL -> TRUE.contains(text(node));
        case INT -> integer(text(node));
        case FLOAT -> floating(text(node));
        case TIMESTAMP -> text(node);
      };
    }
  }

  private static final class Resolver implements ScalarResolver {
    @Override
    public Tag resolve(String value, Boolean implicit) {
      return KubernetesYaml.resolve(value, implicit);
    }
  }

  private KubernetesYaml() {
    constructors.put(Tag.NULL, Scalar.NULL);
    constructors.put(Tag.BOOL, Scalar.BOOL);
    constructors.put(Tag.INT, Scalar.INT);
    constructors.put(Tag.FLOAT, Scalar.FLOAT);
    constructors.put(TIMESTAMP, Scalar.TIMESTAMP);
  }

  @Override
  public ScalarResolver getScalarResolver() {
    return RESOLVER;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return constructors;
  }

  /** A loader that reads like the API server; {@code label} names the input in messages. */
  static Load loader(String label) {
    return loader(label, true);
  }

  /** Like {@link #loader(String)}; {@code marks} keeps the positions that syntax-error messages name. */
  private static Load loader(String label, boolean marks) {
    return new Load(LoadSettings.builder().setLabel(label).setSchema(SCHEMA).setUseMarks(marks).build());
  }

  /** The documents of {@code text}, read like the API server; empty documents are skipped. */
  public static List<Object> readAll(String text, String label) {
    return documents(loader(label), text);
  }

  /**
   * The documents of YAML the plugin itself emitted, read like the API server, without the
   * position marks: they only serve the messages of a syntax error, which emitted text does not
   * have, and the reader made one per token (a fifth of what reading back a large DaemonSet
   * allocated).
   */
  static List<Object> readEmitted(String text, String label) {
    return documents(loader(label, false), text);
  }

  private static List<Object> documents(Load load, String text) {
    List<Object> out = new java.util.ArrayList<>();
    for (Object d : load.loadAllFromString(text)) {
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  /** Whether a plain (unquoted) {@code value} would be read as something other than a string. */
  public static boolean readsAsNonString(String value) {
    return !resolve(value, true).equals(Tag.STR);
  }

  private static Tag resolve(String value, Boolean implicit) {
    if (!implicit) {
      return Tag.STR;
    }
    if (NULL.contains(value)) {
      return Tag.NULL;
    }
    if (TRUE.contains(value) || FALSE.contains(value)) {
      return Tag.BOOL;
    }
    if (value.equals("<<") || value.equals("=")) {
      return Tag.NULL; // merge and value keys of YAML 1.1: never a plain string
    }
    if (!mayBeNumberOrDate(value.charAt(0))) {
      return Tag.STR; // most scalars (names, paths, keys): no pattern below can match
    }
    if (INT.matcher(value).matches()) {
      return Tag.INT;
    }
    if (FLOAT.matcher(value).matches()) {
      return Tag.FLOAT;
    }
    if (DATE.matcher(value).matches()) {
      return TIMESTAMP;
    }
    return Tag.STR;
  }

  /**
   * Whether a scalar starting with {@code first} could match {@link #INT}, {@link #FLOAT} or
   * {@link #DATE}: each of them starts with a sign, a digit or a dot. (The empty scalar was
   * resolved as null before.)
   */
  private static boolean mayBeNumberOrDate(char first) {
    return first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.';
  }

  private static String text(Node node) {
    return ((ScalarNode) node).getValue();
  }

  /** An integer the way a YAML 1.1 reader with Go's number syntax takes it. */
  private static Object integer(String raw) {
    String t = raw.replace("_", "");
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    long value;
    try {
      if (t.contains(":")) {
        value = 0;
        for (String part : t.split(":")) {
          value = value * 60 + Long.parseLong(part);
        }
      } else if (t.startsWith("0b")) {
        value = Long.parseLong(t.substring(2), 2);
      } else if (t.startsWith("0x")) {
        value = Long.parseLong(t.substring(2), 16);
      } else if (t.startsWith("0o")) {
        value = Long.parseLong(t.substring(2), 8);
      } else if (t.length() > 1 && t.startsWith("0")) {
        value = Long.parseLong(t.substring(1), 8);
      } else {
        value = Long.parseLong(t);
      }
    } catch (NumberFormatException e) {
      return raw; // out of range: leave the text, the checks then see a non-number
    }
    value = negative ? -value : value;
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
  }

  private static Object floating(String raw) {
    String t = raw.replace("_", "");
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".inf")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals(".nan")) {
      return Double.NaN;
    }
    try {
      if (t.contains(":")) {
        boolean negative = t.startsWith("-");
        String[] parts = t.replaceFirst("^[-+]", "").split(":");
        double value = 0;
        for (String part : parts) {
          value = value * 60 + Double.parseDouble(part);
        }
        return negative ? -value : value;
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return raw;
    }
  }
}
