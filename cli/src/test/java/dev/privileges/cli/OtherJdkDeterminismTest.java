package dev.privileges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs are byte-identical on the newest JDK, in another time zone and locale: the CLI runs
 * in a child JVM of a JDK 25 (the one under {@code /usr/lib/jvm} on the project's machines, or
 * {@code $PRIVILEGES_OTHER_JDK}) with {@code TZ=Asia/Kolkata} and a Turkish locale, on the
 * sample's full-set configuration with its Helm chart, and every file it writes must equal the
 * sample's golden file, which this build's JDK produced. Skipped, saying why, where no such JDK
 * is installed.
 */
class OtherJdkDeterminismTest {

  @TempDir Path dir;

  @Test
  void fullSetOutputsAndChart_onJdk25InAnotherZoneAndLocale_equalTheGoldenFiles() throws Exception {
    Optional<Path> java = otherJava();
    assumeTrue(java.isPresent(), "no JDK 25 found (set PRIVILEGES_OTHER_JDK to a JDK home to run this test)");
    Map<String, String> config = SamplePom.executions().get("full-set");
    List<String> command = new ArrayList<>(List.of(java.get().toString(), "-Duser.language=tr",
        "-Duser.country=TR", "-cp", System.getProperty("java.class.path"), PrivilegesCli.class.getName(),
        "generate", "--output-directory", dir.toString()));
    command.addAll(SamplePom.options(config, Set.of("outputDirectory", "lockFile")));
    command.addAll(List.of("--chart-version", SamplePom.version(), SamplePom.jar().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile());
    builder.environment().put("TZ", "Asia/Kolkata");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolveSibling(dir.getFileName() + ".log"))).isZero();

    Path golden = SamplePom.SAMPLE.resolve("golden").resolve("full");
    List<Path> expected;
    try (Stream<Path> files = Files.walk(golden)) {
      expected = files.filter(Files::isRegularFile).map(golden::relativize).sorted().toList();
    }
    assertThat(expected).as("golden files of the full set, chart included").hasSizeGreaterThan(8);
    for (Path file : expected) {
      assertThat(dir.resolve(file.toString())).as(file.toString()).hasSameBinaryContentAs(golden.resolve(file));
    }
  }

  /** A JDK 25's {@code java}, other than the one running the tests. */
  private static Optional<Path> otherJava() throws IOException {
    String configured = System.getenv("PRIVILEGES_OTHER_JDK");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured, "bin", "java"));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms) || Runtime.version().feature() == 25) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(h -> h.getFileName().toString().matches(".*(jdk-?25|-25-|25-jdk).*"))
          .map(h -> h.resolve("bin").resolve("java")).filter(Files::isExecutable).sorted().findFirst();
    }
  }
}
