package dev.privileges.engine;

import java.util.List;
import java.util.Map;

/** Read access to the rendered YAML of a bundle, the way a reviewer reads it. */
@SuppressWarnings("unchecked")
final class Rendered {

  final String yaml;
  final List<Map<String, Object>> documents;

  private Rendered(String yaml) {
    this.yaml = yaml;
    this.documents = KubernetesSchema.documents(yaml);
  }

  static Rendered of(Bundle bundle, GenerationOptions options) {
    return new Rendered(new DaemonSetRenderer().render(new Resolver().resolve(bundle, options)));
  }

  static Rendered of(String yaml) {
    return new Rendered(yaml);
  }

  List<Object> kinds() {
    return documents.stream().map(d -> d.get("kind")).toList();
  }

  Map<String, Object> document(String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in:\n" + yaml));
  }

  Map<String, Object> daemonSetSpec() {
    return (Map<String, Object>) document("DaemonSet").get("spec");
  }

  Map<String, Object> template() {
    return (Map<String, Object>) daemonSetSpec().get("template");
  }

  Map<String, Object> annotations() {
    Object a = ((Map<String, Object>) template().get("metadata")).get("annotations");
    return a == null ? Map.of() : (Map<String, Object>) a;
  }

  Map<String, Object> pod() {
    return (Map<String, Object>) template().get("spec");
  }

  Map<String, Object> podSecurity() {
    return (Map<String, Object>) pod().get("securityContext");
  }

  Map<String, Object> container() {
    return ((List<Map<String, Object>>) pod().get("containers")).get(0);
  }

  Map<String, Object> containerSecurity() {
    return (Map<String, Object>) container().get("securityContext");
  }

  List<Object> addedCapabilities() {
    Map<String, Object> caps = (Map<String, Object>) containerSecurity().get("capabilities");
    return caps == null ? List.of() : (List<Object>) caps.getOrDefault("add", List.of());
  }

  List<Map<String, Object>> ports() {
    return (List<Map<String, Object>>) container().getOrDefault("ports", List.of());
  }

  List<Map<String, Object>> mounts() {
    return (List<Map<String, Object>>) container().getOrDefault("volumeMounts", List.of());
  }

  List<Map<String, Object>> volumes() {
    return (List<Map<String, Object>>) pod().getOrDefault("volumes", List.of());
  }

  List<Map<String, Object>> env() {
    return (List<Map<String, Object>>) container().get("env");
  }

  List<Map<String, Object>> clusterRoleRules() {
    return (List<Map<String, Object>>) document("ClusterRole").get("rules");
  }
}
