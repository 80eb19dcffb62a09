package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.metadata.KernelVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** PRODUCT §6 rules 1 to 5, on the rendered YAML. */
class PodAndContainerRulesTest {

  private static final GenerationOptions DEFAULTS = GenerationOptions.builder().build();

  private static Rendered render(Bundle bundle) {
    return render(bundle, DEFAULTS);
  }

  private static Rendered render(Bundle bundle, GenerationOptions options) {
    Rendered r = Rendered.of(bundle, options);
    assertThat(KubernetesSchema.violations(r.yaml)).isEmpty();
    return r;
  }

  private static GenerationOptions kernel(String version) {
    return GenerationOptions.builder().oldestKernel(KernelVersion.parse(version)).build();
  }

  @Test
  void rule01_hostNamespaces_onlyWhenRequired() {
    Bundle bundle = bundle(collector("procs").privilege(Privilege.HOST_PID).build(),
        collector("shm").privilege(Privilege.HOST_IPC).build(), collector("cpu").nothing().build());

    Rendered all = render(bundle);
    Rendered cpuOnly = render(bundle, GenerationOptions.builder().enabledCollectors(List.of("cpu")).build());

    assertThat(all.pod()).containsEntry("hostPID", true).containsEntry("hostIPC", true)
        .doesNotContainKeys("hostNetwork", "dnsPolicy");
    assertThat(cpuOnly.pod()).doesNotContainKeys("hostPID", "hostIPC", "hostNetwork", "dnsPolicy");
  }

  @Test
  void rule01_hostNetwork_comesWithClusterFirstWithHostNet() {
    Rendered r = render(bundle(collector("net").privilege(Privilege.HOST_NETWORK).build()));

    assertThat(r.pod()).containsEntry("hostNetwork", true).containsEntry("dnsPolicy", "ClusterFirstWithHostNet");
  }

  @Test
  void rule02_privileged_replacedByDeclaredCapabilities() {
    Rendered r = render(bundle(collector("ebpf").privilege(Privilege.PRIVILEGED).capability("BPF", "PERFMON").build()));

    assertThat(r.containerSecurity()).doesNotContainKey("privileged");
    assertThat(r.addedCapabilities()).containsExactly("BPF", "PERFMON");
  }

  @Test
  void rule02_privileged_whenTheBuildChoosesIt_orNoCapabilityCanReplaceIt() {
    Bundle replaceable = bundle(collector("ebpf").privilege(Privilege.PRIVILEGED).capability("BPF").build());
    Bundle irreplaceable = bundle(collector("gpu").privilege(Privilege.PRIVILEGED).build());

    Rendered chosen = render(replaceable, GenerationOptions.builder().privilegedInsteadOfCapabilities(true).build());
    Rendered needed = render(irreplaceable);

    assertThat(chosen.containerSecurity()).containsEntry("privileged", true).doesNotContainKey("capabilities");
    assertThat(needed.containerSecurity()).containsEntry("privileged", true).doesNotContainKey("capabilities");
  }

  @Test
  void rule02_capabilities_sortedUnionWithEverythingElseDropped() {
    Rendered r = render(bundle(collector("b").capability("SYS_PTRACE", "DAC_READ_SEARCH").build(),
        collector("a").capability("NET_RAW", "SYS_PTRACE").build()));

    assertThat(r.containerSecurity().get("capabilities")).isEqualTo(Map.of(
        "drop", List.of("ALL"), "add", List.of("DAC_READ_SEARCH", "NET_RAW", "SYS_PTRACE")));
  }

  @Test
  void rule02_kernel58_grantsBpfPerfmonAndMemlockRaise() {
    Rendered r = render(bundle(DataKitLikeBundles.ebpfNet()), kernel("5.8"));

    assertThat(r.addedCapabilities()).containsExactly("BPF", "NET_RAW", "PERFMON", "SYS_PTRACE", "SYS_RESOURCE");
    assertThat(r.containerSecurity()).containsEntry("allowPrivilegeEscalation", false);
  }

  @Test
  void rule02_kernel511_dropsSysResource() {
    Rendered r = render(bundle(DataKitLikeBundles.ebpfNet()), kernel("5.11"));

    assertThat(r.addedCapabilities()).containsExactly("BPF", "NET_RAW", "PERFMON", "SYS_PTRACE");
  }

  @Test
  void rule02_kernel419_grantsSysAdminWhichCoversBpfAndPerfmon() {
    Rendered r = render(bundle(DataKitLikeBundles.ebpfNet()), kernel("4.19"));

    assertThat(r.addedCapabilities()).containsExactly("NET_RAW", "SYS_ADMIN", "SYS_PTRACE", "SYS_RESOURCE");
    assertThat(r.containerSecurity()).doesNotContainKeys("allowPrivilegeEscalation", "privileged");
  }

