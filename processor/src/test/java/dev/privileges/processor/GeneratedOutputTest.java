package dev.privileges.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.privileges.processor.Compilers.compiler;
import static dev.privileges.processor.Compilers.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import dev.privileges.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata files and the generated registry, against golden files and each other. */
class GeneratedOutputTest {

  private static final Golden GOLDEN = Golden.in(Path.of("src/test/resources/expected"));

  /** A reason with everything that must survive JSON and Java escaping unchanged. */
  static final String TRICKY_VALUE = "Reads \"quoted\" C:\\path\\ # not a comment | pipe\n"
      + "<b>html</b> & \u00fcn\u00efc\u00f6d\u00e9 \u4e2d\u6587 \\u00e9 */ end";
  /** {@link #TRICKY_VALUE} as a Java string literal's content. */
  static final String TRICKY = TRICKY_VALUE
      .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");

  static final List<JavaFileObject> SOURCES = List.of(
      source("BaseCollector",
          "@RequiresCapability(value = \"CAP_SYS_PTRACE\", reason = \"Reads other processes' /proc entries.\")",
          "public abstract class BaseCollector {}"),
      source("HostProcesses",
          "@Collector(name = \"host_processes\", feature = \"Host Process Metrics\", description = \"Per-process metrics.\")",
          "@RequiresPrivilege(value = Privilege.HOST_PID, reason = \"" + TRICKY + "\")",
          "@RequiresHostPath(path = \"/proc\", mountPath = \"/rootfs/proc\", env = \"HOST_PROC\", type = HostPathType.DIRECTORY,",
          "    reason = \"Reads per-process counters.\")",
          "@RequiresHostPath(path = \"/var/log\", readOnly = false, reason = \"Rotates logs.\")",
          "@RequiresKubernetesApi(apiGroups = \"\", resources = {\"pods\", \"nodes\"}, verbs = {\"watch\", \"get\", \"list\"},",
          "    reason = \"Adds pod labels to processes.\")",
          "public class HostProcesses extends BaseCollector {}"),
      source("Statsd",
          "@Collector(name = \"statsd\", feature = \"Receive Data on the Node\")",
          "@RequiresPort(number = 8125, protocol = Protocol.UDP, name = \"statsd\", reachableAtNodeIp = true,",
          "    reason = \"Receives StatsD metrics from applications on the node.\")",
          "@RequiresWritablePath(path = \"/tmp/statsd\", reason = \"Buffers metrics.\")",
          "public class Statsd {}"),
      source("Self",
          "@Collector(name = \"self\", feature = \"Agent Self Metrics\")",
          "@RequiresNoPrivileges(reason = \"Reads the agent's own statistics.\")",
          "public class Self {}"));

