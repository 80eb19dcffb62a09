package dev.privileges.engine.grant;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Pod Security Standards level (privileged, baseline, restricted) a {@link Grant}'s pods
 * meet, and which collectors hold them above the next stricter level. The checks follow the
 * published standard (PSA's check ids); only the fields this tool sets can fail them.
 */
public final class PodSecurity {

  /** Pod Security Standards levels, least to most strict. */
  public enum Level {
    PRIVILEGED,
    BASELINE,
    RESTRICTED;

    /** The value of the {@code pod-security.kubernetes.io/enforce} label. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Capabilities the baseline level allows to be added (literal names). */
  public static final Set<String> BASELINE_CAPABILITIES = Set.of(
      "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
      "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  /**
   * One failed check.
   *
   * @param level the level whose check fails (the pods cannot meet it)
   * @param check the Pod Security Admission check id, e.g. {@code hostNamespaces}
   * @param field the offending field and value, e.g. {@code hostPID: true}
   * @param needs the collectors behind the offending field
   * @param itemKey the {@link GrantedItem#key()} of the host path, port or kept directory behind
   *     it, so the statement can place it where it shows that item; empty for other settings
   */
  public record Violation(Level level, String check, String field, List<Need> needs, String itemKey) {

    /** A violation by a setting that is not one of the grant's host paths, ports or kept directories. */
    public Violation(Level level, String check, String field, List<Need> needs) {
      this(level, check, field, needs, "");
    }
  }

  /**
   * The assessment.
   *
   * @param level the strictest level the pods meet
   * @param violations every failed check, baseline ones first
   */
  public record Assessment(Level level, List<Violation> violations) {

    /** The failed checks of the next stricter level: what holds the pods at {@link #level()}. */
    public List<Violation> heldBy() {
      if (level == Level.RESTRICTED) {
        return List.of();
      }
      Level next = Level.values()[level.ordinal() + 1];
      List<Violation> held = new ArrayList<>();
      for (Violation v : violations) {
        if (v.level() == next) {
          held.add(v);
        }
      }
      return Collections.unmodifiableList(held);
    }

    /** The collectors that hold the pods below the next stricter level, sorted. */
    public List<String> collectorsHoldingLevel() {
      TreeSet<String> collectors = new TreeSet<>(); // distinct and sorted
      for (Violation v : heldBy()) {
        for (Need n : v.needs()) {
          collectors.add(n.collector());
        }
      }
      return List.copyOf(collectors);
    }
  }

  private PodSecurity() {}

  public static Assessment assess(Grant grant) {
    List<Violation> out = new ArrayList<>();
    Level b = Level.BASELINE;
    Level r = Level.RESTRICTED;
    for (Privilege p : List.of(Privilege.HOST_NETWORK, Privilege.HOST_PID, Privilege.HOST_IPC)) {
      if (grant.has(p)) {
        String field = p == Privilege.HOST_PID ? "hostPID" : p == Privilege.HOST_IPC ? "hostIPC" : "hostNetwork";
        out.add(new Violation(b, "hostNamespaces", field + ": true", grant.privileges().get(p)));
      }
    }
    if (grant.has(Privilege.PRIVILEGED)) {
      out.add(new Violation(b, "privileged", "privileged: true", grant.privileges().get(Privilege.PRIVILEGED)));
    }
    for (Map.Entry<String, List<Need>> e : grant.capabilities().entrySet()) {
      if (!BASELINE_CAPABILITIES.contains(e.getKey())) {
        out.add(new Violation(b, "capabilities_baseline", "capabilities.add: " + e.getKey(), e.getValue()));
      }
    }
    for (Grant.HostPathMount m : grant.hostPaths()) {
      out.add(new Violation(b, "hostPathVolumes", "hostPath: " + m.path(), m.needs(), GrantedItem.hostPathKey(m)));
    }
    for (Grant.WritableDirectory w : grant.writablePaths()) {
      if (w.kept()) {
        out.add(new Violation(b, "hostPathVolumes", "hostPath: " + w.hostPath(), w.needs(),
            GrantedItem.writableKey(w)));
      }
    }
    // Under hostNetwork every port is a hostPort (the API server sets it), so PSA counts them.
    for (Grant.ContainerPort p : grant.ports()) {
      if (p.hostPort()) {
        out.add(new Violation(b, "hostPorts", "hostPort: " + p.number()
            + (grant.hostNetwork() ? " (hostNetwork)" : ""), p.needs(), GrantedItem.portKey(p)));
      }
    }
    Grant.SecurityFields d = grant.security();
    if (d.appArmorUnconfined()) {
      out.add(new Violation(b, "appArmorProfile", "appArmorProfile: Unconfined",
          grant.confinement().get(Confinement.APPARMOR_UNCONFINED)));
    }
    if (d.seccomp() == Grant.Seccomp.UNCONFINED) {
      out.add(new Violation(b, "seccompProfile_baseline", "seccompProfile: Unconfined", grant.seccompNeeds()));
    }
    if (d.root()) {
      List<Need> root = grant.privileges().get(Privilege.RUN_AS_ROOT);
      out.add(new Violation(r, "runAsNonRoot", "runAsNonRoot unset", root));
      out.add(new Violation(r, "runAsUser", "runAsUser: 0", root));
    }
    if (d.escalation() != Grant.Escalation.DISALLOWED) {
      out.add(new Violation(r, "allowPrivilegeEscalation", "allowPrivilegeEscalation unset ("
          + (d.privileged() ? "privileged" : "SYS_ADMIN") + ")", grant.escalationNeeds()));
    }
    // Privileged containers get no capabilities list and no seccompProfile (rules 2 and 9).
    if (d.privileged()) {
      out.add(new Violation(r, "capabilities_restricted", "capabilities.drop unset (privileged)",
          grant.privileges().get(Privilege.PRIVILEGED)));
    }
    if (d.seccomp() == Grant.Seccomp.UNSET) {
      out.add(new Violation(r, "seccompProfile_restricted", "seccompProfile unset (privileged)", grant.seccompNeeds()));
    }
    for (Map.Entry<String, List<Need>> e : grant.capabilities().entrySet()) {
      if (!e.getKey().equals("NET_BIND_SERVICE")) {
        out.add(new Violation(r, "capabilities_restricted", "capabilities.add: " + e.getKey(), e.getValue()));
      }
    }
    // The init container that owns the kept directories runs as root and adds CHOWN.
    if (d.keptPathOwner().isPresent()) {
      Grant.KeptPathOwner owner = d.keptPathOwner().get();
      String where = "initContainers[" + owner.name() + "] ";
      out.add(new Violation(r, "runAsNonRoot", where + "runAsNonRoot: false", owner.needs()));
      out.add(new Violation(r, "runAsUser", where + "runAsUser: 0", owner.needs()));
      out.add(new Violation(r, "capabilities_restricted", where + "capabilities.add: "
          + Grant.KeptPathOwner.CAPABILITY, owner.needs()));
    }
    boolean failsBaseline = false;
    for (Violation v : out) {
      failsBaseline |= v.level() == b;
    }
    Level level = failsBaseline ? Level.PRIVILEGED
        : out.isEmpty() ? Level.RESTRICTED : Level.BASELINE;
    return new Assessment(level, List.copyOf(out));
  }
}
