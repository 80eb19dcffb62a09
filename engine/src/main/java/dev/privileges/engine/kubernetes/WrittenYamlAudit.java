package dev.privileges.engine.kubernetes;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.grant.Grant;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rule 14: before anything is written, the rendered YAML is read back as the API server reads it
 * ({@link KubernetesYaml}), the privileges it grants are derived from that reading alone, and
 * they must equal what the decided {@link Grant} says. The template's contribution passes through
 * the same check, so no field can grant what the grant, the statement, the lock and the policy
 * do not see.
 *
 * <p>Both sides are reduced to facts, one line per privilege-bearing value, each naming its field
 * ({@code spec.template.spec.hostNetwork: true}); the check is their set difference.
 */
public final class WrittenYamlAudit {

  private static final String POD = "spec.template.spec";

  private WrittenYamlAudit() {}

  /**
   * Fails when the written YAML and the decided grant disagree.
   *
   * @throws EngineException naming every field that differs, and on which side
   */
  public static void verify(String yaml, Grant grant) {
    java.util.Set<String> ours = new java.util.HashSet<>();
    ours.add(grant.options().containerName());
    if (grant.security().keptPathOwner().isPresent()) {
      ours.add(grant.security().keptPathOwner().get().name());
    }
    SortedSet<String> written = written(yaml, ours);
    SortedSet<String> decided = decided(grant);
    List<String> problems = new ArrayList<>();
    for (String f : written) {
      if (!decided.contains(f)) {
        problems.add("the YAML grants " + f + ", which the decided grant does not hold");
      }
    }
    for (String f : decided) {
      if (!written.contains(f)) {
        problems.add("the decided grant holds " + f + ", which the YAML does not grant");
      }
    }
    if (!problems.isEmpty()) {
      throw new EngineException("the DaemonSet YAML, read back as the Kubernetes API server reads it,"
          + " does not grant what was resolved: " + String.join("; ", problems) + ". This is a bug of the"
          + " template or of the plugin: remove the field from the base template, or report it");
    }
  }

