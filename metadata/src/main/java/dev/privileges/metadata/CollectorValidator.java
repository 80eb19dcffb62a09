package dev.privileges.metadata;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole collector's metadata against every declaration rule: the per-value rules of
 * {@link DeclarationRules} (for hand-written files and files read from jars) and the rules that
 * span several declarations (contradictions, the coverage gate), which the processor also uses.
 */
public final class CollectorValidator {

  private CollectorValidator() {}

  /** Every rule, value by value and across declarations; empty when the collector is valid. */
  public static List<Finding> validate(CollectorMetadata c) {
    List<Finding> out = new ArrayList<>();
    add(out, "name", DeclarationRules.collectorName(c.name()));
    add(out, "feature", DeclarationRules.feature(c.feature()));
    if (c.source() == null || c.source().isBlank()) {
      out.add(new Finding("source", new Violation("MissingSource",
          "the source is missing: name the class or file that declares this collector")));
    }
    for (int i = 0; i < c.privileges().size(); i++) {
      PrivilegeRequirement p = c.privileges().get(i);
      String at = "privileges[" + i + "]";
      if (p.privilege() == null) {
        out.add(new Finding(at + ".privilege", missing("privilege", "HOST_PID")));
      }
      add(out, at + ".reason", DeclarationRules.reason("privilege " + p.privilege(), p.reason()));
    }
    for (int i = 0; i < c.capabilities().size(); i++) {
      CapabilityRequirement r = c.capabilities().get(i);
      String at = "capabilities[" + i + "]";
      add(out, at + ".capability", DeclarationRules.capability(r.capability()));
      if (LinuxCapabilities.normalize(r.capability()).filter(n -> n.equals(r.capability())).isEmpty()
          && LinuxCapabilities.normalize(r.capability()).isPresent()) {
        out.add(new Finding(at + ".capability", new Violation("CapabilityNotNormalized",
            "capability '" + r.capability() + "' must be written as '"
                + LinuxCapabilities.normalize(r.capability()).get() + "' in metadata")));
      }
      add(out, at + ".fromKernel", DeclarationRules.kernelVersion("fromKernel", r.fromKernel()));
      add(out, at + ".beforeKernel", DeclarationRules.kernelVersion("beforeKernel", r.beforeKernel()));
      add(out, at, DeclarationRules.kernelRange(r.fromKernel(), r.beforeKernel()));
      add(out, at + ".reason", DeclarationRules.reason("capability " + r.capability(), r.reason()));
    }
    for (int i = 0; i < c.hostPaths().size(); i++) {
      HostPathRequirement h = c.hostPaths().get(i);
      String at = "hostPaths[" + i + "]";
      add(out, at + ".path", DeclarationRules.absolutePath("host path", h.path()));
      add(out, at + ".mountPath", DeclarationRules.mountPath("mount path", h.mountPath()));
      if (!h.env().isEmpty()) {
        add(out, at + ".env", DeclarationRules.envName(h.env()));
      }
      add(out, at + ".reason", DeclarationRules.reason("host path " + h.path(), h.reason()));
    }
    for (int i = 0; i < c.ports().size(); i++) {
      PortRequirement p = c.ports().get(i);
      String at = "ports[" + i + "]";
      add(out, at + ".number", DeclarationRules.portNumber(p.number()));
      add(out, at + ".name", DeclarationRules.portName(p.name()));
      add(out, at + ".reason", DeclarationRules.reason("port " + p.number(), p.reason()));
    }
    for (int i = 0; i < c.writablePaths().size(); i++) {
      WritablePathRequirement w = c.writablePaths().get(i);
      String at = "writablePaths[" + i + "]";
      add(out, at + ".path", DeclarationRules.mountPath("writable path", w.path()));
      add(out, at + ".hostPath",
          DeclarationRules.writableHostPath(w.path(), w.keepAcrossRestarts(), w.hostPath()));
      add(out, at + ".reason", DeclarationRules.reason("writable path " + w.path(), w.reason()));
    }
    for (int i = 0; i < c.kubernetesApi().size(); i++) {
      ApiRuleRequirement r = c.kubernetesApi().get(i);
      String at = "kubernetesApi[" + i + "]";
      add(out, at, DeclarationRules.apiRuleShape(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs()));
      for (String verb : r.verbs()) {
        add(out, at + ".verbs", DeclarationRules.apiVerb(verb));
      }
      add(out, at + ".reason", DeclarationRules.reason("API rule", r.reason()));
    }
    for (int i = 0; i < c.confinement().size(); i++) {
      ConfinementRequirement r = c.confinement().get(i);
      add(out, "confinement[" + i + "].reason",
          DeclarationRules.reason("confinement " + r.confinement(), r.reason()));
    }
    out.addAll(validateConsistency(c));
    return out;
  }

