package dev.privileges.metadata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every declaration obeys, whether it comes from an annotation or a hand-written file.
 * Each check returns the {@link Violation} it finds, naming the bad value and the fix; the
 * processor places it on the annotation, the file validator names the file and field.
 */
public final class DeclarationRules {

  private static final Pattern COLLECTOR_NAME = Pattern.compile("[a-z]([a-z0-9_-]{0,61}[a-z0-9])?");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

  /** Verbs a ClusterRole rule can hold (Kubernetes RBAC, including the special verbs). */
  public static final Set<String> API_VERBS =
      Set.of(
          "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection",
          "impersonate", "bind", "escalate", "use", "approve", "sign", "attest", "proxy",
          "post", "put", "head", "options", "*");

  private DeclarationRules() {}

  /** Whether {@code reason} passes {@link #reason}: callers build the label only when it does not. */
  public static boolean hasReason(String reason) {
    return reason != null && !reason.isBlank();
  }

  /** {@code reason}: one non-blank sentence. */
  public static Optional<Violation> reason(String what, String reason) {
    if (!hasReason(reason)) {
      return fail(
          "BlankReason",
          "the reason of " + what + " is blank: say in one sentence what the collector does"
              + " with it, e.g. reason = \"Reads per-process CPU time from /proc.\"");
    }
    return Optional.empty();
  }

