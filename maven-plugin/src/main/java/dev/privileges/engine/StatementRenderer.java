package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.Grant.ApiRule;
import dev.privileges.engine.Grant.ContainerPort;
import dev.privileges.engine.Grant.HostPathMount;
import dev.privileges.engine.Grant.WritableDirectory;
import java.util.List;
import java.util.Map;

/**
 * Renders the security statement (Markdown, MkDocs Material friendly) from the same {@link Grant}
 * as the YAML: every granted privilege with its Kubernetes field, its purpose and the collectors
 * that depend on it, with their reasons.
 */
public final class StatementRenderer {

  private record Described(String field, String purpose) {}

  private static final Map<Privilege, Described> PRIVILEGES = Map.of(
      Privilege.HOST_PID, new Described("hostPID: true",
          "The agent shares the node's process namespace, so it sees every process on the node"
              + " and can map kernel events to the process and pod behind them."),
      Privilege.HOST_NETWORK, new Described("hostNetwork: true",
          "The agent shares the node's network namespace: it sees the node's interfaces and"
              + " counters, and listens directly on the node's addresses."),
      Privilege.HOST_IPC, new Described("hostIPC: true",
          "The agent shares the node's IPC namespace (shared memory and semaphores)."),
      Privilege.PRIVILEGED, new Described("securityContext.privileged: true",
          "The container runs privileged: it holds every capability and sees the node's devices."
              + " No narrower declaration could replace it for the collectors below."),
      Privilege.RUN_AS_ROOT, new Described("securityContext.runAsUser: 0",
          "The agent runs as root (UID 0). Kubernetes has no ambient capabilities, so added"
              + " capabilities take effect only for UID 0; every other capability stays dropped."),
      Privilege.WRITABLE_ROOT_FILESYSTEM, new Described("securityContext.readOnlyRootFilesystem: false",
          "The agent may write anywhere in its own container filesystem."));

  private static final List<Privilege> POD_LEVEL =
      List.of(Privilege.HOST_PID, Privilege.HOST_NETWORK, Privilege.HOST_IPC);
  private static final List<Privilege> CONTAINER_LEVEL =
      List.of(Privilege.PRIVILEGED, Privilege.RUN_AS_ROOT, Privilege.WRITABLE_ROOT_FILESYSTEM);

  public String render(Grant grant) {
    StringBuilder md = new StringBuilder();
    String product = Markdown.text(grant.options().productName());
    md.append("# ").append(product).append(" Security Statement\n\n");
    md.append(product).append(" runs on every node of the cluster as a DaemonSet. This statement"
        + " lists each privilege its DaemonSet is granted, why, and which collectors depend on it."
        + " It is computed at build time from the same declarations as the DaemonSet YAML, for"
        + " exactly these enabled collectors: ")
        .append(String.join(", ", grant.enabledNames().stream().map(Markdown::code).toList()))
        .append(".\n\n");

    md.append("## Privilege details {#privilege-details}\n\n");
    md.append("### Pod-level privileges {#pod-level}\n\n");
    section(md, grant, POD_LEVEL, "No host namespace is shared: the pod keeps its own process,"
        + " network and IPC namespaces.");
    md.append("### Container-level privileges {#container-level}\n\n");
    section(md, grant, CONTAINER_LEVEL, "The container runs as a non-root user with a read-only"
        + " root filesystem and no privileged mode.");
    capabilities(md, grant);
    hostPaths(md, grant);
    ports(md, grant);
    writable(md, grant);
    api(md, grant);
    return md.toString();
  }

  private static void section(StringBuilder md, Grant grant, List<Privilege> which, String none) {
    boolean any = false;
    for (Privilege p : which) {
      List<Need> needs = grant.privileges().get(p);
      if (needs == null) {
        continue;
      }
      any = true;
      Described d = PRIVILEGES.get(p);
      md.append("#### ").append(Markdown.code(d.field())).append(" {#").append(anchor(p.name())).append("}\n\n");
      md.append("- **Purpose**: ").append(d.purpose()).append('\n');
      dependents(md, needs);
    }
    if (!any) {
      md.append(none).append("\n\n");
    }
  }

