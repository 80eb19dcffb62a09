package dev.privileges.engine.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.RandomBundles;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.GrantedItem;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The trim table resolves "every feature but one" on stand-ins ({@link FeatureDigest}), not on
 * the collectors themselves. On random bundles, for every feature, the stand-ins' grant must show
 * everything the table reads exactly as the real collectors' grant does: the security contexts,
 * the owner of kept directories, every item with its field and features, the host paths'
 * read-only flags, the ports' hostPort and node reach, the rules' verbs, API access and the Pod
 * Security level; and where the real grant cannot be resolved, neither can the stand-ins'.
 */
class FeatureDigestPropertyTest {

  @Test
  void standInGrantWithoutEachFeature_readsAsTheRealCollectorsGrant() {
    Resolver resolver = new Resolver();
    int compared = 0;
    for (long seed = 1; seed <= 400; seed++) {
      RandomBundles.Case c = RandomBundles.generate(seed);
      Grant full = resolver.resolve(c.bundle(), c.options());
      FeatureDigest digest = new FeatureDigest(full);
      TreeSet<String> features = new TreeSet<>();
      full.enabled().forEach(m -> features.add(m.feature()));
      for (String feature : features) {
        List<String> others = new ArrayList<>();
        for (CollectorMetadata m : full.enabled()) {
          if (!m.feature().equals(feature)) {
            others.add(m.name());
          }
        }
        if (others.isEmpty()) {
          continue; // the table does not resolve a feature that is every collector
        }
        GenerationOptions without = c.options().toBuilder().enabledCollectors(others).build();
        String real = view(() -> resolver.resolve(c.bundle(), without));
        String standIns = view(() -> digest.without(feature, c.options(), resolver));
        assertThat(standIns).as("seed %d, without %s", seed, feature).isEqualTo(real);
        compared++;
      }
    }
    assertThat(compared).as("grants compared").isGreaterThan(300);
  }

  private interface GrantSupplier {
    Grant get();
  }

  /** What the trim table reads from a grant, as text; "unresolvable" when resolving fails. */
  private static String view(GrantSupplier resolve) {
    Grant g;
    try {
      g = resolve.get();
    } catch (EngineException e) {
      return "unresolvable";
    }
    StringBuilder out = new StringBuilder();
    out.append("pod ").append(new TreeMap<>(DaemonSetRenderer.podSecurity(g))).append('\n');
    out.append("container ").append(new TreeMap<>(DaemonSetRenderer.containerSecurity(g))).append('\n');
    out.append("kept owner ").append(g.security().keptPathOwner()
        .map(o -> o.directories().stream().map(d -> d.path()).toList().toString()).orElse("none")).append('\n');
    for (GrantedItem i : GrantedItem.of(g)) {
      out.append("item ").append(i.key()).append(" | ").append(i.field()).append(" | ").append(i.features()).append('\n');
    }
    g.hostPaths().forEach(h -> out.append("hostPath ").append(h.path()).append(" readOnly ").append(h.readOnly()).append('\n'));
    g.ports().forEach(p -> out.append("port ").append(p.number()).append('/').append(p.protocol())
        .append(" hostPort ").append(p.hostPort()).append(" reachable ").append(p.nodeReachable()).append('\n'));
    g.apiRules().forEach(r -> out.append("rule ").append(GrantedItem.ruleScope(r)).append(" verbs ").append(r.verbs()).append('\n'));
    out.append("api ").append(g.needsApiAccess()).append('\n');
    out.append("level ").append(g.podSecurity().level()).append('\n');
    return out.toString();
  }
}
