package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.policy.PolicyCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class PolicyAndOptionsTest {

  private static final Grant GRANT = new Resolver().resolve(bundle(
      collector("procs").privilege(Privilege.HOST_PID).build(),
      collector("net").capability("NET_RAW").build(),
      collector("self").nothing().build()), GenerationOptions.builder().build());

  @Test
  void levelAboveTheMaximum_namesEveryFieldAndItsCollectors() {
    List<String> v = new PolicyCheck(Optional.of(PodSecurity.Level.BASELINE), List.of()).violations(GRANT)
        .stream().map(Option.Syntax.MAVEN::render).toList();
    assertThat(v).containsExactly(
        "the pods need Pod Security level privileged, above the allowed baseline (<maxPodSecurityLevel>):",
        "  hostPID: true (baseline check hostNamespaces) needed by procs",
        "  capabilities.add: NET_RAW (baseline check capabilities_baseline) needed by net");
    assertThat(new PolicyCheck(Optional.of(PodSecurity.Level.PRIVILEGED), List.of()).violations(GRANT)).isEmpty();
  }

  @Test
  void forbiddenPrivileges_nameTheCollectorsResponsible() {
    List<String> v = new PolicyCheck(Optional.empty(),
        PolicyCheck.parseForbidden(List.of("capability:NET_RAW", "RUN_AS_ROOT", "HOST_IPC"))).violations(GRANT)
        .stream().map(Option.Syntax.MAVEN::render).toList();
    assertThat(v).containsExactly(
        "capability:NET_RAW is forbidden (<forbiddenPrivileges>) but granted for net",
        "RUN_AS_ROOT is forbidden (<forbiddenPrivileges>) but granted for net");
  }

  @Test
  void invalidOptions_nameTheParameterTheValueAndASuggestion() {
    assertThatThrownBy(() -> OptionsValidator.validate(GenerationOptions.builder().namespace("Foo_Bar").build()))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("namespace 'Foo_Bar' is not a DNS-1123 label")
        .hasMessageEndingWith("perhaps you meant 'foo-bar'");
    assertThatThrownBy(() -> OptionsValidator.validate(GenerationOptions.builder().labels(Map.of("team", "a b")).build()))
        .hasMessageStartingWith("labels entry 'team': value 'a b' is not a valid label value")
        .hasMessageEndingWith("perhaps you meant 'a-b'");
    assertThatThrownBy(() -> OptionsValidator.validate(GenerationOptions.builder().image("my image").build()))
        .hasMessageStartingWith("image 'my image' is not a container image reference");
    assertThatThrownBy(() -> OptionsValidator.fileName(Option.DAEMON_SET_FILE, "/etc/passwd"))
        .hasMessageStartingWith("daemonSetFile '/etc/passwd' is not a plain file name");
    assertThatThrownBy(() -> OptionsValidator.podSecurityLevel("strict"))
        .hasMessage("maxPodSecurityLevel 'strict' is not one of PRIVILEGED, BASELINE, RESTRICTED");
    assertThat(OptionsValidator.portExposure("service")).isEqualTo(PortExposure.SERVICE);
  }
}
