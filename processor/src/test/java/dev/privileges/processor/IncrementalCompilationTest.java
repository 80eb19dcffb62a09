package dev.privileges.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial compilations into one output folder, as IDEs do (and Maven with
 * useIncrementalCompilation=false): only the changed sources are compiled, the rest is on the
 * class path. The processor's index keeps untouched collectors and drops deleted ones.
 */
class IncrementalCompilationTest {

  @TempDir Path dir;

  private Path write(String name, String... annotations) throws IOException {
    Path file = dir.resolve("src/it/" + name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package it;\nimport dev.privileges.annotations.*;\n"
        + String.join("\n", annotations) + "\npublic class " + name + " {}\n", StandardCharsets.UTF_8);
    return file;
  }

  private void compile(Path... sources) throws IOException {
    String log = run(sources);
    assertTrue(!log.contains("error:"), "javac failed: " + log);
  }

  /** Compiles {@code sources} into the shared output folder; returns javac's messages. */
  private String run(Path... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = dir.resolve("classes");
    Files.createDirectories(out);
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-s",
        dir.resolve("generated").toString(), "-classpath",
        out + java.io.File.pathSeparator + System.getProperty("java.class.path"),
        "-processor", CollectorProcessor.class.getName(), "-implicit:none"));
    Files.createDirectories(dir.resolve("generated"));
    for (Path s : sources) {
      args.add(s.toString());
    }
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    javac.run(null, log, log, args.toArray(new String[0]));
    return log.toString(StandardCharsets.UTF_8);
  }

  private List<String> metadataFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("classes/META-INF/dev.privileges/collectors"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void partialCompile_keepsUntouchedCollectorsAndDropsDeletedOnes() throws IOException {
    Path cpu = write("Cpu", "@Collector(name = \"cpu\", feature = \"Basic\")",
        "@RequiresHostPath(path = \"/proc\", reason = \"Reads /proc (1).\")");
    Path mem = write("Mem", "@Collector(name = \"mem\", feature = \"Basic\")",
        "@RequiresNoPrivileges(reason = \"Reads cgroup files.\")");
    Path net = write("Net", "@Collector(name = \"net\", feature = \"Basic\")",
        "@RequiresNoPrivileges(reason = \"Reads its own counters.\")");
    compile(cpu, mem, net);
    assertEquals(List.of("cpu.json", "mem.json", "net.json"), metadataFiles());

    // Edit cpu, delete mem (source and class, as the build tool does); net is not recompiled.
    cpu = write("Cpu", "@Collector(name = \"cpu\", feature = \"Basic\")",
        "@RequiresHostPath(path = \"/proc\", reason = \"Reads /proc (2).\")");
    Files.delete(mem);
    Files.delete(dir.resolve("classes/it/Mem.class"));
    compile(cpu);

    assertEquals(List.of("cpu.json", "net.json"), metadataFiles());
    String cpuJson = Files.readString(dir.resolve("classes/META-INF/dev.privileges/collectors/cpu.json"));
    assertTrue(cpuJson.contains("Reads /proc (2)."), cpuJson);
    assertEquals("cpu\tit.Cpu\nnet\tit.Net\n",
        Files.readString(dir.resolve("classes/" + MetadataStore.INDEX)));
    List<dev.privileges.annotations.runtime.CollectorDescriptor> registry =
        Compilers.registryResource(dir.resolve("classes"));
    assertEquals(List.of("cpu", "net"), registry.stream().map(d -> d.name()).toList());
    assertEquals("Reads /proc (2).", registry.get(0).requirements().get(0).reason());
  }

  @Test
  void partialCompile_recompiledCollectorTakingAnUntouchedOnesName_fails() throws IOException {
    Path cpu = write("Cpu", "@Collector(name = \"cpu\", feature = \"Basic\")",
        "@RequiresHostPath(path = \"/proc\", reason = \"Reads /proc.\")");
    Path mem = write("Mem", "@Collector(name = \"mem\", feature = \"Basic\")",
        "@RequiresNoPrivileges(reason = \"Reads cgroup files.\")");
    compile(cpu, mem);

    // Mem is edited to take cpu's name; Cpu is not recompiled, but its class still says "cpu".
    mem = write("Mem", "@Collector(name = \"cpu\", feature = \"Basic\")",
        "@RequiresNoPrivileges(reason = \"Reads cgroup files.\")");
    String log = run(mem);

    assertTrue(log.contains("[DuplicateCollectorName] collector name 'cpu' is already used by"
        + " it.Cpu: each collector needs its own name"), log);
    assertTrue(log.contains("Mem.java"), log);
    String cpuJson = Files.readString(dir.resolve("classes/META-INF/dev.privileges/collectors/cpu.json"));
    assertTrue(cpuJson.contains("\"source\": \"it.Cpu\""), cpuJson);
  }
}
