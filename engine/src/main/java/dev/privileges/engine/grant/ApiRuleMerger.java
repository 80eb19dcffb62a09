package dev.privileges.engine.grant;

import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the API rules of the enabled collectors the way controller-gen does: every (group,
 * resource) pair gets the union of its verbs ({@code *} absorbs the rest); pairs of one group with
 * the same verbs share a rule; non-resource URLs are merged apart. Output is sorted.
 */
public final class ApiRuleMerger {

  private record Target(String group, String resource) implements Comparable<Target> {
    @Override
    public int compareTo(Target o) {
      int c = group.compareTo(o.group);
      return c != 0 ? c : resource.compareTo(o.resource);
    }
  }

  private static final class Access {
    final SortedSet<String> verbs = new TreeSet<>();
    final List<Need> needs = new ArrayList<>();
  }

  List<ApiRule> merge(List<CollectorMetadata> enabled) {
    Map<Target, Access> resources = new TreeMap<>();
    Map<String, Access> urls = new TreeMap<>();
    for (CollectorMetadata c : enabled) {
      for (ApiRuleRequirement r : c.kubernetesApi()) {
        Need need = Resolver.need(c, r.reason());
        for (String group : r.apiGroups()) {
          for (String resource : r.resources()) {
            Access a = resources.computeIfAbsent(new Target(group, resource), k -> new Access());
            a.verbs.addAll(r.verbs());
            a.needs.add(need);
          }
        }
        for (String url : r.nonResourceUrls()) {
          Access a = urls.computeIfAbsent(url, k -> new Access());
          a.verbs.addAll(r.verbs());
          a.needs.add(need);
        }
      }
    }
    // Regroup: (group, verbs) -> resources; verbs -> urls.
    Map<String, Map<List<String>, Grouped>> byGroup = new TreeMap<>();
    for (Map.Entry<Target, Access> e : resources.entrySet()) {
      List<String> verbs = collapse(e.getValue().verbs);
      byGroup.computeIfAbsent(e.getKey().group(), k -> new TreeMap<>(ApiRuleMerger::compareLists))
          .computeIfAbsent(verbs, k -> new Grouped())
          .add(e.getKey().resource(), e.getValue().needs);
    }
    List<ApiRule> out = new ArrayList<>();
    byGroup.forEach((group, byVerbs) -> byVerbs.forEach((verbs, g) ->
        out.add(new ApiRule(List.of(group), List.copyOf(g.names), List.of(), verbs, Grant.sorted(g.needs)))));
    Map<List<String>, Grouped> urlsByVerbs = new TreeMap<>(ApiRuleMerger::compareLists);
    urls.forEach((url, a) -> urlsByVerbs.computeIfAbsent(collapse(a.verbs), k -> new Grouped()).add(url, a.needs));
    urlsByVerbs.forEach((verbs, g) ->
        out.add(new ApiRule(List.of(), List.of(), List.copyOf(g.names), verbs, Grant.sorted(g.needs))));
    return List.copyOf(out);
  }

  private static final class Grouped {
    final SortedSet<String> names = new TreeSet<>();
    final List<Need> needs = new ArrayList<>();

    void add(String name, List<Need> more) {
      names.add(name);
      needs.addAll(more);
    }
  }

  private static List<String> collapse(SortedSet<String> verbs) {
    return verbs.contains("*") ? List.of("*") : List.copyOf(verbs);
  }

  private static int compareLists(List<String> a, List<String> b) {
    return String.join(",", a).compareTo(String.join(",", b));
  }
}