  @Test
  void rule02_sysAdminGrantedAnyway_absorbsBpfAndListsItsCollectors() {
    Bundle bundle = bundle(collector("tracer").capabilitiesInKernels("5.8", "", "BPF", "PERFMON").build(),
        collector("nsenter").capability("SYS_ADMIN").build());

    Grant grant = new Resolver().resolve(bundle, DEFAULTS);
    Rendered r = render(bundle);

    assertThat(r.addedCapabilities()).containsExactly("SYS_ADMIN");
    assertThat(r.annotations()).containsEntry("privileges.dev/capability.sys-admin", "nsenter, tracer");
    assertThat(grant.capabilities().get("SYS_ADMIN")).extracting(Need::reason)
        .contains("Needs BPF, which SYS_ADMIN includes: tracer needs BPF.");
  }

  @Test
  void rule03_allowPrivilegeEscalationFalse_unlessPrivilegedOrSysAdmin() {
    Rendered plain = render(bundle(collector("procs").capability("SYS_PTRACE").build()));
    Rendered sysAdmin = render(bundle(collector("nsenter").capability("SYS_ADMIN").build()));
    Rendered privileged = render(bundle(collector("gpu").privilege(Privilege.PRIVILEGED).build()));

    assertThat(plain.containerSecurity()).containsEntry("allowPrivilegeEscalation", false);
    assertThat(sysAdmin.containerSecurity()).doesNotContainKey("allowPrivilegeEscalation");
    assertThat(privileged.containerSecurity()).doesNotContainKey("allowPrivilegeEscalation");
  }

  @Test
  void rule04_nonRoot_withTheConfiguredUid() {
    Rendered r = render(bundle(collector("cpu").nothing().build()), GenerationOptions.builder().nonRootUid(65532).build());

    assertThat(r.podSecurity()).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65532)
        .containsEntry("runAsGroup", 65532);
  }

  @Test
  void rule04_rootOnlyWhenRequired_orWhenCapabilitiesAreAdded() {
    Rendered declared = render(bundle(collector("container").privilege(Privilege.RUN_AS_ROOT).build()));
    Rendered caps = render(bundle(collector("procs").capability("SYS_PTRACE").build()));

    assertThat(declared.podSecurity()).containsEntry("runAsUser", 0).doesNotContainKey("runAsNonRoot");
    assertThat(caps.podSecurity()).containsEntry("runAsUser", 0).doesNotContainKey("runAsNonRoot");
    assertThat(caps.annotations()).containsEntry("privileges.dev/run-as-root", "procs");
  }

  @Test
  void rule04_rootUidAsNonRootUid_failsNamingTheParameter() {
    GenerationOptions options = GenerationOptions.builder().nonRootUid(0).build();

    assertThatThrownBy(() -> new Resolver().resolve(bundle(collector("cpu").nothing().build()), options))
        .isInstanceOf(EngineException.class).hasMessageContaining("nonRootUid '0'")
        .hasMessageContaining("10001");
  }

  @Test
  void rule05_readOnlyRootFilesystem_withOneVolumePerWritablePath() {
    Rendered r = render(bundle(collector("logs").writable("/var/cache/agent", "/var/lib/agent/cache").build(),
        collector("jobs").writable("/tmp", "").build()));

    assertThat(r.containerSecurity()).containsEntry("readOnlyRootFilesystem", true);
    assertThat(r.mounts()).containsExactly(Map.of("name", "scratch-tmp", "mountPath", "/tmp"),
        Map.of("name", "kept-var-cache-agent", "mountPath", "/var/cache/agent"));
    assertThat(r.volumes()).containsExactly(
        Map.of("name", "scratch-tmp", "emptyDir", Map.of()),
        Map.of("name", "kept-var-cache-agent", "hostPath", Map.of("path", "/var/lib/agent/cache", "type", "DirectoryOrCreate")));
  }

  @Test
  void rule05_writableRootFilesystem_onlyWhenRequired() {
    Bundle bundle = bundle(collector("python").privilege(Privilege.WRITABLE_ROOT_FILESYSTEM).build(),
        collector("cpu").nothing().build());

    assertThat(render(bundle).containerSecurity()).containsEntry("readOnlyRootFilesystem", false);
    assertThat(render(bundle, GenerationOptions.builder().excludedCollectors(List.of("python")).build())
        .containerSecurity()).containsEntry("readOnlyRootFilesystem", true);
  }
}
