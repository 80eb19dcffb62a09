package dev.privileges.annotations.runtime.selfcheck;

import static dev.privileges.annotations.runtime.selfcheck.Declared.api;
import static dev.privileges.annotations.runtime.selfcheck.Declared.capability;
import static dev.privileges.annotations.runtime.selfcheck.Declared.capabilityBefore;
import static dev.privileges.annotations.runtime.selfcheck.Declared.collector;
import static dev.privileges.annotations.runtime.selfcheck.Declared.hostPath;
import static dev.privileges.annotations.runtime.selfcheck.Declared.port;
import static dev.privileges.annotations.runtime.selfcheck.Declared.privilege;
import static dev.privileges.annotations.runtime.selfcheck.Declared.writable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.runtime.LinuxCapability;
import dev.privileges.annotations.runtime.PrivilegeRequirement;
import dev.privileges.annotations.runtime.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-text report a log shows, compared with its golden file. */
class SelfCheckTextTest {

  @TempDir Path root;

  private SelfCheckReport report() {
    Registry registry = Registry.of(List.of(
        collector("cpu"),
        collector("host_processes", privilege(Privilege.HOST_PID), capability(LinuxCapability.SYS_PTRACE),
            capability(LinuxCapability.DAC_READ_SEARCH), capabilityBefore(LinuxCapability.SYS_ADMIN, "5.8"),
            hostPath("/proc", "/rootfs/proc", true)),
        collector("logfwd", hostPath("/var/log", "/var/log", false), writable("/var/cache/logfwd"), api(),
            new PrivilegeRequirement(Privilege.RUN_AS_ROOT, "Reads root-owned logs.\nAll of them.", Declared.BY)),
        collector("statsd", port(8125, Protocol.UDP), privilege(Privilege.HOST_NETWORK))));
    Path fake = new FakeProc(root).capabilities(LinuxCapability.SYS_PTRACE).uid(1000)
        .mount("/rootfs/proc", true).mount("/var/log", true).write();
    return SelfCheck.under(fake, FakePorts.taking(8125))
        .check(registry, List.of("statsd", "cpu", "host_processes", "logfwd", "diskk"));
  }

  @Test
  void render_equalsGoldenFile() throws IOException {
    Golden.assertMatches("self-check-report.txt", report().render());
  }

  @Test
  void render_isTheSameUnderAnotherLocale() {
    String before = report().render();
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(report().render()).isEqualTo(before);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
