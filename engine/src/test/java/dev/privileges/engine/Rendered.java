package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import java.util.List;
import java.util.Map;


/**
 * Read access to the rendered YAML of a bundle, the way a reviewer reads it. Public for the
 * sample's end-to-end tests, which read the shipped DaemonSets through the test-jar.
 */
@SuppressWarnings("unchecked")
public final class Rendered {

  public final String yaml;
  public final List<Map<String, Object>> documents;

  private Rendered(String yaml) {
    this.yaml = yaml;
    this.documents = KubernetesSchema.documents(yaml);
  }

  public static Rendered of(Bundle bundle, GenerationOptions options) {
    return new Rendered(new DaemonSetRenderer().render(new Resolver().resolve(bundle, options)));
  }

  public static Rendered of(String yaml) {
    return new Rendered(yaml);
  }

  public List<Object> kinds() {
    return documents.stream().map(d -> d.get("kind")).toList();
  }

  public Map<String, Object> document(String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in:\n" + yaml));
  }

  public Map<String, Object> daemonSetSpec() {
    return (Map<String, Object>) document("DaemonSet").get("spec");
  }

  public Map<String, Object> template() {
    return (Map<String, Object>) daemonSetSpec().get("template");
  }

  public Map<String, Object> annotations() {
    Object a = ((Map<String, Object>) template().get("metadata")).get("annotations");
    return a == null ? Map.of() : (Map<String, Object>) a;
  }

  public Map<String, Object> pod() {
    return (Map<String, Object>) template().get("spec");
  }

  public Map<String, Object> podSecurity() {
    return (Map<String, Object>) pod().get("securityContext");
  }

  public Map<String, Object> container() {
    return ((List<Map<String, Object>>) pod().get("containers")).get(0);
  }

  public Map<String, Object> containerSecurity() {
    return (Map<String, Object>) container().get("securityContext");
  }

  public List<Object> addedCapabilities() {
    Map<String, Object> caps = (Map<String, Object>) containerSecurity().get("capabilities");
    return caps == null ? List.of() : (List<Object>) caps.getOrDefault("add", List.of());
  }

  public List<Map<String, Object>> ports() {
    return (List<Map<String, Object>>) container().getOrDefault("ports", List.of());
  }

  public List<Map<String, Object>> mounts() {
    return (List<Map<String, Object>>) container().getOrDefault("volumeMounts", List.of());
  }

  public List<Map<String, Object>> volumes() {
    return (List<Map<String, Object>>) pod().getOrDefault("volumes", List.of());
  }

  public List<Map<String, Object>> env() {
    return (List<Map<String, Object>>) container().get("env");
  }

  public List<Map<String, Object>> clusterRoleRules() {
    return (List<Map<String, Object>>) document("ClusterRole").get("rules");
  }
}
