package dev.privileges.engine;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.PodSecurity.Level;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** PRODUCT §6 rules 9 to 13, on the rendered YAML. */
class OutputRulesTest {

  private static final GenerationOptions DEFAULTS = GenerationOptions.builder().build();

  @Test
  void rule09_seccompRuntimeDefault_unlessPrivilegedOrDeclared() {
    Rendered plain = Rendered.of(bundle(collector("cpu").nothing().build()), DEFAULTS);
    Rendered privileged = Rendered.of(bundle(collector("gpu").privilege(Privilege.PRIVILEGED).build()), DEFAULTS);
    Rendered declared = Rendered.of(bundle(collector("trace").confinement(Confinement.SECCOMP_UNCONFINED).build()), DEFAULTS);

    assertThat(plain.podSecurity()).containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    assertThat(privileged.podSecurity()).doesNotContainKey("seccompProfile");
    assertThat(declared.podSecurity()).containsEntry("seccompProfile", Map.of("type", "Unconfined"));
    assertThat(declared.annotations()).containsEntry("privileges.dev/seccomp-unconfined", "trace");
  }

  @Test
  void rule09_appArmorUnconfined_onlyWhenDeclared() {
    Rendered declared = Rendered.of(bundle(collector("trace").confinement(Confinement.APPARMOR_UNCONFINED).build(),
        collector("cpu").nothing().build()), DEFAULTS);
    Rendered without = Rendered.of(bundle(collector("trace").confinement(Confinement.APPARMOR_UNCONFINED).build(),
        collector("cpu").nothing().build()), GenerationOptions.builder().excludedCollectors(List.of("trace")).build());

    assertThat(declared.containerSecurity()).containsEntry("appArmorProfile", Map.of("type", "Unconfined"));
    assertThat(without.containerSecurity()).doesNotContainKey("appArmorProfile");
    assertThat(KubernetesSchema.violations(declared.yaml)).isEmpty();
  }

  @Test
  void rule10_enabledInputsEnv_hasTheConfiguredName_andListsExactlyTheEnabledCollectorsSorted() {
    Bundle bundle = bundle(collector("mem").nothing().build(), collector("cpu").nothing().build(),
        collector("disk").nothing().build());

    Rendered r = Rendered.of(bundle, GenerationOptions.builder().enabledInputsEnv("ENABLED_INPUTS")
        .enabledCollectors(List.of("mem", "cpu")).build());

    assertThat(r.env()).containsExactly(Map.of("name", "ENABLED_INPUTS", "value", "cpu,mem"));
  }

  @Test
  void rule10_invalidEnvName_failsNamingTheParameter() {
    GenerationOptions options = GenerationOptions.builder().enabledInputsEnv("ENABLED-INPUTS").build();

    assertThatThrownBy(() -> new Resolver().resolve(bundle(collector("cpu").nothing().build()), options))
        .isInstanceOf(EngineException.class).hasMessageContaining("enabledInputsEnv 'ENABLED-INPUTS'");
  }

