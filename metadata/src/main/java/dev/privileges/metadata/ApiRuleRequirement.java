package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One Kubernetes API rule a collector needs (one entry of a ClusterRole's {@code rules}).
 *
 * @param apiGroups API groups; {@code ""} is the core group
 * @param resources resources
 * @param nonResourceUrls non-resource URLs
 * @param verbs verbs
 * @param reason what the collector does through the API
 * @param declaredBy the type (or file) whose declaration this is
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record ApiRuleRequirement(
    List<String> apiGroups,
    List<String> resources,
    List<String> nonResourceUrls,
    List<String> verbs,
    String reason,
    String declaredBy) implements SortKeyed {

  public ApiRuleRequirement {
    apiGroups = sortedDistinct(apiGroups);
    resources = sortedDistinct(resources);
    nonResourceUrls = sortedDistinct(nonResourceUrls);
    verbs = sortedDistinct(verbs);
  }

  private static List<String> sortedDistinct(List<String> values) {
    return values == null ? List.of() : values.stream().distinct().sorted().toList();
  }

  @Override
  public String sortKey() {
    return apiGroups + "\0" + resources + "\0" + nonResourceUrls + "\0" + verbs + "\0" + declaredBy;
  }
}
