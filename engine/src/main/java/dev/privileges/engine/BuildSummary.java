package dev.privileges.engine;

import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.policy.LockFile;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;


/**
 * The summary every front end prints after {@code generate}: the waivers (as warnings: a feature
 * degrades), the enabled collectors, each granted item with its collectors, the Pod Security level
 * and where the outputs are.
 */
public final class BuildSummary {

  /** One line of the summary; a warning is shown as such by the front end. */
  public record Line(boolean warning, String text) {}

  private BuildSummary() {}

  /**
   * @param outputShown the output folder as the user sees it
   */
  public static List<Line> of(PrivilegesEngine.Result result, String outputShown) {
    Grant grant = result.grant();
    List<Line> out = new ArrayList<>();
    for (Waiver w : grant.waivers()) {
      String feature = "";
      for (CollectorMetadata c : grant.enabled()) {
        if (c.name().equals(w.collector())) {
          feature = c.feature();
          break;
        }
      }
      out.add(new Line(true, "Waiver: collector '" + w.collector() + "' runs without " + w.requirement()
          + ", so its feature '" + feature + "' degrades. Reason given: " + w.reason()));
    }
    List<String> info = new ArrayList<>();
    info.add("Collector Privileges summary");
    info.add("  Enabled collectors (" + grant.enabled().size() + "): " + String.join(", ", grant.enabledNames()));
    Map<String, SortedSet<String>> granted = LockFile.of(grant).granted();
    if (granted.isEmpty()) {
      info.add("  Granted: nothing beyond the restricted defaults");
    } else {
      info.add("  Granted (item <- collectors):");
      // Loops, not streams: the summary is printed after the first generate of every fresh JVM,
      // where each lambda costs a class spun at run time.
      int width = 0;
      for (String item : granted.keySet()) {
        width = Math.max(width, item.length());
      }
      for (Map.Entry<String, SortedSet<String>> e : granted.entrySet()) {
        info.add("    " + pad(e.getKey(), width) + " <- " + String.join(", ", e.getValue()));
      }
    }
    PodSecurity.Assessment security = grant.podSecurity();
    info.add("  Pod Security level: " + security.level().label() + (security.heldBy().isEmpty() ? ""
        : " (held there by " + String.join(", ", security.collectorsHoldingLevel()) + ")"));
    if (grant.waivers().isEmpty()) {
      info.add("  Waivers: none");
    } else {
      info.add("  Waivers:");
      for (Waiver w : grant.waivers()) {
        info.add("    " + w.collector() + " " + w.requirement() + ": " + w.reason());
      }
    }
    info.add("  Outputs in " + outputShown + ": " + String.join(", ", result.files().keySet()));
    if (result.chartPackage().isPresent()) {
      info.add("  Helm chart in " + outputShown + ": " + result.chartPackage().get().getFileName() + " and its folder "
          + grant.options().name() + "/");
    }
    for (String text : info) {
      out.add(new Line(false, text));
    }
    return out;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
