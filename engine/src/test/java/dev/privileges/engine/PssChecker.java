package dev.privileges.engine;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.PodSecurity.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;


/**
 * An independent reading of the Pod Security Standards (reference notes A1: the checks of
 * kubernetes/pod-security-admission) over the rendered pod spec, written without looking at the
 * {@link Grant}: what Pod Security Admission would decide on the YAML alone.
 */
@SuppressWarnings("unchecked")
final class PssChecker {

  /**
   * @param level the strictest level the pod spec meets
   * @param baseline ids of the failed baseline checks
   * @param restricted ids of the failed checks that only restricted has (including its overrides)
   */
  record Result(Level level, SortedSet<String> baseline, SortedSet<String> restricted) {}

  private static final Set<String> BASELINE_CAPS = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
      "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
  private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start");
  private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
      "ephemeral", "image", "persistentVolumeClaim", "projected", "secret");
  private static final Set<String> CONFINED = Set.of("RuntimeDefault", "Localhost");

  private PssChecker() {}

  static Result check(Map<String, Object> pod) {
    Map<String, Object> podSc = map(pod.get("securityContext"));
    List<Map<String, Object>> containers = new ArrayList<>();
    for (String kind : List.of("initContainers", "containers", "ephemeralContainers")) {
      containers.addAll((List<Map<String, Object>>) pod.getOrDefault(kind, List.of()));
    }
    SortedSet<String> b = new TreeSet<>();
    SortedSet<String> r = new TreeSet<>();
    if (isTrue(map(podSc.get("windowsOptions")).get("hostProcess"))) {
      b.add("windowsHostProcess");
    }
    if (isTrue(pod.get("hostNetwork")) || isTrue(pod.get("hostPID")) || isTrue(pod.get("hostIPC"))) {
      b.add("hostNamespaces");
    }
    for (Map<String, Object> v : (List<Map<String, Object>>) pod.getOrDefault("volumes", List.of())) {
      if (v.containsKey("hostPath")) {
        b.add("hostPathVolumes");
      }
      if (v.keySet().stream().filter(k -> !k.equals("name")).anyMatch(k -> !RESTRICTED_VOLUMES.contains(k))) {
        r.add("restrictedVolumes");
      }
    }
    for (Object sysctl : (List<Object>) podSc.getOrDefault("sysctls", List.of())) {
      if (!SAFE_SYSCTLS.contains(map(sysctl).get("name"))) {
        b.add("sysctls");
      }
    }
    if (badAppArmor(podSc)) {
      b.add("appArmorProfile");
    }
    String podSeccomp = (String) map(podSc.get("seccompProfile")).get("type");
    if ("Unconfined".equals(podSeccomp)) {
      b.add("seccompProfile_baseline");
    }
    if (Boolean.FALSE.equals(podSc.get("runAsNonRoot"))) {
      r.add("runAsNonRoot");
    }
    if (Integer.valueOf(0).equals(podSc.get("runAsUser"))) {
      r.add("runAsUser");
    }
    boolean everyContainerNonRoot = true;
    boolean everyContainerSeccomp = true;
    for (Map<String, Object> c : containers) {
      Map<String, Object> sc = map(c.get("securityContext"));
      if (isTrue(map(sc.get("windowsOptions")).get("hostProcess"))) {
        b.add("windowsHostProcess");
      }
      if (isTrue(sc.get("privileged"))) {
        b.add("privileged");
      }
      Map<String, Object> caps = map(sc.get("capabilities"));
      List<Object> add = (List<Object>) caps.getOrDefault("add", List.of());
      if (add.stream().anyMatch(a -> !BASELINE_CAPS.contains(a))) {
        b.add("capabilities_baseline");
      }
      if (!((List<Object>) caps.getOrDefault("drop", List.of())).contains("ALL")
          || add.stream().anyMatch(a -> !"NET_BIND_SERVICE".equals(a))) {
        r.add("capabilities_restricted");
      }
      for (Map<String, Object> p : (List<Map<String, Object>>) c.getOrDefault("ports", List.of())) {
        Object hostPort = p.get("hostPort");
        if (hostPort != null && !Integer.valueOf(0).equals(hostPort)) {
          b.add("hostPorts");
        }
      }
      if (badAppArmor(sc)) {
        b.add("appArmorProfile");
      }
      Object procMount = sc.get("procMount");
      if (procMount != null && !"Default".equals(procMount)) {
        b.add("procMount");
      }
      String seccomp = (String) map(sc.get("seccompProfile")).get("type");
      if ("Unconfined".equals(seccomp)) {
        b.add("seccompProfile_baseline");
      }
      if (seccomp != null && !CONFINED.contains(seccomp)) {
        r.add("seccompProfile_restricted");
      }
      everyContainerSeccomp &= seccomp != null && CONFINED.contains(seccomp);
      if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
        r.add("allowPrivilegeEscalation");
      }
      if (Boolean.FALSE.equals(sc.get("runAsNonRoot"))) {
        r.add("runAsNonRoot");
      }
      everyContainerNonRoot &= isTrue(sc.get("runAsNonRoot"));
      if (Integer.valueOf(0).equals(sc.get("runAsUser"))) {
        r.add("runAsUser");
      }
    }
    if (!isTrue(podSc.get("runAsNonRoot")) && !everyContainerNonRoot) {
      r.add("runAsNonRoot");
    }
    if (!(podSeccomp != null && CONFINED.contains(podSeccomp)) && !everyContainerSeccomp) {
      r.add("seccompProfile_restricted");
    }
    Level level = !b.isEmpty() ? Level.PRIVILEGED : !r.isEmpty() ? Level.BASELINE : Level.RESTRICTED;
    return new Result(level, b, r);
  }

  private static boolean badAppArmor(Map<String, Object> securityContext) {
    Object type = map(securityContext.get("appArmorProfile")).get("type");
    return type != null && !CONFINED.contains(type);
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }

  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }
}
