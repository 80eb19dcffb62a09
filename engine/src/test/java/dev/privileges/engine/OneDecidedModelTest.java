package dev.privileges.engine;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.policy.LockFile;
import dev.privileges.engine.policy.PolicyCheck;
import dev.privileges.engine.policy.RequirementSelector;
import dev.privileges.engine.report.ReportRenderer;
import dev.privileges.engine.statement.FeatureRecommendations;
import dev.privileges.engine.statement.StatementRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * Issue 12: every output renders the one decided model, and what is granted works. Each test
 * failed before the model was decided once.
 */
class OneDecidedModelTest {

  private static final GenerationOptions OPTIONS = GenerationOptions.builder().build();

  /** A bundle where privileged cannot be replaced (Bidirectional) and another feature adds BPF. */
  private static Bundle privilegedWithCapabilities() {
    return bundle(
        collector("csi").feature("Storage").privilege(Privilege.PRIVILEGED)
            .hostPath("/var/lib/kubelet/pods", "/pods", false, HostPathType.DIRECTORY,
                MountPropagation.BIDIRECTIONAL, "").build(),
        collector("ebpf").feature("eBPF").capability("BPF", "PERFMON").build());
  }

  private static Grant resolve(Bundle bundle) {
    return new Resolver().resolve(bundle, OPTIONS);
  }

  @Test
  void privileged_everyOutputSaysPrivileged_andListsCapabilitiesAsCovered() {
    Bundle bundle = privilegedWithCapabilities();
    Grant grant = resolve(bundle);
    Rendered yaml = Rendered.of(new DaemonSetRenderer().render(grant));
    String statement = new StatementRenderer(new Resolver()).render(grant);
    String report = new ReportRenderer().render(bundle, grant);

    assertThat(yaml.containerSecurity()).containsEntry("privileged", true).doesNotContainKey("capabilities");
    assertThat(grant.capabilities()).isEmpty();
    assertThat(grant.coveredByPrivileged()).containsOnlyKeys("BPF", "PERFMON");
    assertThat(yaml.annotations()).doesNotContainKeys("privileges.dev/capability.bpf", "privileges.dev/capability.perfmon")
        .containsEntry("privileges.dev/privileged.covers", "BPF,PERFMON");
    assertThat(LockFile.of(grant).granted().keySet()).noneMatch(k -> k.startsWith("capability:"));
    assertThat(report).contains("\"coveredByPrivileged\"").contains("\"privileged\": true");
    assertThat(statement).doesNotContain("Every capability is dropped")
        .contains("The container runs privileged, so it holds every capability and the YAML has no `capabilities` block")
        .doesNotContain("#### `capabilities.add: BPF`");
  }

  @Test
  void privileged_trimRowRestoresTheUnprivilegedSecurityContext() {
    Grant grant = resolve(privilegedWithCapabilities());
    String row = new FeatureRecommendations(new Resolver()).rows(grant).stream()
        .filter(r -> r.feature().equals("Storage")).findFirst().orElseThrow().changes().toString();

    assertThat(row).contains("remove `privileged: true` in the agent container's `securityContext`")
        .contains("add `allowPrivilegeEscalation: false` in the agent container's `securityContext`")
        .contains("add `capabilities: {drop: [ALL], add: [BPF, PERFMON]}` in the agent container's `securityContext`")
        .contains("add `seccompProfile: {type: RuntimeDefault}` in the pod's `securityContext`")
        .doesNotContain("from `capabilities.add`");
  }

  @Test
  void keptWritablePath_isHandedToTheNonRootUidByAnInitContainer() {
    Grant grant = resolve(bundle(collector("logs").writable("/var/cache/agent", "/var/lib/agent-cache").build()));
    Rendered yaml = Rendered.of(new DaemonSetRenderer().render(grant));
    @SuppressWarnings("unchecked")
    Map<String, Object> init = ((List<Map<String, Object>>) yaml.pod().get("initContainers")).get(0);

    assertThat(init).containsEntry("name", "own-kept-paths")
        .containsEntry("command", List.of("chown", "10001:10001", "/var/cache/agent"));
    assertThat(init.get("securityContext")).isEqualTo(Map.of("runAsUser", 0, "runAsNonRoot", false,
        "allowPrivilegeEscalation", false, "capabilities", Map.of("drop", List.of("ALL"), "add", List.of("CHOWN")),
        "readOnlyRootFilesystem", true));
    assertThat(new StatementRenderer(new Resolver()).render(grant))
        .contains("`fsGroup` does not apply to hostPath volumes");
    assertThat(grant.podSecurity().violations()).anyMatch(v -> v.field().equals("initContainers[own-kept-paths] runAsUser: 0"));
  }

  @Test
  void deviceHostPath_withoutPrivileged_failsNamingTheCollector() {
    Bundle bundle = bundle(collector("kmsg").hostPath("/dev/kmsg", "/dev/kmsg", true, HostPathType.CHAR_DEVICE,
        MountPropagation.NONE, "").build());

    assertThatThrownBy(() -> resolve(bundle)).isInstanceOf(EngineException.class)
        .hasMessageContaining("host path '/dev/kmsg' of collector kmsg is a CharDevice")
        .hasMessageContaining("declare PRIVILEGED on that collector");
  }

  @Test
  void portsUnderHostNetwork_areBoundOnTheNode_inYamlStatementAndPodSecurity() {
    Grant grant = resolve(bundle(collector("net").privilege(Privilege.HOST_NETWORK).build(),
        collector("statsd").port(8125, Protocol.UDP, "statsd", false).build()));
    Rendered yaml = Rendered.of(new DaemonSetRenderer().render(grant));

    assertThat(yaml.container().get("ports")).isEqualTo(List.of(
        Map.of("name", "statsd", "containerPort", 8125, "hostPort", 8125, "protocol", "UDP")));
    assertThat(new StatementRenderer(new Resolver()).render(grant))
        .contains("bound on the node's own addresses").doesNotContain("it is not published on the node");
    assertThat(grant.podSecurity().violations()).anyMatch(v -> v.check().equals("hostPorts"));
  }

  @Test
  void statement_apiTableNamesCollectorsAndReasons_andDescriptionsAppear() {
    Grant grant = resolve(bundle(collector("pods").feature("K8s").description("Lists the pods of the node.")
        .api("", List.of("pods"), "get", "list").build()));
    String statement = new StatementRenderer(new Resolver()).render(grant);

    assertThat(statement).contains("| `\"\"` | `pods` | `get`, `list` | low: Reads the listed objects in every"
            + " namespace (names, labels, specs; a pod's spec can carry plain environment values); it cannot change"
            + " anything. | *K8s* (`pods`): pods needs the API. |")
        .contains("| `pods` | K8s | Lists the pods of the node. |");
  }

  @Test
  void selectors_withAnUnknownCapability_failListingTheKnownOnes() {
    assertThatThrownBy(() -> PolicyCheck.parseForbidden(List.of("capability:SYS_ADMN")))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'capability:SYS_ADMN' names no Linux capability: use one of AUDIT_CONTROL,")
        .hasMessageContaining("perhaps you meant 'capability:SYS_ADMIN'");
    assertThatThrownBy(() -> RequirementSelector.parse("hostPath:/var//log", "<waivers>"))
        .isInstanceOf(EngineException.class).hasMessageContaining("is not normalized");
  }
}
