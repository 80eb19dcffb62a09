package dev.privileges.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.runtime.Registry;
import dev.privileges.annotations.runtime.selfcheck.PortProbe;
import dev.privileges.annotations.runtime.selfcheck.SelfCheck;
import dev.privileges.annotations.runtime.selfcheck.SelfCheckReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample agent's start-up: it loads the bundle's real registry from the class path (the
 * processor's output for this module) and logs the self-check of the enabled collectors. The
 * container is a fake /proc tree shaped like the default DaemonSet with one thing trimmed.
 */
class AgentStartupTest {

  private static final Path GOLDEN = Path.of("src/test/resources/expected/startup-self-check.txt");
  private static final String ENABLED = "cpu,disk,host_processes,container,statsd,diskk";

  @TempDir Path root;

  /** A logger that keeps what is logged, as "LEVEL message". */
  static final class Captured implements System.Logger {
    final List<String> lines = new ArrayList<>();

    @Override
    public String getName() {
      return "captured";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + format);
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(level + " " + msgSupplier.get());
    }
  }

  /**
   * The default DaemonSet's container, but a waiver dropped DAC_READ_SEARCH, and another process
   * of the node holds the StatsD port.
   */
  private Path trimmedContainer() throws IOException {
    long capEff = (1L << 19) | (1L << 39) | (1L << 38); // SYS_PTRACE, BPF, PERFMON
    write("proc/self/status", "Uid:\t0\t0\t0\t0\nCapEff:\t" + String.format(Locale.ROOT, "%016x", capEff)
        + "\nNoNewPrivs:\t1\nSeccomp:\t2\n");
    write("proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
    write("proc/sys/kernel/cap_last_cap", "40\n");
    write("proc/self/mountinfo", String.join("\n",
        "1 0 0:1 / / ro,relatime - overlay overlay rw",
        "2 1 0:2 / /rootfs/proc ro,relatime - proc proc rw",
        "3 1 0:3 / /rootfs rw,relatime - ext4 /dev/sda1 rw",
        "4 1 0:4 /containerd.sock /var/run/containerd/containerd.sock rw - tmpfs tmpfs rw") + "\n");
    write("var/run/secrets/kubernetes.io/serviceaccount/token", "token");
    return root;
  }

  private void write(String relative, String text) throws IOException {
    Files.createDirectories(root.resolve(relative).getParent());
    Files.writeString(root.resolve(relative), text, StandardCharsets.UTF_8);
  }

  private static PortProbe statsdPortTaken() {
    return (number, protocol) -> number == 8125 && protocol == Protocol.UDP
        ? PortProbe.Outcome.notBindable("Address already in use")
        : PortProbe.Outcome.bindable();
  }

  @Test
  void start_logsTheSelfCheckOfTheEnabledCollectors_asTheGoldenFile() throws IOException {
    Captured log = new Captured();

    AgentStartup.start(Map.of(AgentStartup.DEFAULT_ENABLED_INPUTS_ENV, ENABLED),
        AgentStartup.DEFAULT_ENABLED_INPUTS_ENV, getClass().getClassLoader(),
        SelfCheck.under(trimmedContainer(), statsdPortTaken()), log);

    assertThat(log.lines).hasSize(1);
    String logged = log.lines.get(0);
    if (Boolean.getBoolean("privileges.updateGolden")) {
      Files.writeString(GOLDEN, logged, StandardCharsets.UTF_8);
    }
    assertThat(logged).as("%s (run with -Dprivileges.updateGolden=true to accept)", GOLDEN)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void registry_onTheClassPath_holdsEveryCollectorOfTheBundle() throws IOException {
    // the metadata files are the processor's contract; the registry must list the same collectors
    Path metadata = Path.of("target/classes/META-INF/dev.privileges/collectors");
    List<String> expected;
    try (Stream<Path> files = Files.list(metadata)) {
      expected = files.map(f -> f.getFileName().toString().replaceFirst("[.]json$", "")).sorted().toList();
    }

    assertThat(Registry.load(getClass().getClassLoader()).names()).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void start_onThisMachine_reportsEveryEnabledCollectorOnce() {
    Captured log = new Captured();

    SelfCheckReport report = AgentStartup.start(Map.of("INPUTS", ENABLED), "INPUTS", getClass().getClassLoader(),
        SelfCheck.ofThisProcess(), log).orElseThrow();

    assertThat(report.collectors()).extracting(c -> c.name())
        .containsExactly("container", "cpu", "disk", "diskk", "host_processes", "statsd");
    assertThat(log.lines).singleElement().asString().contains("\ncpu: ", "\ndiskk: NOT_REGISTERED ");
  }

  @Test
  void start_withoutTheVariable_checksNothingAndSaysSo() {
    Captured log = new Captured();

    AgentStartup.start(Map.of(), AgentStartup.DEFAULT_ENABLED_INPUTS_ENV, getClass().getClassLoader(),
        SelfCheck.under(root, statsdPortTaken()), log);

    assertThat(log.lines.get(0))
        .isEqualTo("WARNING privileges self-check: ENV_DEFAULT_ENABLED_INPUTS lists no collector, so none is checked");
  }
}
