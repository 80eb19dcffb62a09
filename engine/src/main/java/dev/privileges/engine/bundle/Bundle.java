package dev.privileges.engine.bundle;

import dev.privileges.metadata.CollectorMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every collector found in a module and its dependencies, by name, with where each came from.
 *
 * @param collectors metadata by collector name (sorted)
 * @param origins where each collector's metadata was read (jar and entry, or file)
 */
public record Bundle(Map<String, CollectorMetadata> collectors, Map<String, String> origins) {

  public Bundle {
    collectors = new TreeMap<>(collectors);
    origins = new TreeMap<>(origins);
  }

  public Optional<CollectorMetadata> collector(String name) {
    return Optional.ofNullable(collectors.get(name));
  }

  public List<String> names() {
    return List.copyOf(collectors.keySet());
  }
}
