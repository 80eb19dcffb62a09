package dev.privileges.annotations.runtime;

import static dev.privileges.annotations.runtime.SampleDescriptors.BASE;
import static dev.privileges.annotations.runtime.SampleDescriptors.PROCS;
import static dev.privileges.annotations.runtime.SampleDescriptors.hostProcesses;
import static dev.privileges.annotations.runtime.SampleDescriptors.self;
import static dev.privileges.annotations.runtime.SampleDescriptors.statsd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed view of the registry: one record per requirement kind, and the queries an agent asks. */
class RegistryQueriesTest {

  private final Registry registry = Registry.of(List.of(
      RegisteredCollector.of(statsd()), RegisteredCollector.of(hostProcesses()), RegisteredCollector.of(self())));

  private RegisteredCollector procs() {
    return registry.collector("host_processes").orElseThrow();
  }

  @Test
  void typedCollector_holdsEveryRequirementKindTyped_identicalDuplicatesOnce_sorted() {
    KernelVersion v58 = new KernelVersion(5, 8);
    assertThat(procs().requirements()).containsExactly(
        new PrivilegeRequirement(Privilege.HOST_PID, "Lists the node's processes.", PROCS),
        new CapabilityRequirement(LinuxCapability.BPF, Optional.of(v58), Optional.empty(), "Loads eBPF programs.", PROCS),
        new CapabilityRequirement(LinuxCapability.SYS_ADMIN, Optional.empty(), Optional.of(v58),
            "Loads eBPF programs on old kernels.", PROCS),
        new CapabilityRequirement(LinuxCapability.SYS_PTRACE, Optional.empty(), Optional.empty(),
            "Reads other processes' /proc entries.", BASE),
        new HostPathRequirement("/proc", "/rootfs/proc", true, HostPathType.DIRECTORY, MountPropagation.NONE,
            Optional.of("HOST_PROC"), "Reads per-process counters.", PROCS),
        new PortRequirement(9529, Protocol.TCP, Optional.of("metrics"), false, "Serves its own metrics.", PROCS),
        new WritablePathRequirement("/var/cache/procs", false, Optional.empty(), "Caches process names.", PROCS),
        new ApiRequirement(List.of(""), List.of("nodes", "pods"), List.of(), List.of("get", "list", "watch"),
            "Adds pod labels to processes.", PROCS),
        new ApiRequirement(List.of(), List.of(), List.of("/metrics"), List.of("get"), "Reads the kubelet's metrics.", PROCS),
        new ConfinementRequirement(Confinement.SECCOMP_UNCONFINED, "Uses perf_event_open.", PROCS));
  }

  @Test
  void collector_keepsItsDescriptiveFields() {
    assertThat(procs().feature()).isEqualTo("Host Process Metrics");
    assertThat(procs().description()).contains("Per-process metrics.");
    assertThat(procs().source()).isEqualTo(PROCS);
    assertThat(procs().noPrivilegesReason()).isEmpty();
    assertThat(registry.collector("self").orElseThrow().description()).isEmpty();
  }

  @Test
  void needing_answersPerPrivilegeCapabilityPathApiAndConfinement() {
    assertThat(registry.needing(Privilege.HOST_PID)).extracting(RegisteredCollector::name).containsExactly("host_processes");
    assertThat(registry.needing(Privilege.HOST_NETWORK)).extracting(RegisteredCollector::name).containsExactly("statsd");
    assertThat(registry.needing(Privilege.PRIVILEGED)).isEmpty();
    assertThat(registry.needing(LinuxCapability.SYS_PTRACE)).extracting(RegisteredCollector::name)
        .containsExactly("host_processes");
    assertThat(registry.needing(LinuxCapability.NET_RAW)).isEmpty();
    assertThat(registry.needingHostPath("/proc")).extracting(RegisteredCollector::name).containsExactly("host_processes");
    assertThat(registry.needingHostPath("/rootfs/proc")).isEmpty();
    assertThat(registry.needingApiAccess()).extracting(RegisteredCollector::name).containsExactly("host_processes");
    assertThat(registry.needing(Confinement.SECCOMP_UNCONFINED)).hasSize(1);
    assertThat(registry.needing(Confinement.APPARMOR_UNCONFINED)).isEmpty();
  }

