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

/**
 * Beyond the collector limit, a privilege counts its collectors by feature; beyond the item limit,
 * the bundle-wide lists group their entries; both point to privileges.json for the full lists.
 */
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
        .contains("| Processes | Remove `proc-a`, `proc-b` from `ENV_DEFAULT_ENABLED_INPUTS` | `hostPID: true` |")
        .doesNotContain("(`proc-a`)")
        // the bundle-wide collector list follows the item limit, not this one
        .contains("Enabled collectors: `net-c`, `proc-a`, `proc-b`.", "| `proc-a` | Processes |");
  }

  @Test
  void beyondTheItemLimit_theCollectorsAreCountedByFeature() {
    String md = new StatementRenderer().render(new Resolver().resolve(THREE_PROCESS_COLLECTORS,
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementItemLimit(2).build()));

    assertThat(md).contains("Enabled collectors: 3 collectors in 2 features (every name is in `privileges.json`).")
        .contains("| Feature | Collectors |\n| :--- | :--- |\n| Network | 1 collector |\n| Processes | 2 collectors |\n")
        .doesNotContain("| `proc-a` |");
  }

  /** Four application log folders share one risk; the runtime socket carries a high one. */
  private static final Bundle FIVE_HOST_PATHS = bundle(
      collector("app-a").feature("Logs").hostPath("/var/log/app-a", "/host/app-a", true).build(),
      collector("app-b").feature("Logs").hostPath("/var/log/app-b", "/host/app-b", true).build(),
      collector("app-c").feature("Tracing").hostPath("/var/log/app-c", "/host/app-c", true).build(),
      collector("app-d").feature("Tracing").hostPath("/var/log/app-d", "/host/app-d", true).build(),
      collector("runtime").feature("Containers").hostPath("/run/containerd/containerd.sock",
          "/run/containerd/containerd.sock", true).build());

  private static String fiveHostPaths(int itemLimit) {
    return new StatementRenderer().render(new Resolver().resolve(FIVE_HOST_PATHS,
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementItemLimit(itemLimit).build()));
  }

  @Test
  void beyondTheItemLimit_itemsThatShareTheirRiskAreOneEntryNamingEach_andHighRisksKeepTheirOwn() {
    String md = fiveHostPaths(4);

    assertThat(md).contains("#### `hostPath: /run/containerd/containerd.sock` {#host-path-run-containerd-containerd-sock}")
        .contains("#### 4 host paths with a ")
        .contains("each one's purpose and collectors are in `privileges.json`: `/var/log/app-a`, `/var/log/app-b`,"
            + " `/var/log/app-c`, `/var/log/app-d`.")
        .doesNotContain("#### `hostPath: /var/log/app-a`");
    String anchor = md.substring(md.indexOf("#### 4 host paths with a "));
    anchor = anchor.substring(anchor.indexOf("{#") + 2, anchor.indexOf('}'));
    assertThat(md)
        // the matrix counts what each feature needs of the group
        .contains("| Logs | - | - | [2 host paths](#" + anchor + ") |")
        // Pod Security: one row for the group
        .contains("| hostPathVolumes | [4 host paths](#" + anchor + ") | Logs, Tracing |")
        // the trim table counts what goes
        .contains("| Logs | Remove the 2 grouped host paths that only this feature needs (each one's features are"
            + " in `privileges.json`)<br>Remove `app-a`, `app-b` from `ENV_DEFAULT_ENABLED_INPUTS` | - |");
  }

  @Test
  void withinTheItemLimit_everyItemHasItsOwnEntry() {
    String md = fiveHostPaths(5);

    assertThat(md).contains("#### `hostPath: /var/log/app-a` {#host-path-var-log-app-a}").doesNotContain("grouped");
  }

  @Test
  void itemLimitBelowOne_isAnErrorNamingTheParameter() {
    assertThatThrownBy(() -> new Resolver().resolve(THREE_PROCESS_COLLECTORS,
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementItemLimit(0).build())).isInstanceOf(EngineException.class)
        .satisfies(e -> assertThat(((EngineException) e).message(Option.Syntax.CLI))
            .startsWith("--statement-item-limit '0' is not a positive number"));
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
