package dev.privileges.engine;

import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.KubernetesNames;
import dev.privileges.metadata.KernelVersion;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/**
 * Checks the build's options before anything is resolved (the {@link Resolver} calls it), and
 * parses the ones given as text. Every message names the option (through the {@link Option}
 * catalogue, so each front end words it), the bad value and a fix, e.g. {@code namespace 'Foo_Bar'
 * is not a DNS-1123 label ..., perhaps you meant 'foo-bar'}.
 */
public final class OptionsValidator {

  /** SemVer 2, which Helm requires of a chart's version (semver.org's own expression). */
  private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
      + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
      + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\:*?\"<>|\\x00-\\x1f]+");

  private OptionsValidator() {}

  /** Validates every option; throws on the first problem. */
  public static void validate(GenerationOptions o) {
    dnsLabel(Option.NAME, o.name());
    dnsLabel(Option.NAMESPACE, o.namespace());
    if (!o.containerName().equals(o.name())) {
      dnsLabel(Option.CONTAINER_NAME, o.containerName());
    }
    if (o.image() == null || o.image().isBlank() || hasWhitespace(o.image())) {
      throw new EngineException(Option.IMAGE + " '" + o.image() + "' is not a container image reference:"
          + " give one without spaces, e.g. 'registry.example.com/agent:1.2.3'");
    }
    for (Map.Entry<String, String> label : o.labels().entrySet()) {
      labelKey(label.getKey());
      if (!KubernetesNames.isLabelValue(label.getValue())) {
        throw new EngineException(Option.LABELS + " entry '" + label.getKey() + "': value '" + label.getValue() + "' is not a"
            + " valid label value (at most 63 letters, digits, '-', '_' or '.', starting and ending"
            + " with a letter or digit), perhaps you meant '" + labelValueSuggestion(label.getValue()) + "'");
      }
    }
    if (o.nonRootUid() < 1 || o.nonRootUid() > Integer.MAX_VALUE) {
      throw new EngineException(Option.NON_ROOT_UID + " '" + o.nonRootUid() + "' is not a non-root UID: use a"
          + " number from 1 to " + Integer.MAX_VALUE + ", e.g. 10001 (UID 0 is root, which"
          + " collectors request with RUN_AS_ROOT)");
    }
    if (!KubernetesNames.isEnvName(o.enabledInputsEnv())) {
      String s = o.enabledInputsEnv() == null ? "" : o.enabledInputsEnv().toUpperCase(Locale.ROOT)
          .replaceAll("[^A-Z0-9_]+", "_").replaceAll("^([0-9])", "_$1");
      throw new EngineException(Option.ENABLED_INPUTS_ENV + " '" + o.enabledInputsEnv() + "' is not an"
          + " environment variable name (letters, digits and '_', not starting with a digit),"
          + " perhaps you meant '" + s + "'");
    }
    if (o.statementCollectorLimit() < 1) {
      throw new EngineException(Option.STATEMENT_COLLECTOR_LIMIT + " '" + o.statementCollectorLimit() + "' is not a"
          + " positive number: give how many collectors the statement lists under one privilege before it"
          + " counts them by feature instead, e.g. " + GenerationOptions.DEFAULT_STATEMENT_COLLECTOR_LIMIT);
    }
    if (o.statementItemLimit() < 1) {
      throw new EngineException(Option.STATEMENT_ITEM_LIMIT + " '" + o.statementItemLimit() + "' is not a"
          + " positive number: give how many entries one list of the statement (collectors, host paths, ports,"
          + " writable paths) shows before it groups them, e.g. " + GenerationOptions.DEFAULT_STATEMENT_ITEM_LIMIT);
    }
    if (o.helmChart()) {
      chartVersion(o.chartVersion());
    }
    if (o.productName() == null || o.productName().isBlank()) {
      throw new EngineException(Option.PRODUCT_NAME + " is blank: name the product, e.g. 'Sample Agent'");
    }
  }

  /** Checks the chart version: Helm needs SemVer 2. */
  static void chartVersion(String version) {
    if (version.isEmpty()) {
      throw new EngineException(Option.HELM_CHART + " is on but " + Option.CHART_VERSION + " is empty: give the"
          + " version of the release the chart ships, e.g. '1.4.0'");
    }
    if (!SEMVER.matcher(version).matches()) {
      String digits = version.replaceFirst("^[vV]", "");
      String s = digits.matches("\\d+") ? digits + ".0.0" : digits.matches("\\d+\\.\\d+") ? digits + ".0"
          : SEMVER.matcher(digits).matches() ? digits : "";
      throw new EngineException(Option.CHART_VERSION + " '" + version + "' is not a SemVer 2 version, which Helm"
          + " requires of a chart: write major.minor.patch with an optional -prerelease, e.g. '1.4.0' or"
          + " '1.4.0-SNAPSHOT'" + (s.isEmpty() ? "" : ", perhaps you meant '" + s + "'"));
    }
  }

  /** Checks an output file name: a plain name inside the output folder. */
  public static void fileName(Option option, String value) {
    if (value == null || !FILE_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
      String s = value == null ? "" : value.replaceAll(".*[/\\\\]", "");
      throw new EngineException(option + " '" + value + "' is not a plain file name: outputs"
          + " are only written inside the output folder (" + Option.OUTPUT_DIRECTORY + "), so give a name without"
          + " folders" + (s.isEmpty() || s.equals("..") ? "" : ", perhaps you meant '" + s + "'"));
    }
  }

  /** Parses the port exposure option. */
  public static PortExposure portExposure(String value) {
    return enumValue(Option.PORT_EXPOSURE, value, PortExposure.class);
  }

  /** Parses the maximum Pod Security level option. */
  public static PodSecurity.Level podSecurityLevel(String value) {
    return enumValue(Option.MAX_POD_SECURITY_LEVEL, value, PodSecurity.Level.class);
  }

  /** Parses the oldest kernel option. */
  public static KernelVersion oldestKernel(String value) {
    try {
      return KernelVersion.parse(value == null ? "" : value.trim());
    } catch (IllegalArgumentException e) {
      throw new EngineException(Option.OLDEST_KERNEL + " '" + value + "' is not a kernel version: write"
          + " major.minor, e.g. '5.8'");
    }
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static <E extends Enum<E>> E enumValue(Option option, String value, Class<E> type) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new EngineException(option + " '" + value + "' is not one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
  }

  private static void dnsLabel(Option option, String value) {
    if (!KubernetesNames.isDnsLabel(value)) {
      throw new EngineException(option + " '" + value + "' is not a DNS-1123 label (at most 63"
          + " lower-case letters, digits and '-', starting and ending with a letter or digit),"
          + " perhaps you meant '" + dnsSuggestion(value) + "'");
    }
  }

  private static void labelKey(String key) {
    if (!KubernetesNames.isQualifiedName(key)) {
      throw new EngineException(Option.LABELS + " key '" + key + "' is not a valid label key ([prefix/]name,"
          + " the name at most 63 letters, digits, '-', '_' or '.'), perhaps you meant '"
          + labelValueSuggestion(key) + "'");
    }
  }

  /** {@code Foo_Bar} gives {@code foo-bar}. */
  static String dnsSuggestion(String value) {
    String s = (value == null ? "" : value).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "node-agent" : s;
  }

  private static String labelValueSuggestion(String value) {
    String s = (value == null ? "" : value).replaceAll("[^A-Za-z0-9_.-]+", "-")
        .replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    return s.length() > 63 ? s.substring(0, 63).replaceAll("[^A-Za-z0-9]+$", "") : s;
  }
}
