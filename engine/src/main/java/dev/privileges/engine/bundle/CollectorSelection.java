package dev.privileges.engine.bundle;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Option;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;


/** Which collectors of a bundle are enabled: the requested ones (default all), less the excluded. */
public final class CollectorSelection {

  private final Bundle bundle;

  public CollectorSelection(Bundle bundle) {
    this.bundle = bundle;
  }

  public List<CollectorMetadata> select(GenerationOptions options) {
    if (bundle.collectors().isEmpty()) {
      throw new EngineException("no collector metadata was found in the module or its runtime"
          + " dependencies: add privileges-processor to the compiler's annotationProcessorPaths"
          + " and annotate collector classes with @Collector");
    }
    check(Option.ENABLED_COLLECTORS, options.enabledCollectors());
    check(Option.EXCLUDED_COLLECTORS, options.excludedCollectors());
    TreeSet<String> names = new TreeSet<>(
        options.enabledCollectors().isEmpty() ? bundle.names() : options.enabledCollectors());
    names.removeAll(options.excludedCollectors());
    if (names.isEmpty()) {
      throw new EngineException("no collector is enabled: " + Option.EXCLUDED_COLLECTORS + " removes every"
          + " collector of " + Option.ENABLED_COLLECTORS + "; enable at least one of " + bundle.names());
    }
    List<CollectorMetadata> out = new ArrayList<>();
    for (String name : names) {
      out.add(bundle.collectors().get(name));
    }
    return List.copyOf(out);
  }

  private void check(Option option, List<String> requested) {
    for (String name : requested) {
      if (!bundle.collectors().containsKey(name)) {
        throw new EngineException(option + " names '" + name + "', which is not a"
            + " collector of this bundle: use one of " + bundle.names());
      }
    }
  }
}
