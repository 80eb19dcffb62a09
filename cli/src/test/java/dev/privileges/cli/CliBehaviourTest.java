package dev.privileges.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, messages and help of the commands, on small hand-written bundles and the sample jar. */
class CliBehaviourTest {

  private static final String STATSD = """
      {
        "formatVersion": 1,
        "name": "statsd",
        "feature": "StatsD",
        "ports": [ { "number": 8125, "protocol": "UDP", "name": "statsd", "reachableAtNodeIp": true,
                     "reason": "Receives StatsD metrics from applications on the node." } ]
      }
      """;
  private static final String PROCESSES = """
      {
        "formatVersion": 1,
        "name": "host_processes",
        "feature": "Host Processes",
        "privileges": [ { "privilege": "HOST_PID", "reason": "Lists the node's processes." } ]
      }
      """;

  @TempDir Path dir;

  private Path inputs() throws IOException {
    Path inputs = dir.resolve("inputs");
    Files.createDirectories(inputs.resolve("statsd"));
    Files.createDirectories(inputs.resolve("host_processes"));
    Files.writeString(inputs.resolve("statsd/privileges.json"), STATSD);
    Files.writeString(inputs.resolve("host_processes/privileges.json"), PROCESSES);
    return inputs;
  }

  @Test
  void generate_onAFolderOfHandWrittenMetadata_writesTheOutputs() throws IOException {
    Cli cli = Cli.run("generate", "--output-directory", dir.resolve("out").toString(), inputs().toString());

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    String yaml = Files.readString(dir.resolve("out/daemonset.yaml"));
    assertThat(yaml).contains("hostPID: true").contains("hostPort: 8125");
    assertThat(Files.readString(dir.resolve("out/privileges.json"))).contains("\"file:statsd/privileges.json\"");
    assertThat(cli.out()).contains("Enabled collectors (2): host_processes, statsd");
  }

  @Test
  void unknownCollector_isAUsageError_namingTheKnownOnes() throws IOException {
    Cli cli = Cli.run("generate", "--enabled-collectors", "statsd,cpu", "--output-directory",
        dir.resolve("out").toString(), inputs().toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("privileges generate: error: ")
        .contains("--enabled-collectors names 'cpu', which is not a collector of this bundle: use one of [host_processes, statsd]")
        .doesNotContain("Exception");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void unknownOption_isAUsageError_withTheUsage() throws IOException {
    Cli cli = Cli.run("generate", "--frobnicate", inputs().toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown option: '--frobnicate'").contains("Usage: privileges generate");
  }

  @Test
  void badOptionValue_isAUsageError_namingTheValueAndTheChoices() throws IOException {
    Cli cli = Cli.run("generate", "--port-exposure", "sideways", inputs().toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("privileges generate: error: --port-exposure 'sideways' is not one of HOST_PORT, SERVICE")
        .doesNotContain("<portExposure>");
  }

  @Test
  void badWaiver_isAUsageError_showingTheSyntax() throws IOException {
    Cli cli = Cli.run("generate", "--waiver", "statsd", inputs().toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--waivers 'statsd' is not COLLECTOR:REQUIREMENT=REASON");
  }

  @Test
  void malformedJar_isAnIoError_namingTheJar() throws IOException {
    Path jar = Files.writeString(dir.resolve("broken.jar"), "not a zip");

    Cli cli = Cli.run("generate", "--output-directory", dir.resolve("out").toString(), jar.toString());

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).startsWith("privileges generate: I/O error: cannot read " + jar + " as a jar")
        .contains("rebuild or remove it");
  }

  @Test
  void malformedMetadata_isAUsageError_namingTheFileAndTheField() throws IOException {
    Path inputs = inputs();
    Files.writeString(inputs.resolve("statsd/privileges.json"), STATSD.replace("\"number\": 8125", "\"numbr\": 8125"));

    Cli cli = Cli.run("generate", inputs.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains(inputs.resolve("statsd/privileges.json").toString())
        .contains("ports[0].number is missing");
  }

  @Test
  void missingInput_isAUsageError() {
    Cli cli = Cli.run("generate", dir.resolve("nowhere").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("INPUT '" + dir.resolve("nowhere") + "' does not exist");
  }

  @Test
  void noCommand_isAUsageError() {
    Cli cli = Cli.run();

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("name a command: generate, check, lock or explain");
  }

  @Test
  void help_perCommand_listsItsOptions() {
    Cli generate = Cli.run("generate", "--help");
    Cli check = Cli.run("check", "--help");

    assertThat(generate.exitCode()).isZero();
    assertThat(generate.out()).contains("Usage: privileges generate").contains("--output-directory=DIR")
        .contains("--port-exposure=HOST_PORT|SERVICE");
    assertThat(check.out()).contains("Usage: privileges check").contains("--lock-file=FILE")
        .contains("--max-pod-security-level");
  }

  @Test
  void check_whenAPrivilegeWasAdded_exits1_namingTheCollectorAndTheFix() throws IOException {
    Path inputs = inputs();
    Path lock = dir.resolve("privileges.lock.json");
    assertThat(Cli.run("lock", "--lock-file", lock.toString(), "--excluded-collectors", "host_processes",
        inputs.toString()).exitCode()).isZero();

    Cli cli = Cli.run("check", "--lock-file", lock.toString(), inputs.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).startsWith("privileges check failed:\n")
        .contains("+ collector 'host_processes' adds HOST_PID (newly granted)")
        .contains("update the lock with this command with --update-lock");
  }

  @Test
  void check_withAForbiddenPrivilege_exits1() throws IOException {
    Path inputs = inputs();
    Path lock = dir.resolve("privileges.lock.json");
    Cli.run("lock", "--lock-file", lock.toString(), inputs.toString());

    Cli cli = Cli.run("check", "--lock-file", lock.toString(), "--forbidden-privileges", "HOST_PID", inputs.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("HOST_PID is forbidden").contains("host_processes");
  }

  @Test
  void explain_aCollector_listsWhatItBringsAndWhatExcludingItRemoves() throws IOException {
    Cli cli = Cli.run("explain", "--collector", "statsd", inputs().toString());

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).contains("Collector 'statsd' (feature StatsD)")
        .contains("  hostPort:8125/UDP  (only this collector)")
        .contains("Without it:")
        .contains("- collector 'statsd' no longer needs hostPort:8125/UDP (no longer granted)");
  }

  @Test
  void explain_aPrivilege_namesTheCollectorsAndTheirReasons() throws IOException {
    Cli cli = Cli.run("explain", "--privilege", "HOST_PID", inputs().toString());

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).isEqualTo("HOST_PID is granted for host_processes:\n"
        + "  host_processes (Host Processes): Lists the node's processes.\n");
  }

  @Test
  void explain_anUnknownCollector_isAUsageError() throws IOException {
    Cli cli = Cli.run("explain", "--collector", "cpu", inputs().toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--collector 'cpu' is not a collector of the inputs");
  }

  @Test
  void generate_twice_leavesUnchangedOutputsUntouched() throws Exception {
    Path inputs = inputs();
    Path out = dir.resolve("out");
    Cli.run("generate", "--output-directory", out.toString(), inputs.toString());
    var past = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out.resolve("daemonset.yaml"), past);

    assertThat(Cli.run("generate", "--output-directory", out.toString(), inputs.toString()).exitCode()).isZero();

    assertThat(Files.getLastModifiedTime(out.resolve("daemonset.yaml"))).isEqualTo(past);
  }
}
