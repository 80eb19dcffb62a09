package dev.privileges.engine.kubernetes;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.engine.grant.Grant.ContainerPort;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.grant.Resolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;


/**
 * Renders a {@link Grant} as Kubernetes objects: ServiceAccount, ClusterRole and
 * ClusterRoleBinding when the API is needed, a node-local Service when ports are exposed that
 * way, and the DaemonSet. Security fields come only from the grant.
 *
 * <p>Written with loops rather than streams and lambdas: each lambda costs a fresh JVM a class
 * spun at its first use, and a build renders once.
 */
public final class DaemonSetRenderer {

  /** Prefix of the pod annotations that name the collectors behind each privilege. */
  public static final String PROVENANCE_PREFIX = KubernetesNames.ANNOTATION_PREFIX;

  /** Label of a Namespace that tells Pod Security Admission which level to enforce. */
  public static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

  /** Volume mounts by mount path (a stable sort keeps equal paths in their order). */
  private static final Comparator<Map<String, Object>> BY_MOUNT_PATH = new Comparator<>() {
    @Override
    public int compare(Map<String, Object> a, Map<String, Object> b) {
      return ((String) a.get("mountPath")).compareTo((String) b.get("mountPath"));
    }
  };

  /** The YAML text, documents separated by {@code ---}. */
  public String render(Grant grant) {
    return Yaml.dumpAll(documents(grant));
  }

  /** The objects as maps, in output order. */
  public List<Map<String, Object>> documents(Grant grant) {
    List<Map<String, Object>> docs = new ArrayList<>();
    GenerationOptions o = grant.options();
    if (o.namespaceObject()) {
      docs.add(namespace(grant));
    }
    if (grant.needsApiAccess()) {
      docs.add(object("v1", "ServiceAccount", o, true));
      Map<String, Object> role = object("rbac.authorization.k8s.io/v1", "ClusterRole", o, false);
      List<Map<String, Object>> rules = new ArrayList<>();
      for (ApiRule r : grant.apiRules()) {
        rules.add(rule(r));
      }
      role.put("rules", Collections.unmodifiableList(rules));
      docs.add(role);
      Map<String, Object> binding = object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", o, false);
      binding.put("roleRef", map("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", o.name()));
      binding.put("subjects", List.of(map("kind", "ServiceAccount", "name", o.name(), "namespace", o.namespace())));
      docs.add(binding);
    }
    List<Map<String, Object>> serviced = new ArrayList<>();
    for (ContainerPort p : grant.ports()) {
      if (p.nodeReachable() && !p.hostPort()) {
        serviced.add(map(
            "name", p.name(), "port", p.number(), "protocol", p.protocol().name(), "targetPort", p.name()));
      }
    }
    if (!serviced.isEmpty()) {
      Map<String, Object> service = object("v1", "Service", o, true);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("selector", selector(o));
      spec.put("internalTrafficPolicy", "Local");
      spec.put("ports", Collections.unmodifiableList(serviced));
      service.put("spec", spec);
      docs.add(service);
    }
    docs.add(daemonSet(grant));
    return docs;
  }

  /** The Namespace, labelled so that Pod Security Admission enforces the level the pods meet. */
  private static Map<String, Object> namespace(Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Object> labels = labels(o);
    labels.put(ENFORCE_LABEL, grant.podSecurity().level().label());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", o.namespace());
    meta.put("labels", labels);
    return map("apiVersion", "v1", "kind", "Namespace", "metadata", meta);
  }

  private Map<String, Object> daemonSet(Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Object> ds = object("apps/v1", "DaemonSet", o, true);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", map("matchLabels", selector(o)));
    // maxSurge 0 always: a surge pod on the same node could not bind the same host ports (or,
    // under hostNetwork, any port), and for the other bundles two agents on a node would collect
    // everything twice during the update.
    spec.put("updateStrategy", map("type", "RollingUpdate", "rollingUpdate", map("maxSurge", 0, "maxUnavailable", 1)));
    Map<String, Object> template = new LinkedHashMap<>();
    Map<String, Object> templateMeta = new LinkedHashMap<>();
    templateMeta.put("labels", labels(o));
    Map<String, Object> annotations = provenance(grant);
    if (!annotations.isEmpty()) {
      templateMeta.put("annotations", annotations);
    }
    template.put("metadata", templateMeta);
    template.put("spec", podSpec(grant));
    spec.put("template", template);
    ds.put("spec", spec);
    return ds;
  }

