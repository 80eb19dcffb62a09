package dev.privileges.engine.policy;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.EngineException;
import dev.privileges.metadata.DeclarationRules;
import dev.privileges.metadata.LinuxCapabilities;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;



/**
 * One kind of requirement or granted item, written the way users write it in waivers, forbidden
 * privileges and the lock file:
 *
 * <ul>
 *   <li>{@code HOST_PID}, {@code HOST_NETWORK}, {@code HOST_IPC}, {@code PRIVILEGED},
 *       {@code RUN_AS_ROOT}, {@code WRITABLE_ROOT_FILESYSTEM}: a privilege
 *   <li>{@code capability:NET_RAW}: a Linux capability (with or without {@code CAP_})
 *   <li>{@code hostPath:/sys/kernel/debug}: a node path mount
 *   <li>{@code port:8125/UDP}: a port ({@code port:9529} means TCP)
 *   <li>{@code hostPort:8125/UDP}: a port published on the node (forbidden privileges only)
 *   <li>{@code writablePath:/var/cache/agent}: a writable directory
 *   <li>{@code api:apps/deployments}: Kubernetes API access to a resource ({@code api:/pods} or
 *       {@code api:core/pods} for the core group); {@code api:url:/metrics} for a non-resource URL
 *   <li>{@code confinement:SECCOMP_UNCONFINED}: a lifted confinement
 * </ul>
 *
 * @param kind what kind of item
 * @param value the normalized value (privilege name, capability, path, port {@code 8125/UDP},
 *     {@code group/resource} with {@code ""} for the core group, URL, confinement name)
 */
public record RequirementSelector(Kind kind, String value) {

  /** The kinds of selectors, by prefix. */
  public enum Kind {
    PRIVILEGE(""),
    CAPABILITY("capability:"),
    HOST_PATH("hostPath:"),
    PORT("port:"),
    HOST_PORT("hostPort:"),
    WRITABLE_PATH("writablePath:"),
    API("api:"),
    API_URL("api:url:"),
    CONFINEMENT("confinement:");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  /** The syntax, for messages. */
  public static final String SYNTAX = "a privilege (" + names(Privilege.values()) + "), capability:<NAME>,"
      + " hostPath:<absolute path>, port:<number>/<TCP|UDP>, hostPort:<number>/<TCP|UDP>,"
      + " writablePath:<absolute path>, api:<group>/<resource>, api:url:<path> or confinement:<"
      + names(Confinement.values()).replace(", ", "|") + ">";

  /**
   * Parses {@code text}.
   *
   * @param where names the parameter in messages, e.g. {@code <waivers><waiver><requirement>}
   * @throws EngineException naming {@code where}, the value and the syntax
   */
  public static RequirementSelector parse(String text, String where) {
    String t = text == null ? "" : text.trim();
    vocabularyError(t).ifPresent(problem -> {
      throw new EngineException(where + " '" + t + "' " + problem);
    });
    Optional<RequirementSelector> parsed = tryParse(t);
    if (parsed.isEmpty()) {
      throw new EngineException(where + " '" + t + "' is not a requirement selector: write "
          + SYNTAX + suggestion(t));
    }
    return parsed.get();
  }

  private static Optional<RequirementSelector> tryParse(String t) {
    int colon = t.indexOf(':');
    if (colon < 0) {
      String upper = t.toUpperCase(Locale.ROOT);
      return Arrays.stream(Privilege.values()).filter(p -> p.name().equals(upper)).findFirst()
          .map(p -> new RequirementSelector(Kind.PRIVILEGE, p.name()));
    }
    String prefix = t.substring(0, colon + 1);
    String rest = t.substring(colon + 1).trim();
    switch (prefix) {
      case "privilege:":
        return tryParse(rest);
      case "capability:": {
        return LinuxCapabilities.normalize(rest).map(cap -> new RequirementSelector(Kind.CAPABILITY, cap));
      }
      case "hostPath:":
        return absolute(rest) ? Optional.of(new RequirementSelector(Kind.HOST_PATH, rest)) : Optional.empty();
      case "writablePath:":
        return absolute(rest) ? Optional.of(new RequirementSelector(Kind.WRITABLE_PATH, rest)) : Optional.empty();
      case "port:":
      case "hostPort:":
        return port(rest).map(p -> new RequirementSelector(prefix.equals("port:") ? Kind.PORT : Kind.HOST_PORT, p));
      case "api:":
        if (rest.startsWith("url:")) {
          String url = rest.substring(4).trim();
          return url.startsWith("/") ? Optional.of(new RequirementSelector(Kind.API_URL, url)) : Optional.empty();
        }
        int slash = rest.lastIndexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
          return Optional.empty();
        }
        String group = rest.substring(0, slash);
        group = group.equals("core") ? "" : group;
        return Optional.of(new RequirementSelector(Kind.API, group + "/" + rest.substring(slash + 1)));
      case "confinement:": {
        String upper = rest.toUpperCase(Locale.ROOT);
        return Arrays.stream(Confinement.values()).filter(c -> c.name().equals(upper)).findFirst()
            .map(c -> new RequirementSelector(Kind.CONFINEMENT, c.name()));
      }
      default:
        return Optional.empty();
    }
  }