  private static void capabilities(StringBuilder md, Grant grant) {
    md.append("### Linux capabilities {#capabilities}\n\n");
    if (grant.capabilities().isEmpty()) {
      md.append("Every capability is dropped (`capabilities.drop: [ALL]`); none is added.\n\n");
      return;
    }
    md.append("Every capability is dropped (`capabilities.drop: [ALL]`) except these:\n\n");
    grant.capabilities().forEach((cap, needs) -> {
      md.append("#### ").append(Markdown.code(cap)).append(" {#cap-").append(anchor(cap)).append("}\n\n");
      md.append("- **Field**: ").append(Markdown.code("capabilities.add: [" + cap + "]")).append('\n');
      dependents(md, needs);
    });
  }

  private static void hostPaths(StringBuilder md, Grant grant) {
    md.append("### Host paths {#host-paths}\n\n");
    if (grant.hostPaths().isEmpty()) {
      md.append("No path of the node is mounted.\n\n");
      return;
    }
    for (HostPathMount m : grant.hostPaths()) {
      md.append("#### ").append(Markdown.code(m.path())).append(" {#").append(m.volumeName()).append("}\n\n");
      md.append("- **Field**: ").append(Markdown.code("hostPath: " + m.path())).append(" mounted at ")
          .append(Markdown.code(m.mountPath())).append(m.readOnly() ? ", read-only" : ", read-write")
          .append('\n');
      dependents(md, m.needs());
    }
  }

  private static void ports(StringBuilder md, Grant grant) {
    md.append("### Ports {#ports}\n\n");
    if (grant.ports().isEmpty()) {
      md.append("The agent listens on no declared port.\n\n");
      return;
    }
    for (ContainerPort p : grant.ports()) {
      String label = p.number() + "/" + p.protocol();
      md.append("#### ").append(Markdown.code(label)).append(" {#port-").append(p.number()).append('-')
          .append(p.protocol().name().toLowerCase(java.util.Locale.ROOT)).append("}\n\n");
      md.append("- **Field**: ").append(Markdown.code("containerPort: " + p.number()))
          .append(p.hostPort() ? " with " + Markdown.code("hostPort: " + p.number())
              + " (reachable at the node's IP)" : "")
          .append('\n');
      dependents(md, p.needs());
    }
  }

  private static void writable(StringBuilder md, Grant grant) {
    md.append("### Writable paths {#writable-paths}\n\n");
    if (grant.writablePaths().isEmpty()) {
      md.append("The agent writes nowhere in its container.\n\n");
      return;
    }
    for (WritableDirectory w : grant.writablePaths()) {
      md.append("#### ").append(Markdown.code(w.path())).append(" {#").append(w.volumeName()).append("}\n\n");
      md.append("- **Field**: ").append(w.kept()
          ? Markdown.code("hostPath: " + w.hostPath()) + " (kept across restarts)"
          : Markdown.code("emptyDir") + " (scratch, emptied when the pod goes)").append('\n');
      dependents(md, w.needs());
    }
  }

  private static void api(StringBuilder md, Grant grant) {
    md.append("### Kubernetes API access {#kubernetes-api}\n\n");
    if (!grant.needsApiAccess()) {
      md.append("No collector calls the Kubernetes API: the pod mounts no service-account token"
          + " (`automountServiceAccountToken: false`) and no RBAC object is created.\n\n");
      return;
    }
    md.append("| API groups | Resources or URLs | Verbs | Collectors |\n| --- | --- | --- | --- |\n");
    for (ApiRule r : grant.apiRules()) {
      md.append("| ").append(r.apiGroups().stream().map(g -> Markdown.code(g.isEmpty() ? "\"\"" : g)).toList()
              .stream().reduce((a, b) -> a + ", " + b).orElse("-"))
          .append(" | ").append(String.join(", ", (r.resources().isEmpty() ? r.nonResourceUrls() : r.resources())
              .stream().map(Markdown::code).toList()))
          .append(" | ").append(String.join(", ", r.verbs()))
          .append(" | ").append(Markdown.text(Resolver.names(r.needs()))).append(" |\n");
    }
    md.append('\n');
  }

  private static void dependents(StringBuilder md, List<Need> needs) {
    md.append("- **Dependent features**:\n");
    for (Need n : needs) {
      md.append("    - ").append(Markdown.text(n.feature())).append(" (")
          .append(Markdown.code(n.collector())).append("): ").append(Markdown.text(n.reason())).append('\n');
    }
    md.append('\n');
  }

  private static String anchor(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