  private Map<String, Object> podSpec(Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Object> pod = new LinkedHashMap<>();
    if (grant.needsApiAccess()) {
      pod.put("serviceAccountName", o.name());
    } else {
      pod.put("automountServiceAccountToken", false);
    }
    if (grant.has(Privilege.HOST_PID)) {
      pod.put("hostPID", true);
    }
    if (grant.has(Privilege.HOST_NETWORK)) {
      pod.put("hostNetwork", true);
      pod.put("dnsPolicy", "ClusterFirstWithHostNet");
    }
    if (grant.has(Privilege.HOST_IPC)) {
      pod.put("hostIPC", true);
    }
    Grant.SecurityFields d = grant.security();
    pod.put("securityContext", podSecurity(grant));
    if (d.keptPathOwner().isPresent()) {
      pod.put("initContainers", List.of(keptPathOwner(grant, d.keptPathOwner().get())));
    }
    pod.put("containers", List.of(container(grant)));
    List<Object> volumes = new ArrayList<>();
    for (HostPathMount m : grant.hostPaths()) {
      Map<String, Object> hostPath = new LinkedHashMap<>();
      hostPath.put("path", m.path());
      if (m.type() != HostPathType.UNCHECKED) {
        hostPath.put("type", m.type().kubernetesName());
      }
      volumes.add(map("name", m.volumeName(), "hostPath", hostPath));
    }
    for (WritableDirectory w : grant.writablePaths()) {
      volumes.add(w.kept()
          ? map("name", w.volumeName(), "hostPath", map("path", w.hostPath(), "type", "DirectoryOrCreate"))
          : map("name", w.volumeName(), "emptyDir", new LinkedHashMap<>()));
    }
    if (!volumes.isEmpty()) {
      pod.put("volumes", volumes);
    }
    return pod;
  }

  private Map<String, Object> container(Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", o.containerName());
    c.put("image", o.image());
    List<Object> env = new ArrayList<>();
    env.add(map("name", o.enabledInputsEnv(), "value", String.join(",", grant.enabledNames())));
    Map<String, String> pathEnv = new TreeMap<>();
    for (HostPathMount m : grant.hostPaths()) {
      for (String e : m.env()) {
        pathEnv.put(e, m.mountPath());
      }
    }
    for (Map.Entry<String, String> e : pathEnv.entrySet()) {
      env.add(map("name", e.getKey(), "value", e.getValue()));
    }
    c.put("env", env);
    if (!grant.ports().isEmpty()) {
      List<Map<String, Object>> ports = new ArrayList<>();
      for (ContainerPort p : grant.ports()) {
        ports.add(port(p));
      }
      c.put("ports", Collections.unmodifiableList(ports));
    }
    c.put("securityContext", containerSecurity(grant));
    List<Map<String, Object>> mounts = new ArrayList<>();
    for (HostPathMount m : grant.hostPaths()) {
      Map<String, Object> mount = map("name", m.volumeName(), "mountPath", m.mountPath());
      if (m.readOnly()) {
        mount.put("readOnly", true);
      }
      if (m.propagation() != MountPropagation.NONE) {
        mount.put("mountPropagation", m.propagation().kubernetesName());
      }
      mounts.add(mount);
    }
    for (WritableDirectory w : grant.writablePaths()) {
      mounts.add(map("name", w.volumeName(), "mountPath", w.path()));
    }
    // By mount path, so a parent (/rootfs) comes before what is mounted inside it (/rootfs/proc).
    mounts.sort(BY_MOUNT_PATH);
    if (!mounts.isEmpty()) {
      c.put("volumeMounts", mounts);
    }
    return c;
  }

  /** The pod's securityContext: the decided user and seccomp profile. */
  public static Map<String, Object> podSecurity(Grant grant) {
    Grant.SecurityFields d = grant.security();
    Map<String, Object> podSecurity = new LinkedHashMap<>();
    if (d.root()) {
      podSecurity.put("runAsUser", 0);
    } else {
      podSecurity.put("runAsNonRoot", true);
      podSecurity.put("runAsUser", d.uid());
      podSecurity.put("runAsGroup", d.uid());
    }
    if (d.seccomp() != Grant.Seccomp.UNSET) {
      podSecurity.put("seccompProfile", map("type", d.seccomp().kubernetesName()));
    }
    return podSecurity;
  }

  /** The agent container's securityContext: the decided fields, written as they are. */
  public static Map<String, Object> containerSecurity(Grant grant) {
    Grant.SecurityFields d = grant.security();
    Map<String, Object> s = new LinkedHashMap<>();
    if (d.privileged()) {
      s.put("privileged", true);
    } else {
      if (d.escalation() == Grant.Escalation.DISALLOWED) {
        s.put("allowPrivilegeEscalation", false);
      }
      Map<String, Object> caps = new LinkedHashMap<>();
      caps.put("drop", List.of("ALL"));
      if (!grant.capabilities().isEmpty()) {
        caps.put("add", List.copyOf(grant.capabilities().keySet()));
      }
      s.put("capabilities", caps);
    }
    s.put("readOnlyRootFilesystem", d.readOnlyRootFilesystem());
    if (d.appArmorUnconfined()) {
      s.put("appArmorProfile", map("type", "Unconfined"));
    }
    return s;
  }

