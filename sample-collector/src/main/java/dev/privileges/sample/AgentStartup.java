package dev.privileges.sample;

import dev.privileges.annotations.runtime.Registry;
import dev.privileges.annotations.runtime.RegistryException;
import dev.privileges.annotations.runtime.selfcheck.SelfCheck;
import dev.privileges.annotations.runtime.selfcheck.SelfCheckReport;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an agent built on this bundle starts: it loads the registry of every collector on its
 * class path, checks that the pod it runs in grants what its enabled collectors declared, and
 * logs the report before any collector runs, so that a trimmed DaemonSet shows up at start as
 * "collector X lacks Y, which it needs for Z" instead of as a later EPERM.
 *
 * <p>The enabled collectors come from the environment variable the DaemonSet sets (DataKit:
 * {@code ENV_DEFAULT_ENABLED_INPUTS}, a comma-separated list); {@code
 * -Dsample.enabledInputsEnv=NAME} reads another one, as the plugin's {@code enabledInputsEnv}
 * parameter allows.
 */
public final class AgentStartup {

  /** The environment variable that lists the enabled collectors, unless configured otherwise. */
  public static final String DEFAULT_ENABLED_INPUTS_ENV = "ENV_DEFAULT_ENABLED_INPUTS";

  private AgentStartup() {}

  /** Runs the start-up check of this process and logs it to the {@code sample-agent} logger. */
  public static void main(String[] args) {
    String variable = System.getProperty("sample.enabledInputsEnv", DEFAULT_ENABLED_INPUTS_ENV);
    start(System.getenv(), variable, AgentStartup.class.getClassLoader(), SelfCheck.ofThisProcess(),
        System.getLogger("sample-agent"));
  }

  /**
   * The start-up check: loads the registry through {@code loader}, checks the collectors listed in
   * {@code env}'s {@code variable} with {@code check}, and logs the report to {@code log} (INFO
   * when every collector is ready, WARNING otherwise). A registry that cannot be loaded is logged
   * as an ERROR naming its source; the agent starts anyway, as it would without the check.
   *
   * @return the report, or empty when the registry could not be loaded
   */
  public static Optional<SelfCheckReport> start(
      Map<String, String> env, String variable, ClassLoader loader, SelfCheck check, System.Logger log) {
    Registry registry;
    try {
      registry = Registry.load(loader);
    } catch (RegistryException e) {
      log.log(Level.ERROR, "privileges self-check skipped: " + e.getMessage());
      return Optional.empty();
    }
    List<String> enabled = SelfCheck.enabledInputs(env.get(variable));
    if (enabled.isEmpty()) {
      log.log(Level.WARNING, "privileges self-check: " + variable + " lists no collector, so none is checked");
    }
    SelfCheckReport report = check.check(registry, enabled);
    log.log(report.allReady() ? Level.INFO : Level.WARNING, report.render());
    return Optional.of(report);
  }
}
