package dev.privileges.engine.kubernetes;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Option;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;


/**
 * A user-supplied DaemonSet or pod template that provides everything that is not about privileges
 * (resources, tolerations, nodeSelector, priorityClassName, extra env, config volumes, labels,
 * annotations, update strategy). {@link #apply} merges it into the rendered objects: the plugin's
 * security fields always win, and a template field that grants a privilege no enabled collector
 * needs fails, naming the field and the file.
 *
 * <p>Merge rules: keys the plugin renders keep the plugin's value, except that labels, annotations,
 * env, ports, volumes and volume mounts are the plugin's entries followed by the template's; every
 * other template key is kept, after the plugin's keys, in the template's order. The agent container
 * is the template container named like {@code <containerName>} (or the only container); other
 * containers and init containers are kept but may hold no privilege at all.
 *
 * <p>Loops, not lambdas, on the merge path: it runs in the first {@code generate} of every fresh
 * JVM, where each lambda costs a class spun at run time. Paths that only build an error message
 * may use streams.
 */
public final class BaseTemplate {

  private static final Set<String> POD_SECURITY_KEPT =
      Set.of("fsGroup", "fsGroupChangePolicy", "supplementalGroups", "supplementalGroupsPolicy");

  private final String file;
  private final Map<String, Object> objectMeta;
  private final Map<String, Object> daemonSetSpec;
  private final Map<String, Object> podMeta;
  private final Map<String, Object> podSpec;
  private final String podPath;

  private BaseTemplate(String file, Map<String, Object> objectMeta, Map<String, Object> daemonSetSpec,
      Map<String, Object> podMeta, Map<String, Object> podSpec, String podPath) {
    this.file = file;
    this.objectMeta = objectMeta;
    this.daemonSetSpec = daemonSetSpec;
    this.podMeta = podMeta;
    this.podSpec = podSpec;
    this.podPath = podPath;
  }

