package dev.privileges.engine.kubernetes;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.Option;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a base template has the shapes of the Kubernetes fields the merge reads (a mapping
 * where Kubernetes has an object, a list where it has an array, a boolean, an integer, a string),
 * so that every wrong shape ends in one message naming the file, the path
 * ({@code spec.template.spec.volumes[0]}) and what was expected, instead of an exception later.
 * Fields the merge does not read keep whatever shape the user gave; the API server judges them.
 *
 * <p>Loops, not lambdas: the check runs in the first {@code generate} of every fresh JVM, where
 * each lambda costs a class spun at run time.
 */
public final class TemplateShape {

  private static final Set<String> POD_BOOLEANS = Set.of("hostPID", "hostNetwork", "hostIPC",
      "automountServiceAccountToken", "shareProcessNamespace", "hostUsers");
  private static final Set<String> SECURITY_BOOLEANS = Set.of("privileged", "allowPrivilegeEscalation",
      "readOnlyRootFilesystem", "runAsNonRoot");
  private static final Set<String> SECURITY_INTEGERS = Set.of("runAsUser", "runAsGroup", "fsGroup");
  private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

  private final String file;

  TemplateShape(String file) {
    this.file = file;
  }

  /** Checks a DaemonSet, a PodTemplate or a bare pod template (metadata and spec). */
  void check(Map<String, Object> root) {
    metadata(root.get("metadata"), "metadata");
    Object kind = root.get("kind");
    if ("DaemonSet".equals(kind)) {
      Map<String, Object> spec = mapping(root.get("spec"), "spec", "the DaemonSet spec");
      if (spec == null) {
        return;
      }
      mapping(spec.get("selector"), "spec.selector", "a label selector");
      Map<String, Object> strategy = mapping(spec.get("updateStrategy"), "spec.updateStrategy", "an update strategy");
      if (strategy != null) {
        mapping(strategy.get("rollingUpdate"), "spec.updateStrategy.rollingUpdate", "maxSurge and maxUnavailable");
      }
      template(spec.get("template"), "spec.template");
    } else if ("PodTemplate".equals(kind)) {
      template(root.get("template"), "template");
    } else {
      pod(root.get("spec"), "spec");
    }
  }

  private void template(Object value, String path) {
    Map<String, Object> template = mapping(value, path, "a pod template (metadata and spec)");
    if (template != null) {
      metadata(template.get("metadata"), path + ".metadata");
      pod(template.get("spec"), path + ".spec");
    }
  }

  private void metadata(Object value, String path) {
    Map<String, Object> meta = mapping(value, path, "object metadata");
    if (meta == null) {
      return;
    }
    for (String key : List.of("labels", "annotations")) {
      Map<String, Object> entries = mapping(meta.get(key), path + "." + key, "a mapping of names to strings");
      if (entries != null) {
        for (Map.Entry<String, Object> e : entries.entrySet()) {
          string(e.getValue(), path + "." + key + "." + e.getKey(), "a string (quote it)");
        }
      }
    }
    string(meta.get("name"), path + ".name", "a name");
    string(meta.get("namespace"), path + ".namespace", "a namespace name");
  }

  private void pod(Object value, String path) {
    Map<String, Object> pod = mapping(value, path, "a pod spec");
    if (pod == null) {
      return;
    }
    for (String k : POD_BOOLEANS) {
      bool(pod.get(k), path + "." + k);
    }
    string(pod.get("serviceAccountName"), path + ".serviceAccountName", "a ServiceAccount name");
    string(pod.get("serviceAccount"), path + ".serviceAccount", "a ServiceAccount name");
    securityContext(pod.get("securityContext"), path + ".securityContext");
    List<Object> volumes = list(pod.get("volumes"), path + ".volumes", "a list of volumes");
    for (int i = 0; volumes != null && i < volumes.size(); i++) {
      String where = path + ".volumes[" + i + "]";
      Map<String, Object> v = mapping(volumes.get(i), where, "a volume (name and one volume source)");
      if (v != null) {
        required(v, "name", where);
        string(v.get("name"), where + ".name", "a volume name");
        Map<String, Object> hostPath = mapping(v.get("hostPath"), where + ".hostPath", "path and type");
        if (hostPath != null) {
          string(hostPath.get("path"), where + ".hostPath.path", "an absolute node path");
        }
      }
    }
    for (String key : CONTAINER_LISTS) {
      List<Object> containers = list(pod.get(key), path + "." + key, "a list of containers");
      for (int i = 0; containers != null && i < containers.size(); i++) {
        container(containers.get(i), path + "." + key + "[" + i + "]");
      }
    }
  }

