package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.statement.Markdown;
import dev.privileges.engine.statement.StatementRenderer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * Each sample statement, read by a real Markdown parser: one H1, an anchor on every other heading,
 * unique anchors, links only to those anchors, every table row as wide as its header, and the
 * privilege sections exactly those the DaemonSet YAML grants.
 */
class StatementStructureTest {

  static Stream<Arguments> bundles() {
    return DataKitLikeBundles.statementGoldens().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static Grant grant(Bundle bundle) {
    return new Resolver().resolve(bundle, DataKitLikeBundles.STATEMENT_OPTIONS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void headings_oneTitleAndUniqueAnchorsEverywhereElse(String name, Bundle bundle) {
    StatementDocument doc = new StatementDocument(new StatementRenderer().render(grant(bundle)));

    assertThat(doc.headings).filteredOn(h -> h.level() == 1).hasSize(1)
        .first().satisfies(h -> assertThat(h.text()).isEqualTo("Node Agent Security Statement"));
    assertThat(doc.headings).filteredOn(h -> h.level() > 1)
        .allSatisfy(h -> assertThat(h.anchor()).as(h.text()).matches("[a-z][a-z0-9-]*"));
    List<String> anchors = doc.headings.stream().map(StatementDocument.Heading2::anchor).filter(a -> !a.isEmpty()).toList();
    assertThat(new HashSet<>(anchors)).hasSameSizeAs(anchors);
    assertThat(doc.links).allSatisfy(link -> assertThat(anchors).contains(link.substring(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void tables_everyRowAsWideAsItsHeader(String name, Bundle bundle) {
    StatementDocument doc = new StatementDocument(new StatementRenderer().render(grant(bundle)));

    assertThat(doc.tables).isNotEmpty();
    for (TableBlock table : doc.tables) {
      List<Integer> widths = doc.sourceCellCounts(table);
      assertThat(widths).as("cells per line of a table").containsOnly(widths.get(0));
      assertThat(StatementDocument.rows(table)).allSatisfy(r -> assertThat(r).hasSize(widths.get(0)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void privilegeSections_areExactlyWhatTheYamlGrants(String name, Bundle bundle) {
    Grant grant = grant(bundle);
    String yaml = new DaemonSetRenderer().render(grant);
    StatementDocument doc = new StatementDocument(new StatementRenderer().render(grant));

    Set<String> described = new TreeSet<>();
    doc.headingsUnder("Privilege details", 4).forEach(h -> described.add(h.text()));
    Set<List<String>> describedRules = new HashSet<>();
    if (grant.needsApiAccess()) {
      doc.table("API groups").stream().skip(1).forEach(r -> describedRules.add(List.of(r.get(0), r.get(1), r.get(2))));
    }

    assertThat(described).isEqualTo(YamlPrivileges.granted(yaml));
    assertThat(describedRules).isEqualTo(YamlPrivileges.rules(yaml));
  }

  /** The privileges a DaemonSet YAML grants, read back from the YAML alone, in the statement's words. */
  static final class YamlPrivileges {

    @SuppressWarnings("unchecked")
    static Set<String> granted(String yaml) {
      Set<String> out = new TreeSet<>();
      for (Map<String, Object> doc : KubernetesSchema.documents(yaml)) {
        if (!"DaemonSet".equals(doc.get("kind"))) {
          continue;
        }
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
            doc.get("spec")).get("template")).get("spec");
        for (String f : List.of("hostPID", "hostNetwork", "hostIPC")) {
          if (Boolean.TRUE.equals(pod.get(f))) {
            out.add(f + ": true");
          }
        }
        Map<String, Object> podSecurity = (Map<String, Object>) pod.get("securityContext");
        if (Integer.valueOf(0).equals(podSecurity.get("runAsUser"))) {
          out.add("runAsUser: 0");
        }
        Object seccomp = podSecurity.get("seccompProfile");
        if (seccomp instanceof Map<?, ?> s && "Unconfined".equals(s.get("type"))) {
          out.add("seccompProfile: Unconfined");
        }
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
        if (Boolean.TRUE.equals(security.get("privileged"))) {
          out.add("privileged: true");
        }
        if (Boolean.FALSE.equals(security.get("readOnlyRootFilesystem"))) {
          out.add("readOnlyRootFilesystem: false");
        }
        if (security.get("appArmorProfile") instanceof Map<?, ?> a && "Unconfined".equals(a.get("type"))) {
          out.add("appArmorProfile: Unconfined");
        }
        if (security.get("capabilities") instanceof Map<?, ?> caps && caps.get("add") instanceof List<?> add) {
          add.forEach(c -> out.add("capabilities.add: " + c));
        }
        for (Map<String, Object> port : (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
          String label = port.get("containerPort") + "/" + port.get("protocol");
          out.add((port.containsKey("hostPort") ? "hostPort: " : "containerPort: ") + label);
        }
        Map<String, String> mountPaths = new java.util.HashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) container.getOrDefault("volumeMounts", List.of())) {
          mountPaths.put((String) m.get("name"), (String) m.get("mountPath"));
        }
        for (Map<String, Object> v : (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
          if (v.get("hostPath") instanceof Map<?, ?> hp) {
            out.add("hostPath: " + hp.get("path"));
          } else if (v.containsKey("emptyDir")) {
            out.add("emptyDir: " + mountPaths.get((String) v.get("name")));
          }
        }
      }
      return out;
    }

    /** ClusterRole rules as (groups, resources or URLs, verbs), formatted as the statement's table cells. */
    @SuppressWarnings("unchecked")
    static Set<List<String>> rules(String yaml) {
      Set<List<String>> out = new HashSet<>();
      for (Map<String, Object> doc : KubernetesSchema.documents(yaml)) {
        if ("ClusterRole".equals(doc.get("kind"))) {
          for (Map<String, Object> rule : (List<Map<String, Object>>) doc.get("rules")) {
            List<String> groups = (List<String>) rule.getOrDefault("apiGroups", List.of());
            List<String> what = (List<String>) rule.getOrDefault("resources", rule.get("nonResourceURLs"));
            out.add(List.of(
                groups.isEmpty() ? "-" : String.join(", ", groups.stream().map(g -> g.isEmpty() ? "\"\"" : g).toList()),
                String.join(", ", what), String.join(", ", (List<String>) rule.get("verbs"))));
          }
        }
      }
      return out;
    }
  }
}