  /**
   * Rule 16: the init container that hands the kept host directories to the agent's UID. It runs
   * as root with only CAP_CHOWN, changes the owner of the mounted directories themselves (not
   * their content) and exits.
   */
  private static Map<String, Object> keptPathOwner(Grant grant, Grant.KeptPathOwner owner) {
    GenerationOptions o = grant.options();
    long uid = grant.security().uid();
    List<Object> command = new ArrayList<>(List.of("chown", uid + ":" + uid));
    List<Object> mounts = new ArrayList<>();
    for (WritableDirectory w : owner.directories()) {
      command.add(w.path());
      mounts.add(map("name", w.volumeName(), "mountPath", w.path()));
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", owner.name());
    c.put("image", o.image());
    c.put("command", command);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runAsUser", 0);
    s.put("runAsNonRoot", false);
    s.put("allowPrivilegeEscalation", false);
    s.put("capabilities", map("drop", List.of("ALL"), "add", List.of(Grant.KeptPathOwner.CAPABILITY)));
    s.put("readOnlyRootFilesystem", true);
    c.put("securityContext", s);
    c.put("volumeMounts", Collections.unmodifiableList(mounts));
    return c;
  }

  private static Map<String, Object> port(ContainerPort p) {
    Map<String, Object> out = map("name", p.name(), "containerPort", p.number());
    if (p.hostPort()) {
      out.put("hostPort", p.number()); // equal to containerPort, as hostNetwork requires
    }
    out.put("protocol", p.protocol().name());
    return out;
  }

  private static Map<String, Object> rule(ApiRule r) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (r.nonResourceUrls().isEmpty()) {
      out.put("apiGroups", r.apiGroups());
      out.put("resources", r.resources());
    } else {
      out.put("nonResourceURLs", r.nonResourceUrls());
    }
    out.put("verbs", r.verbs());
    return out;
  }

  /**
   * Pod annotations naming the collectors behind each granted privilege (rule 11). Keys are
   * {@code privileges.dev/<name>} with a name part of at most 63 characters; volume keys carry
   * the exact volume name, which {@link KubernetesNames#MAX_VOLUME_NAME} keeps short enough.
   */
  private static Map<String, Object> provenance(Grant grant) {
    Map<String, Object> a = new TreeMap<>();
    for (Map.Entry<Privilege, List<Need>> e : grant.privileges().entrySet()) {
      put(a, slug(e.getKey().name()), e.getValue());
    }
    for (Map.Entry<String, List<Need>> e : grant.capabilities().entrySet()) {
      put(a, "capability." + slug(e.getKey()), e.getValue());
    }
    if (!grant.coveredByPrivileged().isEmpty()) {
      // The declared capabilities that privileged already holds: named, never added.
      a.put(KubernetesNames.annotationKey("privileged.covers"), String.join(",", grant.coveredByPrivileged().keySet()));
    }
    if (grant.security().keptPathOwner().isPresent()) {
      Grant.KeptPathOwner owner = grant.security().keptPathOwner().get();
      put(a, owner.name(), owner.needs());
    }
    for (HostPathMount m : grant.hostPaths()) {
      put(a, KubernetesNames.VOLUME_ANNOTATION + m.volumeName(), m.needs());
    }
    for (WritableDirectory w : grant.writablePaths()) {
      put(a, KubernetesNames.VOLUME_ANNOTATION + w.volumeName(), w.needs());
    }
    for (ContainerPort p : grant.ports()) {
      put(a, "port." + p.number() + "-" + slug(p.protocol().name()), p.needs());
    }
    if (grant.needsApiAccess()) {
      List<Need> all = new ArrayList<>();
      for (ApiRule r : grant.apiRules()) {
        all.addAll(r.needs());
      }
      put(a, "kubernetes-api", all);
    }
    for (Map.Entry<Confinement, List<Need>> e : grant.confinement().entrySet()) {
      put(a, slug(e.getKey().name()), e.getValue());
    }
    return a;
  }

  private static void put(Map<String, Object> annotations, String name, List<Need> needs) {
    annotations.put(KubernetesNames.annotationKey(name), Resolver.names(needs));
  }

  private static String slug(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Map<String, Object> object(String apiVersion, String kind, GenerationOptions o, boolean namespaced) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("apiVersion", apiVersion);
    obj.put("kind", kind);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", o.name());
    if (namespaced) {
      meta.put("namespace", o.namespace());
    }
    meta.put("labels", labels(o));
    obj.put("metadata", meta);
    return obj;
  }

  private static Map<String, Object> selector(GenerationOptions o) {
    return new TreeMap<>(Map.of("app.kubernetes.io/name", o.name()));
  }

  private static Map<String, Object> labels(GenerationOptions o) {
    Map<String, Object> labels = new TreeMap<>(o.labels());
    labels.putAll(selector(o));
    return labels;
  }

  /** An insertion-ordered map from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