  private static boolean absolute(String path) {
    return DeclarationRules.absolutePath("path", path).isEmpty();
  }

  /**
   * What is wrong with a selector whose form is right but whose value is outside the vocabulary
   * (an unknown capability, a path that no declaration could have), so that a typo fails instead
   * of silently selecting nothing; empty when there is nothing to say.
   */
  private static Optional<String> vocabularyError(String t) {
    int colon = t.indexOf(':');
    String prefix = colon < 0 ? "" : t.substring(0, colon + 1);
    String rest = colon < 0 ? "" : t.substring(colon + 1).trim();
    switch (prefix) {
      case "capability:":
        if (LinuxCapabilities.normalize(rest).isEmpty()) {
          return Optional.of("names no Linux capability: use one of "
              + String.join(", ", new TreeSet<>(LinuxCapabilities.ALL)) + " (with or without CAP_)"
              + closest(rest));
        }
        return Optional.empty();
      case "hostPath:":
      case "writablePath:":
        return DeclarationRules.absolutePath("the path", rest)
            .map(v -> "is not a path a declaration can have: " + v.message());
      default:
        return Optional.empty();
    }
  }

  /** A hint at the known capability that differs from {@code name} by one edit, if any. */
  private static String closest(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
    return new TreeSet<>(LinuxCapabilities.ALL).stream().filter(c -> nearlyEqual(c, bare)).findFirst()
        .map(c -> "; perhaps you meant 'capability:" + c + "'").orElse("");
  }

  private static boolean nearlyEqual(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int j = 0;
    while (j < a.length() - i && j < b.length() - i
        && a.charAt(a.length() - 1 - j) == b.charAt(b.length() - 1 - j)) {
      j++;
    }
    return a.length() - i - j <= 1 && b.length() - i - j <= 1;
  }

  private static Optional<String> port(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length > 2 || !parts[0].matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int number = Integer.parseInt(parts[0]);
    if (number < 1 || number > 65535) {
      return Optional.empty();
    }
    String protocol = parts.length == 2 ? parts[1].toUpperCase(Locale.ROOT) : "TCP";
    if (Arrays.stream(Protocol.values()).noneMatch(p -> p.name().equals(protocol))) {
      return Optional.empty();
    }
    return Optional.of(number + "/" + protocol);
  }

  private static String suggestion(String t) {
    String upper = t.toUpperCase(Locale.ROOT).replace('-', '_');
    if (upper.startsWith("CAP_") || List.of("NET_RAW", "SYS_ADMIN", "BPF", "PERFMON", "SYS_PTRACE").contains(upper)) {
      return ", perhaps you meant 'capability:" + (upper.startsWith("CAP_") ? upper.substring(4) : upper) + "'";
    }
    if (t.startsWith("/")) {
      return ", perhaps you meant 'hostPath:" + t + "'";
    }
    if (t.matches("[0-9]+(/[A-Za-z]+)?")) {
      return ", perhaps you meant 'port:" + t.toUpperCase(Locale.ROOT) + "'";
    }
    for (Privilege p : Privilege.values()) {
      if (p.name().replace("_", "").equals(upper.replace("_", ""))) {
        return ", perhaps you meant '" + p.name() + "'";
      }
    }
    return "";
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The canonical text, e.g. {@code capability:NET_RAW}, {@code api:core/pods}. */
  @Override
  public String toString() {
    if (kind == Kind.API) {
      return value.startsWith("/") ? "api:core" + value : "api:" + value;
    }
    return kind.prefix + value;
  }
}
