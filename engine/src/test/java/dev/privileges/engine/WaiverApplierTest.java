package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.bundle.WaiverApplier;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class WaiverApplierTest {

  private static final Bundle BUNDLE = bundle(
      collector("statsd").port(8125, Protocol.UDP, "statsd", true).build(),
      collector("ebpf").privilege(Privilege.HOST_NETWORK, Privilege.HOST_PID).capability("NET_RAW", "BPF")
          .hostPath("/sys/kernel/debug", "/sys/kernel/debug", false).build(),
      collector("k8s").api("apps", List.of("deployments", "daemonsets"), "get", "list").build());

  private static Grant resolve(Bundle bundle) {
    return new Resolver().resolve(bundle, GenerationOptions.builder().build());
  }

  private static WaiverApplier.Applied apply(Waiver... waivers) {
    return new WaiverApplier().apply(BUNDLE, List.of(waivers));
  }

  @Test
  void portWaiver_removesThePortFromTheGrant() {
    Grant grant = resolve(apply(new Waiver("statsd", "port:8125/udp", "Exposed through a Service.")).bundle());
    assertThat(grant.ports()).isEmpty();
    assertThat(grant.enabledNames()).contains("statsd");
  }

  @Test
  void hostPortWaiver_keepsThePortWithoutHostPort() {
    // Without hostNetwork: under it, every port is bound on the node whatever hostPort says.
    Grant grant = resolve(apply(new Waiver("statsd", "hostPort:8125/UDP", "Service."),
        new Waiver("ebpf", "HOST_NETWORK", "Only pod traffic is traced.")).bundle());
    assertThat(grant.ports()).singleElement().satisfies(p -> {
      assertThat(p.number()).isEqualTo(8125);
      assertThat(p.hostPort()).isFalse();
    });
  }

  @Test
  void capabilityAndPrivilegeWaivers_removeOnlyTheirRequirement() {
    WaiverApplier.Applied applied = apply(
        new Waiver("ebpf", "capability:CAP_NET_RAW", "DNS is not decoded."),
        new Waiver("ebpf", "host_network", "Only pod traffic is traced."));
    Grant grant = resolve(applied.bundle());
    assertThat(grant.capabilities()).containsOnlyKeys("BPF");
    assertThat(grant.privileges()).containsKey(Privilege.HOST_PID).doesNotContainKey(Privilege.HOST_NETWORK);
    assertThat(applied.waivers()).extracting(Waiver::requirement)
        .containsExactly("HOST_NETWORK", "capability:NET_RAW");
  }

  @Test
  void hostPathWaiver_removesTheMount() {
    Grant grant = resolve(apply(new Waiver("ebpf", "hostPath:/sys/kernel/debug", "No kprobes.")).bundle());
    assertThat(grant.hostPaths()).isEmpty();
  }

  @Test
  void apiWaiver_removesOneResourceAndKeepsTheOthers() {
    Grant grant = resolve(apply(new Waiver("k8s", "api:apps/daemonsets", "Not reported.")).bundle());
    assertThat(grant.apiRules()).singleElement().satisfies(r -> {
      assertThat(r.apiGroups()).containsExactly("apps");
      assertThat(r.resources()).containsExactly("deployments");
    });
  }

  @Test
  void waiverThatMatchesNothing_failsListingTheDeclaredRequirements() {
    assertThatThrownBy(() -> apply(new Waiver("statsd", "hostPath:/proc", "x")))
        .isInstanceOf(EngineException.class)
        .hasMessage("waivers entry for collector 'statsd' requirement 'hostPath:/proc' matches"
            + " nothing: the collector does not declare it. Remove the waiver, or fix it to one of the"
            + " collector's requirements: hostPort:8125/UDP, port:8125/UDP");
  }

  @Test
  void blankReason_fails() {
    assertThatThrownBy(() -> apply(new Waiver("statsd", "port:8125/UDP", "  ")))
        .hasMessageStartingWith("waivers entry for collector 'statsd' requirement 'port:8125/UDP' has no reason");
  }

  @Test
  void unknownCollector_failsListingTheKnownOnes() {
    assertThatThrownBy(() -> apply(new Waiver("statd", "port:8125/UDP", "x")))
        .hasMessage("waivers entry: collector 'statd' is not a collector of this bundle: use one of [ebpf, k8s, statsd]");
  }

  @Test
  void badSelector_failsWithASuggestion() {
    assertThatThrownBy(() -> apply(new Waiver("ebpf", "NET_RAW", "x")))
        .hasMessageContaining("'NET_RAW' is not a requirement selector")
        .hasMessageEndingWith("perhaps you meant 'capability:NET_RAW'");
  }

  @Test
  void sameWaiverTwice_fails() {
    assertThatThrownBy(() -> apply(new Waiver("statsd", "port:8125/UDP", "x"), new Waiver("statsd", "port:8125/udp", "y")))
        .hasMessageEndingWith("is given twice: remove one of them");
  }
}
