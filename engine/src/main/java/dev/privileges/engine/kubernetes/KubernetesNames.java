package dev.privileges.engine.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes name rules and the derivation of stable object names from paths. */
public final class KubernetesNames {

  /** Prefix of every annotation this tool writes. */
  public static final String ANNOTATION_PREFIX = "privileges.dev/";

  /** The longest name part of an annotation key (the part after the prefix). */
  static final int MAX_ANNOTATION_NAME = 63;

  /** Annotation name part that names a volume: {@code volume.<volumeName>}. */
  public static final String VOLUME_ANNOTATION = "volume.";

  /** The init container that hands kept writable directories to the agent's non-root UID. */
  public static final String KEPT_PATH_OWNER = "own-kept-paths";

  /**
   * The longest volume name we derive. Kubernetes allows 63 characters, but a volume's provenance
   * annotation {@code privileges.dev/volume.<name>} must also fit the 63-character name part of
   * an annotation key, so that a reviewer finds the volume by its exact name.
   */
  public static final int MAX_VOLUME_NAME = MAX_ANNOTATION_NAME - VOLUME_ANNOTATION.length();

  private static final int HASH_LENGTH = 8;
  // Compiled once (and the slug below written as a loop): String.replaceAll compiles its pattern
  // on every call, and these run for every volume and provenance annotation of every
  // resolution (the trim table resolves once per feature).
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[-_.]+$");
  private static final Pattern NOT_NAME_CHARACTERS = Pattern.compile("[^-A-Za-z0-9_.]+");
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[-_.]+");

  /**
   * {@code text} in lower case with every run of other characters than {@code [a-z0-9]} turned
   * into one {@code -}, without leading or trailing dashes.
   */
  public static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean dash = false; // a run of other characters is pending
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        dash = false;
        out.append(c);
      } else {
        dash = true;
      }
    }
    return out.toString();
  }

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private KubernetesNames() {}

  public static boolean isDnsLabel(String name) {
    return name != null && DNS_LABEL.matcher(name).matches();
  }

  /** A label or annotation key: optional DNS subdomain prefix and {@code /}, then a name part. */
  public static boolean isQualifiedName(String key) {
    if (key == null) {
      return false;
    }
    int slash = key.indexOf('/');
    if (slash < 0) {
      return QUALIFIED_NAME.matcher(key).matches();
    }
    String prefix = key.substring(0, slash);
    return prefix.length() <= 253
        && DNS_SUBDOMAIN.matcher(prefix).matches()
        && QUALIFIED_NAME.matcher(key.substring(slash + 1)).matches();
  }

  public static boolean isLabelValue(String value) {
    return value != null && LABEL_VALUE.matcher(value).matches();
  }

  /** A portable environment variable name (C identifier), what shells and agents can read. */
  public static boolean isEnvName(String name) {
    return name != null && ENV_NAME.matcher(name).matches();
  }

  /**
   * A DNS-1123 label made from a prefix and a path: {@code ("host", "/var/run/docker.sock")} gives
   * {@code host-var-run-docker-sock}. Names longer than {@link #MAX_VOLUME_NAME} keep a hash of
   * the path so they stay unique and stable.
   */
  public static String volumeName(String prefix, String path) {
    String slug = slug(path);
    String name = slug.isEmpty() ? prefix + "-root" : prefix + "-" + slug;
    return name.length() <= MAX_VOLUME_NAME ? name : hashed(name, path, MAX_VOLUME_NAME);
  }

  /**
   * {@code name} shortened to {@code max} characters (at most), ending in a hash of {@code
   * source}: used to tell apart names that two different paths would share ({@code /var/run} and
   * {@code /var-run}).
   */
  public static String hashed(String name, String source, int max) {
    String head = name.substring(0, Math.min(name.length(), max - HASH_LENGTH - 1));
    return TRAILING_PUNCTUATION.matcher(head).replaceAll("") + "-" + sha256(source).substring(0, HASH_LENGTH);
  }

  /**
   * The annotation key {@code privileges.dev/<name>}; a name part that is longer than 63
   * characters or not a valid qualified name is shortened and made valid, with a hash of the
   * original so distinct names keep distinct keys.
   */
  public static String annotationKey(String name) {
    if (QUALIFIED_NAME.matcher(name).matches()) {
      return ANNOTATION_PREFIX + name;
    }
    String cleaned = LEADING_PUNCTUATION.matcher(NOT_NAME_CHARACTERS.matcher(name).replaceAll("-")).replaceAll("");
    return ANNOTATION_PREFIX + hashed(cleaned.isEmpty() ? "x" : cleaned, name, MAX_ANNOTATION_NAME);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