  @Test
  void requirementsOfAKind_overTheRegistry_sortedByNumber() {
    assertThat(registry.requirements(PortRequirement.class)).extracting(PortRequirement::summary)
        .containsExactly("port 8125/UDP (statsd)", "port 9529/TCP (metrics)");
    assertThat(procs().requirements(CapabilityRequirement.class)).extracting(CapabilityRequirement::summary)
        .containsExactly("capability BPF (kernel 5.8 and newer)", "capability SYS_ADMIN (kernels before 5.8)",
            "capability SYS_PTRACE");
  }

  @Test
  void summaries_readAsTheDeclaration() {
    assertThat(procs().requirements()).extracting(Requirement::summary).containsExactly(
        "privilege HOST_PID",
        "capability BPF (kernel 5.8 and newer)",
        "capability SYS_ADMIN (kernels before 5.8)",
        "capability SYS_PTRACE",
        "host path /proc at /rootfs/proc (read-only)",
        "port 9529/TCP (metrics)",
        "writable path /var/cache/procs (scratch)",
        "Kubernetes API get,list,watch nodes,pods (group core)",
        "Kubernetes API get /metrics",
        "confinement SECCOMP_UNCONFINED");
  }

  @Test
  void capabilityRange_appliesOnlyInsideIt() {
    CapabilityRequirement bpf = procs().requirements(CapabilityRequirement.class).get(0);
    assertThat(bpf.appliesTo(new KernelVersion(5, 8))).isTrue();
    assertThat(bpf.appliesTo(new KernelVersion(6, 1))).isTrue();
    assertThat(bpf.appliesTo(new KernelVersion(5, 4))).isFalse();
  }

  @Test
  void of_sameNameDifferentContent_fails() {
    RegisteredCollector other = new RegisteredCollector("statsd", "Other", Optional.empty(), "dev.Other",
        Optional.of("Nothing."), List.of());
    assertThatThrownBy(() -> Registry.of(List.of(RegisteredCollector.of(statsd()), other)))
        .hasMessage("collector 'statsd' is given twice with different content");
  }

  @Test
  void kernelVersion_parsesReleaseStrings() {
    assertThat(KernelVersion.parse("6.1.0-18-amd64")).contains(new KernelVersion(6, 1));
    assertThat(KernelVersion.parse("5.8")).contains(new KernelVersion(5, 8));
    assertThat(KernelVersion.parse("5.15rc1")).contains(new KernelVersion(5, 15));
    assertThat(KernelVersion.parse("six")).isEmpty();
    assertThat(KernelVersion.parse("5")).isEmpty();
  }

  @Test
  void linuxCapability_parsesKernelAndKubernetesSpelling() {
    assertThat(LinuxCapability.parse("cap_net_raw")).contains(LinuxCapability.NET_RAW);
    assertThat(LinuxCapability.parse("SYS_PTRACE")).contains(LinuxCapability.SYS_PTRACE);
    assertThat(LinuxCapability.parse("SYS_PTRAC")).isEmpty();
    assertThat(LinuxCapability.SYS_PTRACE.kernelName()).isEqualTo("CAP_SYS_PTRACE");
  }

  @Test
  void linuxCapability_bitsAreTheKernelsNumbering_withoutGaps() {
    // capabilities(7): CHOWN is 0, SYS_ADMIN 21, CHECKPOINT_RESTORE 40, each value once
    assertThat(LinuxCapability.CHOWN.bit()).isZero();
    assertThat(LinuxCapability.SYS_ADMIN.bit()).isEqualTo(21);
    assertThat(LinuxCapability.BPF.bit()).isEqualTo(39);
    assertThat(LinuxCapability.values()).extracting(LinuxCapability::bit)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 41).boxed().toList());
  }
}
