package dev.privileges.engine;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** PRODUCT §6 rules 6 to 8, on the rendered YAML. */
class MountPortAndApiRulesTest {

  private static final GenerationOptions DEFAULTS = GenerationOptions.builder().build();

  private static Rendered render(Bundle bundle, GenerationOptions options) {
    Rendered r = Rendered.of(bundle, options);
    assertThat(KubernetesSchema.violations(r.yaml)).isEmpty();
    return r;
  }

  private static Rendered render(Bundle bundle) {
    return render(bundle, DEFAULTS);
  }

  @Test
  void rule06_hostPath_mountedOnce_readOnlyUnlessSomeCollectorWrites() {
    Bundle bundle = bundle(collector("reader").hostPath("/sys/kernel/debug", "/sys/kernel/debug", true).build(),
        collector("writer").hostPath("/sys/kernel/debug", "/sys/kernel/debug", false).build());

    Rendered both = render(bundle);
    Rendered readerOnly = render(bundle, GenerationOptions.builder().enabledCollectors(List.of("reader")).build());

    assertThat(both.mounts()).containsExactly(Map.of("name", "host-sys-kernel-debug", "mountPath", "/sys/kernel/debug"));
    assertThat(both.annotations()).containsEntry("privileges.dev/volume.host-sys-kernel-debug", "reader, writer");
    assertThat(readerOnly.mounts()).containsExactly(
        Map.of("name", "host-sys-kernel-debug", "mountPath", "/sys/kernel/debug", "readOnly", true));
  }

  @Test
  void rule06_sameHostPathAtTwoMountPaths_failsNamingBothCollectors() {
    Bundle bundle = bundle(collector("cpu").hostPath("/proc", "/rootfs/proc", true).build(),
        collector("net").hostPath("/proc", "/host/proc", true).build());

    assertThatThrownBy(() -> new Resolver().resolve(bundle, DEFAULTS)).isInstanceOf(EngineException.class)
        .hasMessageContaining("'/proc'").hasMessageContaining("'cpu'").hasMessageContaining("'net'")
        .hasMessageContaining("/host/proc");
  }

  @Test
  void rule06_twoPathsAtOneMountPath_fail() {
    Bundle bundle = bundle(collector("a").hostPath("/var/log", "/logs", true).build(),
        collector("b").writable("/logs", "").build());

    assertThatThrownBy(() -> new Resolver().resolve(bundle, DEFAULTS)).isInstanceOf(EngineException.class)
        .hasMessageContaining("mount path '/logs'").hasMessageContaining("(a)").hasMessageContaining("(b)");
  }

  @Test
  void rule06_bidirectionalPropagation_withoutPrivileged_failsNamingTheCollector() {
    Bundle bundle = bundle(collector("csi").hostPath("/var/lib/agent/mounts", "/mounts", false,
        HostPathType.DIRECTORY, MountPropagation.BIDIRECTIONAL, "").build());

    assertThatThrownBy(() -> new Resolver().resolve(bundle, DEFAULTS)).isInstanceOf(EngineException.class)
        .hasMessageContaining("collector csi").hasMessageContaining("Bidirectional")
        .hasMessageContaining("declare PRIVILEGED");
  }

  @Test
  void rule06_bidirectionalPropagation_whenPrivilegedWasReplaced_suggestsTheOption() {
    Bundle bundle = bundle(collector("csi").privilege(Privilege.PRIVILEGED).capability("SYS_ADMIN")
        .hostPath("/var/lib/agent/mounts", "/mounts", false, HostPathType.DIRECTORY, MountPropagation.BIDIRECTIONAL, "")
        .build());

    assertThatThrownBy(() -> new Resolver().resolve(bundle, DEFAULTS)).isInstanceOf(EngineException.class)
        .hasMessageContaining("set privilegedInsteadOfCapabilities to true");
    Rendered r = render(bundle, GenerationOptions.builder().privilegedInsteadOfCapabilities(true).build());
    assertThat(r.mounts()).containsExactly(Map.of("name", "host-var-lib-agent-mounts", "mountPath", "/mounts",
        "mountPropagation", "Bidirectional"));
  }

