package dev.privileges.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For the sample's jar and the plugin configuration of each of its executions, the CLI writes the
 * same bytes as the Maven plugin: its checked-in golden files (which the sample's own test keeps
 * equal to the plugin's outputs) and, when the reactor built them, the plugin's outputs themselves.
 */
class SampleParityTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"default-set, default", "full-set, full"})
  void generate_onTheSampleJar_writesThePluginsBytes(String execution, String profile) throws Exception {
    Map<String, String> config = SamplePom.executions().get(execution);
    List<String> args = new ArrayList<>(List.of("generate", "--output-directory", dir.toString()));
    args.addAll(SamplePom.options(config, Set.of("outputDirectory", "lockFile")));
    boolean chart = Boolean.parseBoolean(config.getOrDefault("helmChart", "false"));
    if (chart) {
      args.addAll(List.of("--chart-version", SamplePom.version())); // Maven's default: the project's version
    }
    args.add(SamplePom.jar().toString());

    Cli cli = Cli.run(args);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    List<String> files = new ArrayList<>(List.of("daemonset.yaml", "SECURITY.md", "privileges.json",
        "privileges-diagram.svg"));
    if (chart) {
      files.add("sample-agent-" + SamplePom.version() + ".tgz");
      try (var chartFiles = Files.walk(SamplePom.SAMPLE.resolve("golden").resolve(profile).resolve("sample-agent"))) {
        chartFiles.filter(Files::isRegularFile).forEach(p -> files.add(
            SamplePom.SAMPLE.resolve("golden").resolve(profile).relativize(p).toString()));
      }
      assertThat(files).as("the chart's files in the golden folder").hasSizeGreaterThan(6);
    }
    for (String file : files) {
      Path golden = SamplePom.SAMPLE.resolve("golden").resolve(profile).resolve(file);
      assertThat(dir.resolve(file)).as(file).hasSameBinaryContentAs(golden);
      Path plugin = SamplePom.SAMPLE.resolve("target/privileges").resolve(profile).resolve(file);
      if (Files.exists(plugin)) {
        assertThat(dir.resolve(file)).as(file).hasSameBinaryContentAs(plugin);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"default-set", "full-set"})
  void check_onTheSampleJar_passesAgainstTheSamplesLockFile(String execution) throws Exception {
    Map<String, String> config = SamplePom.executions().get(execution);
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(SamplePom.options(config, Set.of("outputDirectory", "helmChart")));
    args.add(SamplePom.jar().toString());

    Cli cli = Cli.run(args);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(cli.out()).startsWith("Privileges match ").contains("privileges-").contains("and the policy");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"default-set, default", "full-set, full"})
  void lock_onTheSampleJar_writesTheSamplesLockFile(String execution, String profile) throws Exception {
    Map<String, String> config = SamplePom.executions().get(execution);
    List<String> args = new ArrayList<>(List.of("lock", "--lock-file", dir.resolve("lock.json").toString()));
    args.addAll(SamplePom.options(config, Set.of("outputDirectory", "lockFile", "helmChart")));
    args.add(SamplePom.jar().toString());

    Cli cli = Cli.run(args);

    assertThat(cli.exitCode()).as(cli.toString()).isZero();
    assertThat(dir.resolve("lock.json"))
        .hasSameBinaryContentAs(SamplePom.SAMPLE.resolve("privileges-" + profile + ".lock.json"));
  }
}