  @Test
  void rule11_provenance_namesTheCollectorsBehindEveryGrantedPrivilege() {
    Rendered r = Rendered.of(DataKitLikeBundles.all(), DEFAULTS);

    assertThat(r.annotations()).containsEntry("privileges.dev/host-pid", "bpf-netlog, disk-nsenter, ebpf-net, host_processes")
        .containsEntry("privileges.dev/capability.dac-read-search", "container-logs, disk, host_processes")
        .containsEntry("privileges.dev/port.9529-tcp", "ddtrace, opentelemetry")
        .containsEntry("privileges.dev/volume.host-proc",
            "bpf-netlog, cpu, diskio, ebpf-net, host_processes, hostobject, mem, net, system");
    r.addedCapabilities().forEach(cap -> assertThat(r.annotations())
        .containsKey("privileges.dev/capability." + ((String) cap).toLowerCase(Locale.ROOT).replace('_', '-')));
    r.volumes().forEach(v -> assertThat(r.annotations()).containsKey("privileges.dev/volume." + v.get("name")));
    assertThat(r.annotations().keySet()).allSatisfy(k -> assertThat(k).startsWith("privileges.dev/")
        .satisfies(key -> assertThat(key.substring(15)).hasSizeLessThanOrEqualTo(63)
            .matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")));
  }

  @Test
  void rule11_nothingGranted_noProvenanceAnnotations() {
    Rendered r = Rendered.of(bundle(collector("dk").nothing().build()), DEFAULTS);

    assertThat(((Map<?, ?>) r.template().get("metadata")).containsKey("annotations")).isFalse();
  }

  @Test
  void rule12_podSecurityLevel_andTheCollectorsHoldingIt() {
    Bundle bundle = bundle(collector("procs").privilege(Privilege.HOST_PID).build(),
        collector("container").privilege(Privilege.RUN_AS_ROOT).build(), collector("cpu").nothing().build());

    PodSecurity.Assessment all = new Resolver().resolve(bundle, DEFAULTS).podSecurity();
    PodSecurity.Assessment withoutProcs = new Resolver().resolve(bundle,
        GenerationOptions.builder().excludedCollectors(List.of("procs")).build()).podSecurity();
    PodSecurity.Assessment cpuOnly = new Resolver().resolve(bundle,
        GenerationOptions.builder().enabledCollectors(List.of("cpu")).build()).podSecurity();

    assertThat(all.level()).isEqualTo(Level.PRIVILEGED);
    assertThat(all.collectorsHoldingLevel()).containsExactly("procs");
    assertThat(withoutProcs.level()).isEqualTo(Level.BASELINE);
    assertThat(withoutProcs.collectorsHoldingLevel()).containsExactly("container");
    assertThat(cpuOnly.level()).isEqualTo(Level.RESTRICTED);
    assertThat(cpuOnly.collectorsHoldingLevel()).isEmpty();
  }

  @Test
  void rule12_namespaceObject_comesFirst_withTheEnforceLabelOfTheLevel() {
    Bundle bundle = bundle(collector("container").privilege(Privilege.RUN_AS_ROOT).api("", List.of("pods"), "get").build());

    Rendered with = Rendered.of(bundle, GenerationOptions.builder().namespace("monitoring").namespaceObject(true).build());
    Rendered without = Rendered.of(bundle, DEFAULTS);

    assertThat(with.kinds()).containsExactly("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "DaemonSet");
    assertThat(with.documents.get(0).get("metadata")).isEqualTo(Map.of("name", "monitoring", "labels",
        Map.of("app.kubernetes.io/name", "node-agent", "pod-security.kubernetes.io/enforce", "baseline")));
    assertThat(without.kinds()).doesNotContain("Namespace");
  }

  @Test
  void rule13_sameInput_sameBytes_acrossRunsLocalesAndTimeZones() {
    GenerationOptions options = GenerationOptions.builder().namespaceObject(true).build();
    String first = new DaemonSetRenderer().render(new Resolver().resolve(DataKitLikeBundles.all(), options));
    String second = new DaemonSetRenderer().render(new Resolver().resolve(DataKitLikeBundles.all(), options));
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    String turkish;
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
      turkish = new DaemonSetRenderer().render(new Resolver().resolve(DataKitLikeBundles.all(), options));
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }

    assertThat(second).isEqualTo(first);
    assertThat(turkish).isEqualTo(first);
    assertThat(first).doesNotContain("\r").contains("privileges.dev/capability.sys-admin");
    assertThat(KubernetesSchema.violations(first)).isEmpty();
  }

  @Test
  void rule13_invalidObjectName_failsNamingTheParameterAndTheFix() {
    GenerationOptions options = GenerationOptions.builder().namespace("Foo_Bar").build();

    assertThatThrownBy(() -> new Resolver().resolve(bundle(collector("cpu").nothing().build()), options))
        .isInstanceOf(EngineException.class)
        .hasMessage("namespace 'Foo_Bar' is not a DNS-1123 label (at most 63 lower-case letters,"
            + " digits and '-', starting and ending with a letter or digit), perhaps you meant 'foo-bar'");
  }
}
