package dev.privileges.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes name rules and the derivation of stable object names from paths. */
final class KubernetesNames {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private KubernetesNames() {}

  static boolean isDnsLabel(String name) {
    return name != null && DNS_LABEL.matcher(name).matches();
  }

  /**
   * A DNS-1123 label made from a prefix and a path: {@code ("host", "/var/run/docker.sock")} gives
   * {@code host-var-run-docker-sock}. Names longer than 63 characters keep a hash of the path so
   * they stay unique and stable.
   */
  static String volumeName(String prefix, String path) {
    String slug = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String name = slug.isEmpty() ? prefix + "-root" : prefix + "-" + slug;
    if (name.length() <= 63) {
      return name;
    }
    String hash = sha256(path).substring(0, 8);
    return name.substring(0, 54).replaceAll("-+$", "") + "-" + hash;
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