  @Test
  void rule06_volumeNames_uniqueValidAndShortEnoughForTheirAnnotation() {
    String longPath = "/var/lib/kubelet/plugins/kubernetes.io/csi/pv/some-very-long-volume-identifier/globalmount";
    Rendered r = render(bundle(collector("a").hostPath("/var/run", "/host/var/run", true)
        .hostPath("/var-run", "/host/var-run", true).hostPath(longPath, "/csi", true).build()));

    List<Object> names = r.volumes().stream().map(v -> v.get("name")).toList();
    assertThat(names).doesNotHaveDuplicates().hasSize(3)
        .allSatisfy(n -> assertThat((String) n).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(56));
    assertThat(r.annotations().keySet()).allSatisfy(k -> assertThat(k.substring("privileges.dev/".length()))
        .hasSizeLessThanOrEqualTo(63).matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?"));
    names.forEach(n -> assertThat(r.annotations()).containsKey("privileges.dev/volume." + n));
  }

  @Test
  void rule07_hostPortOnlyWhenReachable_sharedPortOnceWithEveryCollector() {
    Rendered r = render(bundle(
        collector("ddtrace").port(9529, Protocol.TCP, "http-api", true).build(),
        collector("rum").port(9529, Protocol.TCP, "http-api", false).build(),
        collector("exporter").port(9100, Protocol.TCP, "metrics", false).build()));

    assertThat(r.ports()).containsExactly(
        Map.of("name", "metrics", "containerPort", 9100, "protocol", "TCP"),
        Map.of("name", "http-api", "containerPort", 9529, "hostPort", 9529, "protocol", "TCP"));
    assertThat(r.annotations()).containsEntry("privileges.dev/port.9529-tcp", "ddtrace, rum");
  }

  @Test
  void rule07_underHostNetwork_hostPortEqualsContainerPort_andMaxSurgeStaysZero() {
    Rendered r = render(bundle(collector("statsd").privilege(Privilege.HOST_NETWORK)
        .port(8125, Protocol.UDP, "statsd", true).build()));

    assertThat(r.ports()).containsExactly(Map.of("name", "statsd", "containerPort", 8125, "hostPort", 8125, "protocol", "UDP"));
    assertThat(r.daemonSetSpec().get("updateStrategy")).isEqualTo(
        Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("maxSurge", 0, "maxUnavailable", 1)));
  }

  @Test
  void rule07_serviceExposure_givesNodeLocalServiceInsteadOfHostPorts() {
    Rendered r = render(bundle(collector("statsd").port(8125, Protocol.UDP, "statsd", true).build(),
        collector("exporter").port(9100, Protocol.TCP, "metrics", false).build()),
        GenerationOptions.builder().name("agent").portExposure(PortExposure.SERVICE).build());

    assertThat(r.ports()).noneMatch(p -> p.containsKey("hostPort"));
    Map<String, Object> service = r.document("Service");
    assertThat(service.get("spec")).isEqualTo(Map.of(
        "selector", Map.of("app.kubernetes.io/name", "agent"),
        "internalTrafficPolicy", "Local",
        "ports", List.of(Map.of("name", "statsd", "port", 8125, "protocol", "UDP", "targetPort", "statsd"))));
    assertThat(r.daemonSetSpec().get("selector")).isEqualTo(Map.of("matchLabels", Map.of("app.kubernetes.io/name", "agent")));
  }

  @Test
  void rule08_noApiNeed_noRbacObjects_andNoServiceAccountToken() {
    Rendered r = render(bundle(collector("cpu").nothing().build()));

    assertThat(r.kinds()).containsExactly("DaemonSet");
    assertThat(r.pod()).containsEntry("automountServiceAccountToken", false).doesNotContainKey("serviceAccountName");
  }

  @Test
  void rule08_apiRules_mergedLikeControllerGen() {
    Rendered r = render(bundle(
        collector("a").api("", List.of("pods", "nodes"), "list", "get").api("apps", List.of("daemonsets"), "get").build(),
        collector("b").api("", List.of("pods"), "watch", "get").api("apps", List.of("daemonsets"), "*", "list").build(),
        collector("c").api("", List.of("nodes"), "get").apiUrl("/metrics", "get").apiUrl("/healthz", "get").build()),
        GenerationOptions.builder().name("agent").namespace("monitoring").build());

    assertThat(r.kinds()).containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "DaemonSet");
    assertThat(r.clusterRoleRules()).containsExactly(
        Map.of("apiGroups", List.of(""), "resources", List.of("nodes"), "verbs", List.of("get", "list")),
        Map.of("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get", "list", "watch")),
        Map.of("apiGroups", List.of("apps"), "resources", List.of("daemonsets"), "verbs", List.of("*")),
        Map.of("nonResourceURLs", List.of("/healthz", "/metrics"), "verbs", List.of("get")));
    assertThat(r.document("ClusterRoleBinding").get("subjects")).isEqualTo(
        List.of(Map.of("kind", "ServiceAccount", "name", "agent", "namespace", "monitoring")));
    assertThat(r.pod()).containsEntry("serviceAccountName", "agent").doesNotContainKey("automountServiceAccountToken");
    assertThat(r.annotations()).containsEntry("privileges.dev/kubernetes-api", "a, b, c");
  }
}