  private static Compilation compileSamples() {
    Compilation c = compiler().compile(SOURCES);
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  private static String resource(Compilation c, String path) throws IOException {
    try (InputStream in = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", path).orElseThrow()
        .openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void metadata_matchesGoldenFiles() throws IOException {
    Compilation c = compileSamples();
    for (String name : List.of("host_processes", "self", "statsd")) {
      GOLDEN.assertMatches("metadata/" + name + ".json",
          resource(c, MetadataLocations.resourceFor(name)));
    }
    assertEquals("host_processes\ttest.HostProcesses\nself\ttest.Self\nstatsd\ttest.Statsd\n",
        resource(c, MetadataStore.INDEX));
  }

  @Test
  void metadata_keepsTrickyReasonUnchanged() throws IOException {
    CollectorMetadata m = MetadataCodec.read(
        resource(compileSamples(), MetadataLocations.resourceFor("host_processes")), "test");
    assertEquals(TRICKY_VALUE, m.privileges().get(0).reason());
    assertEquals("SYS_PTRACE", m.capabilities().get(0).capability());
    assertEquals("test.BaseCollector", m.capabilities().get(0).declaredBy());
  }

  @Test
  void registryResource_matchesGoldenFile() throws IOException {
    Compilation c = compileSamples();
    GOLDEN.assertMatches("registry/registry.txt", resource(c, RegistryData.RESOURCE));
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "", MetadataStore.SERVICE_FILE))
        .isEmpty();
  }

  @Test
  void registryResource_equalsTheMetadata() throws IOException {
    Compilation c = compileSamples();
    List<CollectorDescriptor> collectors = Compilers.registryResource(c);
    assertThat(collectors.stream().map(CollectorDescriptor::name).toList())
        .containsExactly("host_processes", "self", "statsd").inOrder();
    for (CollectorDescriptor d : collectors) {
      CollectorMetadata m = MetadataCodec.read(
          resource(c, MetadataLocations.resourceFor(d.name())), d.name());
      assertEquals(m.source(), d.source());
      assertEquals(m.feature(), d.feature());
      assertEquals(m.description(), d.description());
      assertEquals(m.noPrivilegesReason(), d.noPrivilegesReason());
      int total = m.privileges().size() + m.capabilities().size() + m.hostPaths().size()
          + m.ports().size() + m.writablePaths().size() + m.kubernetesApi().size()
          + m.confinement().size();
      assertEquals(total, d.requirements().size(), d.name());
    }
    CollectorDescriptor hp = collectors.get(0);
    assertEquals(TRICKY_VALUE, hp.requirements("privileges").get(0).reason());
    RequirementDescriptor proc = hp.requirements("hostPaths").get(0);
    assertEquals("/rootfs/proc", proc.attribute("mountPath"));
    assertEquals("DIRECTORY", proc.attribute("type"));
    assertEquals("true", proc.attribute("readOnly"));
    assertEquals("test.HostProcesses", proc.declaredBy());
    assertEquals("get,list,watch", hp.requirements("kubernetesApi").get(0).attribute("verbs"));
    assertEquals("8125", collectors.get(2).requirements("ports").get(0).attribute("number"));
  }

  @Test
  void registryClass_isOptInAndCarriesTheResourceText(@TempDir Path classes) throws IOException {
    Compilation c = compiler("-Aprivileges.registryClass=test.CollectorPrivilegesRegistry")
        .compile(SOURCES);
    assertThat(c).succeededWithoutWarnings();
    String source = c.generatedSourceFile("test.CollectorPrivilegesRegistry").orElseThrow()
        .getCharContent(false).toString();
    GOLDEN.assertMatches("registry/CollectorPrivilegesRegistry.java", source);
    assertEquals("test.CollectorPrivilegesRegistry\n", resource(c, MetadataStore.SERVICE_FILE));
    List<List<CollectorDescriptor>> registries = Compilers.loadRegistries(c, classes);
    assertThat(registries).hasSize(1);
    assertEquals(Compilers.registryResource(c), registries.get(0));
  }

  /** ECJ warns about an import used only in Javadoc; javac does not, so check it here. */
  @Test
  void registryClass_usesEveryImportInCode() throws IOException {
    Compilation c = compiler("-Aprivileges.registryClass=test.CollectorPrivilegesRegistry")
        .compile(SOURCES);
    String source = c.generatedSourceFile("test.CollectorPrivilegesRegistry").orElseThrow()
        .getCharContent(false).toString();
    String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^import ([\\w.]+)\\.(\\w+);$")
        .matcher(source);
    int imports = 0;
    while (m.find()) {
      imports++;
      String simple = m.group(2);
      String body = code.substring(code.indexOf("public final class"));
      assertThat(body).containsMatch("\\b" + simple + "\\b");
    }
    assertThat(imports).isGreaterThan(0);
    assertThat(source).doesNotContain("Generated");
  }

  @Test
  void registryClass_canBeNamedByOption() {
    Compilation c = compiler("-Aprivileges.registryClass=com.example.AgentRegistry")
        .compile(SOURCES);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.example.AgentRegistry");
  }

  @Test
  void registry_canBeTurnedOff() {
    Compilation c = compiler("-Aprivileges.registry=false",
        "-Aprivileges.registryClass=com.example.AgentRegistry").compile(SOURCES);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isEmpty();
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "", RegistryData.RESOURCE)).isEmpty();
  }
}
