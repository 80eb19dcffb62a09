package dev.privileges.engine.grant;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.engine.grant.Grant.ContainerPort;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One thing a {@link Grant} puts into the DaemonSet that a reviewer or scanner cares about, in
 * the words of the YAML: the statement describes exactly these, the recommendations diff them,
 * the scanner table and the diagram list them.
 *
 * <p>Its parts: {@link #kind()}, where it sits in the statement; {@link #key()}, its stable
 * identity across grants (the same item in a grant without some collectors has the same key);
 * {@link #field()}, the Kubernetes field and value as the YAML shows it, e.g. {@code hostPID:
 * true}; {@link #path()}, the host path, container path or capability the item is about (empty
 * otherwise); {@link #needs()}, who needs it.
 */
public final class GrantedItem {

  /** Statement sections, in order. */
  public enum Kind { POD, CONTAINER, CAPABILITY, HOST_PATH, PORT, WRITABLE, API }

  private final Kind kind;
  private final String key;
  private final String field;
  private final String path;
  private final List<Need> needs;
  // Computed once: the trim table asks every item for its features once per feature, and a
  // stream per call was the largest single cost of the statement on 5,000 collectors.
  private final List<String> features;

  public GrantedItem(Kind kind, String key, String field, String path, List<Need> needs) {
    this.kind = Objects.requireNonNull(kind);
    this.key = Objects.requireNonNull(key);
    this.field = Objects.requireNonNull(field);
    this.path = Objects.requireNonNull(path);
    this.needs = List.copyOf(needs);
    TreeSet<String> features = new TreeSet<>();
    for (Need n : needs) {
      features.add(n.feature());
    }
    this.features = List.copyOf(features);
  }

  public Kind kind() {
    return kind;
  }

  public String key() {
    return key;
  }

  public String field() {
    return field;
  }

  public String path() {
    return path;
  }

  public List<Need> needs() {
    return needs;
  }

  /** The features behind the item, sorted and distinct. */
  public List<String> features() {
    return features;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrantedItem g && kind == g.kind && key.equals(g.key) && field.equals(g.field)
        && path.equals(g.path) && needs.equals(g.needs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key, field, path, needs);
  }

  @Override
  public String toString() {
    return "GrantedItem[kind=" + kind + ", key=" + key + ", field=" + field + ", path=" + path + ", needs=" + needs + "]";
  }

  /** The items of {@code grant}, in statement order. */
  public static List<GrantedItem> of(Grant grant) {
    List<GrantedItem> out = new ArrayList<>();
    for (Privilege p : List.of(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.HOST_IPC)) {
      privilege(grant, p, Kind.POD, out);
    }
    for (Privilege p : List.of(Privilege.PRIVILEGED, Privilege.RUN_AS_ROOT, Privilege.WRITABLE_ROOT_FILESYSTEM)) {
      privilege(grant, p, Kind.CONTAINER, out);
    }
    if (grant.security().keptPathOwner().isPresent()) {
      Grant.KeptPathOwner owner = grant.security().keptPathOwner().get();
      out.add(new GrantedItem(Kind.CONTAINER,
          "init:" + owner.name(), "initContainers: " + owner.name() + " (runAsUser: 0, capabilities.add: "
              + Grant.KeptPathOwner.CAPABILITY + ")", owner.name(), owner.needs()));
    }
    for (Map.Entry<Confinement, List<Need>> e : grant.confinement().entrySet()) {
      Confinement c = e.getKey();
      out.add(new GrantedItem(Kind.CONTAINER,
          "confinement:" + c.name(), c == Confinement.SECCOMP_UNCONFINED
              ? "seccompProfile: Unconfined" : "appArmorProfile: Unconfined", "", e.getValue()));
    }
    for (Map.Entry<String, List<Need>> e : grant.capabilities().entrySet()) {
      String cap = e.getKey();
      out.add(new GrantedItem(Kind.CAPABILITY, "capability:" + cap, "capabilities.add: " + cap, cap, e.getValue()));
    }
    for (HostPathMount m : grant.hostPaths()) {
      out.add(new GrantedItem(Kind.HOST_PATH, hostPathKey(m), "hostPath: " + m.path(), m.path(), m.needs()));
    }
    for (ContainerPort p : grant.ports()) {
      String label = portPath(p);
      out.add(new GrantedItem(Kind.PORT, portKey(p),
          (p.hostPort() ? "hostPort: " : "containerPort: ") + label, label, p.needs()));
    }
    for (WritableDirectory w : grant.writablePaths()) {
      out.add(new GrantedItem(Kind.WRITABLE, writableKey(w),
          w.kept() ? "hostPath: " + w.hostPath() : "emptyDir: " + w.path(), w.path(), w.needs()));
    }
    for (ApiRule r : grant.apiRules()) {
      out.add(new GrantedItem(Kind.API, "api:" + ruleScope(r), ruleScope(r) + ": " + String.join(", ", r.verbs()),
          "", r.needs()));
    }
    return List.copyOf(out);
  }

  /** The key of the item a host path mount grants. */
  public static String hostPathKey(HostPathMount m) {
    return "hostPath:" + m.path();
  }

  /** The key of the item a port grants. */
  public static String portKey(ContainerPort p) {
    return "port:" + portPath(p);
  }

  /** The path of the item a port grants: {@code number/protocol}, e.g. {@code 9529/TCP}. */
  public static String portPath(ContainerPort p) {
    return p.number() + "/" + p.protocol();
  }

  /** The key of the item a writable directory grants. */
  public static String writableKey(WritableDirectory w) {
    return "writable:" + w.path();
  }

  /** What a rule is about, without its verbs: groups and resources, or URLs. */
  public static String ruleScope(ApiRule r) {
    if (!r.nonResourceUrls().isEmpty()) {
      return String.join(", ", r.nonResourceUrls());
    }
    List<String> groups = new ArrayList<>(r.apiGroups().size());
    for (String g : r.apiGroups()) {
      groups.add(g.isEmpty() ? "core" : g);
    }
    return String.join(", ", groups) + " " + String.join(", ", r.resources());
  }

  private static void privilege(Grant grant, Privilege p, Kind kind, List<GrantedItem> out) {
    List<Need> needs = grant.privileges().get(p);
    if (needs != null) {
      out.add(new GrantedItem(kind, "privilege:" + p.name(), field(p), "", needs));
    }
  }

  /** The field and value that grant {@code p}. */
  static String field(Privilege p) {
    return switch (p) {
      case HOST_PID -> "hostPID: true";
      case HOST_NETWORK -> "hostNetwork: true";
      case HOST_IPC -> "hostIPC: true";
      case PRIVILEGED -> "privileged: true";
      case RUN_AS_ROOT -> "runAsUser: 0";
      case WRITABLE_ROOT_FILESYSTEM -> "readOnlyRootFilesystem: false";
    };
  }

  /** A readable anchor base for the item's heading. */
  public String anchorBase() {
    return switch (kind) {
      case CAPABILITY -> "cap-" + path;
      case HOST_PATH -> "host-path-" + (path.equals("/") ? "root" : path);
      case PORT -> "port-" + path;
      case WRITABLE -> "writable-" + path;
      case API -> "api";
      default -> key.substring(key.indexOf(':') + 1).toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }
}
