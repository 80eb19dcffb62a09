package dev.privileges.annotations.runtime;

import java.util.List;

/**
 * The collectors of one module and what each needs, as a class the privileges processor
 * generates when asked to and registers for {@link java.util.ServiceLoader}. Agents do not use it
 * directly: {@link Registry#load()} reads these classes together with the {@link
 * RegistryData#RESOURCE} files of the other modules into one typed registry.
 */
public interface CollectorRegistry {

  /** The collectors of the module, sorted by name; never {@code null}. */
  List<CollectorDescriptor> collectors();
}