  /**
   * Reads a template file.
   *
   * @param shownAs how messages name the file, e.g. {@code src/main/k8s/base.yaml}
   */
  public static BaseTemplate read(Path path, String shownAs) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineException(Option.BASE_TEMPLATE + " " + shownAs + " cannot be read (" + e + "): check"
          + " the path; it is relative to the project folder");
    }
    return parse(text, shownAs);
  }

  /** Parses template text; {@code file} names it in messages. */
  @SuppressWarnings("unchecked")
  public static BaseTemplate parse(String text, String file) {
    List<Object> documents = new ArrayList<>();
    try {
      for (Object d : KubernetesYaml.loader(file).loadAllFromString(text)) {
        if (d != null) {
          documents.add(d);
        }
      }
    } catch (YamlEngineException e) {
      throw new EngineException(Option.BASE_TEMPLATE + " " + file + " is not valid YAML: "
          + e.getMessage().replace('\n', ' ').trim() + ". Fix the syntax");
    }
    if (documents.size() != 1 || !(documents.get(0) instanceof Map)) {
      throw new EngineException(Option.BASE_TEMPLATE + " " + file + " must hold exactly one YAML mapping: a"
          + " DaemonSet (kind: DaemonSet) or a pod template (metadata and spec), found "
          + documents.size() + " document(s)");
    }
    Map<String, Object> root = (Map<String, Object>) documents.get(0);
    new TemplateShape(file).check(root);
    Object kind = root.get("kind");
    if ("DaemonSet".equals(kind)) {
      Map<String, Object> spec = map(root, "spec", file, "spec");
      Map<String, Object> template = map(spec, "template", file, "spec.template");
      return new BaseTemplate(file, map(root, "metadata", file, "metadata"), spec,
          map(template, "metadata", file, "spec.template.metadata"),
          map(template, "spec", file, "spec.template.spec"), "spec.template.spec");
    }
    if ("PodTemplate".equals(kind)) {
      Map<String, Object> template = map(root, "template", file, "template");
      return new BaseTemplate(file, Map.of(), Map.of(), map(template, "metadata", file, "template.metadata"),
          map(template, "spec", file, "template.spec"), "template.spec");
    }
    if (kind == null && root.containsKey("spec")) {
      return new BaseTemplate(file, Map.of(), Map.of(), map(root, "metadata", file, "metadata"),
          map(root, "spec", file, "spec"), "spec");
    }
    throw new EngineException(Option.BASE_TEMPLATE + " " + file + " is " + (kind == null ? "neither" : "a " + kind
        + ", not") + " a DaemonSet or a pod template: give a DaemonSet (kind: DaemonSet) or a pod"
        + " template (a mapping with metadata and spec)");
  }

  /**
   * The rendered objects with the template merged into the DaemonSet.
   *
   * @throws EngineException when the template grants a privilege the grant does not hold, or sets
   *     something the plugin owns to a different value
   */
  public List<Map<String, Object>> apply(List<Map<String, Object>> documents, Grant grant) {
    checkPod(grant);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> doc : documents) {
      out.add("DaemonSet".equals(doc.get("kind")) ? merge(doc, grant) : doc);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> merge(Map<String, Object> ds, Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Object> result = new LinkedHashMap<>(ds);
    Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) ds.get("metadata"));
    same("metadata.name", objectMeta.get("name"), o.name(), Option.NAME);
    same("metadata.namespace", objectMeta.get("namespace"), o.namespace(), Option.NAMESPACE);
    mergeMetadata(meta, objectMeta, "metadata");
    result.put("metadata", meta);

    Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) ds.get("spec"));
    if (daemonSetSpec.containsKey("selector") && !daemonSetSpec.get("selector").equals(spec.get("selector"))) {
      throw fail("spec.selector", "is set by the plugin to " + spec.get("selector") + ": remove it");
    }
    checkUpdateStrategy(grant);
    for (Map.Entry<String, Object> e : daemonSetSpec.entrySet()) {
      String k = e.getKey();
      if (!k.equals("selector") && !k.equals("template")) {
        spec.put(k, e.getValue()); // updateStrategy, minReadySeconds, revisionHistoryLimit: the user's choice
      }
    }
    Map<String, Object> template = new LinkedHashMap<>((Map<String, Object>) spec.get("template"));
    Map<String, Object> tMeta = new LinkedHashMap<>((Map<String, Object>) template.get("metadata"));
    mergeMetadata(tMeta, podMeta, podPath.replaceAll("spec$", "metadata"));
    template.put("metadata", tMeta);
    template.put("spec", mergePodSpec((Map<String, Object>) template.get("spec"), o));
    spec.put("template", template);
    result.put("spec", spec);
    return result;
  }

  @SuppressWarnings("unchecked")
  private void mergeMetadata(Map<String, Object> target, Map<String, Object> from, String path) {
    for (String key : List.of("labels", "annotations")) {
      if (!(from.get(key) instanceof Map)) {
        continue;
      }
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) from.get(key));
      for (String k : merged.keySet()) {
        if (k.startsWith(DaemonSetRenderer.PROVENANCE_PREFIX)) {
          throw fail(path + "." + key + "." + k, "uses the plugin's provenance prefix "
              + DaemonSetRenderer.PROVENANCE_PREFIX + ": rename it; the plugin writes these itself");
        }
      }
      Object generated = target.get(key);
      if (generated instanceof Map) {
        merged.putAll((Map<String, Object>) generated); // the selector label and provenance win
      }
      target.put(key, new java.util.TreeMap<>(merged));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mergePodSpec(Map<String, Object> generated, GenerationOptions o) {
    Map<String, Object> pod = new LinkedHashMap<>(generated);
    for (Map.Entry<String, Object> e : podSpec.entrySet()) {
      String k = e.getKey();
      switch (k) {
        case "containers" -> pod.put(k, mergeContainers((List<Object>) generated.get(k), o));
        case "volumes" -> pod.put(k, append(list(generated.get(k)), list(e.getValue()),
            "name", podPath + ".volumes"));
        case "securityContext" -> {
          Map<String, Object> sc = new LinkedHashMap<>((Map<String, Object>) generated.get(k));
          for (Map.Entry<String, Object> s : ((Map<String, Object>) e.getValue()).entrySet()) {
            if (POD_SECURITY_KEPT.contains(s.getKey())) {
              sc.put(s.getKey(), s.getValue());
            }
          }
          pod.put(k, sc);
        }
        default -> pod.putIfAbsent(k, e.getValue());
      }
    }
    return pod;
  }

  @SuppressWarnings("unchecked")
  private List<Object> mergeContainers(List<Object> generated, GenerationOptions o) {
    List<Object> templateContainers = list(podSpec.get("containers"));
    int agent = agentIndex(o);
    Map<String, Object> ours = new LinkedHashMap<>((Map<String, Object>) generated.get(0));
    List<Object> out = new ArrayList<>();
    out.add(ours);
    for (int i = 0; i < templateContainers.size(); i++) {
      Map<String, Object> c = (Map<String, Object>) templateContainers.get(i);
      if (i != agent) {
        out.add(c);
        continue;
      }
      String path = podPath + ".containers[" + i + "]";
      for (Map.Entry<String, Object> e : c.entrySet()) {
        String k = e.getKey();
        switch (k) {
          case "name", "image", "securityContext" -> { } // the plugin's values
          case "env" -> ours.put(k, append(list(ours.get(k)), list(e.getValue()), "name", path + ".env"));
          case "ports" -> ours.put(k, appendPorts(list(ours.get(k)), list(e.getValue()), path + ".ports"));
          case "volumeMounts" -> ours.put(k, appendMounts(list(ours.get(k)), list(e.getValue()), path));
          default -> ours.putIfAbsent(k, e.getValue());
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private int agentIndex(GenerationOptions o) {
    List<Object> containers = list(podSpec.get("containers"));
    for (int i = 0; i < containers.size(); i++) {
      if (o.containerName().equals(((Map<String, Object>) containers.get(i)).get("name"))) {
        return i;
      }
    }
    return containers.size() == 1 ? 0 : -1;
  }

  @SuppressWarnings("unchecked")
  private List<Object> append(List<Object> ours, List<Object> theirs, String key, String path) {
    List<Object> out = new ArrayList<>(ours);
    Set<Object> taken = new TreeSet<>();
    for (Object x : ours) {
      taken.add(String.valueOf(((Map<String, Object>) x).get(key)));
    }
    for (int i = 0; i < theirs.size(); i++) {
      Object name = ((Map<String, Object>) theirs.get(i)).get(key);
      if (taken.contains(String.valueOf(name))) {
        throw fail(path + "[" + i + "]." + key + ": " + name, "is set by the plugin (from the"
            + " collectors' declarations and its parameters): remove it from the template or rename it");
      }
      out.add(theirs.get(i));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> appendPorts(List<Object> ours, List<Object> theirs, String path) {
    List<Object> out = new ArrayList<>(ours);
    Set<String> taken = new TreeSet<>();
    for (Object x : ours) {
      Map<String, Object> p = (Map<String, Object>) x;
      taken.add(p.get("containerPort") + "/" + p.get("protocol"));
      taken.add("name:" + p.get("name"));
    }
    for (int i = 0; i < theirs.size(); i++) {
      Map<String, Object> p = (Map<String, Object>) theirs.get(i);
      String key = p.get("containerPort") + "/" + p.getOrDefault("protocol", "TCP");
      if (taken.contains(key) || (p.get("name") != null && taken.contains("name:" + p.get("name")))) {
        throw fail(path + "[" + i + "]", "port " + key + " (" + p.get("name") + ") is set by the"
            + " plugin from the collectors' declarations: remove it from the template");
      }
      out.add(p);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> appendMounts(List<Object> ours, List<Object> theirs, String path) {
    Set<String> volumes = new TreeSet<>();
    Set<String> paths = new TreeSet<>();
    for (Object x : ours) {
      volumes.add(String.valueOf(((Map<String, Object>) x).get("name")));
      paths.add(String.valueOf(((Map<String, Object>) x).get("mountPath")));
    }
    List<Object> out = new ArrayList<>(ours);
    for (int i = 0; i < theirs.size(); i++) {
      Map<String, Object> m = (Map<String, Object>) theirs.get(i);
      String where = path + ".volumeMounts[" + i + "]";
      if (volumes.contains(String.valueOf(m.get("name")))) {
        throw fail(where + ".name: " + m.get("name"), "mounts a volume the plugin manages: remove"
            + " the mount; the plugin mounts it as the collectors declared");
      }
      if (paths.contains(String.valueOf(m.get("mountPath")))) {
        throw fail(where + ".mountPath: " + m.get("mountPath"), "is already a mount of the plugin:"
            + " choose another mount path");
      }
      out.add(m);
    }
    return out;
  }

  // ---- privilege checks -------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private void checkPod(Grant g) {
    String p = podPath + ".";
    hostNamespace(g, p, "hostPID", Privilege.HOST_PID);
    hostNamespace(g, p, "hostNetwork", Privilege.HOST_NETWORK);
    hostNamespace(g, p, "hostIPC", Privilege.HOST_IPC);
    Object account = podSpec.containsKey("serviceAccountName") ? podSpec.get("serviceAccountName") : podSpec.get("serviceAccount");
    if (account != null && !(g.needsApiAccess() && g.options().name().equals(account))) {
      throw grants(p + "serviceAccountName: " + account, "a ServiceAccount",
          g.needsApiAccess() ? "the plugin sets serviceAccountName to '" + g.options().name() + "' with exactly the"
              + " declared API rules; remove it" : "collectors that call the Kubernetes API declare it");
    }
    if (Boolean.TRUE.equals(podSpec.get("automountServiceAccountToken")) && !g.needsApiAccess()) {
      throw grants(p + "automountServiceAccountToken: true", "a Kubernetes API token",
          "collectors that call the Kubernetes API declare it");
    }
    if (podSpec.get("securityContext") instanceof Map<?, ?> sc) {
      checkSecurityContext(g, (Map<String, Object>) sc, p + "securityContext", true, true);
    }
    List<Object> volumes = list(podSpec.get("volumes"));
    for (int i = 0; i < volumes.size(); i++) {
      Map<String, Object> v = (Map<String, Object>) volumes.get(i);
      if (v.get("hostPath") instanceof Map<?, ?> hp) {
        Object path = hp.get("path");
        boolean granted = g.hostPaths().stream().anyMatch(m -> m.path().equals(path))
            || g.writablePaths().stream().anyMatch(w -> w.hostPath().equals(path));
        throw fail(p + "volumes[" + i + "].hostPath.path: " + path, granted
            ? "mounts a node path the plugin already mounts for the collectors that declared it: remove"
              + " the volume from the template"
            : "grants access to the node's files, which no enabled collector needs: remove it"
              + " (collectors that need a node path declare it with @RequiresHostPath)");
      }
    }
    int agent = agentIndex(g.options());
    checkContainers(g, list(podSpec.get("containers")), p + "containers", agent);
    checkContainers(g, list(podSpec.get("initContainers")), p + "initContainers", -1);
    checkContainers(g, list(podSpec.get("ephemeralContainers")), p + "ephemeralContainers", -1);
  }

  @SuppressWarnings("unchecked")
  private void checkContainers(Grant g, List<Object> containers, String path, int agent) {
    for (int i = 0; i < containers.size(); i++) {
      Map<String, Object> c = (Map<String, Object>) containers.get(i);
      String where = path + "[" + i + "]";
      // Collectors' privileges belong to the agent container; any other container gets none.
      Grant allowed = i == agent ? g : null;
      if (c.get("securityContext") instanceof Map<?, ?> sc) {
        checkSecurityContext(allowed, (Map<String, Object>) sc, where + ".securityContext", false, i == agent);
      }
      List<Object> ports = list(c.get("ports"));
      for (int j = 0; j < ports.size(); j++) {
        Object hostPort = ((Map<String, Object>) ports.get(j)).get("hostPort");
        if (hostPort != null) {
          throw grants(where + ".ports[" + j + "].hostPort: " + hostPort, "a port on the node's IP",
              "collectors that must be reachable at NodeIP:port declare it with"
                  + " @RequiresPort(reachableAtNodeIp = true), and the plugin publishes it");
        }
      }
    }
  }

  private void checkSecurityContext(Grant g, Map<String, Object> sc, String path, boolean pod, boolean agent) {
    boolean root = g != null && g.has(Privilege.RUN_AS_ROOT);
    for (Map.Entry<String, Object> e : sc.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      String field = path + "." + k + ": " + v;
      switch (k) {
        case "privileged" -> {
          if (Boolean.TRUE.equals(v) && !(g != null && g.has(Privilege.PRIVILEGED))) {
            throw grants(field, "privileged mode", "collectors that need it declare @RequiresPrivilege(PRIVILEGED)");
          }
        }
        case "runAsUser", "runAsGroup" -> {
          if (Integer.valueOf(0).equals(v) || Long.valueOf(0).equals(v)) {
            if (!root) {
              throw grants(field, "root", "collectors that need it declare @RequiresPrivilege(RUN_AS_ROOT)");
            }
          }
        }
        case "runAsNonRoot" -> {
          if (Boolean.FALSE.equals(v) && !root) {
            throw grants(field, "running as root", "collectors that need it declare @RequiresPrivilege(RUN_AS_ROOT)");
          }
        }
        case "allowPrivilegeEscalation" -> {
          boolean needed = g != null && (g.has(Privilege.PRIVILEGED) || g.capabilities().containsKey("SYS_ADMIN"));
          if (Boolean.TRUE.equals(v) && !needed) {
            throw grants(field, "privilege escalation", "the plugin sets allowPrivilegeEscalation: false"
                + " whenever Kubernetes allows it");
          }
        }
        case "readOnlyRootFilesystem" -> {
          if (Boolean.FALSE.equals(v) && !(g != null && g.has(Privilege.WRITABLE_ROOT_FILESYSTEM))) {
            throw grants(field, "a writable root filesystem", "collectors declare writable paths with"
                + " @RequiresWritablePath, or @RequiresPrivilege(WRITABLE_ROOT_FILESYSTEM)");
          }
        }
        case "capabilities" -> checkCapabilities(g, v, path + ".capabilities");
        case "seccompProfile" -> confinement(g, v, field, Confinement.SECCOMP_UNCONFINED);
        case "appArmorProfile" -> confinement(g, v, field, Confinement.APPARMOR_UNCONFINED);
        case "procMount" -> {
          if (!"Default".equals(v)) {
            throw grants(field, "an unmasked /proc", "no collector can declare it; remove the field");
          }
        }
        default -> {
          if (!(pod && POD_SECURITY_KEPT.contains(k))) {
            throw fail(field, "is not supported in a base template: the plugin sets the security"
                + " context from the collectors' declarations; remove it" + (pod
                ? " (a pod securityContext may only add " + new TreeSet<>(POD_SECURITY_KEPT) + ")" : ""));
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void checkCapabilities(Grant g, Object caps, String path) {
    if (!(caps instanceof Map<?, ?> m)) {
      return;
    }
    List<Object> add = list(((Map<String, Object>) m).get("add"));
    for (int i = 0; i < add.size(); i++) {
      String cap = String.valueOf(add.get(i));
      String name = cap.startsWith("CAP_") ? cap.substring(4) : cap;
      if (g == null || !g.capabilities().containsKey(name)) {
        throw grants(path + ".add[" + i + "]: " + cap, "capability " + name,
            "collectors that need it declare @RequiresCapability(\"" + name + "\")");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void confinement(Grant g, Object profile, String field, Confinement lifted) {
    Object type = profile instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("type") : null;
    if ("Unconfined".equals(type) && !(g != null && g.confinement().containsKey(lifted))) {
      throw grants(field, "an unconfined profile", "collectors that need it declare"
          + " @RequiresRelaxedConfinement(" + lifted.name() + ")");
    }
  }

  private void hostNamespace(Grant g, String p, String field, Privilege privilege) {
    if (Boolean.TRUE.equals(podSpec.get(field)) && !g.has(privilege)) {
      throw grants(p + field + ": true", "the node's " + field.substring(4) + " namespace (" + privilege.name() + ")",
          "collectors that need it declare @RequiresPrivilege(" + privilege.name() + ")");
    }
  }

  private void same(String field, Object value, String expected, Option parameter) {
    if (value != null && !expected.equals(value)) {
      throw fail(field + ": " + value, "differs from " + parameter + " '" + expected
          + "': remove it from the template or set " + parameter);
    }
  }

  private EngineException grants(String field, String what, String how) {
    return fail(field, "grants " + what + ", which no enabled collector needs: remove it from the"
        + " template (" + how + ")");
  }

  /**
   * The template's rolling update must still roll out: with host ports or the host network a
   * surge pod on the same node cannot bind what the old pod holds, so it never starts and the
   * rollout stalls; and the API rejects maxSurge and maxUnavailable both 0.
   */
  @SuppressWarnings("unchecked")
  private void checkUpdateStrategy(Grant grant) {
    if (!(daemonSetSpec.get("updateStrategy") instanceof Map<?, ?> strategy)
        || !(strategy.get("rollingUpdate") instanceof Map<?, ?> rolling)) {
      return;
    }
    Object surge = rolling.get("maxSurge");
    Object unavailable = rolling.get("maxUnavailable");
    String field = "spec.updateStrategy.rollingUpdate.";
    boolean surges = surge != null && !isZero(surge);
    if (surges && (grant.usesHostPorts() || grant.has(Privilege.HOST_NETWORK))) {
      String why = grant.has(Privilege.HOST_NETWORK)
          ? "the pods use the host network (" + names(grant.privileges().get(Privilege.HOST_NETWORK)) + ")"
          : "the agent binds host ports (" + grant.ports().stream().filter(Grant.ContainerPort::hostPort)
              .map(p -> p.number() + "/" + p.protocol() + " for " + names(p.needs()))
              .collect(java.util.stream.Collectors.joining(", ")) + ")";
      throw fail(field + "maxSurge: " + surge, "lets a second agent pod start on a node before the"
          + " old one stops, but " + why + ", so the new pod cannot bind them and the rollout"
          + " stalls: set maxSurge to 0 (the plugin's default) and roll with maxUnavailable");
    }
    if (!surges && unavailable != null && isZero(unavailable)) {
      throw fail(field + "maxUnavailable: " + unavailable, "and maxSurge are both 0, which the"
          + " Kubernetes API rejects: set maxUnavailable to 1 (the plugin's default) or more");
    }
  }

  /** Whether an int-or-percent value such as {@code 0}, {@code "0"} or {@code "0%"} is zero. */
  private static boolean isZero(Object value) {
    String text = String.valueOf(value).trim();
    if (text.endsWith("%")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    return text.matches("0+");
  }

  private static String names(List<Need> needs) {
    return needs.stream().map(Need::collector).distinct().sorted()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private EngineException fail(String field, String problem) {
    return new EngineException(Option.BASE_TEMPLATE + " " + file + ": " + field + " " + problem);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key, String file, String path) {
    Object value = parent.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw new EngineException(Option.BASE_TEMPLATE + " " + file + ": " + path + " must be a mapping, not '" + value + "'");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }
}
