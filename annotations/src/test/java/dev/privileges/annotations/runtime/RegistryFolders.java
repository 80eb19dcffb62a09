package dev.privileges.annotations.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Class path folders holding registry resources and service entries, as a module's jar would. */
final class RegistryFolders {

  private RegistryFolders() {}

  /** A folder under {@code parent} whose registry resource holds {@code text}. */
  static Path withRegistry(Path parent, String folder, String text) {
    Path root = parent.resolve(folder);
    write(root.resolve(RegistryData.RESOURCE), text);
    return root;
  }

  /** A folder under {@code parent} that registers {@code provider} for ServiceLoader. */
  static Path withProvider(Path parent, String folder, Class<? extends CollectorRegistry> provider) {
    Path root = parent.resolve(folder);
    write(root.resolve("META-INF/services/" + CollectorRegistry.class.getName()), provider.getName() + "\n");
    return root;
  }

  /** A class loader over the folders, whose parent loads the test classes (and providers). */
  static URLClassLoader loader(Path... folders) {
    URL[] urls = new URL[folders.length];
    for (int i = 0; i < folders.length; i++) {
      try {
        urls[i] = folders[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return new URLClassLoader(urls, RegistryFolders.class.getClassLoader());
  }

  /** The URL under which the class loader sees the registry resource of {@code folder}. */
  static String resourceUrl(Path folder) {
    try {
      return folder.resolve(RegistryData.RESOURCE).toUri().toURL().toString();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
