package dev.privileges.metadata;

/**
 * Where metadata lives in a jar. One file per collector, named after the collector, below a
 * namespaced folder: fat jars and shading keep every collector's file, and two jars that hold the
 * same collector name are caught by name when the plugin reads them.
 */
public final class MetadataLocations {

  /** The folder inside a jar or classes directory. */
  public static final String DIRECTORY = "META-INF/dev.privileges/collectors/";

  /** The file suffix. */
  public static final String SUFFIX = ".json";

  private MetadataLocations() {}

  /** The resource path of the metadata of collector {@code name}. */
  public static String resourceFor(String name) {
    return DIRECTORY + name + SUFFIX;
  }

  /** Whether a jar entry or relative path is a collector metadata file. */
  public static boolean isMetadataEntry(String entryName) {
    return entryName.startsWith(DIRECTORY)
        && entryName.endsWith(SUFFIX)
        && entryName.indexOf('/', DIRECTORY.length()) < 0;
  }
}