  /**
   * The facts of the written YAML, read with the API server's YAML 1.1 semantics. Containers named
   * in {@code ours} are the plugin's, described in full; any other container (from a template) may
   * hold no privilege, so only its privileges count.
   */
  @SuppressWarnings("unchecked")
  public static SortedSet<String> written(String yaml, java.util.Set<String> ours) {
    SortedSet<String> out = new TreeSet<>();
    for (Object doc : KubernetesYaml.readEmitted(yaml, "the rendered DaemonSet")) {
      Map<String, Object> d = (Map<String, Object>) doc;
      if ("ClusterRole".equals(d.get("kind"))) {
        for (Object rule : list(d.get("rules"))) {
          Map<String, Object> r = (Map<String, Object>) rule;
          out.add(rule(strings(r.get("apiGroups")), strings(r.get("resources")), strings(r.get("nonResourceURLs")),
              strings(r.get("verbs"))));
        }
      }
      if ("DaemonSet".equals(d.get("kind"))) {
        Map<String, Object> spec = map(map(map(d.get("spec")).get("template")).get("spec"));
        pod(spec, ours, out);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void pod(Map<String, Object> pod, java.util.Set<String> ours, SortedSet<String> out) {
    for (String ns : List.of("hostPID", "hostNetwork", "hostIPC")) {
      if (Boolean.TRUE.equals(pod.get(ns))) {
        out.add(POD + "." + ns + ": true");
      }
    }
    boolean hostNetwork = Boolean.TRUE.equals(pod.get("hostNetwork"));
    if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
      Object account = pod.getOrDefault("serviceAccountName", pod.getOrDefault("serviceAccount", "default"));
      out.add(POD + ".serviceAccountName: " + account + " (token mounted)");
    }
    Map<String, Object> podSc = map(pod.get("securityContext"));
    Map<String, Map<String, Object>> hostPaths = new TreeMap<>();
    for (Object v : list(pod.get("volumes"))) {
      Map<String, Object> volume = map(v);
      if (volume.get("hostPath") instanceof Map<?, ?> hp) {
        hostPaths.put(String.valueOf(volume.get("name")), (Map<String, Object>) hp);
      }
    }
    for (String kind : List.of("initContainers", "containers")) {
      for (Object c : list(pod.get(kind))) {
        Map<String, Object> container = map(c);
        String where = POD + "." + kind + "[" + container.get("name") + "]";
        container(container, where, podSc, ours.contains(String.valueOf(container.get("name"))), out);
        for (Object m : list(container.get("volumeMounts"))) {
          Map<String, Object> mount = map(m);
          Map<String, Object> hp = hostPaths.get(String.valueOf(mount.get("name")));
          if (hp != null) {
            out.add(mountFact(where, String.valueOf(hp.get("path")), String.valueOf(hp.getOrDefault("type", "")),
                String.valueOf(mount.get("mountPath")), Boolean.TRUE.equals(mount.get("readOnly")),
                String.valueOf(mount.getOrDefault("mountPropagation", "None"))));
          }
        }
        for (Object p : list(container.get("ports"))) {
          Map<String, Object> port = map(p);
          Object protocol = port.getOrDefault("protocol", "TCP");
          // Under hostNetwork the socket is on the node whatever hostPort says.
          Object hostPort = hostNetwork ? port.get("containerPort") : port.get("hostPort");
          if (hostPort != null) {
            out.add(where + ".ports: " + hostPort + "/" + protocol + " bound on the node");
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void container(Map<String, Object> c, String where, Map<String, Object> podSc, boolean ours,
      SortedSet<String> out) {
    Map<String, Object> sc = map(c.get("securityContext"));
    String s = where + ".securityContext";
    boolean privileged = Boolean.TRUE.equals(sc.get("privileged"));
    if (privileged) {
      out.add(s + ".privileged: true");
    } else {
      Map<String, Object> caps = map(sc.get("capabilities"));
      if (ours && !strings(caps.get("drop")).contains("ALL")) {
        out.add(s + ".capabilities.drop: the runtime's default capabilities are kept");
      }
      for (String cap : strings(caps.get("add"))) {
        out.add(s + ".capabilities.add: " + cap);
      }
    }
    Object uid = sc.containsKey("runAsUser") ? sc.get("runAsUser") : podSc.get("runAsUser");
    Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podSc.get("runAsNonRoot");
    boolean root = Integer.valueOf(0).equals(uid) || uid == null && !Boolean.TRUE.equals(nonRoot);
    if (root || ours) {
      out.add(s + (root ? ".runAsUser: 0 (root)" : ".runAsUser: " + uid));
    }
    if (!ours) {
      return; // a template's container: what it may not hold is counted above
    }
    if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
      out.add(s + ".readOnlyRootFilesystem: false");
    }
    if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
      out.add(s + ".allowPrivilegeEscalation: not false");
    }
    Object seccomp = profile(sc.get("seccompProfile"), profile(podSc.get("seccompProfile"), null));
    if (!"RuntimeDefault".equals(seccomp)) {
      out.add(s + ".seccompProfile: " + (seccomp == null ? "unset" : seccomp));
    }
    Object appArmor = profile(sc.get("appArmorProfile"), profile(podSc.get("appArmorProfile"), null));
    if (appArmor != null && !"RuntimeDefault".equals(appArmor)) {
      out.add(s + ".appArmorProfile: " + appArmor);
    }
  }

  /** The facts the decided grant stands for, in the same words. */
  static SortedSet<String> decided(Grant g) {
    SortedSet<String> out = new TreeSet<>();
    GenerationOptions o = g.options();
    for (Privilege p : List.of(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.HOST_IPC)) {
      if (g.has(p)) {
        out.add(POD + "." + switch (p) {
          case HOST_PID -> "hostPID";
          case HOST_NETWORK -> "hostNetwork";
          default -> "hostIPC";
        } + ": true");
      }
    }
    if (g.needsApiAccess()) {
      out.add(POD + ".serviceAccountName: " + o.name() + " (token mounted)");
    }
    Grant.SecurityFields d = g.security();
    String agent = POD + ".containers[" + o.containerName() + "]";
    String s = agent + ".securityContext";
    if (d.privileged()) {
      out.add(s + ".privileged: true");
    } else {
      for (String cap : g.capabilities().keySet()) {
        out.add(s + ".capabilities.add: " + cap);
      }
      if (d.escalation() != Grant.Escalation.DISALLOWED) {
        out.add(s + ".allowPrivilegeEscalation: not false");
      }
    }
    if (d.privileged()) {
      out.add(s + ".allowPrivilegeEscalation: not false");
    }
    out.add(s + (d.root() ? ".runAsUser: 0 (root)" : ".runAsUser: " + d.uid()));
    if (!d.readOnlyRootFilesystem()) {
      out.add(s + ".readOnlyRootFilesystem: false");
    }
    if (d.seccomp() != Grant.Seccomp.RUNTIME_DEFAULT) {
      out.add(s + ".seccompProfile: " + (d.seccomp() == Grant.Seccomp.UNSET ? "unset" : d.seccomp().kubernetesName()));
    }
    if (d.appArmorUnconfined()) {
      out.add(s + ".appArmorProfile: Unconfined");
    }
    for (Grant.HostPathMount m : g.hostPaths()) {
      out.add(mountFact(agent, m.path(), m.type() == HostPathType.UNCHECKED ? "" : m.type().kubernetesName(),
          m.mountPath(), m.readOnly(), m.propagation() == MountPropagation.NONE ? "None" : m.propagation().kubernetesName()));
    }
    for (Grant.WritableDirectory w : g.writablePaths()) {
      if (w.kept()) {
        out.add(mountFact(agent, w.hostPath(), "DirectoryOrCreate", w.path(), false, "None"));
      }
    }
    for (Grant.ContainerPort p : g.ports()) {
      if (p.hostPort()) {
        out.add(agent + ".ports: " + p.number() + "/" + p.protocol() + " bound on the node");
      }
    }
    if (d.keptPathOwner().isPresent()) {
      Grant.KeptPathOwner owner = d.keptPathOwner().get();
      String init = POD + ".initContainers[" + owner.name() + "]";
      out.add(init + ".securityContext.capabilities.add: " + Grant.KeptPathOwner.CAPABILITY);
      out.add(init + ".securityContext.runAsUser: 0 (root)");
      if (d.seccomp() != Grant.Seccomp.RUNTIME_DEFAULT) {
        out.add(init + ".securityContext.seccompProfile: "
            + (d.seccomp() == Grant.Seccomp.UNSET ? "unset" : d.seccomp().kubernetesName()));
      }
      for (Grant.WritableDirectory w : owner.directories()) {
        out.add(mountFact(init, w.hostPath(), "DirectoryOrCreate", w.path(), false, "None"));
      }
    }
    for (Grant.ApiRule r : g.apiRules()) {
      out.add(rule(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs()));
    }
    return out;
  }

  private static String mountFact(String container, String path, String type, String mountPath, boolean readOnly,
      String propagation) {
    return container + ".volumeMounts: hostPath " + path + (type.isEmpty() ? "" : " (" + type + ")") + " at "
        + mountPath + (readOnly ? " read-only" : " read-write")
        + ("None".equals(propagation) ? "" : ", mountPropagation " + propagation);
  }

  private static String rule(List<String> groups, List<String> resources, List<String> urls, List<String> verbs) {
    return "ClusterRole rule " + (urls.isEmpty() ? "apiGroups " + new TreeSet<>(groups) + " resources "
        + new TreeSet<>(resources) : "nonResourceURLs " + new TreeSet<>(urls)) + " verbs " + new TreeSet<>(verbs);
  }

  private static Object profile(Object profile, Object otherwise) {
    return profile instanceof Map<?, ?> m && m.get("type") != null ? m.get("type") : otherwise;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value instanceof List<?> ? (List<Object>) value : List.of();
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    for (Object o : list(value)) {
      out.add(String.valueOf(o));
    }
    return out;
  }
}
