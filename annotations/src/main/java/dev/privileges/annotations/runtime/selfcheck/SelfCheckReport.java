package dev.privileges.annotations.runtime.selfcheck;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a self-check.
 *
 * @param process what the process saw about itself
 * @param collectors one check per enabled collector, sorted by name
 */
public record SelfCheckReport(ProcessFacts process, List<CollectorCheck> collectors) {

  /** Checks for {@code null} and copies the list. */
  public SelfCheckReport {
    Objects.requireNonNull(process, "process");
    collectors = List.copyOf(collectors);
  }

  /** Whether every enabled collector is {@link Readiness#READY}. */
  public boolean allReady() {
    return collectors.stream().allMatch(c -> c.readiness() == Readiness.READY);
  }

  /** The check of the enabled collector {@code name}, or empty. */
  public Optional<CollectorCheck> collector(String name) {
    return collectors.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The plain-text report for a log; see {@link SelfCheckText}. */
  public String render() {
    return SelfCheckText.render(this);
  }
}