  /** The collector name becomes an env value and a label value. */
  public static Optional<Violation> collectorName(String name) {
    if (name != null && COLLECTOR_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return fail(
        "InvalidCollectorName",
        "collector name '" + name + "' is invalid: use 1 to 63 lower-case letters, digits, '-'"
            + " and '_', starting with a letter and ending with a letter or digit, such as '"
            + suggestName(name) + "'");
  }

  /** The feature groups collectors in the statement. */
  public static Optional<Violation> feature(String feature) {
    if (feature == null || feature.isBlank()) {
      return fail(
          "BlankFeature",
          "the feature is blank: name the feature a reader of the security statement knows,"
              + " such as \"Host Process Metrics\"");
    }
    return Optional.empty();
  }

  /**
   * An absolute, normalized path without trailing slash. {@code what} names the attribute, e.g.
   * {@code "host path"}.
   */
  public static Optional<Violation> absolutePath(String what, String path) {
    if (path == null || !path.startsWith("/")) {
      return fail(
          "PathNotAbsolute",
          what + " '" + path + "' is not absolute: write it from the root, such as '/" + trimSlashes(path) + "'");
    }
    if (path.length() > 1 && path.endsWith("/")) {
      return fail(
          "PathTrailingSlash",
          what + " '" + path + "' ends with '/': write it as '" + trimTrailing(path) + "'");
    }
    List<String> segments = List.of(path.substring(1).split("/", -1));
    if (segments.contains("..")) {
      return fail(
          "PathHasDotDot",
          what + " '" + path + "' contains '..': name the directory itself, without going up");
    }
    if (!path.equals("/") && (segments.contains("") || segments.contains("."))) {
      return fail(
          "PathNotNormalized",
          what + " '" + path + "' is not normalized: remove empty and '.' segments, such as '"
              + normalize(path) + "'");
    }
    return Optional.empty();
  }

  /** A mount path: absolute and normalized, and not the container's root. */
  public static Optional<Violation> mountPath(String what, String path) {
    Optional<Violation> syntax = absolutePath(what, path);
    if (syntax.isPresent()) {
      return syntax;
    }
    if (path.equals("/")) {
      return fail(
          "MountPathIsRoot",
          what + " '/' would hide the container's own filesystem: mount below it, such as '/rootfs'");
    }
    return Optional.empty();
  }

  /**
   * The node directory of a writable path: set exactly when the content is kept across restarts,
   * and then absolute and normalized.
   */
  public static Optional<Violation> writableHostPath(String path, boolean keepAcrossRestarts, String hostPath) {
    if (keepAcrossRestarts && hostPath.isEmpty()) {
      return fail("KeptPathWithoutHostPath",
          "writable path '" + path + "' is kept across restarts but names no hostPath: add"
              + " hostPath = \"/var/lib/<agent>/...\", the node directory that keeps it");
    }
    if (!keepAcrossRestarts && !hostPath.isEmpty()) {
      return fail("ScratchPathWithHostPath",
          "writable path '" + path + "' names hostPath '" + hostPath + "' but is not kept"
              + " across restarts: set keepAcrossRestarts = true, or remove hostPath");
    }
    return hostPath.isEmpty() ? Optional.empty() : mountPath("host path", hostPath);
  }

  /** An environment variable name. */
  public static Optional<Violation> envName(String name) {
    if (name != null && ENV_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return fail(
        "InvalidEnvName",
        "environment variable name '" + name + "' is invalid: use letters, digits and '_',"
            + " not starting with a digit, such as 'HOST_PROC'");
  }

  /** A port number. */
  public static Optional<Violation> portNumber(int number) {
    if (number >= 1 && number <= 65535) {
      return Optional.empty();
    }
    return fail(
        "PortOutOfRange",
        "port " + number + " is outside 1-65535: use the port number the collector listens on");
  }

  /** A port name (Kubernetes IANA_SVC_NAME). */
  public static Optional<Violation> portName(String name) {
    if (name != null
        && PORT_NAME.matcher(name).matches()
        && HAS_LETTER.matcher(name).matches()
        && !name.contains("--")) {
      return Optional.empty();
    }
    return fail(
        "InvalidPortName",
        "port name '" + name + "' is invalid: Kubernetes wants 1 to 15 lower-case letters,"
            + " digits and '-', with at least one letter and no leading, trailing or double '-',"
            + " such as 'statsd' or 'otlp-grpc'");
  }

  /** A Linux capability; the caller normalizes with {@link LinuxCapabilities#normalize}. */
  public static Optional<Violation> capability(String name) {
    if (LinuxCapabilities.normalize(name).isPresent()) {
      return Optional.empty();
    }
    return fail(
        "UnknownCapability",
        "'" + name + "' is not a Linux capability: use a name from capabilities(7), with or"
            + " without 'CAP_', such as 'NET_RAW' or 'CAP_SYS_PTRACE'");
  }

  /** A kernel version attribute ({@code fromKernel}, {@code beforeKernel}). */
  public static Optional<Violation> kernelVersion(String what, String version) {
    if (version == null || version.isEmpty() || KernelVersion.isValid(version)) {
      return Optional.empty();
    }
    return fail(
        "InvalidKernelVersion",
        what + " '" + version + "' is not a kernel version: write major.minor, such as '5.8'");
  }

  /** {@code fromKernel} below {@code beforeKernel}, when both are set and valid. */
  public static Optional<Violation> kernelRange(String from, String before) {
    if (KernelVersion.isValid(from)
        && KernelVersion.isValid(before)
        && KernelVersion.parse(from).compareTo(KernelVersion.parse(before)) >= 0) {
      return fail(
          "EmptyKernelRange",
          "fromKernel '" + from + "' is not below beforeKernel '" + before + "': the requirement"
              + " would apply to no kernel; swap them or drop one");
    }
    return Optional.empty();
  }

  /** An RBAC verb. */
  public static Optional<Violation> apiVerb(String verb) {
    if (verb != null && API_VERBS.contains(verb)) {
      return Optional.empty();
    }
    return fail(
        "UnknownVerb",
        "'" + verb + "' is not a Kubernetes API verb: use get, list, watch, create, update,"
            + " patch, delete, deletecollection (or a special verb such as impersonate), in lower case");
  }

  /** The shape of an API rule: resources (with groups) or URLs, and verbs. */
  public static Optional<Violation> apiRuleShape(
      List<String> apiGroups, List<String> resources, List<String> urls, List<String> verbs) {
    if (resources.isEmpty() && urls.isEmpty()) {
      return fail(
          "ApiRuleWithoutTarget",
          "the API rule names neither resources nor nonResourceUrls: say what the collector"
              + " reads, such as resources = {\"pods\"}");
    }
    if (!resources.isEmpty() && !urls.isEmpty()) {
      return fail(
          "ApiRuleMixesTargets",
          "the API rule names both resources and nonResourceUrls: Kubernetes keeps them in"
              + " separate rules, so declare two");
    }
    if (!resources.isEmpty() && apiGroups.isEmpty()) {
      return fail(
          "ApiRuleWithoutGroup",
          "the API rule names resources " + resources + " without apiGroups: add apiGroups ="
              + " \"\" for the core group, or the group, such as \"apps\"");
    }
    if (!urls.isEmpty() && !apiGroups.isEmpty()) {
      return fail(
          "ApiRuleUrlWithGroup",
          "the API rule names nonResourceUrls " + urls + " with apiGroups " + apiGroups
              + ": URLs belong to no group; remove apiGroups");
    }
    if (verbs.isEmpty()) {
      return fail(
          "ApiRuleWithoutVerb",
          "the API rule has no verbs: list what the collector does, such as verbs = {\"get\","
              + " \"list\", \"watch\"}");
    }
    for (String url : urls) {
      if (!url.startsWith("/")) {
        return fail(
            "InvalidNonResourceUrl",
            "non-resource URL '" + url + "' does not start with '/': write it as '/" + url + "'");
      }
    }
    return Optional.empty();
  }

  static Optional<Violation> fail(String code, String message) {
    return Optional.of(new Violation(code, message));
  }

  private static String suggestName(String name) {
    String lower = (name == null ? "" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    lower = lower.replaceAll("^[^a-z]+", "").replaceAll("[^a-z0-9]+$", "");
    if (lower.length() > 63) {
      lower = lower.substring(0, 63).replaceAll("[^a-z0-9]+$", "");
    }
    return lower.isEmpty() ? "my_collector" : lower;
  }

  private static String trimSlashes(String path) {
    return path == null ? "" : path.replaceAll("^/+|/+$", "");
  }

  private static String trimTrailing(String path) {
    String trimmed = path.replaceAll("/+$", "");
    return trimmed.isEmpty() ? "/" : trimmed;
  }

  private static String normalize(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        out.append('/').append(segment);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }
}