  /**
   * Rules that span several declarations of one collector: contradictions, Bidirectional
   * propagation without privileged, and the coverage gate.
   */
  public static List<Finding> validateConsistency(CollectorMetadata c) {
    List<Finding> out = new ArrayList<>();
    boolean declaresNothing = !c.declaresAnyRequirement();
    if (declaresNothing && c.noPrivilegesReason().isBlank()) {
      out.add(new Finding("", new Violation("NoDeclaration",
          "collector '" + c.name() + "' declares no requirement: declare what it needs with"
              + " @Requires... annotations, or say it needs nothing with"
              + " @RequiresNoPrivileges(reason = \"...\")")));
    }
    if (!declaresNothing && !c.noPrivilegesReason().isBlank()) {
      out.add(new Finding("noPrivilegesReason", new Violation("NoPrivilegesContradicted",
          "collector '" + c.name() + "' says it needs no privileges but declares requirements:"
              + " remove @RequiresNoPrivileges or the requirements")));
    }
    Map<String, HostPathRequirement> byPath = new HashMap<>();
    Map<String, String> byMount = new HashMap<>();
    Map<String, String> byEnv = new HashMap<>();
    for (int i = 0; i < c.hostPaths().size(); i++) {
      HostPathRequirement h = c.hostPaths().get(i);
      String at = "hostPaths[" + i + "]";
      HostPathRequirement before = byPath.putIfAbsent(h.path(), h);
      if (before != null && !sameMount(before, h)) {
        out.add(new Finding(at, new Violation("ContradictoryHostPath",
            "host path '" + h.path() + "' is declared twice with different settings ("
                + describe(before) + " and " + describe(h) + "): declare it once, read-write"
                + " if the collector writes there")));
      }
      String mountedBefore = byMount.putIfAbsent(h.mountPath(), h.path());
      if (mountedBefore != null && !mountedBefore.equals(h.path())) {
        out.add(new Finding(at + ".mountPath", new Violation("ConflictingMountPath",
            "mount path '" + h.mountPath() + "' is used for both '" + mountedBefore + "' and '"
                + h.path() + "': give each host path its own mount path")));
      }
      if (!h.env().isEmpty()) {
        String envBefore = byEnv.putIfAbsent(h.env(), h.mountPath());
        if (envBefore != null && !envBefore.equals(h.mountPath())) {
          out.add(new Finding(at + ".env", new Violation("ConflictingEnv",
              "environment variable '" + h.env() + "' would point at both '" + envBefore
                  + "' and '" + h.mountPath() + "': give each mount its own variable")));
        }
      }
      if ((h.type() == HostPathType.DIRECTORY_OR_CREATE || h.type() == HostPathType.FILE_OR_CREATE)
          && h.readOnly()) {
        out.add(new Finding(at + ".type", new Violation("HostPathTypeConflict",
            "host path '" + h.path() + "' has type " + h.type() + ", which creates it on the node,"
                + " but is read-only: use DIRECTORY or FILE to mount an existing path read-only,"
                + " or set readOnly = false")));
      }
      if (h.propagation() == MountPropagation.BIDIRECTIONAL
          && c.privileges().stream().noneMatch(p -> p.privilege() == Privilege.PRIVILEGED)) {
        out.add(new Finding(at + ".propagation", new Violation("BidirectionalNeedsPrivileged",
            "host path '" + h.path() + "' uses BIDIRECTIONAL propagation, which Kubernetes only"
                + " allows in privileged containers: use HOST_TO_CONTAINER, or also declare"
                + " @RequiresPrivilege(Privilege.PRIVILEGED)")));
      }
    }
    Map<String, PortRequirement> byPort = new HashMap<>();
    Map<String, PortRequirement> byName = new HashMap<>();
    for (int i = 0; i < c.ports().size(); i++) {
      PortRequirement p = c.ports().get(i);
      String at = "ports[" + i + "]";
      PortRequirement before = byPort.putIfAbsent(p.number() + "/" + p.protocol(), p);
      if (before != null
          && (!before.name().equals(p.name()) || before.reachableAtNodeIp() != p.reachableAtNodeIp())) {
        out.add(new Finding(at, new Violation("ContradictoryPort",
            "port " + p.number() + "/" + p.protocol() + " is declared twice with different"
                + " settings (name '" + before.name() + "', reachableAtNodeIp "
                + before.reachableAtNodeIp() + " and name '" + p.name() + "', reachableAtNodeIp "
                + p.reachableAtNodeIp() + "): declare it once")));
        continue;
      }
      PortRequirement named = byName.putIfAbsent(p.name(), p);
      if (named != null && (named.number() != p.number() || named.protocol() != p.protocol())) {
        out.add(new Finding(at + ".name", new Violation("DuplicatePortName",
            "port name '" + p.name() + "' is used for both " + named.number() + "/"
                + named.protocol() + " and " + p.number() + "/" + p.protocol() + ": Kubernetes"
                + " needs a distinct name per port, such as '" + p.name() + "-"
                + p.protocol().name().toLowerCase(java.util.Locale.ROOT) + "'")));
      }
    }
    return out;
  }

  private static boolean sameMount(HostPathRequirement a, HostPathRequirement b) {
    return a.mountPath().equals(b.mountPath())
        && a.readOnly() == b.readOnly()
        && a.type() == b.type()
        && a.propagation() == b.propagation()
        && a.env().equals(b.env());
  }

  private static String describe(HostPathRequirement h) {
    return (h.readOnly() ? "read-only" : "read-write") + " at " + h.mountPath();
  }

  private static Violation missing(String field, String example) {
    return new Violation("MissingField", field + " is missing: add it, such as \"" + example + "\"");
  }

  private static void add(List<Finding> out, String field, Optional<Violation> v) {
    v.ifPresent(violation -> out.add(new Finding(field, violation)));
  }
}
