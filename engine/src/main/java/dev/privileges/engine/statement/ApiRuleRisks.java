package dev.privileges.engine.statement;

import static dev.privileges.engine.statement.PrivilegeRisk.high;
import static dev.privileges.engine.statement.PrivilegeRisk.low;
import static dev.privileges.engine.statement.PrivilegeRisk.medium;

import dev.privileges.engine.statement.PrivilegeRisk.Risk;
import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@link PrivilegeRisk}'s rows for ClusterRole rules. The agent's role is cluster-wide, so each
 * rule is judged for every namespace at once; the worst match wins, in the order below.
 */
public final class ApiRuleRisks {

  private static final Set<String> READ = Set.of("get", "list", "watch");
  private static final Set<String> ESCALATING = Set.of("escalate", "bind", "impersonate");
  /** Sub-resources that reach into a running pod or node. */
  private static final Set<String> REACH_IN = Set.of("pods/exec", "pods/attach", "pods/portforward", "pods/proxy",
      "services/proxy", "nodes/proxy");
  /** Resources whose creation runs code or hands out rights. */
  private static final Set<String> RUNS_CODE = Set.of("pods", "deployments", "daemonsets", "statefulsets",
      "replicasets", "replicationcontrollers", "jobs", "cronjobs", "roles", "rolebindings", "clusterroles",
      "clusterrolebindings", "serviceaccounts/token", "certificatesigningrequests", "mutatingwebhookconfigurations",
      "validatingwebhookconfigurations");

  private ApiRuleRisks() {}

  static Risk of(List<String> apiGroups, List<String> resources, List<String> nonResourceUrls, List<String> verbs) {
    boolean readOnly = READ.containsAll(verbs);
    if (verbs.contains("*") || resources.contains("*") || apiGroups.contains("*") || nonResourceUrls.contains("*")) {
      return high("A wildcard grants every resource or verb it covers, today's and future ones, Secrets and the"
          + " creation of pods included.");
    }
    if (any(verbs, ESCALATING)) {
      return high("Can give itself or others more rights than it holds (escalate, bind or impersonate).");
    }
    if (any(resources, REACH_IN)) {
      return high("Reaches into running pods or nodes of the whole cluster: it can run commands in any pod, with"
          + " that pod's identity and secrets, or talk to the kubelet directly.");
    }
    if (resources.contains("secrets")) {
      return high("Reads every Secret of the cluster: the credentials, tokens and keys of every application.");
    }
    if (!readOnly && any(resources, RUNS_CODE)) {
      return high("Can create or change workloads or rights, and so run any code anywhere in the cluster, privileged"
          + " wherever Pod Security allows it.");
    }
    if (!readOnly) {
      return medium("Can change or delete the listed objects in every namespace.");
    }
    if (!nonResourceUrls.isEmpty()) {
      return low("Reads the API server's own endpoints (" + String.join(", ", nonResourceUrls)
          + "); nothing about other workloads.");
    }
    if (resources.contains("configmaps")) {
      return medium("Reads the ConfigMaps of every namespace, which sometimes hold credentials by mistake.");
    }
    return low("Reads the listed objects in every namespace (names, labels, specs; a pod's spec can carry plain"
        + " environment values); it cannot change anything.");
  }

  /** Whether any of {@code values} is in {@code set} (a loop: this runs in every fresh JVM's first generate). */
  private static boolean any(List<String> values, Set<String> set) {
    for (String v : values) {
      if (set.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
