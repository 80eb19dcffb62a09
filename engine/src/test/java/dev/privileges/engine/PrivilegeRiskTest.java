package dev.privileges.engine;

import dev.privileges.engine.statement.HostPathRisks;
import dev.privileges.engine.statement.PrivilegeRisk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.statement.PrivilegeRisk.Risk;
import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import dev.privileges.metadata.LinuxCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The risk table: every kind of granted item has a severity and a sentence a reviewer can weigh. */
class PrivilegeRiskTest {

  @ParameterizedTest
  @EnumSource(Privilege.class)
  void everyPrivilege_hasARisk(Privilege p) {
    assertThat(PrivilegeRisk.privilege(p)).satisfies(PrivilegeRiskTest::readable);
  }

  @ParameterizedTest
  @EnumSource(Confinement.class)
  void everyConfinement_hasARisk(Confinement c) {
    assertThat(PrivilegeRisk.confinement(c)).satisfies(PrivilegeRiskTest::readable);
  }

  @Test
  void capabilities_tableCoversExactlyTheVocabulary() {
    assertThat(PrivilegeRisk.knownCapabilities()).containsExactlyInAnyOrderElementsOf(LinuxCapabilities.ALL);
    LinuxCapabilities.ALL.forEach(c -> readable(PrivilegeRisk.capability(c)));
  }

  @Test
  void keptPathOwner_isLowAndReadable() {
    assertThat(PrivilegeRisk.keptPathOwner().severity()).isEqualTo(Severity.LOW);
    readable(PrivilegeRisk.keptPathOwner());
  }

  @Test
  void privileged_isHighAndSaysRootOnTheNode() {
    Risk r = PrivilegeRisk.privilege(Privilege.PRIVILEGED);
    assertThat(r.severity()).isEqualTo(Severity.HIGH);
    assertThat(r.text()).contains("root on the node");
  }

  @ParameterizedTest
  @CsvSource({
      "SYS_ADMIN, HIGH, close to root on the node",
      "SYS_MODULE, HIGH, kernel",
      "SYS_PTRACE, HIGH, every process on the node",
      "DAC_READ_SEARCH, HIGH, open_by_handle_at",
      "NET_RAW, MEDIUM, capture",
      "SYS_RESOURCE, LOW, memory",
      "NET_BIND_SERVICE, LOW, below 1024"})
  void capability_severityAndWhatItGives(String cap, Severity severity, String phrase) {
    Risk r = PrivilegeRisk.capability(cap);
    assertThat(r.severity()).isEqualTo(severity);
    assertThat(r.text()).containsIgnoringCase(phrase);
  }

  @Test
  void unknownCapability_isMediumNotMissing() {
    assertThat(PrivilegeRisk.capability("NEW_ONE").severity()).isEqualTo(Severity.MEDIUM);
  }

  @ParameterizedTest
  @CsvSource({
      "/, true, HIGH, every file on the node's disk",
      "/, false, HIGH, root on the node",
      "/var/run/containerd/containerd.sock, true, HIGH, privileged container",
      "/run/containerd/containerd.sock, false, HIGH, privileged container",
      "/var/run/docker.sock, true, HIGH, Read-only changes nothing",
      "/srv/k3s/containerd.sock, true, HIGH, container runtime",
      "/run, true, HIGH, privileged container",
      "/proc, true, MEDIUM, command line",
      "/proc, false, HIGH, /proc/sys",
      "/sys, true, MEDIUM, It includes /sys/kernel/debug",
      "/sys/class/net, true, LOW, hardware",
      "/sys, false, HIGH, cgroup",
      "/sys/kernel/debug, true, MEDIUM, kernel memory addresses",
      "/var/log/pods, true, MEDIUM, every container",
      "/var/log/pods, false, HIGH, erase or forge",
      "/var/log, true, MEDIUM, node's logs",
      "/dev, true, MEDIUM, device cgroup",
      "/var/lib/kubelet/pods, true, HIGH, service account tokens",
      "/run/udev/data, true, LOW, udev",
      "/var/run/utmp, true, LOW, logged in",
      "/etc/os-release, true, LOW, operating system",
      "/etc, true, HIGH, password hashes",
      "/opt/agent/plugins, true, LOW, programs",
      "/srv/data, true, LOW, /srv/data",
      "/srv/data, false, MEDIUM, /srv/data"})
  void hostPath_judgedByWhatThePathIs(String path, boolean readOnly, Severity severity, String phrase) {
    Risk r = PrivilegeRisk.hostPath(path, readOnly);
    assertThat(r.severity()).as(path).isEqualTo(severity);
    assertThat(r.text()).as(path).contains(phrase);
  }

  @Test
  void hostPath_aboveASensitivePath_takesItsRiskAndNamesIt() {
    Risk r = PrivilegeRisk.hostPath("/var", true);

    assertThat(r.severity()).isEqualTo(Severity.HIGH);
    assertThat(r.text()).startsWith("It includes /var/lib/");
  }

  @Test
  void hostPath_readWrite_isNeverMilderThanReadOnly() {
    for (String path : HostPathRisks.listedPaths()) {
      assertThat(PrivilegeRisk.hostPath(path, false).severity())
          .as(path).isLessThanOrEqualTo(PrivilegeRisk.hostPath(path, true).severity());
    }
  }

  @Test
  void ports_onTheNodeAreMediumInsideThePodLow() {
    assertThat(PrivilegeRisk.port(true, false, false).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(PrivilegeRisk.port(false, true, false).text()).contains("NetworkPolicies do not apply");
    assertThat(PrivilegeRisk.port(false, false, true).severity()).isEqualTo(Severity.LOW);
    assertThat(PrivilegeRisk.port(false, false, false).severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void writable_keptOnTheNodeIsWorseThanScratch() {
    assertThat(PrivilegeRisk.writable(true).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(PrivilegeRisk.writable(false).severity()).isEqualTo(Severity.LOW);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "'';secrets;;get,list;HIGH;every Secret",
      "'';pods/exec;;create,get;HIGH;run commands in any pod",
      "'';nodes/proxy;;get;HIGH;kubelet",
      "apps;daemonsets;;create;HIGH;run any code",
      "rbac.authorization.k8s.io;clusterroles;;bind;HIGH;more rights",
      "'';*;;get;HIGH;wildcard",
      "'';events;;create;MEDIUM;change or delete",
      "'';configmaps;;get,list,watch;MEDIUM;ConfigMaps",
      "'';pods,nodes;;get,list,watch;LOW;cannot change anything",
      ";;/metrics;get;LOW;/metrics"})
  void apiRule_judgedByResourcesAndVerbs(String groups, String resources, String urls, String verbs,
      Severity severity, String phrase) {
    Risk r = PrivilegeRisk.apiRule(list(groups), list(resources), list(urls), list(verbs));
    assertThat(r.severity()).isEqualTo(severity);
    assertThat(r.text()).contains(phrase);
  }

  @Test
  void severity_labelsAreLowerCase() {
    assertThat(Severity.HIGH.label()).isEqualTo("high");
  }

  private static List<String> list(String csv) {
    return csv == null ? List.of() : List.of(csv.split(","));
  }

  private static void readable(Risk r) {
    assertThat(r).isNotNull();
    assertThat(r.text()).matches("[A-Z/].{10,400}\\.").doesNotContain("`", "*", "\n");
  }
}
