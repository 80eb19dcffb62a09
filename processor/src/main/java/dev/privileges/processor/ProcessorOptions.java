package dev.privileges.processor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processor options ({@code -A<key>=<value>}), all namespaced {@code privileges.*} so they
 * cannot clash with another processor's.
 */
final class ProcessorOptions {

  /** Folder of hand-written metadata files ({@code *.json}) to validate and merge. */
  static final String HAND_WRITTEN_DIR = "privileges.handWrittenDir";

  /** Fully qualified name of the generated registry class; default: derived from the collectors. */
  static final String REGISTRY_CLASS = "privileges.registryClass";

  /** {@code false} turns the generated registry off. */
  static final String REGISTRY = "privileges.registry";

  static final Set<String> ALL = Set.of(HAND_WRITTEN_DIR, REGISTRY_CLASS, REGISTRY);

  private final Map<String, String> options;

  ProcessorOptions(Map<String, String> options) {
    this.options = options;
  }

  Optional<String> handWrittenDir() {
    return value(HAND_WRITTEN_DIR);
  }

  Optional<String> registryClass() {
    return value(REGISTRY_CLASS);
  }

  boolean registryEnabled() {
    return !value(REGISTRY).map("false"::equalsIgnoreCase).orElse(false);
  }

  private Optional<String> value(String key) {
    String v = options.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
