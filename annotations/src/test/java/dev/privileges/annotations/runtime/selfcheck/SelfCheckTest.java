package dev.privileges.annotations.runtime.selfcheck;

import static dev.privileges.annotations.runtime.selfcheck.Declared.api;
import static dev.privileges.annotations.runtime.selfcheck.Declared.capability;
import static dev.privileges.annotations.runtime.selfcheck.Declared.capabilityBefore;
import static dev.privileges.annotations.runtime.selfcheck.Declared.collector;
import static dev.privileges.annotations.runtime.selfcheck.Declared.confinement;
import static dev.privileges.annotations.runtime.selfcheck.Declared.hostPath;
import static dev.privileges.annotations.runtime.selfcheck.Declared.port;
import static dev.privileges.annotations.runtime.selfcheck.Declared.privilege;
import static dev.privileges.annotations.runtime.selfcheck.Declared.registry;
import static dev.privileges.annotations.runtime.selfcheck.Declared.writable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.runtime.LinuxCapability;
import dev.privileges.annotations.runtime.Registry;
import dev.privileges.annotations.runtime.Requirement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-check against fake /proc trees: one case per requirement kind and outcome. */
class SelfCheckTest {

  @TempDir Path root;

  private CollectorCheck check(FakeProc proc, PortProbe ports, Requirement... declared) {
    Registry registry = registry("c", declared);
    return SelfCheck.under(proc.write(), ports).check(registry, List.of("c")).collector("c").orElseThrow();
  }

  private CollectorCheck check(FakeProc proc, Requirement... declared) {
    return check(proc, FakePorts.taking(), declared);
  }

  private static Finding only(CollectorCheck c) {
    assertThat(c.findings()).hasSize(1);
    return c.findings().get(0);
  }

  private FakeProc proc() {
    return new FakeProc(root);
  }

  @Test
  void capability_present_isReady() {
    CollectorCheck c = check(proc().capabilities(LinuxCapability.SYS_PTRACE), capability(LinuxCapability.SYS_PTRACE));

    assertThat(c.readiness()).isEqualTo(Readiness.READY);
    assertThat(only(c).status()).isEqualTo(Status.PRESENT);
  }

  @Test
  void capability_missing_isMissingWithCapEff() {
    CollectorCheck c = check(proc().capabilities(LinuxCapability.SYS_PTRACE),
        capability(LinuxCapability.SYS_PTRACE), capability(LinuxCapability.DAC_READ_SEARCH));

    assertThat(c.readiness()).isEqualTo(Readiness.MISSING);
    assertThat(c.findings(Status.MISSING)).singleElement().satisfies(f -> {
      assertThat(f.requirement()).isEqualTo(capability(LinuxCapability.DAC_READ_SEARCH));
      assertThat(f.detail()).isEqualTo("not in the effective capabilities (CapEff 0000000000080000)");
    });
  }

