package dev.privileges.annotations.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Reads every registry source a class loader sees, in both forms the processor writes: the
 * {@link RegistryData#RESOURCE} text of each module, and generated {@link CollectorRegistry}
 * classes registered for {@link ServiceLoader}. It remembers where each collector came from, so
 * that a conflict names both places.
 */
final class RegistryLoader {

  private final ClassLoader loader;
  private final Map<String, RegisteredCollector> collectors = new TreeMap<>();
  private final Map<String, String> origins = new TreeMap<>();

  RegistryLoader(ClassLoader loader) {
    this.loader = loader;
  }

  Registry load() {
    Enumeration<URL> resources;
    try {
      resources = loader.getResources(RegistryData.RESOURCE);
    } catch (IOException e) {
      throw new RegistryException("cannot list the collector registries " + RegistryData.RESOURCE
          + " on the class path: " + e.getMessage(), e);
    }
    while (resources.hasMoreElements()) {
      URL url = resources.nextElement();
      String place = url.toString();
      add(place, decode(place, read(url)));
    }
    try {
      for (CollectorRegistry provider : ServiceLoader.load(CollectorRegistry.class, loader)) {
        String place = describe(provider.getClass());
        List<CollectorDescriptor> descriptors;
        try {
          descriptors = provider.collectors();
        } catch (RuntimeException | ExceptionInInitializerError e) {
          throw malformed(place, String.valueOf(e.getMessage()), e);
        }
        add(place, descriptors);
      }
    } catch (ServiceConfigurationError e) {
      throw new RegistryException("cannot load a generated collector registry listed in META-INF/services/"
          + CollectorRegistry.class.getName() + ": " + e.getMessage()
          + ". Rebuild that module, or remove the stale services entry.", e);
    }
    return Registry.of(collectors.values());
  }

  private void add(String place, List<CollectorDescriptor> descriptors) {
    for (CollectorDescriptor d : descriptors) {
      RegisteredCollector typed;
      try {
        typed = RegisteredCollector.of(d);
      } catch (IllegalArgumentException e) {
        throw malformed(place, e.getMessage(), e);
      }
      RegisteredCollector before = collectors.putIfAbsent(d.name(), typed);
      if (before == null) {
        origins.put(d.name(), place);
      } else if (!before.equals(typed)) {
        throw new RegistryException("collector '" + d.name() + "' is registered twice with different content: in "
            + origins.get(d.name()) + " and in " + place
            + ". Keep one of the two modules on the class path, or rename one of the collectors.");
      }
    }
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      // strict UTF-8: a damaged file must fail here, not decode into replacement characters
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in.readAllBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed(url.toString(), "not UTF-8", e);
    } catch (IOException e) {
      throw new RegistryException("cannot read the collector registry " + url + ": " + e.getMessage(), e);
    }
  }

  private static List<CollectorDescriptor> decode(String place, String text) {
    try {
      return RegistryData.decode(new String[] {text});
    } catch (IllegalArgumentException e) {
      throw malformed(place, e.getMessage(), e);
    }
  }

  private static RegistryException malformed(String place, String problem, Throwable cause) {
    return new RegistryException("malformed collector registry " + place + ": " + problem
        + ". Rebuild that module with the privileges processor of the same version as this agent.", cause);
  }

  /** The class and the jar or folder it was loaded from. */
  private static String describe(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return "class " + type.getName()
        + (source == null || source.getLocation() == null ? "" : " (" + source.getLocation() + ")");
  }
}
