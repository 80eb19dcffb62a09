package dev.privileges.annotations.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One requirement of a collector, kept generic so that the runtime API stays small and stable.
 *
 * <p>{@code kind} is the name of the array in the metadata file ({@code privileges}, {@code
 * capabilities}, {@code hostPaths}, {@code ports}, {@code writablePaths}, {@code kubernetesApi},
 * {@code confinement}); {@code attributes} are the other fields of the entry as strings (lists
 * joined with {@code ,}), sorted by key, e.g. {@code {mountPath=/rootfs/proc, path=/proc,
 * readOnly=true, ...}}. See {@code docs/metadata-format.md} for every field.
 *
 * @param kind the kind of requirement
 * @param attributes its fields, sorted by key; unmodifiable
 * @param reason why the collector needs it
 * @param declaredBy the class (or {@code file:<path>}) whose declaration this is
 */
public record RequirementDescriptor(
    String kind, Map<String, String> attributes, String reason, String declaredBy) {

  /** Checks for {@code null} and copies the attributes into a sorted, unmodifiable map. */
  public RequirementDescriptor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /**
   * A requirement from alternating attribute keys and values, e.g. for a hand-made registry or a
   * test.
   *
   * @throws IllegalArgumentException if {@code keysAndValues} has an odd length
   */
  public static RequirementDescriptor of(
      String kind, String reason, String declaredBy, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keysAndValues needs pairs, got " + keysAndValues.length);
    }
    Map<String, String> attributes = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attributes.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new RequirementDescriptor(kind, attributes, reason, declaredBy);
  }

  /** The attribute {@code key}, or an empty string when absent. */
  public String attribute(String key) {
    return attributes.getOrDefault(key, "");
  }
}
