package dev.privileges.engine;

import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Waiver;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;


/** A waiver removes the requirement from the YAML and appears in the statement and the report. */
class WaiverOutputsTest {

  @TempDir Path dir;

  private Path classes(CollectorMetadata... collectors) throws IOException {
    Path classes = dir.resolve("classes");
    for (CollectorMetadata c : collectors) {
      // hand-written style source, so the reader never treats the file as stale
      CollectorMetadata handWritten = new CollectorMetadata(c.formatVersion(), c.name(), c.feature(),
          c.description(), "file:" + c.name() + ".json", c.noPrivilegesReason(), c.privileges(),
          c.capabilities(), c.hostPaths(), c.ports(), c.writablePaths(), c.kubernetesApi(), c.confinement());
      Path file = classes.resolve(MetadataLocations.resourceFor(c.name()));
      Files.createDirectories(file.getParent());
      Files.writeString(file, MetadataCodec.write(handWritten), StandardCharsets.UTF_8);
    }
    return classes;
  }

  @Test
  void waivedHostPort_isGoneFromYaml_andListedInStatementAndReport() throws IOException {
    Path classes = classes(
        collector("statsd").feature("Receive Data on the Node").port(8125, Protocol.UDP, "statsd", true).build(),
        collector("cpu").hostPath("/proc", "/rootfs/proc", true).build());
    GenerationOptions options = GenerationOptions.builder().name("agent").namespace("agent")
        .waivers(List.of(new Waiver("statsd", "hostPort:8125/UDP",
            "Applications reach StatsD through the node-local Service | not NodeIP.")))
        .build();

    PrivilegesEngine.Result result = new PrivilegesEngine().generate(List.of(classes), options,
        dir.resolve("out"), PrivilegesEngine.OutputNames.defaults());

    String yaml = Files.readString(result.files().get("daemonset.yaml"));
    String statement = Files.readString(result.files().get("SECURITY.md"));
    String report = Files.readString(result.files().get("privileges.json"));
    assertThat(yaml).contains("containerPort: 8125").doesNotContain("hostPort");
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
    assertThat(statement).doesNotContain("The bundle waives no requirement")
        .contains("`statsd`", "hostPort:8125/UDP", "node-local Service \\| not NodeIP");
    assertThat(report).contains("\"requirement\": \"hostPort:8125/UDP\"")
        .contains("node-local Service | not NodeIP.");
  }
}
