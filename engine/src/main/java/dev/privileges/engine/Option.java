package dev.privileges.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of the options a user sets, in neutral words. Engine messages never spell an option
 * in a front end's syntax: they embed {@link #ref()}, and each front end renders it in its own
 * ({@code <portExposure>} in a pom, {@code --port-exposure} on the command line) through
 * {@link EngineException#message(Syntax)}. A user of the CLI is never told to edit a pom.
 */
public enum Option {
  SKIP("skip"),
  ENABLED_COLLECTORS("enabledCollectors"),
  EXCLUDED_COLLECTORS("excludedCollectors"),
  NAME("name"),
  NAMESPACE("namespace"),
  IMAGE("image"),
  CONTAINER_NAME("containerName"),
  LABELS("labels"),
  NON_ROOT_UID("nonRootUid"),
  ENABLED_INPUTS_ENV("enabledInputsEnv"),
  PRIVILEGED_INSTEAD_OF_CAPABILITIES("privilegedInsteadOfCapabilities"),
  PORT_EXPOSURE("portExposure"),
  OLDEST_KERNEL("oldestKernel"),
  PRODUCT_NAME("productName"),
  WAIVERS("waivers"),
  BASE_TEMPLATE("baseTemplate"),
  NAMESPACE_OBJECT("namespaceObject"),
  STATEMENT_TEMPLATE("statementTemplate"),
  STATEMENT_INTRO("statementIntro"),
  STATEMENT_CLOSING("statementClosing"),
  STATEMENT_COLLECTOR_LIMIT("statementCollectorLimit"),
  STATEMENT_ITEM_LIMIT("statementItemLimit"),
  OUTPUT_DIRECTORY("outputDirectory"),
  DAEMON_SET_FILE("daemonSetFile"),
  STATEMENT_FILE("statementFile"),
  REPORT_FILE("reportFile"),
  MKDOCS_DIRECTORY("mkdocsDirectory"),
  LOCK_FILE("lockFile"),
  UPDATE_LOCK("updateLock"),
  MAX_POD_SECURITY_LEVEL("maxPodSecurityLevel"),
  FORBIDDEN_PRIVILEGES("forbiddenPrivileges"),
  HELM_CHART("helmChart"),
  CHART_VERSION("chartVersion");

  /** How a front end writes an option. */
  public enum Syntax {
    /** The engine's own words: the option's name, e.g. {@code portExposure}. */
    NEUTRAL,
    /** A pom element, e.g. {@code <portExposure>}. */
    MAVEN,
    /** A command-line flag, e.g. {@code --port-exposure}. */
    CLI;

    /** {@code text} with every option reference written in this syntax. */
    public String render(String text) {
      Matcher m = REF.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        Option o = byKey(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(o == null ? m.group() : o.in(this)));
      }
      return m.appendTail(out).toString();
    }
  }

  private static final Pattern REF = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final String key;

  Option(String key) {
    this.key = key;
  }

  /** The option's name in the Maven plugin's parameters and the CLI's (in kebab case). */
  public String key() {
    return key;
  }

  /** The reference an engine message embeds, rendered later by the front end. */
  public String ref() {
    return "{{" + key + "}}";
  }

  /** This option written in {@code syntax}. */
  public String in(Syntax syntax) {
    return switch (syntax) {
      case NEUTRAL -> key;
      case MAVEN -> "<" + key + ">";
      case CLI -> "--" + key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    };
  }

  /** The option named {@code key}, or null. */
  public static Option byKey(String key) {
    for (Option o : values()) {
      if (o.key.equals(key)) {
        return o;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return ref();
  }
}
