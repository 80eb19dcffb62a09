package dev.privileges.engine.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.RandomBundles;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The trim table's rows come from the feature digest's reduced stand-ins and compare only the
 * items a feature can change ({@link FeatureDigest#without}). On random bundles, with and without
 * grouped items, every row must equal the row of the table's definition: the real collectors
 * resolved without the feature and every item of the two grants compared.
 */
class FeatureRecommendationsPropertyTest {

  private static final int SEEDS = 1500;

  @Test
  void fastRows_equalTheRowsOfAFullResolutionOfTheRealCollectors() {
    Resolver resolver = new Resolver();
    FeatureRecommendations fast = new FeatureRecommendations(resolver);
    FeatureRecommendations definition = new FeatureRecommendations(resolver, true);
    // The statement groups only host paths, ports and writable paths (ItemGroups).
    Predicate<String> groupable = key -> key.startsWith("hostPath:") || key.startsWith("port:")
        || key.startsWith("writable:");
    List<Predicate<String>> groupings = List.of(key -> false, key -> groupable.test(key) && (key.hashCode() & 1) == 0);
    int rows = 0;
    int rowsWithChanges = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RandomBundles.Case c = RandomBundles.generate(seed);
      Grant full;
      try {
        full = resolver.resolve(c.bundle(), c.options());
      } catch (EngineException e) {
        continue;
      }
      for (Predicate<String> folded : groupings) {
        List<FeatureRecommendations.Row> expected = definition.rows(full, folded);
        assertThat(fast.rows(full, folded)).as("seed %d", seed).isEqualTo(expected);
        rows += expected.size();
        rowsWithChanges += (int) expected.stream().filter(r -> r.changes().size() > 1).count();
      }
    }
    // The random bundles must exercise the table, not only its trivial rows.
    assertThat(rows).as("rows compared").isGreaterThan(3000);
    assertThat(rowsWithChanges).as("rows with an edit besides the inputs variable").isGreaterThan(1000);
  }
}
