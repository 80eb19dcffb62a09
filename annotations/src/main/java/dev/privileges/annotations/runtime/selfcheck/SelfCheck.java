package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.runtime.RegisteredCollector;
import dev.privileges.annotations.runtime.Registry;
import dev.privileges.annotations.runtime.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells an agent at start-up, per enabled collector, whether the running process has what the
 * collector declared, so that a trimmed DaemonSet shows up as one log line naming the missing
 * requirement and its reason instead of a later EPERM.
 *
 * <pre>{@code
 * Registry registry = Registry.load();
 * List<String> enabled = SelfCheck.enabledInputs(System.getenv("ENV_DEFAULT_ENABLED_INPUTS"));
 * SelfCheckReport report = SelfCheck.ofThisProcess().check(registry, enabled);
 * log.info(report.render());
 * }</pre>
 *
 * <p>Linux only: on another system every file it reads is absent, so every check that needs one
 * says {@link Status#UNKNOWN}. Run it before the agent opens its own listeners: a port the agent
 * already holds is reported as not bindable.
 */
public final class SelfCheck {

  private final Path root;
  private final PortProbe ports;

  private SelfCheck(Path root, PortProbe ports) {
    this.root = Objects.requireNonNull(root, "root");
    this.ports = Objects.requireNonNull(ports, "ports");
  }

  /** The check of this process: reads {@code /proc} and binds real sockets. */
  public static SelfCheck ofThisProcess() {
    return new SelfCheck(Path.of("/"), PortProbe.sockets());
  }

  /**
   * A check that reads {@code /proc/...} and the declared paths under {@code root} instead of
   * {@code /}, and asks {@code ports} about ports: for tests, or for an agent that sees the
   * container's files elsewhere.
   */
  public static SelfCheck under(Path root, PortProbe ports) {
    return new SelfCheck(root, ports);
  }

  /**
   * The enabled collector names in a comma-separated list such as the value of {@code
   * ENV_DEFAULT_ENABLED_INPUTS}: trimmed, empty entries dropped, each name once, sorted. {@code
   * null} (an unset variable) gives an empty list.
   */
  public static List<String> enabledInputs(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    TreeSet<String> names = new TreeSet<>();
    for (String name : commaSeparated.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return List.copyOf(names);
  }

  /**
   * The readiness of each enabled collector, sorted by name; a name the registry does not know is
   * {@link Readiness#NOT_REGISTERED}.
   */
  public SelfCheckReport check(Registry registry, Collection<String> enabled) {
    ProcessFacts facts = ProcessFacts.read(root);
    RequirementCheck checker = new RequirementCheck(root, facts, ports);
    List<CollectorCheck> results = new ArrayList<>();
    for (String name : new TreeSet<>(enabled)) {
      Optional<RegisteredCollector> collector = registry.collector(name);
      if (collector.isEmpty()) {
        results.add(new CollectorCheck(name, Readiness.NOT_REGISTERED, List.of()));
        continue;
      }
      List<Finding> findings = new ArrayList<>();
      for (Requirement r : collector.get().requirements()) {
        findings.add(checker.check(r));
      }
      results.add(CollectorCheck.of(name, findings));
    }
    return new SelfCheckReport(facts, results);
  }
}
