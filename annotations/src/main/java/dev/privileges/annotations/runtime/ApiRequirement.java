package dev.privileges.annotations.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The collector calls the Kubernetes API: one RBAC rule.
 *
 * @param apiGroups the API groups ({@code ""} is the core group); empty with {@code
 *     nonResourceUrls}
 * @param resources e.g. {@code pods}; empty with {@code nonResourceUrls}
 * @param nonResourceUrls e.g. {@code /metrics}; empty with {@code resources}
 * @param verbs e.g. {@code get}, {@code list}
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record ApiRequirement(
    List<String> apiGroups,
    List<String> resources,
    List<String> nonResourceUrls,
    List<String> verbs,
    String reason,
    String declaredBy)
    implements Requirement {

  /** Checks for {@code null} and copies the lists. */
  public ApiRequirement {
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    nonResourceUrls = List.copyOf(nonResourceUrls);
    verbs = List.copyOf(verbs);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.KUBERNETES_API;
  }

  @Override
  public String summary() {
    String verbList = String.join(",", verbs);
    if (!nonResourceUrls.isEmpty()) {
      return "Kubernetes API " + verbList + " " + String.join(",", nonResourceUrls);
    }
    List<String> groups = new ArrayList<>();
    for (String g : apiGroups) {
      groups.add(g.isEmpty() ? "core" : g);
    }
    return "Kubernetes API " + verbList + " " + String.join(",", resources)
        + " (group " + String.join(",", groups) + ")";
  }
}
