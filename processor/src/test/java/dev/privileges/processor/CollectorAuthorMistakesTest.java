package dev.privileges.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.privileges.processor.Compilers.compiler;
import static dev.privileges.processor.Compilers.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.RegistryData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collector-author mistakes the processor once accepted or handled badly (issue 16, item 3):
 * each must fail on the annotation, or, for the registry, work without a warning.
 */
class CollectorAuthorMistakesTest {

  private static final String COLLECTOR = "@Collector(name = \"cpu\", feature = \"Host Basic Metrics\")";

  private static JavaFileObject cpu(String... annotations) {
    String[] lines = new String[annotations.length + 2];
    lines[0] = COLLECTOR;
    System.arraycopy(annotations, 0, lines, 1, annotations.length);
    lines[lines.length - 1] = "public class Cpu {}";
    return source("Cpu", lines);
  }

  private static void assertError(JavaFileObject file, String code, String messagePart, String line) {
    Compilation c = compiler().compile(file);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + code + "]").inFile(file).onLineContaining(line);
    assertThat(c).hadErrorContaining(messagePart).inFile(file).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
  }

  // (2) a registry in the unnamed package or across unrelated packages, without a warning

  @Test
  void collectorsInTheUnnamedPackage_getARegistryWithoutWarning() throws IOException {
    Compilation c = compiler().compile(JavaFileObjects.forSourceString("Top",
        "import dev.privileges.annotations.*;\n"
            + "@Collector(name = \"top\", feature = \"Host\")\n"
            + "@RequiresNoPrivileges(reason = \"Reads its own counters.\")\n"
            + "public class Top {}\n"));
    assertThat(c).succeededWithoutWarnings();
    assertEquals(List.of("top"), Compilers.registryResource(c).stream().map(CollectorDescriptor::name).toList());
  }

  @Test
  void collectorsInUnrelatedPackages_getOneRegistryWithoutWarning() throws IOException {
    Compilation c = compiler().compile(
        JavaFileObjects.forSourceString("com.a.A", "package com.a;\nimport dev.privileges.annotations.*;\n"
            + "@Collector(name = \"a\", feature = \"Host\")\n"
            + "@RequiresNoPrivileges(reason = \"Reads its own counters.\")\npublic class A {}\n"),
        JavaFileObjects.forSourceString("org.b.B", "package org.b;\nimport dev.privileges.annotations.*;\n"
            + "@Collector(name = \"b\", feature = \"Host\")\n"
            + "@RequiresNoPrivileges(reason = \"Reads its own counters.\")\npublic class B {}\n"));
    assertThat(c).succeededWithoutWarnings();
    assertEquals(List.of("a", "b"), Compilers.registryResource(c).stream().map(CollectorDescriptor::name).toList());
  }

  @Test
  void noCollectors_writeNoRegistry() {
    Compilation c = compiler().compile(source("Plain", "public class Plain {}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "", RegistryData.RESOURCE)).isEmpty();
  }

  // (3) accepted but must fail

  @Test
  void writablePathInsideReadOnlyHostMount_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/var/log\", reason = \"Tails logs.\")",
            "@RequiresWritablePath(path = \"/var/log/agent\", reason = \"Keeps offsets.\")"),
        "WritablePathInReadOnlyMount",
        "writable path '/var/log/agent' lies inside the read-only mount of host path '/var/log'",
        "@RequiresWritablePath");
  }

  @Test
  void writablePathAtAReadOnlyHostMountsPath_isRejected() {
    assertError(cpu("@RequiresHostPath(path = \"/var/log\", reason = \"Tails logs.\")",
            "@RequiresWritablePath(path = \"/var/log\", reason = \"Writes logs.\")"),
        "WritablePathIsHostMount",
        "writable path '/var/log' is also the mount path of host path '/var/log'",
        "@RequiresWritablePath");
  }

  @Test
  void writablePathBothScratchAndKept_isRejected() {
    assertError(cpu("@RequiresWritablePath(path = \"/data\", reason = \"Buffers.\")",
            "@RequiresWritablePath(path = \"/data\", keepAcrossRestarts = true,"
                + " hostPath = \"/var/lib/agent\", reason = \"Keeps offsets.\")"),
        "ContradictoryWritablePath",
        "writable path '/data' is declared twice, as scratch and kept in '/var/lib/agent'",
        "keepAcrossRestarts = true");
  }

  @Test
  void writablePathInsideReadWriteHostMount_isAccepted() {
    Compilation c = compiler().compile(cpu(
        "@RequiresHostPath(path = \"/var/log\", readOnly = false, reason = \"Rotates logs.\")",
        "@RequiresWritablePath(path = \"/var/log/agent\", reason = \"Keeps offsets.\")"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void innerClassCollector_isRejected() {
    JavaFileObject file = source("Outer",
        "public class Outer {",
        "  @Collector(name = \"inner\", feature = \"Host\")",
        "  @RequiresNoPrivileges(reason = \"Reads its own counters.\")",
        "  public class Inner {}",
        "}");
    assertError(file, "CollectorNotConcrete", "@Collector on test.Outer.Inner, which is an inner"
        + " class (it needs an instance of test.Outer to exist): declare it static", "@Collector");
  }

  @Test
  void publicCollectorNestedInPackagePrivateClass_isRejected() {
    JavaFileObject file = source("Hidden",
        "class Hidden {",
        "  @Collector(name = \"nested\", feature = \"Host\")",
        "  @RequiresNoPrivileges(reason = \"Reads its own counters.\")",
        "  public static class Nested {}",
        "}");
    assertError(file, "CollectorNotConcrete", "@Collector on test.Hidden.Nested, which is nested in"
        + " test.Hidden, which is not public, so the agent cannot reach it: make Hidden public",
        "@Collector");
  }

  @Test
  void staticNestedCollectorInPublicClass_isAccepted() throws IOException {
    Compilation c = compiler().compile(source("Outer",
        "public class Outer {",
        "  @Collector(name = \"nested\", feature = \"Host\")",
        "  @RequiresNoPrivileges(reason = \"Reads its own counters.\")",
        "  public static class Nested {}",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    assertEquals("test.Outer$Nested", Compilers.registryResource(c).get(0).source());
  }

  /**
   * javac shows processors no local class, nor calls a processor for a round whose only
   * annotations sit on one; with any other annotation of ours in the module the processor runs
   * and finds it in the source tree. (Alone, it is left to the plugin: a class file that carries
   * {@code @Collector} without metadata.)
   */
  @Test
  void localClassCollector_isRejectedOnTheAnnotation() {
    JavaFileObject file = source("Factory",
        "public class Factory {",
        "  public Object create() {",
        "    @Collector(name = \"local\", feature = \"Host\")",
        "    @RequiresNoPrivileges(reason = \"Reads its own counters.\")",
        "    class Local {}",
        "    return new Local();",
        "  }",
        "}");
    Compilation c = compiler().compile(file, cpu("@RequiresNoPrivileges(reason = \"Reads cgroups.\")"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[CollectorNotConcrete] @Collector on the local class Local,"
        + " which the agent cannot instantiate").inFile(file).onLineContaining("@Collector(name = \"local\"");
    assertThat(c).hadErrorCount(1);
  }

  /**
   * The unit is found however it names {@code @Collector}: a single-type import, the package
   * import, or the fully qualified name without an import (the names are matched on the trees).
   */
  @Test
  void localClassCollector_isFoundWithASingleImportAndWithTheFullName() {
    JavaFileObject imported = JavaFileObjects.forSourceString("test.Imported", "package test;\n"
        + "import dev.privileges.annotations.Collector;\n"
        + "import dev.privileges.annotations.RequiresNoPrivileges;\n"
        + "public class Imported {\n"
        + "  Object create() {\n"
        + "    @Collector(name = \"imported\", feature = \"Host\") @RequiresNoPrivileges(reason = \"Reads.\")\n"
        + "    class One {}\n"
        + "    return new One();\n"
        + "  }\n"
        + "}\n");
    JavaFileObject qualified = JavaFileObjects.forSourceString("test.Qualified", "package test;\n"
        + "public class Qualified {\n"
        + "  Object create() {\n"
        + "    @dev.privileges.annotations.Collector(name = \"qualified\", feature = \"Host\")\n"
        + "    @dev.privileges.annotations.RequiresNoPrivileges(reason = \"Reads.\")\n"
        + "    class Two {}\n"
        + "    return new Two();\n"
        + "  }\n"
        + "}\n");
    Compilation c = compiler().compile(imported, qualified, cpu("@RequiresNoPrivileges(reason = \"Reads cgroups.\")"));
    assertThat(c).hadErrorContaining("@Collector on the local class One").inFile(imported)
        .onLineContaining("name = \"imported\"");
    assertThat(c).hadErrorContaining("@Collector on the local class Two").inFile(qualified)
        .onLineContaining("name = \"qualified\"");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void localClassCollectorInsideACollector_isRejected() {
    JavaFileObject file = source("Outer",
        "@Collector(name = \"outer\", feature = \"Host\")",
        "@RequiresNoPrivileges(reason = \"Reads its own counters.\")",
        "public class Outer {",
        "  static { @Collector(name = \"inner\", feature = \"Host\") class Hidden {} }",
        "}");
    Compilation c = compiler().compile(file);
    assertThat(c).hadErrorContaining("@Collector on the local class Hidden").inFile(file)
        .onLineContaining("class Hidden");
    assertThat(c).hadErrorCount(1);
  }

  // (4) U+2028, U+2029 and lone surrogates

  @Test
  void lineAndParagraphSeparators_surviveTheRegistryClass(@TempDir Path classes) throws IOException {
    String reason = "Reads\u2028two lines\u2029and a paragraph.";
    Compilation c = compiler("-Aprivileges.registryClass=test.Registry").compile(
        source("Cpu", COLLECTOR.replace(")", ", description = \"a\\u2028b\")"),
            "@RequiresHostPath(path = \"/proc\", reason = \"Reads\\u2028two lines\\u2029and a paragraph.\")",
            "public class Cpu {}"));
    assertThat(c).succeededWithoutWarnings();
    List<CollectorDescriptor> fromClass = Compilers.loadRegistries(c, classes).get(0);
    assertEquals(reason, fromClass.get(0).requirements().get(0).reason());
    assertEquals("a\u2028b", fromClass.get(0).description());
    assertEquals(Compilers.registryResource(c), fromClass);
  }

  @Test
  void loneSurrogateInAReason_isRejectedOnTheAnnotation() {
    assertError(cpu("@RequiresHostPath(path = \"/proc\", reason = \"Reads \\uD800 counters.\")"),
        "LoneSurrogate", "the text at hostPaths[0].reason holds a lone surrogate (\\uD800 at index 6)",
        "@RequiresHostPath");
  }

  @Test
  void loneSurrogateInTheDescription_isRejectedOnTheCollector() {
    assertError(source("Cpu",
            "@Collector(name = \"cpu\", feature = \"Host\", description = \"x\\uDC00\")",
            "@RequiresNoPrivileges(reason = \"Reads its own counters.\")",
            "public class Cpu {}"),
        "LoneSurrogate", "the text at description holds a lone surrogate", "@Collector");
  }

  @Test
  void surrogatePairs_areAccepted() throws IOException {
    Compilation c = compiler().compile(
        cpu("@RequiresHostPath(path = \"/proc\", reason = \"Reads \\uD83D\\uDE00 counters.\")"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(Compilers.registryResource(c).get(0).requirements().get(0).reason())
        .isEqualTo("Reads \uD83D\uDE00 counters.");
  }

  // (7) the processor claims only its own annotations

  @Test
  void generatedAnnotation_isLeftToOtherProcessors() {
    assertThat(new CollectorProcessor().getSupportedAnnotationTypes())
        .doesNotContain("javax.annotation.processing.Generated");
    assertThat(new CollectorProcessor().getSupportedAnnotationTypes())
        .containsExactlyElementsIn(List.copyOf(new java.util.TreeSet<>(
            new CollectorProcessor().getSupportedAnnotationTypes())));
    for (String type : new CollectorProcessor().getSupportedAnnotationTypes()) {
      assertThat(type).startsWith("dev.privileges.annotations.");
    }
  }
}
