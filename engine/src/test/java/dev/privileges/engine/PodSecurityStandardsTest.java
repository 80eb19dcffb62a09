package dev.privileges.engine;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.PodSecurity.Level;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The level {@link PodSecurity} computes from the grant agrees with an independent reading of
 * the published Pod Security Standards over the rendered YAML ({@link PssChecker}), on fixtures
 * of each level.
 */
class PodSecurityStandardsTest {

  static Stream<Arguments> fixtures() {
    GenerationOptions defaults = GenerationOptions.builder().build();
    GenerationOptions service = GenerationOptions.builder().portExposure(PortExposure.SERVICE).build();
    return Stream.of(
        Arguments.of("nothing", Level.RESTRICTED, bundle(collector("dk").nothing().build()), defaults),
        Arguments.of("scratch dir and API", Level.RESTRICTED, bundle(collector("jobs").writable("/tmp", "")
            .api("", List.of("pods"), "get").build()), defaults),
        Arguments.of("ports via Service", Level.RESTRICTED, bundle(collector("statsd")
            .port(8125, Protocol.UDP, "statsd", true).build()), service),
        Arguments.of("writable root fs", Level.RESTRICTED, bundle(collector("py")
            .privilege(Privilege.WRITABLE_ROOT_FILESYSTEM).build()), defaults),
        Arguments.of("root", Level.BASELINE, bundle(collector("container").privilege(Privilege.RUN_AS_ROOT).build()), defaults),
        Arguments.of("baseline capability", Level.BASELINE, bundle(collector("chown").capability("CHOWN").build()), defaults),
        Arguments.of("NET_BIND_SERVICE", Level.BASELINE, bundle(collector("dns").capability("NET_BIND_SERVICE").build()), defaults),
        Arguments.of("hostPID", Level.PRIVILEGED, bundle(collector("procs").privilege(Privilege.HOST_PID).build()), defaults),
        Arguments.of("hostPath", Level.PRIVILEGED, bundle(collector("cpu").hostPath("/proc", "/rootfs/proc", true).build()), defaults),
        Arguments.of("kept writable dir", Level.PRIVILEGED, bundle(collector("logs").writable("/cache", "/var/lib/agent").build()), defaults),
        Arguments.of("hostPort", Level.PRIVILEGED, bundle(collector("statsd").port(8125, Protocol.UDP, "statsd", true).build()), defaults),
        Arguments.of("SYS_PTRACE", Level.PRIVILEGED, bundle(collector("procs").capability("SYS_PTRACE").build()), defaults),
        Arguments.of("SYS_ADMIN", Level.PRIVILEGED, bundle(collector("ns").capability("SYS_ADMIN").build()), defaults),
        Arguments.of("privileged", Level.PRIVILEGED, bundle(collector("gpu").privilege(Privilege.PRIVILEGED).build()), defaults),
        Arguments.of("seccomp unconfined", Level.PRIVILEGED, bundle(collector("trace")
            .confinement(Confinement.SECCOMP_UNCONFINED).build()), defaults),
        Arguments.of("apparmor unconfined", Level.PRIVILEGED, bundle(collector("trace")
            .confinement(Confinement.APPARMOR_UNCONFINED).build()), defaults),
        Arguments.of("whole sample", Level.PRIVILEGED, DataKitLikeBundles.all(), defaults));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void computedLevel_matchesPublishedRulesOnTheYaml(String fixture, Level expected, Bundle bundle, GenerationOptions options) {
    Grant grant = new Resolver().resolve(bundle, options);
    String yaml = new DaemonSetRenderer().render(grant);

    PssChecker.Result published = PssChecker.check(Rendered.of(yaml).pod());
    PodSecurity.Assessment computed = grant.podSecurity();

    assertThat(published.level()).isEqualTo(expected);
    assertThat(computed.level()).isEqualTo(expected);
    assertThat(checks(computed, Level.BASELINE)).isEqualTo(published.baseline());
    if (expected == Level.BASELINE) {
      assertThat(checks(computed, Level.RESTRICTED)).isEqualTo(published.restricted());
    }
  }

  private static TreeSet<String> checks(PodSecurity.Assessment a, Level level) {
    return new TreeSet<>(a.violations().stream().filter(v -> v.level() == level).map(PodSecurity.Violation::check).toList());
  }
}
