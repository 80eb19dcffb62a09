package dev.privileges.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each declaration rule: the code, and a message that repeats the bad value and says the fix. */
class DeclarationRulesTest {

  private static void assertViolation(Optional<Violation> v, ErrorCode code, String... fragments) {
    assertThat(v).as("expected %s", code).isPresent();
    assertThat(v.get().code()).isEqualTo(code.name());
    assertThat(v.get().toString()).startsWith(code.tag());
    for (String f : fragments) {
      assertThat(v.get().message()).contains(f);
    }
  }

  @Test
  void absolutePath_relative_isNotAbsolute_withTheRootedSuggestion() {
    assertViolation(DeclarationRules.absolutePath("host path", "var/log"), ErrorCode.PathNotAbsolute,
        "'var/log'", "'/var/log'");
  }

  @Test
  void absolutePath_trailingSlashDotDotAndDoubleSlash_areEachNamed() {
    assertViolation(DeclarationRules.absolutePath("host path", "/proc/"), ErrorCode.PathTrailingSlash, "'/proc'");
    assertViolation(DeclarationRules.absolutePath("host path", "/var/../etc"), ErrorCode.PathHasDotDot);
    assertViolation(DeclarationRules.absolutePath("host path", "/var//log"), ErrorCode.PathNotNormalized, "'/var/log'");
    assertThat(DeclarationRules.absolutePath("host path", "/")).isEmpty();
    assertThat(DeclarationRules.absolutePath("host path", "/sys/kernel/debug")).isEmpty();
  }

  @Test
  void mountPath_root_hidesTheContainer() {
    assertViolation(DeclarationRules.mountPath("mount path", "/"), ErrorCode.MountPathIsRoot, "'/rootfs'");
    assertThat(DeclarationRules.mountPath("mount path", "/rootfs/proc")).isEmpty();
  }

  @Test
  void writableHostPath_keptNeedsAHostPath_andScratchMustNotNameOne() {
    assertViolation(DeclarationRules.writableHostPath("/cache", true, ""), ErrorCode.KeptPathWithoutHostPath, "'/cache'");
    assertViolation(DeclarationRules.writableHostPath("/cache", false, "/var/lib/a"), ErrorCode.ScratchPathWithHostPath);
    assertViolation(DeclarationRules.writableHostPath("/cache", true, "var/lib/a"), ErrorCode.PathNotAbsolute);
    assertThat(DeclarationRules.writableHostPath("/cache", true, "/var/lib/a")).isEmpty();
  }

  @Test
  void reasonAndFeature_blank_areRefused() {
    assertViolation(DeclarationRules.reason("capability NET_RAW", " "), ErrorCode.BlankReason);
    assertViolation(DeclarationRules.feature(""), ErrorCode.BlankFeature);
    assertThat(DeclarationRules.reason("capability NET_RAW", "Sends ICMP probes.")).isEmpty();
  }

  @Test
  void names_collectorEnvAndPort_followTheirSyntax() {
    assertViolation(DeclarationRules.collectorName("Host Processes"), ErrorCode.InvalidCollectorName, "'Host Processes'");
    assertThat(DeclarationRules.collectorName("host_processes")).isEmpty();
    assertViolation(DeclarationRules.envName("1-HOST"), ErrorCode.InvalidEnvName);
    assertThat(DeclarationRules.envName("HOST_PROC")).isEmpty();
    assertViolation(DeclarationRules.portName("StatsD_Port"), ErrorCode.InvalidPortName);
    assertThat(DeclarationRules.portName("statsd")).isEmpty();
  }

  @Test
  void portNumber_outsideTheRange_isRefused() {
    assertViolation(DeclarationRules.portNumber(0), ErrorCode.PortOutOfRange);
    assertViolation(DeclarationRules.portNumber(65536), ErrorCode.PortOutOfRange);
    assertThat(DeclarationRules.portNumber(8125)).isEmpty();
  }

  @Test
  void capabilityAndKernel_unknownOrMalformed_areRefused() {
    assertViolation(DeclarationRules.capability("NET_TELEPORT"), ErrorCode.UnknownCapability, "NET_TELEPORT");
    assertThat(DeclarationRules.capability("NET_RAW")).isEmpty();
    assertViolation(DeclarationRules.kernelVersion("fromKernel", "five"), ErrorCode.InvalidKernelVersion, "'five'");
    assertViolation(DeclarationRules.kernelRange("5.8", "5.8"), ErrorCode.EmptyKernelRange);
    assertThat(DeclarationRules.kernelRange("4.19", "5.8")).isEmpty();
  }

  @Test
  void apiRules_shapeAndVerbs_areChecked() {
    List<String> none = List.of();
    assertViolation(DeclarationRules.apiVerb("read"), ErrorCode.UnknownVerb, "'read'");
    assertViolation(DeclarationRules.apiRuleShape(none, none, none, List.of("get")), ErrorCode.ApiRuleWithoutTarget);
    assertViolation(DeclarationRules.apiRuleShape(List.of(""), List.of("pods"), List.of("/metrics"), List.of("get")),
        ErrorCode.ApiRuleMixesTargets);
    assertViolation(DeclarationRules.apiRuleShape(none, List.of("pods"), none, List.of("get")), ErrorCode.ApiRuleWithoutGroup);
    assertViolation(DeclarationRules.apiRuleShape(List.of("apps"), none, List.of("/metrics"), List.of("get")),
        ErrorCode.ApiRuleUrlWithGroup);
    assertViolation(DeclarationRules.apiRuleShape(List.of(""), List.of("pods"), none, none), ErrorCode.ApiRuleWithoutVerb);
    assertViolation(DeclarationRules.apiRuleShape(none, none, List.of("metrics"), List.of("get")),
        ErrorCode.InvalidNonResourceUrl, "'/metrics'");
    assertThat(DeclarationRules.apiRuleShape(List.of(""), List.of("pods"), none, List.of("get", "list"))).isEmpty();
  }
}
