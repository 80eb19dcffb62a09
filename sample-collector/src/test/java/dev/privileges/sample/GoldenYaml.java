package dev.privileges.sample;

import dev.privileges.engine.Rendered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample's checked-in golden DaemonSets, read with the plugin's {@link Rendered} test helper,
 * plus the two views the upstream comparison needs.
 */
final class GoldenYaml {

  private GoldenYaml() {}

  static Rendered read(String profile) throws IOException {
    return Rendered.of(Files.readString(Path.of("golden", profile, "daemonset.yaml"), StandardCharsets.UTF_8));
  }

  /** Host path of each hostPath volume, to its mount's readOnly flag. */
  @SuppressWarnings("unchecked")
  static Map<String, Boolean> hostPathsReadOnly(Rendered r) {
    Map<String, String> volumeToPath = new TreeMap<>();
    for (Map<String, Object> v : r.volumes()) {
      if (v.containsKey("hostPath")) {
        volumeToPath.put((String) v.get("name"), (String) ((Map<String, Object>) v.get("hostPath")).get("path"));
      }
    }
    Map<String, Boolean> out = new TreeMap<>();
    for (Map<String, Object> m : r.mounts()) {
      String path = volumeToPath.get((String) m.get("name"));
      if (path != null) {
        out.put(path, Boolean.TRUE.equals(m.get("readOnly")));
      }
    }
    return out;
  }

  /** Every "group/resource" (or URL) granted by the ClusterRole. */
  @SuppressWarnings("unchecked")
  static List<String> clusterRoleTargets(Rendered r) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> rule : r.clusterRoleRules()) {
      for (String group : (List<String>) rule.getOrDefault("apiGroups", List.of())) {
        for (String resource : (List<String>) rule.get("resources")) {
          out.add(group + "/" + resource);
        }
      }
      out.addAll((List<String>) rule.getOrDefault("nonResourceURLs", List.of()));
    }
    return out;
  }
}
