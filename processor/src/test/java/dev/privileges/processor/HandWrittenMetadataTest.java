package dev.privileges.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.privileges.processor.Compilers.compiler;
import static dev.privileges.processor.Compilers.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata written by hand for collectors that are not Java classes. */
class HandWrittenMetadataTest {

  private static final JavaFileObject CPU = source("Cpu",
      "@Collector(name = \"cpu\", feature = \"Host Basic Metrics\")",
      "@RequiresNoPrivileges(reason = \"Reads cgroup files of its own container.\")",
      "public class Cpu {}");

  private static Compilation compile(Path folder) {
    return compiler("-Aprivileges.handWrittenDir=" + folder).compile(CPU);
  }

  private static void write(Path folder, String name, String json) throws IOException {
    Files.writeString(folder.resolve(name), json, StandardCharsets.UTF_8);
  }

  @Test
  void validFile_isMergedWithItsProvenance(@TempDir Path folder)
      throws IOException {
    write(folder, "python_logs.json", """
        {
          "formatVersion": 1,
          "name": "python_logs",
          "feature": "Log Collection",
          "hostPaths": [
            {"path": "/var/log", "mountPath": "/rootfs/var/log", "readOnly": true, "reason": "Tails the node's logs."}
          ]
        }
        """);
    Compilation c = compile(folder);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "",
            "META-INF/dev.privileges/collectors/python_logs.json")
        .contentsAsUtf8String().contains("\"source\": \"file:python_logs.json\"");
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "",
            "META-INF/dev.privileges/collectors/python_logs.json")
        .contentsAsUtf8String().contains("\"declaredBy\": \"file:python_logs.json\"");
    dev.privileges.annotations.runtime.CollectorDescriptor python =
        Compilers.registryResource(c).stream()
            .filter(d -> d.name().equals("python_logs")).findFirst().orElseThrow();
    assertEquals("file:python_logs.json", python.source());
    assertEquals("file:python_logs.json", python.requirements().get(0).declaredBy());
  }

  @Test
  void ruleViolation_namesTheFileAndTheField(@TempDir Path folder) throws IOException {
    write(folder, "bad.json", """
        {"formatVersion": 1, "name": "bad", "feature": "Logs",
         "hostPaths": [{"path": "var/log", "readOnly": true, "reason": "Tails logs."}]}
        """);
    Compilation c = compile(folder);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[PathNotAbsolute] " + folder.resolve("bad.json")
        + ":2: hostPaths[0].path: host path 'var/log' is not absolute");
  }

  @Test
  void unknownField_namesTheFileAndTheField(@TempDir Path folder) throws IOException {
    write(folder, "typo.json", """
        {"formatVersion": 1, "name": "typo", "feature": "Logs", "hostPath": []}
        """);
    Compilation c = compile(folder);
    assertThat(c).hadErrorContaining("[InvalidHandWrittenMetadata] " + folder.resolve("typo.json")
        + ":1: unknown field 'hostPath'");
  }

  @Test
  void missingFlag_namesTheField(@TempDir Path folder) throws IOException {
    write(folder, "flag.json", """
        {"formatVersion": 1, "name": "flag", "feature": "Logs",
         "hostPaths": [{"path": "/var/log", "reason": "Tails logs."}]}
        """);
    assertThat(compile(folder)).hadErrorContaining(folder.resolve("flag.json")
        + ":2: hostPaths[0].readOnly is missing: add it");
  }

  @Test
  void unknownProtocol_isRejected(@TempDir Path folder) throws IOException {
    write(folder, "udp.json", """
        {"formatVersion": 1, "name": "udp", "feature": "Receive",
         "ports": [{"number": 8125, "protocol": "QUIC", "name": "statsd", "reason": "Receives."}]}
        """);
    assertThat(compile(folder)).hadErrorContaining("ports[0].protocol has the invalid value 'QUIC'");
  }

  @Test
  void newerFormatVersion_namesTheProcessorThatReadIt(@TempDir Path folder) throws IOException {
    write(folder, "future.json", """
        {"formatVersion": 99, "name": "future", "feature": "Logs"}
        """);
    Compilation c = compile(folder);
    assertThat(c).hadErrorContaining(folder.resolve("future.json")
        + ": metadata format version 99 is newer than this processor understands (1): write"
        + " \"formatVersion\": 1");
    com.google.common.truth.Truth.assertThat(c.errors().toString()).doesNotContain("plugin");
  }

  @Test
  void emptyFile_saysItIsEmpty(@TempDir Path folder) throws IOException {
    write(folder, "empty.json", "\n");
    Compilation c = compile(folder);
    assertThat(c).hadErrorContaining("[InvalidHandWrittenMetadata] " + folder.resolve("empty.json")
        + ": the file is empty: write one JSON object with formatVersion, name, feature");
    com.google.common.truth.Truth.assertThat(c.errors().toString()).doesNotContain("source");
  }

  @Test
  void duplicateKey_namesTheKeyTheFileAndTheLine(@TempDir Path folder) throws IOException {
    write(folder, "twice.json", """
        {"formatVersion": 1,
         "name": "first",
         "feature": "Logs",
         "name": "second",
         "noPrivilegesReason": "Runs a script without privileges."}
        """);
    Compilation c = compile(folder);
    assertThat(c).hadErrorContaining("[InvalidHandWrittenMetadata] " + folder.resolve("twice.json")
        + ":4: key \"name\" appears twice in one object");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void ruleViolation_speaksJsonAndNamesTheEntryAsWritten(@TempDir Path folder) throws IOException {
    // sorted, /var/log comes first; the file's second entry is the broken one
    write(folder, "order.json", """
        {"formatVersion": 1, "name": "order", "feature": "Logs",
         "writablePaths": [
           {"path": "/var/spool", "keepAcrossRestarts": false, "reason": "Spools."},
           {"path": "/var/log", "keepAcrossRestarts": true,
            "reason": "Keeps offsets."}
         ]}
        """);
    Compilation c = compile(folder);
    assertThat(c).hadErrorContaining("[KeptPathWithoutHostPath] " + folder.resolve("order.json")
        + ":4: writablePaths[1].hostPath: writable path '/var/log' is kept across restarts but"
        + " names no hostPath: add \"hostPath\": \"/var/lib/<agent>/...\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void blankReason_isExplainedInJsonTerms(@TempDir Path folder) throws IOException {
    write(folder, "blank.json", """
        {"formatVersion": 1, "name": "blank", "feature": "Logs",
         "privileges": [
           {"privilege": "HOST_PID",
            "reason": " "}
         ]}
        """);
    Compilation c = compile(folder);
    assertThat(c).hadErrorContaining(folder.resolve("blank.json") + ":4: privileges[0].reason: the"
        + " reason of privilege HOST_PID is blank: say in one sentence what the collector does with"
        + " it, e.g. \"reason\": \"Reads per-process CPU time from /proc.\"");
    com.google.common.truth.Truth.assertThat(c.errors().toString()).doesNotContain("reason = ");
  }

  @Test
  void sameNameAsAnnotatedCollector_isAnError(@TempDir Path folder) throws IOException {
    write(folder, "cpu.json", """
        {"formatVersion": 1, "name": "cpu", "feature": "Host Basic Metrics",
         "noPrivilegesReason": "Runs a script without privileges."}
        """);
    assertThat(compile(folder)).hadErrorContaining("[DuplicateCollectorName] "
        + folder.resolve("cpu.json") + ": name: collector name 'cpu' is already used by test.Cpu");
  }

  @Test
  void foreignProvenance_isRejected(@TempDir Path folder) throws IOException {
    write(folder, "spoof.json", """
        {"formatVersion": 1, "name": "spoof", "feature": "Logs", "source": "com.example.Other",
         "noPrivilegesReason": "Runs a script without privileges."}
        """);
    assertThat(compile(folder)).hadErrorContaining("[HandWrittenProvenance] "
        + folder.resolve("spoof.json") + ":1: source is set to another origin");
  }

  @Test
  void missingFolder_isAnError(@TempDir Path folder) {
    assertThat(compile(folder.resolve("nope"))).hadErrorContaining("[HandWrittenDirMissing]");
  }
}
