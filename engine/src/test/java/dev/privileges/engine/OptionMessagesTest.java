package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.bundle.WaiverApplier;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.policy.PolicyCheck;
import dev.privileges.engine.statement.StatementRenderer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


/**
 * The engine's messages name options only through the {@link Option} catalogue: for every option
 * whose value the engine checks, its message in each front end's syntax names the option that way
 * and no option in another syntax.
 */
class OptionMessagesTest {

  private static final Bundle BUNDLE = bundle(collector("procs").privilege(Privilege.HOST_PID).build());

  private static void resolve(GenerationOptions.Builder options) {
    new Resolver().resolve(BUNDLE, options.build());
  }

  /** One mistake per option the engine checks. */
  private static Map<Option, Runnable> mistakes() {
    Map<Option, Runnable> m = new LinkedHashMap<>();
    m.put(Option.NAME, () -> resolve(GenerationOptions.builder().name("Foo_Bar")));
    m.put(Option.NAMESPACE, () -> resolve(GenerationOptions.builder().namespace("Foo_Bar")));
    m.put(Option.CONTAINER_NAME, () -> resolve(GenerationOptions.builder().containerName("Agent!")));
    m.put(Option.IMAGE, () -> resolve(GenerationOptions.builder().image("my image")));
    m.put(Option.LABELS, () -> resolve(GenerationOptions.builder().labels(Map.of("team", "a b"))));
    m.put(Option.NON_ROOT_UID, () -> resolve(GenerationOptions.builder().nonRootUid(0)));
    m.put(Option.ENABLED_INPUTS_ENV, () -> resolve(GenerationOptions.builder().enabledInputsEnv("1-x")));
    m.put(Option.PRODUCT_NAME, () -> resolve(GenerationOptions.builder().productName(" ")));
    m.put(Option.ENABLED_COLLECTORS, () -> resolve(GenerationOptions.builder().enabledCollectors(List.of("nope"))));
    m.put(Option.EXCLUDED_COLLECTORS, () -> resolve(GenerationOptions.builder().excludedCollectors(List.of("procs"))));
    m.put(Option.PORT_EXPOSURE, () -> OptionsValidator.portExposure("NODE_PORT"));
    m.put(Option.OLDEST_KERNEL, () -> OptionsValidator.oldestKernel("five"));
    m.put(Option.MAX_POD_SECURITY_LEVEL, () -> OptionsValidator.podSecurityLevel("strict"));
    m.put(Option.DAEMON_SET_FILE, () -> OptionsValidator.fileName(Option.DAEMON_SET_FILE, "../x.yaml"));
    m.put(Option.STATEMENT_FILE, () -> OptionsValidator.fileName(Option.STATEMENT_FILE, "a/b.md"));
    m.put(Option.REPORT_FILE, () -> OptionsValidator.fileName(Option.REPORT_FILE, ".."));
    m.put(Option.WAIVERS, () -> new WaiverApplier().apply(BUNDLE, List.of(new Waiver("procs", "HOST_PID", " "))));
    m.put(Option.BASE_TEMPLATE, () -> BaseTemplate.read(Path.of("no-such-base.yaml"), "no-such-base.yaml"));
    m.put(Option.STATEMENT_TEMPLATE, () -> new StatementRenderer().render(new Resolver().resolve(BUNDLE,
        GenerationOptions.builder().statementTemplate("no-such-template.mustache").build())));
    m.put(Option.FORBIDDEN_PRIVILEGES, () -> PolicyCheck.parseForbidden(List.of("SYS_ADMIN")));
    m.put(Option.STATEMENT_COLLECTOR_LIMIT, () -> OptionsValidator.validate(
        GenerationOptions.builder().statementCollectorLimit(0).build()));
    m.put(Option.STATEMENT_ITEM_LIMIT, () -> OptionsValidator.validate(
        GenerationOptions.builder().statementItemLimit(0).build()));
    m.put(Option.CHART_VERSION, () -> OptionsValidator.validate(
        GenerationOptions.builder().helmChart(true).chartVersion("1.4").build()));
    m.put(Option.HELM_CHART, () -> OptionsValidator.validate(
        GenerationOptions.builder().helmChart(true).build()));
    return m;
  }

  /**
   * Options the engine takes as they are (nothing to get wrong), or only names in the fix of
   * another mistake ({@code privilegedInsteadOfCapabilities}, {@code outputDirectory}).
   */
  private static final Set<Option> UNCHECKED = EnumSet.of(Option.SKIP, Option.NAMESPACE_OBJECT,
      Option.STATEMENT_INTRO, Option.STATEMENT_CLOSING, Option.OUTPUT_DIRECTORY, Option.MKDOCS_DIRECTORY,
      Option.LOCK_FILE, Option.UPDATE_LOCK, Option.PRIVILEGED_INSTEAD_OF_CAPABILITIES);

  @Test
  void everyOption_isEitherCheckedHereOrTakenAsItIs() {
    Set<Option> covered = EnumSet.copyOf(mistakes().keySet());
    covered.addAll(UNCHECKED);
    assertThat(covered).containsExactlyInAnyOrder(Option.values());
  }

  @Test
  void eachMistake_namesItsOptionInEachSyntax_andNoPomElementElsewhere() {
    mistakes().forEach((option, mistake) -> {
      EngineException e = catchThrowableOfType(EngineException.class, mistake::run);
      assertThat(e).as("%s: no EngineException", option).isNotNull();
      assertThat(e.message(Option.Syntax.MAVEN)).as(option.key()).contains(option.in(Option.Syntax.MAVEN));
      assertThat(e.message(Option.Syntax.CLI)).as(option.key()).contains(option.in(Option.Syntax.CLI));
      assertThat(e.getMessage()).as(option.key()).contains(option.key()).doesNotContain("{{");
      for (Option any : Option.values()) {
        assertThat(e.message(Option.Syntax.CLI)).as(option.key()).doesNotContain(any.in(Option.Syntax.MAVEN));
        assertThat(e.getMessage()).as(option.key()).doesNotContain(any.in(Option.Syntax.MAVEN));
      }
    });
  }

  @Test
  void syntaxes_renderTheCatalogueNames() {
    assertThat(Option.PORT_EXPOSURE.in(Option.Syntax.MAVEN)).isEqualTo("<portExposure>");
    assertThat(Option.PORT_EXPOSURE.in(Option.Syntax.CLI)).isEqualTo("--port-exposure");
    assertThat(Option.PRIVILEGED_INSTEAD_OF_CAPABILITIES.in(Option.Syntax.CLI)).isEqualTo("--privileged-instead-of-capabilities");
    assertThat(Option.Syntax.CLI.render("set " + Option.OLDEST_KERNEL + " to 5.8; {{unknown}} stays"))
        .isEqualTo("set --oldest-kernel to 5.8; {{unknown}} stays");
  }
}
