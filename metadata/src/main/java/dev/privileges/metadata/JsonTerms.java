package dev.privileges.metadata;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords a rule's message for a metadata file: the rules speak in annotation terms ({@code
 * reason = "..."}, {@code @RequiresNoPrivileges}), which mean nothing to someone editing JSON.
 *
 * <p>Why rewording instead of a second set of messages: each rule has one message, so the two
 * cannot drift apart; the annotation syntax in them is regular enough to translate.
 */
public final class JsonTerms {

  /** Attributes that are arrays in JSON but may be a single value in an annotation. */
  private static final Set<String> ARRAYS = Set.of("apiGroups", "resources", "nonResourceUrls", "verbs");

  /** {@code key = value}, the value a string, a {@code {...}} list, a boolean or a number. */
  private static final Pattern ASSIGNMENT =
      Pattern.compile("\\b([a-z][A-Za-z]*) = (\"[^\"]*\"|\\{[^}]*\\}|true|false|-?\\d+)");

  private JsonTerms() {}

  /** {@code message} with annotation syntax replaced by the JSON a file would hold. */
  public static String of(String message) {
    String out = message
        .replace("@RequiresNoPrivileges(reason = \"...\")", "\"noPrivilegesReason\": \"...\"")
        .replace("remove @RequiresNoPrivileges or the requirements",
            "remove noPrivilegesReason or the requirements")
        .replace("@Requires... annotations",
            "entries in privileges, capabilities, hostPaths, ports, writablePaths, kubernetesApi"
                + " or confinement")
        .replace("also declare @RequiresPrivilege(Privilege.PRIVILEGED)",
            "also add {\"privilege\": \"PRIVILEGED\", ...} to privileges");
    Matcher m = ASSIGNMENT.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = m.group(2);
      if (value.startsWith("{")) {
        value = "[" + value.substring(1, value.length() - 1) + "]";
      } else if (ARRAYS.contains(key)) {
        value = "[" + value + "]";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement("\"" + key + "\": " + value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
