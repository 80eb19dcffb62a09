package dev.privileges.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the sample's checked-in golden DaemonSets for assertions. */
final class GoldenYaml {

  private final List<Map<String, Object>> documents = new ArrayList<>();

  @SuppressWarnings("unchecked")
  GoldenYaml(String profile) throws IOException {
    String yaml = Files.readString(Path.of("golden", profile, "daemonset.yaml"), StandardCharsets.UTF_8);
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      documents.add((Map<String, Object>) doc);
    }
  }

  Map<String, Object> object(String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> podSpec() {
    Map<String, Object> spec = (Map<String, Object>) object("DaemonSet").get("spec");
    return (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> podAnnotations() {
    Map<String, Object> spec = (Map<String, Object>) object("DaemonSet").get("spec");
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("template"))
        .get("metadata")).get("annotations");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> container() {
    return ((List<Map<String, Object>>) podSpec().get("containers")).get(0);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> containerSecurity() {
    return (Map<String, Object>) container().get("securityContext");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> podSecurity() {
    return (Map<String, Object>) podSpec().get("securityContext");
  }

  /** Host path of each hostPath volume, to its mount's readOnly flag. */
  @SuppressWarnings("unchecked")
  Map<String, Boolean> hostPathsReadOnly() {
    Map<String, String> volumeToPath = new java.util.TreeMap<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) podSpec().getOrDefault("volumes", List.of())) {
      if (v.containsKey("hostPath")) {
        volumeToPath.put((String) v.get("name"), (String) ((Map<String, Object>) v.get("hostPath")).get("path"));
      }
    }
    Map<String, Boolean> out = new java.util.TreeMap<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) container().getOrDefault("volumeMounts", List.of())) {
      String path = volumeToPath.get((String) m.get("name"));
      if (path != null) {
        out.put(path, Boolean.TRUE.equals(m.get("readOnly")));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> ports() {
    return (List<Map<String, Object>>) container().getOrDefault("ports", List.of());
  }

  /** Every "group/resource" (or URL) granted by the ClusterRole. */
  @SuppressWarnings("unchecked")
  List<String> clusterRoleTargets() {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) object("ClusterRole").get("rules")) {
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
