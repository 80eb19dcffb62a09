package dev.privileges.engine.grant;

import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.Comparator;
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
            Access a = accessAt(resources, new Target(group, resource));
            a.verbs.addAll(r.verbs());
            a.needs.add(need);
          }
        }
        for (String url : r.nonResourceUrls()) {
          Access a = accessAt(urls, url);
          a.verbs.addAll(r.verbs());
          a.needs.add(need);
        }
      }
    }
    // Regroup: (group, verbs) -> resources; verbs -> urls.
    Map<String, Map<List<String>, Grouped>> byGroup = new TreeMap<>();
    for (Map.Entry<Target, Access> e : resources.entrySet()) {
      Map<List<String>, Grouped> byVerbs = byGroup.get(e.getKey().group());
      if (byVerbs == null) {
        byVerbs = new TreeMap<>(BY_JOINED_VERBS);
        byGroup.put(e.getKey().group(), byVerbs);
      }
      groupedAt(byVerbs, collapse(e.getValue().verbs)).add(e.getKey().resource(), e.getValue().needs);
    }
    List<ApiRule> out = new ArrayList<>();
    for (Map.Entry<String, Map<List<String>, Grouped>> group : byGroup.entrySet()) {
      for (Map.Entry<List<String>, Grouped> e : group.getValue().entrySet()) {
        Grouped g = e.getValue();
        out.add(new ApiRule(List.of(group.getKey()), List.copyOf(g.names), List.of(), e.getKey(),
            Grant.sorted(g.needs)));
      }
    }
    Map<List<String>, Grouped> urlsByVerbs = new TreeMap<>(BY_JOINED_VERBS);
    for (Map.Entry<String, Access> e : urls.entrySet()) {
      groupedAt(urlsByVerbs, collapse(e.getValue().verbs)).add(e.getKey(), e.getValue().needs);
    }
    for (Map.Entry<List<String>, Grouped> e : urlsByVerbs.entrySet()) {
      Grouped g = e.getValue();
      out.add(new ApiRule(List.of(), List.of(), List.copyOf(g.names), e.getKey(), Grant.sorted(g.needs)));
    }
    return List.copyOf(out);
  }

  /** The access at {@code key}, a new one put there first when there is none. */
  private static <K> Access accessAt(Map<K, Access> map, K key) {
    Access a = map.get(key);
    if (a == null) {
      a = new Access();
      map.put(key, a);
    }
    return a;
  }

  private static Grouped groupedAt(Map<List<String>, Grouped> map, List<String> verbs) {
    Grouped g = map.get(verbs);
    if (g == null) {
      g = new Grouped();
      map.put(verbs, g);
    }
    return g;
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

  /** Verb lists in the order of their comma-joined text (a class: a method reference links a lambda). */
  private static final Comparator<List<String>> BY_JOINED_VERBS = new Comparator<>() {
    @Override
    public int compare(List<String> a, List<String> b) {
      return String.join(",", a).compareTo(String.join(",", b));
    }
  };
}
