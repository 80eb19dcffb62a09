package dev.privileges.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
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
}
