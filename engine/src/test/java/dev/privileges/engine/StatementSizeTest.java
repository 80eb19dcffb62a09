package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privileges.annotations.Privilege;
import org.junit.jupiter.api.Test;

/** Beyond the collector limit, the statement counts collectors by feature and points to privileges.json. */
class StatementSizeTest {

  private static final Bundle THREE_PROCESS_COLLECTORS = bundle(
      collector("proc-a").feature("Processes").privilege(Privilege.HOST_PID).build(),
      collector("proc-b").feature("Processes").privilege(Privilege.HOST_PID).build(),
      collector("net-c").feature("Network").privilege(Privilege.HOST_PID)
          .api("", java.util.List.of("pods"), "get").build());

  private static String statement(int limit) {
    return new StatementRenderer().render(new Resolver().resolve(THREE_PROCESS_COLLECTORS,
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementCollectorLimit(limit).build()));
  }

  @Test
  void withinTheLimit_everyCollectorIsListedWithItsReason() {
    String md = statement(3);

    assertThat(md).contains("(`proc-a`)", "(`proc-b`)", "(`net-c`)", "Enabled collectors: `net-c`, `proc-a`, `proc-b`.")
        .doesNotContain(" collectors\n");
  }

  @Test
  void beyondTheLimit_featuresAreCountedAndPrivilegesJsonHasTheList() {
    String md = statement(2);

    assertThat(md).contains("    - *Network*: 1 collector\n    - *Processes*: 2 collectors\n"
            + "    - These 3 collectors, each with its reason, are listed in `privileges.json`.\n")
        .contains("Enabled collectors: 3 collectors in 2 features (every name is in `privileges.json`).")
        .contains("| Feature | Collectors |\n| :--- | :--- |\n| Network | 1 collector |\n| Processes | 2 collectors |\n")
        .contains("| Processes | Remove `proc-a`, `proc-b` from `ENV_DEFAULT_ENABLED_INPUTS` | `hostPID: true` |")
        .doesNotContain("(`proc-a`)", "| `proc-a` |");
  }

  @Test
  void apiRule_beyondTheLimit_countsItsCollectorsByFeature() {
    String md = new StatementRenderer().render(new Resolver().resolve(THREE_PROCESS_COLLECTORS,
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementCollectorLimit(1).build()));

    assertThat(md).contains("| `get` | low: ").contains("*Network* (`net-c`): ")
        .contains("| Processes | Remove this feature's 2 collectors (listed in `privileges.json`) from"
            + " `ENV_DEFAULT_ENABLED_INPUTS` | `hostPID: true` |");
    assertThat(new StatementRenderer().render(new Resolver().resolve(bundle(
        collector("a").feature("F").api("", java.util.List.of("pods"), "get").build(),
        collector("b").feature("F").api("", java.util.List.of("pods"), "get").build()),
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementCollectorLimit(1).build())))
        .contains("| *F*: 2 collectors (each with its reason in `privileges.json`) |");
  }

  @Test
  void limitBelowOne_isAnErrorNamingTheParameter() {
    assertThatThrownBy(() -> statement(0)).isInstanceOf(EngineException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((EngineException) e).message(Option.Syntax.MAVEN))
            .startsWith("<statementCollectorLimit> '0' is not a positive number"));
  }
}
