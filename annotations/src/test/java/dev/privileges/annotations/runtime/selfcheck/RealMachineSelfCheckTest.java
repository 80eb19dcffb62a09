package dev.privileges.annotations.runtime.selfcheck;

import static dev.privileges.annotations.runtime.selfcheck.Declared.capability;
import static dev.privileges.annotations.runtime.selfcheck.Declared.confinement;
import static dev.privileges.annotations.runtime.selfcheck.Declared.hostPath;
import static dev.privileges.annotations.runtime.selfcheck.Declared.privilege;
import static dev.privileges.annotations.runtime.selfcheck.Declared.writable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.runtime.LinuxCapability;
import dev.privileges.annotations.runtime.Registry;
import dev.privileges.annotations.runtime.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The self-check of this very test JVM, compared with what this machine's {@code /proc} says when
 * read here independently: nothing about the machine is assumed.
 */
@EnabledOnOs(OS.LINUX)
class RealMachineSelfCheckTest {

  private static Map<String, String> status() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      String[] kv = line.split(":\\s*", 2);
      if (kv.length == 2) {
        out.put(kv[0], kv[1]);
      }
    }
    return out;
  }

  private static Status check(Registry registry, Requirement r) {
    SelfCheckReport report = SelfCheck.ofThisProcess().check(registry, List.of("all"));
    return report.collector("all").orElseThrow().findings().stream()
        .filter(f -> f.requirement().equals(r)).findFirst().orElseThrow().status();
  }

  @Test
  void everyCapability_isPresentExactlyWhenItsCapEffBitIsSet() throws IOException {
    long capEff = Long.parseUnsignedLong(status().get("CapEff").trim(), 16);
    List<Requirement> all = new ArrayList<>();
    for (LinuxCapability c : LinuxCapability.values()) {
      all.add(capability(c));
    }
    SelfCheckReport report = SelfCheck.ofThisProcess()
        .check(Registry.of(List.of(Declared.collector("all", all.toArray(new Requirement[0])))), List.of("all"));

    for (Finding f : report.collector("all").orElseThrow().findings()) {
      LinuxCapability c = ((dev.privileges.annotations.runtime.CapabilityRequirement) f.requirement()).capability();
      Status expected = (capEff & (1L << c.bit())) != 0 ? Status.PRESENT : Status.MISSING;
      assertThat(f.status()).as(c.name()).isEqualTo(expected);
    }
  }

  @Test
  void userSeccompAndNoNewPrivs_matchProcSelfStatus() throws IOException {
    Map<String, String> status = status();
    Requirement root = privilege(Privilege.RUN_AS_ROOT);
    Requirement seccomp = confinement(Confinement.SECCOMP_UNCONFINED);
    Registry registry = Declared.registry("all", root, seccomp);

    boolean isRoot = status.get("Uid").trim().split("\\s+")[1].equals("0");
    assertThat(check(registry, root)).isEqualTo(isRoot ? Status.PRESENT : Status.MISSING);
    Optional<String> mode = Optional.ofNullable(status.get("Seccomp")).map(String::trim);
    assertThat(check(registry, seccomp)).isEqualTo(
        mode.isEmpty() ? Status.UNKNOWN : mode.get().equals("0") ? Status.PRESENT : Status.MISSING);

    ProcessFacts facts = ProcessFacts.read(Path.of("/"));
    assertThat(facts.noNewPrivs()).isEqualTo(Optional.ofNullable(status.get("NoNewPrivs")).map(s -> s.trim().equals("1")));
  }

  @Test
  void procMount_andTempFolder_matchMountinfoAndTheFileSystem() throws IOException {
    boolean procMounted = false;
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
      procMounted |= line.split(" ")[4].equals("/proc");
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
    Requirement proc = hostPath("/proc", "/proc", true);
    Requirement scratch = writable(tmp.toString());
    Registry registry = Declared.registry("all", proc, scratch);

    assertThat(check(registry, proc)).isEqualTo(procMounted ? Status.PRESENT : Status.MISSING);
    assertThat(check(registry, scratch)).isEqualTo(Files.isWritable(tmp) ? Status.PRESENT : Status.MISSING);
  }
}
