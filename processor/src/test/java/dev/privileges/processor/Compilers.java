package dev.privileges.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.CollectorRegistry;
import dev.privileges.annotations.runtime.RegistryData;
import java.nio.charset.StandardCharsets;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;

/** The one compiler setup of the processor tests, and helpers for inline sources. */
final class Compilers {

  private Compilers() {}

  /** javac with a fresh processor (a processor instance serves one compilation), lint on. */
  static Compiler compiler(String... options) {
    String[] all = new String[options.length + 1];
    all[0] = "-Xlint:all";
    System.arraycopy(options, 0, all, 1, options.length);
    return javac().withProcessors(new CollectorProcessor()).withOptions((Object[]) all);
  }

  /** A source of class {@code test.<simpleName>} made of {@code lines}, after the imports. */
  static JavaFileObject source(String simpleName, String... lines) {
    String header = "package test;\n\nimport dev.privileges.annotations.*;\n\n";
    return JavaFileObjects.forSourceString("test." + simpleName, header + String.join("\n", lines) + "\n");
  }

  /**
   * The collectors of every registry class the compilation generated (the opt-in {@code
   * -Aprivileges.registryClass}), loaded the way an agent loads them: its class output copied to {@code classes}, then {@link ServiceLoader}.
   */
  static List<List<CollectorDescriptor>> loadRegistries(Compilation c, Path classes) throws IOException {
    for (JavaFileObject file : c.generatedFiles()) {
      String uri = file.toUri().getPath();
      int at = uri.indexOf("/CLASS_OUTPUT/");
      if (at < 0) {
        continue;
      }
      Path target = classes.resolve(uri.substring(at + "/CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return loadRegistries(classes);
  }

  /** The collectors of the registry resource the compilation wrote, decoded as an agent does. */
  static List<CollectorDescriptor> registryResource(Compilation c) throws IOException {
    try (InputStream in = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", RegistryData.RESOURCE)
        .orElseThrow(() -> new AssertionError("no " + RegistryData.RESOURCE)).openInputStream()) {
      return RegistryData.decode(new String[] {new String(in.readAllBytes(), StandardCharsets.UTF_8)});
    }
  }

  /** The collectors of the registry resource in the class folder {@code classes}. */
  static List<CollectorDescriptor> registryResource(Path classes) throws IOException {
    return RegistryData.decode(new String[] {
        Files.readString(classes.resolve(RegistryData.RESOURCE), StandardCharsets.UTF_8)});
  }

  /** The collectors of every registry in the class folder {@code classes}, through {@link ServiceLoader}. */
  static List<List<CollectorDescriptor>> loadRegistries(Path classes) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(
        new java.net.URL[] {classes.toUri().toURL()}, Compilers.class.getClassLoader())) {
      return ServiceLoader.load(CollectorRegistry.class, loader).stream()
          .map(p -> p.get().collectors())
          .toList();
    }
  }
}
