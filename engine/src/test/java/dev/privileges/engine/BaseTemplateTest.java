package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class BaseTemplateTest {

  private static final String FILE = "src/main/k8s/base.yaml";

  private static Grant grant(Privilege... privileges) {
    TestBundles.CollectorBuilder c = collector("cpu").hostPath("/proc", "/rootfs/proc", true);
    if (privileges.length > 0) {
      c.privilege(privileges);
    }
    return new Resolver().resolve(bundle(c.build()), GenerationOptions.builder().name("agent").build());
  }

  private static String render(String template, Grant grant) {
    return Yaml.dumpAll(BaseTemplate.parse(template, FILE).apply(new DaemonSetRenderer().documents(grant), grant));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(String yaml) {
    Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) KubernetesSchema.daemonSet(yaml).get("spec")).get("template");
    return (Map<String, Object>) template.get("spec");
  }

  @Test
  @SuppressWarnings("unchecked")
  void podTemplate_keepsNonSecurityFieldsAndStaysValid() {
    String yaml = render("""
        metadata:
          labels: {tier: node}
        spec:
          priorityClassName: system-node-critical
          tolerations: [{operator: Exists}]
          nodeSelector: {kubernetes.io/os: linux}
          containers:
            - name: agent
              resources: {limits: {memory: 512Mi}}
              env: [{name: EXTRA, value: "1"}]
              volumeMounts: [{name: conf, mountPath: /etc/agent}]
          volumes:
            - name: conf
              secret: {secretName: agent}
        """, grant());
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
    Map<String, Object> pod = podSpec(yaml);
    assertThat(pod).containsEntry("priorityClassName", "system-node-critical")
        .containsEntry("tolerations", List.of(Map.of("operator", "Exists")))
        .containsEntry("automountServiceAccountToken", false);
    Map<String, Object> c = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    assertThat(c).containsEntry("resources", Map.of("limits", Map.of("memory", "512Mi")));
    assertThat((List<Map<String, Object>>) c.get("env")).extracting(e -> e.get("name"))
        .containsExactly("ENV_DEFAULT_ENABLED_INPUTS", "EXTRA");
    assertThat((List<Map<String, Object>>) pod.get("volumes")).extracting(v -> v.get("name"))
        .containsExactly("host-proc", "conf");
    assertThat(yaml).contains("tier: node").doesNotContain("&id");
  }

  @Test
  void privilegeTheGrantHolds_isAccepted() {
    String yaml = render("""
        spec:
          hostPID: true
        """, grant(Privilege.HOST_PID));
    assertThat(podSpec(yaml)).containsEntry("hostPID", true);
  }

  @Test
  void hostIpcNoCollectorNeeds_failsNamingTheField() {
    assertThatThrownBy(() -> render("""
        kind: DaemonSet
        spec:
          template:
            spec:
              hostIPC: true
        """, grant(Privilege.HOST_PID)))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("baseTemplate src/main/k8s/base.yaml: spec.template.spec.hostIPC: true grants"
            + " the node's IPC namespace (HOST_IPC), which no enabled collector needs: remove it from the template");
  }

  @Test
  void capabilityNoCollectorNeeds_fails() {
    assertThatThrownBy(() -> render("""
        spec:
          containers:
            - name: agent
              securityContext: {capabilities: {add: [SYS_ADMIN]}}
        """, grant()))
        .hasMessageContaining("spec.containers[0].securityContext.capabilities.add[0]: SYS_ADMIN grants capability SYS_ADMIN");
  }

  @Test
  void hostPortAndWritableRootAndSidecarPrivileges_fail() {
    assertThatThrownBy(() -> render("""
        spec:
          containers:
            - name: agent
              ports: [{containerPort: 80, hostPort: 80}]
        """, grant())).hasMessageContaining("spec.containers[0].ports[0].hostPort: 80 grants a port on the node's IP");
    assertThatThrownBy(() -> render("""
        spec:
          containers:
            - name: agent
              securityContext: {readOnlyRootFilesystem: false}
        """, grant())).hasMessageContaining("readOnlyRootFilesystem: false grants a writable root filesystem");
    assertThatThrownBy(() -> render("""
        spec:
          initContainers:
            - name: init
              securityContext: {privileged: true}
        """, grant(Privilege.PRIVILEGED))).hasMessageContaining("spec.initContainers[0].securityContext.privileged: true grants privileged mode");
  }

  @Test
  void templateEnvThatOverridesThePlugin_fails() {
    assertThatThrownBy(() -> render("""
        spec:
          containers:
            - name: agent
              env: [{name: ENV_DEFAULT_ENABLED_INPUTS, value: all}]
        """, grant())).hasMessageContaining("spec.containers[0].env[0].name: ENV_DEFAULT_ENABLED_INPUTS is set by the plugin");
  }

  private static final String SURGE = """
      kind: DaemonSet
      spec:
        updateStrategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: %s, maxUnavailable: %s}
      """;

  @Test
  void maxSurgeWithHostPorts_failsNamingThePortsAndTheirCollectors() {
    Grant statsd = new Resolver().resolve(bundle(
            collector("statsd").port(8125, dev.privileges.annotations.Protocol.UDP, "statsd", true).build()),
        GenerationOptions.builder().name("agent").build());
    assertThat(statsd.usesHostPorts()).isTrue();
    assertThatThrownBy(() -> render(SURGE.formatted("1", "0"), statsd))
        .isInstanceOf(EngineException.class)
        .hasMessage("baseTemplate src/main/k8s/base.yaml: spec.updateStrategy.rollingUpdate.maxSurge: 1"
            + " lets a second agent pod start on a node before the old one stops, but the agent binds host"
            + " ports (8125/UDP for statsd), so the new pod cannot bind them and the rollout stalls: set"
            + " maxSurge to 0 (the plugin's default) and roll with maxUnavailable");
    assertThatThrownBy(() -> render(SURGE.formatted("\"10%\"", "0"), grant(Privilege.HOST_NETWORK)))
        .hasMessageContaining("maxSurge: 10% lets a second agent pod start")
        .hasMessageContaining("the pods use the host network (cpu)");
  }

  @Test
  void maxSurgeWithoutHostPorts_isKept_andZeroSurgeWithZeroUnavailable_fails() {
    String yaml = render(SURGE.formatted("1", "0"), grant());
    assertThat(KubernetesSchema.violations(yaml)).isEmpty();
    assertThat(yaml).contains("maxSurge: 1");
    assertThat(render(SURGE.formatted("\"0%\"", "2"), grant(Privilege.HOST_NETWORK))).contains("maxUnavailable: 2");
    assertThatThrownBy(() -> render(SURGE.formatted("0", "\"0%\""), grant()))
        .hasMessage("baseTemplate src/main/k8s/base.yaml: spec.updateStrategy.rollingUpdate.maxUnavailable: 0%"
            + " and maxSurge are both 0, which the Kubernetes API rejects: set maxUnavailable to 1 (the"
            + " plugin's default) or more");
  }

  @Test
  void otherKinds_fail() {
    assertThatThrownBy(() -> BaseTemplate.parse("kind: Deployment\nspec: {}\n", FILE))
        .hasMessageStartingWith("baseTemplate src/main/k8s/base.yaml is a Deployment, not a DaemonSet or a pod template");
  }
}
