package dev.privileges.annotations.runtime;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The typed registry of every collector an agent can see: collectors by name, each requirement a
 * typed value, and the questions an agent asks ("which collectors need hostPID?"). Load it with
 * {@link #load()}; build one by hand (e.g. in a test) with {@link #of}.
 *
 * <pre>{@code
 * Registry registry = Registry.load();
 * List<RegisteredCollector> tracing = registry.needing(LinuxCapability.BPF);
 * }</pre>
 */
public final class Registry {

  private final Map<String, RegisteredCollector> byName;

  private Registry(Map<String, RegisteredCollector> byName) {
    this.byName = byName;
  }

  /**
   * The registry of every module the context class loader sees (see {@link #load(ClassLoader)}).
   *
   * @throws RegistryException naming the source when a registry is malformed or two disagree
   */
  public static Registry load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : Registry.class.getClassLoader());
  }

  /**
   * The registry of every module {@code loader} sees: each {@link RegistryData#RESOURCE} and each
   * {@link java.util.ServiceLoader} provider of {@link CollectorRegistry}. A collector found in
   * several places with the same content counts once.
   *
   * @throws RegistryException naming the source when a registry is malformed, and both sources
   *     when one collector name has two different contents
   */
  public static Registry load(ClassLoader loader) {
    return new RegistryLoader(loader).load();
  }

  /**
   * A registry of exactly these collectors.
   *
   * @throws IllegalArgumentException if two of them have the same name and different content
   */
  public static Registry of(Collection<RegisteredCollector> collectors) {
    Map<String, RegisteredCollector> byName = new TreeMap<>();
    for (RegisteredCollector c : collectors) {
      RegisteredCollector before = byName.putIfAbsent(c.name(), c);
      if (before != null && !before.equals(c)) {
        throw new IllegalArgumentException("collector '" + c.name() + "' is given twice with different content");
      }
    }
    return new Registry(byName);
  }

  /** Every collector, sorted by name. */
  public List<RegisteredCollector> collectors() {
    return List.copyOf(byName.values());
  }

  /** Every collector name, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The collector called {@code name}, or empty. */
  public Optional<RegisteredCollector> collector(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The collectors that declare {@code privilege}, sorted by name. */
  public List<RegisteredCollector> needing(Privilege privilege) {
    return select(c -> c.needs(privilege));
  }

  /** The collectors that declare {@code capability} (on any kernel), sorted by name. */
  public List<RegisteredCollector> needing(LinuxCapability capability) {
    return select(c -> c.needs(capability));
  }

  /** The collectors that declare the relaxed {@code confinement}, sorted by name. */
  public List<RegisteredCollector> needing(Confinement confinement) {
    return select(c -> c.needs(confinement));
  }

  /** The collectors that mount the node path {@code path}, sorted by name. */
  public List<RegisteredCollector> needingHostPath(String path) {
    return select(c -> c.needsHostPath(path));
  }

  /** The collectors that call the Kubernetes API, sorted by name. */
  public List<RegisteredCollector> needingApiAccess() {
    return select(RegisteredCollector::needsApiAccess);
  }

  /**
   * Every requirement of one kind over all collectors, identical declarations once, sorted, e.g.
   * {@code requirements(PortRequirement.class)}.
   */
  public <T extends Requirement> List<T> requirements(Class<T> kind) {
    List<T> all = new ArrayList<>();
    byName.values().forEach(c -> all.addAll(c.requirements(kind)));
    return all.stream().distinct().sorted(RequirementOrder.ORDER).toList();
  }

  private List<RegisteredCollector> select(Predicate<RegisteredCollector> test) {
    return byName.values().stream().filter(test).toList();
  }

  @Override
  public String toString() {
    return "Registry" + names();
  }
}
