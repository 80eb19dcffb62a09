package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.runtime.ApiRequirement;
import dev.privileges.annotations.runtime.CapabilityRequirement;
import dev.privileges.annotations.runtime.ConfinementRequirement;
import dev.privileges.annotations.runtime.HostPathRequirement;
import dev.privileges.annotations.runtime.LinuxCapability;
import dev.privileges.annotations.runtime.PortRequirement;
import dev.privileges.annotations.runtime.PrivilegeRequirement;
import dev.privileges.annotations.runtime.Requirement;
import dev.privileges.annotations.runtime.WritablePathRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks one declared requirement against the facts of the running process. Each answer is what
 * the process can see for itself; anything else is {@link Status#UNKNOWN}.
 */
final class RequirementCheck {

  /** Where Kubernetes mounts the service account token (projected or not). */
  static final String TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  private static final String INSIDE = "cannot be seen from inside the container";

  private final Path root;
  private final ProcessFacts facts;
  private final PortProbe ports;

  RequirementCheck(Path root, ProcessFacts facts, PortProbe ports) {
    this.root = root;
    this.facts = facts;
    this.ports = ports;
  }

  Finding check(Requirement r) {
    if (r instanceof PrivilegeRequirement p) {
      return privilege(p);
    } else if (r instanceof CapabilityRequirement c) {
      return capability(c);
    } else if (r instanceof HostPathRequirement h) {
      return hostPath(h);
    } else if (r instanceof PortRequirement p) {
      PortProbe.Outcome o = ports.probe(p.number(), p.protocol());
      return new Finding(p, o.status(), o.detail());
    } else if (r instanceof WritablePathRequirement w) {
      return writablePath(w);
    } else if (r instanceof ApiRequirement a) {
      return Files.isRegularFile(inRoot(TOKEN))
          ? new Finding(a, Status.PRESENT, "service account token at " + TOKEN)
          : new Finding(a, Status.MISSING, "no service account token at " + TOKEN);
    } else {
      return confinement((ConfinementRequirement) r);
    }
  }

  private Finding privilege(PrivilegeRequirement p) {
    return switch (p.privilege()) {
      case HOST_PID, HOST_NETWORK, HOST_IPC -> new Finding(p, Status.UNKNOWN, INSIDE);
      case RUN_AS_ROOT -> facts.effectiveUid()
          .map(uid -> uid == 0
              ? new Finding(p, Status.PRESENT, "uid 0")
              : new Finding(p, Status.MISSING, "runs as uid " + uid + ", not 0"))
          .orElse(new Finding(p, Status.UNKNOWN, "/proc/self/status has no Uid line"));
      case WRITABLE_ROOT_FILESYSTEM -> facts.mounts().flatMap(m -> m.at("/"))
          .map(m -> m.readOnly()
              ? new Finding(p, Status.MISSING, "/ is mounted read-only")
              : new Finding(p, Status.PRESENT, "/ is mounted read-write"))
          .orElse(new Finding(p, Status.UNKNOWN, "no mount of / in /proc/self/mountinfo"));
      case PRIVILEGED -> privileged(p);
    };
  }

  /**
   * A privileged container has every capability the kernel knows and may gain privileges; either
   * failing proves it is not privileged. Both holding does not prove it is (devices and /sys are
   * not visible this way), so that stays unknown.
   */
  private Finding privileged(PrivilegeRequirement p) {
    if (facts.noNewPrivs().orElse(false)) {
      return new Finding(p, Status.MISSING, "no-new-privs is set, which a privileged container never has");
    }
    if (facts.effectiveCapabilities().isEmpty() || facts.lastCapability().isEmpty()) {
      return new Finding(p, Status.UNKNOWN, "CapEff or cap_last_cap unreadable");
    }
    List<String> lacking = new ArrayList<>();
    for (LinuxCapability c : LinuxCapability.values()) {
      if (c.bit() <= facts.lastCapability().get() && !has(c)) {
        lacking.add(c.name());
      }
    }
    return lacking.isEmpty()
        ? new Finding(p, Status.UNKNOWN, "every capability is effective; the rest of privileged mode " + INSIDE)
        : new Finding(p, Status.MISSING, "not privileged: CapEff lacks " + String.join(", ", lacking));
  }

  private Finding capability(CapabilityRequirement c) {
    if (c.hasKernelRange()) {
      if (facts.kernel().isEmpty()) {
        return new Finding(c, Status.UNKNOWN, "kernel version unknown (/proc/sys/kernel/osrelease)");
      }
      if (!c.appliesTo(facts.kernel().get())) {
        return new Finding(c, Status.NOT_APPLICABLE, "does not apply on kernel " + facts.kernel().get());
      }
    }
    if (facts.effectiveCapabilities().isEmpty()) {
      return new Finding(c, Status.UNKNOWN, "/proc/self/status has no CapEff line");
    }
    return has(c.capability())
        ? new Finding(c, Status.PRESENT, "effective")
        : new Finding(c, Status.MISSING, "not in the effective capabilities (CapEff " + capEff() + ")");
  }

  private Finding hostPath(HostPathRequirement h) {
    if (facts.mounts().isEmpty()) {
      return new Finding(h, Status.UNKNOWN, "/proc/self/mountinfo unreadable");
    }
    Optional<Mount> mount = facts.mounts().get().at(h.mountPath());
    if (mount.isEmpty()) {
      return new Finding(h, Status.MISSING, "nothing is mounted at " + h.mountPath());
    }
    if (!h.readOnly() && mount.get().readOnly()) {
      return new Finding(h, Status.MISSING, "mounted read-only at " + h.mountPath() + ", but the collector writes there");
    }
    return new Finding(h, Status.PRESENT,
        "mounted " + (mount.get().readOnly() ? "read-only" : "read-write") + " at " + h.mountPath());
  }

  private Finding writablePath(WritablePathRequirement w) {
    Path dir = inRoot(w.path());
    if (!Files.isDirectory(dir)) {
      return new Finding(w, Status.MISSING, w.path() + " does not exist");
    }
    Optional<Mount> mount = facts.mounts().flatMap(m -> m.holding(w.path()));
    if (mount.isPresent() && mount.get().readOnly()) {
      return new Finding(w, Status.MISSING,
          w.path() + " is on the read-only mount " + mount.get().mountPoint());
    }
    try {
      // creating a file is the only answer that holds for root, ACLs and read-only mounts alike
      Files.delete(Files.createTempFile(dir, ".privileges-self-check-", ".tmp"));
      return new Finding(w, Status.PRESENT, "a file can be created in " + w.path());
    } catch (IOException | SecurityException e) {
      return new Finding(w, Status.MISSING,
          "cannot create a file in " + w.path() + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Finding confinement(ConfinementRequirement c) {
    if (c.confinement() == Confinement.SECCOMP_UNCONFINED) {
      return facts.seccompMode()
          .map(mode -> mode == 0
              ? new Finding(c, Status.PRESENT, "no seccomp filter (Seccomp 0)")
              : new Finding(c, Status.MISSING, "seccomp is active (Seccomp " + mode + ")"))
          .orElse(new Finding(c, Status.UNKNOWN, "/proc/self/status has no Seccomp line"));
    }
    Optional<String> label = facts.appArmorLabel();
    if (label.isEmpty()) {
      return new Finding(c, Status.UNKNOWN, "AppArmor label unreadable");
    }
    if (label.get().equals("unconfined")) {
      return new Finding(c, Status.PRESENT, "AppArmor unconfined");
    }
    if (label.get().endsWith("(enforce)")) {
      return new Finding(c, Status.MISSING, "AppArmor profile " + label.get() + " confines the process");
    }
    return new Finding(c, Status.UNKNOWN, "AppArmor label '" + label.get() + "'");
  }

  private boolean has(LinuxCapability c) {
    return (facts.effectiveCapabilities().orElse(0L) & (1L << c.bit())) != 0;
  }

  private String capEff() {
    return String.format(Locale.ROOT, "%016x", facts.effectiveCapabilities().orElse(0L));
  }

  private Path inRoot(String absolute) {
    return root.resolve(absolute.substring(1));
  }
}
