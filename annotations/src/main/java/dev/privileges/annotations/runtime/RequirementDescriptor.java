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

  /** The attribute {@code key}, or an empty string when absent. */
  public String attribute(String key) {
    return attributes.getOrDefault(key, "");
  }
}
