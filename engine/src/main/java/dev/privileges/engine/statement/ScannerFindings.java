package dev.privileges.engine.statement;

import dev.privileges.engine.grant.GrantedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;


/**
 * The rule ids common Kubernetes scanners report for a granted item, so a reviewer can match
 * each finding to the reason that answers it. Rule ids as published by kube-linter 0.8.3,
 * trivy-checks 1.5.2, checkov 3.3.13 and Polaris 10.2.2; only rules enabled by default in
 * kube-linter are listed for it.
 */
public final class ScannerFindings {

  /**
   * The findings for one item; an empty list means that scanner has no rule for it.
   *
   * @param kubeLinter kube-linter check names
   * @param trivy Trivy (trivy-checks) ids
   * @param checkov checkov ids
   * @param polaris Polaris check ids
   */
  record Findings(List<String> kubeLinter, List<String> trivy, List<String> checkov, List<String> polaris) {
    boolean any() {
      return !(kubeLinter.isEmpty() && trivy.isEmpty() && checkov.isEmpty() && polaris.isEmpty());
    }
  }

  /** Host paths kube-linter's sensitive-host-mounts flags (exact match). */
  private static final Set<String> KUBE_LINTER_SENSITIVE =
      Set.of("/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr");

  /** Host paths Trivy's KSV-0121 flags (exact match). */
  private static final Set<String> TRIVY_SENSITIVE =
      Set.of("/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/var/lib/docker");

  private static final String DOCKER_SOCKET = "/var/run/docker.sock";

  private ScannerFindings() {}

  static Findings of(GrantedItem item) {
    return switch (item.key()) {
      case "privilege:HOST_PID" -> f(l("host-pid"), l("KSV-0010"), l("CKV_K8S_17"), l("hostPIDSet"));
      case "privilege:HOST_NETWORK" -> f(l("host-network"), l("KSV-0009"), l("CKV_K8S_19"), l("hostNetworkSet"));
      case "privilege:HOST_IPC" -> f(l("host-ipc"), l("KSV-0008"), l("CKV_K8S_18"), l("hostIPCSet"));
      case "privilege:PRIVILEGED" -> f(l("privileged-container", "privilege-escalation-container"),
          l("KSV-0001", "KSV-0017"), l("CKV_K8S_16", "CKV_K8S_20"), l("privilegeEscalationAllowed", "runAsPrivileged"));
      case "privilege:RUN_AS_ROOT" -> f(l("run-as-non-root"), l("KSV-0012", "KSV-0020", "KSV-0105"),
          l("CKV_K8S_23", "CKV_K8S_40"), l("runAsRootAllowed"));
      case "privilege:WRITABLE_ROOT_FILESYSTEM" -> f(l("no-read-only-root-fs"), l("KSV-0014"), l("CKV_K8S_22"),
          l("notReadOnlyRootFilesystem"));
      case "confinement:SECCOMP_UNCONFINED" -> f(l(), l("KSV-0030", "KSV-0104"), l("CKV_K8S_31"), l("linuxHardening"));
      default -> byKind(item);
    };
  }

  private static Findings byKind(GrantedItem item) {
    return switch (item.kind()) {
      case CAPABILITY -> capability(item.path());
      case HOST_PATH -> hostPath(item.path());
      case WRITABLE -> item.field().startsWith("hostPath: ")
          ? f(l(), l("KSV-0023"), l(), l("hostPathSet")) : f(l(), l(), l(), l());
      case PORT -> item.field().startsWith("hostPort: ")
          ? f(l(), l("KSV-0024"), l("CKV_K8S_26"), l("hostPortSet")) : f(l(), l(), l(), l());
      case API -> f(l(), l("KSV-0036"), l("CKV_K8S_38"), l("automountServiceAccountToken"));
      default -> f(l(), l(), l(), l());
    };
  }

  private static Findings capability(String cap) {
    List<String> linter = new ArrayList<>();
    List<String> trivy = new ArrayList<>(List.of("KSV-0022"));
    List<String> checkov = new ArrayList<>(List.of("CKV_K8S_25"));
    List<String> polaris = new ArrayList<>();
    if (!cap.equals("NET_BIND_SERVICE")) {
      trivy.add("KSV-0106");
    }
    switch (cap) {
      case "SYS_ADMIN" -> {
        linter.add("privilege-escalation-container");
        trivy.add(0, "KSV-0001");
        trivy.add("KSV-0005");
        checkov.add("CKV_K8S_20");
        checkov.add("CKV_K8S_39");
        polaris.add("dangerousCapabilities");
        polaris.add("privilegeEscalationAllowed");
      }
      case "NET_RAW" -> {
        linter.add("drop-net-raw-capability");
        trivy.add("KSV-0119");
        checkov.add("CKV_K8S_28");
      }
      case "NET_ADMIN" -> polaris.add("dangerousCapabilities");
      case "SYS_MODULE" -> trivy.add("KSV-0120");
      default -> { }
    }
    return f(List.copyOf(linter), List.copyOf(trivy), List.copyOf(checkov), List.copyOf(polaris));
  }

  private static Findings hostPath(String path) {
    List<String> linter = new ArrayList<>();
    List<String> trivy = new ArrayList<>(List.of("KSV-0023"));
    List<String> checkov = new ArrayList<>();
    if (KUBE_LINTER_SENSITIVE.contains(path)) {
      linter.add("sensitive-host-mounts");
    }
    if (path.endsWith("docker.sock")) {
      linter.add("docker-sock");
    }
    if (path.equals(DOCKER_SOCKET)) {
      trivy.add(1, "KSV-0006");
      checkov.add("CKV_K8S_27");
    }
    if (TRIVY_SENSITIVE.contains(path)) {
      trivy.add("KSV-0121");
    }
    return f(List.copyOf(linter), List.copyOf(trivy), List.copyOf(checkov), l("hostPathSet"));
  }

  private static Findings f(List<String> a, List<String> b, List<String> c, List<String> d) {
    return new Findings(a, b, c, d);
  }

  private static List<String> l(String... ids) {
    return List.of(ids);
  }
}