  private void container(Object value, String path) {
    Map<String, Object> c = mapping(value, path, "a container (name, image, ...)");
    if (c == null) {
      return;
    }
    string(c.get("name"), path + ".name", "a container name");
    securityContext(c.get("securityContext"), path + ".securityContext");
    entries(c.get("env"), path + ".env", "name");
    entries(c.get("volumeMounts"), path + ".volumeMounts", "name");
    List<Object> ports = entries(c.get("ports"), path + ".ports", "containerPort");
    for (int i = 0; ports != null && i < ports.size(); i++) {
      Map<?, ?> p = (Map<?, ?>) ports.get(i);
      integer(p.get("containerPort"), path + ".ports[" + i + "].containerPort");
      integer(p.get("hostPort"), path + ".ports[" + i + "].hostPort");
      string(p.get("name"), path + ".ports[" + i + "].name", "a port name");
      string(p.get("protocol"), path + ".ports[" + i + "].protocol", "TCP, UDP or SCTP");
    }
  }

  /** A list of mappings that each carry {@code key}. */
  private List<Object> entries(Object value, String path, String key) {
    List<Object> items = list(value, path, "a list of mappings with " + key);
    for (int i = 0; items != null && i < items.size(); i++) {
      Map<String, Object> item = mapping(items.get(i), path + "[" + i + "]", "a mapping with " + key);
      if (item != null) {
        required(item, key, path + "[" + i + "]");
      }
    }
    return items;
  }

  private void securityContext(Object value, String path) {
    Map<String, Object> sc = mapping(value, path, "a securityContext mapping");
    if (sc == null) {
      return;
    }
    for (String k : SECURITY_BOOLEANS) {
      bool(sc.get(k), path + "." + k);
    }
    for (String k : SECURITY_INTEGERS) {
      integer(sc.get(k), path + "." + k);
    }
    for (String profile : List.of("seccompProfile", "appArmorProfile")) {
      Map<String, Object> p = mapping(sc.get(profile), path + "." + profile, "a profile (type: ...)");
      if (p != null) {
        string(p.get("type"), path + "." + profile + ".type", "a profile type");
      }
    }
    Map<String, Object> caps = mapping(sc.get("capabilities"), path + ".capabilities", "add and drop lists");
    if (caps != null) {
      for (String key : List.of("add", "drop")) {
        List<Object> names = list(caps.get(key), path + ".capabilities." + key, "a list of capability names");
        for (int i = 0; names != null && i < names.size(); i++) {
          string(names.get(i), path + ".capabilities." + key + "[" + i + "]", "a capability name");
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mapping(Object value, String path, String expected) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw wrong(path, value, "a mapping (" + expected + ")");
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw wrong(path, key, "string keys only; quote the key");
      }
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object value, String path, String expected) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?>)) {
      throw wrong(path, value, expected + " (a YAML sequence, each item on a '- ' line)");
    }
    return (List<Object>) value;
  }

  private void string(Object value, String path, String expected) {
    if (value != null && !(value instanceof String)) {
      throw wrong(path, value, expected + ", as a string (quote it)");
    }
  }

  private void bool(Object value, String path) {
    if (value != null && !(value instanceof Boolean)) {
      throw wrong(path, value, "true or false");
    }
  }

  private void integer(Object value, String path) {
    if (value != null && !(value instanceof Integer) && !(value instanceof Long)) {
      throw wrong(path, value, "an integer");
    }
  }

  private void required(Map<String, Object> map, String key, String path) {
    if (!map.containsKey(key) || map.get(key) == null) {
      throw new EngineException(Option.BASE_TEMPLATE + " " + file + ": " + path + " has no " + key + ": add it");
    }
  }

  private EngineException wrong(String path, Object value, String expected) {
    return new EngineException(Option.BASE_TEMPLATE + " " + file + ": " + path + " is " + describe(value)
        + ", expected " + expected + ": fix the template");
  }

  private static String describe(Object value) {
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    String kind = value instanceof String ? "the string" : value instanceof Boolean ? "the boolean"
        : value instanceof Number ? "the number" : "the value";
    String text = String.valueOf(value);
    return kind + " '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
  }
}