  @Test
  void capabilityForOlderKernels_onNewKernel_isNotApplicable() {
    CollectorCheck c = check(proc().kernel("6.1.0"), capabilityBefore(LinuxCapability.SYS_ADMIN, "5.8"));

    assertThat(c.readiness()).isEqualTo(Readiness.READY);
    assertThat(only(c).status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(only(c).detail()).isEqualTo("does not apply on kernel 6.1");
  }

  @Test
  void capabilityForOlderKernels_onOldKernel_isChecked() {
    CollectorCheck c = check(proc().kernel("5.4.0-150-generic"), capabilityBefore(LinuxCapability.SYS_ADMIN, "5.8"));

    assertThat(only(c).status()).isEqualTo(Status.MISSING);
  }

  @Test
  void capabilityRange_withUnreadableKernel_isUnknown() {
    CollectorCheck c = check(proc().kernel("garbage"), capabilityBefore(LinuxCapability.SYS_ADMIN, "5.8"));

    assertThat(c.readiness()).isEqualTo(Readiness.UNKNOWN);
    assertThat(only(c).detail()).isEqualTo("kernel version unknown (/proc/sys/kernel/osrelease)");
  }

  @Test
  void hostPath_notMounted_isMissing() {
    Finding f = only(check(proc(), hostPath("/proc", "/rootfs/proc", true)));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("nothing is mounted at /rootfs/proc");
  }

  @Test
  void hostPath_mountedReadOnly_whereReadIsDeclared_isPresent() {
    Finding f = only(check(proc().mount("/rootfs/proc", true), hostPath("/proc", "/rootfs/proc", true)));

    assertThat(f.status()).isEqualTo(Status.PRESENT);
    assertThat(f.detail()).isEqualTo("mounted read-only at /rootfs/proc");
  }

  @Test
  void hostPath_mountedReadOnly_whereWriteIsDeclared_isMissing() {
    Finding f = only(check(proc().mount("/var/log", true), hostPath("/var/log", "/var/log", false)));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("mounted read-only at /var/log, but the collector writes there");
  }

  @Test
  void hostPath_laterReadWriteMountOnTheSamePoint_wins() {
    Finding f = only(check(proc().mount("/var/log", true).mount("/var/log", false), hostPath("/var/log", "/var/log", false)));

    assertThat(f.status()).isEqualTo(Status.PRESENT);
  }

  @Test
  void hostPath_withSpaceInMountPoint_isFound() {
    Finding f = only(check(proc().mount("/host data", false), hostPath("/data", "/host data", false)));

    assertThat(f.status()).isEqualTo(Status.PRESENT);
  }

  @Test
  void writablePath_absent_isMissing() {
    Finding f = only(check(proc(), writable("/var/cache/agent")));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("/var/cache/agent does not exist");
  }

  @Test
  void writablePath_onTheReadOnlyRoot_isMissing() {
    Finding f = only(check(proc().directory("/var/cache/agent"), writable("/var/cache/agent")));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("/var/cache/agent is on the read-only mount /");
  }

  @Test
  void writablePath_onAWritableMount_isPresent() {
    Finding f = only(check(proc().directory("/var/cache/agent").mount("/var/cache/agent", false),
        writable("/var/cache/agent")));

    assertThat(f.status()).isEqualTo(Status.PRESENT);
    assertThat(f.detail()).isEqualTo("a file can be created in /var/cache/agent");
  }

  @Test
  void port_taken_isMissing() {
    CollectorCheck c = check(proc(), FakePorts.taking(9529), port(9529, Protocol.TCP), port(8125, Protocol.UDP));

    assertThat(c.readiness()).isEqualTo(Readiness.MISSING);
    assertThat(c.findings(Status.MISSING)).singleElement().satisfies(f -> {
      assertThat(f.requirement()).isEqualTo(port(9529, Protocol.TCP));
      assertThat(f.detail()).isEqualTo("cannot bind: Address already in use");
    });
    assertThat(c.findings(Status.PRESENT)).extracting(Finding::requirement).containsExactly(port(8125, Protocol.UDP));
  }

  @Test
  void apiAccess_withoutToken_isMissing() {
    Finding f = only(check(proc(), api()));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("no service account token at /var/run/secrets/kubernetes.io/serviceaccount/token");
  }

  @Test
  void apiAccess_withToken_isPresent() {
    assertThat(only(check(proc().serviceAccountToken(), api())).status()).isEqualTo(Status.PRESENT);
  }

  @Test
  void runAsRoot_asAnotherUser_isMissing() {
    Finding f = only(check(proc().uid(1000), privilege(Privilege.RUN_AS_ROOT)));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("runs as uid 1000, not 0");
  }

  @Test
  void runAsRoot_asRoot_isPresent() {
    assertThat(only(check(proc().uid(0), privilege(Privilege.RUN_AS_ROOT))).status()).isEqualTo(Status.PRESENT);
  }

  @Test
  void hostNamespaces_areUnknown_neverGuessed() {
    CollectorCheck c = check(proc(), privilege(Privilege.HOST_PID), privilege(Privilege.HOST_NETWORK),
        privilege(Privilege.HOST_IPC));

    assertThat(c.readiness()).isEqualTo(Readiness.UNKNOWN);
    assertThat(c.findings()).extracting(Finding::status).containsOnly(Status.UNKNOWN);
    assertThat(c.findings()).extracting(Finding::detail).containsOnly("cannot be seen from inside the container");
  }

  @Test
  void privileged_withNoNewPrivs_isMissing() {
    Finding f = only(check(proc().allCapabilities().noNewPrivs(true), privilege(Privilege.PRIVILEGED)));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("no-new-privs is set, which a privileged container never has");
  }

  @Test
  void privileged_lackingCapabilities_isMissingNamingThem() {
    Finding f = only(check(proc().allCapabilities().noNewPrivs(false), privilege(Privilege.PRIVILEGED)));
    assertThat(f.status()).isEqualTo(Status.UNKNOWN);

    Finding lacking = only(check(new FakeProc(root).capabilities(LinuxCapability.SYS_ADMIN).noNewPrivs(false),
        privilege(Privilege.PRIVILEGED)));
    assertThat(lacking.status()).isEqualTo(Status.MISSING);
    assertThat(lacking.detail()).startsWith("not privileged: CapEff lacks CHOWN, DAC_OVERRIDE, ").doesNotContain("SYS_ADMIN");
  }

  @Test
  void writableRootFilesystem_readOnlyRoot_isMissing() {
    Finding f = only(check(proc(), privilege(Privilege.WRITABLE_ROOT_FILESYSTEM)));

    assertThat(f.status()).isEqualTo(Status.MISSING);
    assertThat(f.detail()).isEqualTo("/ is mounted read-only");
  }

  @Test
  void seccompUnconfined_underAFilter_isMissing_andWithoutOne_present() {
    assertThat(only(check(proc().seccomp(2), confinement(Confinement.SECCOMP_UNCONFINED))).detail())
        .isEqualTo("seccomp is active (Seccomp 2)");
    assertThat(only(check(proc().seccomp(0), confinement(Confinement.SECCOMP_UNCONFINED))).status())
        .isEqualTo(Status.PRESENT);
  }

  @Test
  void appArmorUnconfined_enforcedProfile_isMissing_unreadable_isUnknown() {
    assertThat(only(check(proc().appArmor("cri-containerd.apparmor.d (enforce)"),
        confinement(Confinement.APPARMOR_UNCONFINED))).detail())
        .isEqualTo("AppArmor profile cri-containerd.apparmor.d (enforce) confines the process");
    assertThat(only(check(new FakeProc(root).appArmor("unconfined"), confinement(Confinement.APPARMOR_UNCONFINED))).status())
        .isEqualTo(Status.PRESENT);
  }

  @Test
  void appArmor_unreadable_isUnknown() {
    assertThat(only(check(proc(), confinement(Confinement.APPARMOR_UNCONFINED))).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void noProcAtAll_everyProcessFactIsUnknown() {
    // root has no proc/ folder: what a non-Linux system looks like
    Registry registry = registry("c", capability(LinuxCapability.BPF), privilege(Privilege.RUN_AS_ROOT),
        hostPath("/proc", "/rootfs/proc", true), confinement(Confinement.SECCOMP_UNCONFINED));

    SelfCheckReport report = SelfCheck.under(root, FakePorts.taking()).check(registry, List.of("c"));

    assertThat(report.collector("c").orElseThrow().findings()).extracting(Finding::status).containsOnly(Status.UNKNOWN);
    assertThat(report.render()).contains("process: uid unknown, kernel unknown, CapEff unknown,");
  }

  @Test
  void enabledNameNotInRegistry_isNotRegistered() {
    SelfCheckReport report = SelfCheck.under(proc().write(), FakePorts.taking())
        .check(Registry.of(List.of(collector("cpu"))), List.of("cpu", "cpuu"));

    assertThat(report.collectors()).extracting(CollectorCheck::name, CollectorCheck::readiness).containsExactly(
        org.assertj.core.groups.Tuple.tuple("cpu", Readiness.READY),
        org.assertj.core.groups.Tuple.tuple("cpuu", Readiness.NOT_REGISTERED));
    assertThat(report.allReady()).isFalse();
  }

  @Test
  void enabledInputs_parsesTheCommaList() {
    assertThat(SelfCheck.enabledInputs(" cpu,disk,,mem , cpu")).containsExactly("cpu", "disk", "mem");
    assertThat(SelfCheck.enabledInputs(null)).isEmpty();
    assertThat(SelfCheck.enabledInputs("")).isEmpty();
  }
}
