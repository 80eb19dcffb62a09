package dev.privileges.metadata;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
      if (p.privilege() == null) {
        out.add(new Finding(at("privileges", i, "privilege"), missing("privilege", "HOST_PID")));
      }
      if (!DeclarationRules.hasReason(p.reason())) {
        add(out, "privileges", i, "reason", DeclarationRules.reason("privilege " + p.privilege(), p.reason()));
      }
    }
    for (int i = 0; i < c.capabilities().size(); i++) {
      CapabilityRequirement r = c.capabilities().get(i);
      add(out, "capabilities", i, "capability", DeclarationRules.capability(r.capability()));
      Optional<String> normalized = LinuxCapabilities.normalize(r.capability());
      if (normalized.isPresent() && !normalized.get().equals(r.capability())) {
        out.add(new Finding(at("capabilities", i, "capability"), new Violation("CapabilityNotNormalized",
            "capability '" + r.capability() + "' must be written as '"
                + normalized.get() + "' in metadata")));
      }
      add(out, "capabilities", i, "fromKernel", DeclarationRules.kernelVersion("fromKernel", r.fromKernel()));
      add(out, "capabilities", i, "beforeKernel",
          DeclarationRules.kernelVersion("beforeKernel", r.beforeKernel()));
      add(out, "capabilities", i, "", DeclarationRules.kernelRange(r.fromKernel(), r.beforeKernel()));
      if (!DeclarationRules.hasReason(r.reason())) {
        add(out, "capabilities", i, "reason", DeclarationRules.reason("capability " + r.capability(), r.reason()));
      }
    }
    for (int i = 0; i < c.hostPaths().size(); i++) {
      HostPathRequirement h = c.hostPaths().get(i);
      add(out, "hostPaths", i, "path", DeclarationRules.absolutePath("host path", h.path()));
      add(out, "hostPaths", i, "mountPath", DeclarationRules.mountPath("mount path", h.mountPath()));
      if (!h.env().isEmpty()) {
        add(out, "hostPaths", i, "env", DeclarationRules.envName(h.env()));
      }
      if (!DeclarationRules.hasReason(h.reason())) {
        add(out, "hostPaths", i, "reason", DeclarationRules.reason("host path " + h.path(), h.reason()));
      }
    }
    for (int i = 0; i < c.ports().size(); i++) {
      PortRequirement p = c.ports().get(i);
      add(out, "ports", i, "number", DeclarationRules.portNumber(p.number()));
      add(out, "ports", i, "name", DeclarationRules.portName(p.name()));
      if (!DeclarationRules.hasReason(p.reason())) {
        add(out, "ports", i, "reason", DeclarationRules.reason("port " + p.number(), p.reason()));
      }
    }
    for (int i = 0; i < c.writablePaths().size(); i++) {
      WritablePathRequirement w = c.writablePaths().get(i);
      add(out, "writablePaths", i, "path", DeclarationRules.mountPath("writable path", w.path()));
      add(out, "writablePaths", i, "hostPath",
          DeclarationRules.writableHostPath(w.path(), w.keepAcrossRestarts(), w.hostPath()));
      if (!DeclarationRules.hasReason(w.reason())) {
        add(out, "writablePaths", i, "reason", DeclarationRules.reason("writable path " + w.path(), w.reason()));
      }
    }
    for (int i = 0; i < c.kubernetesApi().size(); i++) {
      ApiRuleRequirement r = c.kubernetesApi().get(i);
      add(out, "kubernetesApi", i, "",
          DeclarationRules.apiRuleShape(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs()));
      for (String verb : r.verbs()) {
        add(out, "kubernetesApi", i, "verbs", DeclarationRules.apiVerb(verb));
      }
      if (!DeclarationRules.hasReason(r.reason())) {
        add(out, "kubernetesApi", i, "reason", DeclarationRules.reason("API rule", r.reason()));
      }
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
      HostPathRequirement before = byPath.putIfAbsent(h.path(), h);
      if (before != null && !sameMount(before, h)) {
        out.add(new Finding(at("hostPaths", i, ""), new Violation("ContradictoryHostPath",
            "host path '" + h.path() + "' is declared twice with different settings ("
                + describe(before) + " and " + describe(h) + "): declare it once, read-write"
                + " if the collector writes there")));
      }
      String mountedBefore = byMount.putIfAbsent(h.mountPath(), h.path());
      if (mountedBefore != null && !mountedBefore.equals(h.path())) {
        out.add(new Finding(at("hostPaths", i, "mountPath"), new Violation("ConflictingMountPath",
            "mount path '" + h.mountPath() + "' is used for both '" + mountedBefore + "' and '"
                + h.path() + "': give each host path its own mount path")));
      }
      if (!h.env().isEmpty()) {
        String envBefore = byEnv.putIfAbsent(h.env(), h.mountPath());
        if (envBefore != null && !envBefore.equals(h.mountPath())) {
          out.add(new Finding(at("hostPaths", i, "env"), new Violation("ConflictingEnv",
              "environment variable '" + h.env() + "' would point at both '" + envBefore
                  + "' and '" + h.mountPath() + "': give each mount its own variable")));
        }
      }
      if ((h.type() == HostPathType.DIRECTORY_OR_CREATE || h.type() == HostPathType.FILE_OR_CREATE)
          && h.readOnly()) {
        out.add(new Finding(at("hostPaths", i, "type"), new Violation("HostPathTypeConflict",
            "host path '" + h.path() + "' has type " + h.type() + ", which creates it on the node,"
                + " but is read-only: use DIRECTORY or FILE to mount an existing path read-only,"
                + " or set readOnly = false")));
      }
      if (h.propagation() == MountPropagation.BIDIRECTIONAL && !declaresPrivileged(c)) {
        out.add(new Finding(at("hostPaths", i, "propagation"), new Violation("BidirectionalNeedsPrivileged",
            "host path '" + h.path() + "' uses BIDIRECTIONAL propagation, which Kubernetes only"
                + " allows in privileged containers: use HOST_TO_CONTAINER, or also declare"
                + " @RequiresPrivilege(Privilege.PRIVILEGED)")));
      }
    }
    writablePathConflicts(c, out);
    loneSurrogates(c, out);
    Map<String, PortRequirement> byPort = new HashMap<>();
    Map<String, PortRequirement> byName = new HashMap<>();
    for (int i = 0; i < c.ports().size(); i++) {
      PortRequirement p = c.ports().get(i);
      PortRequirement before = byPort.putIfAbsent(p.number() + "/" + p.protocol(), p);
      if (before != null
          && (!before.name().equals(p.name()) || before.reachableAtNodeIp() != p.reachableAtNodeIp())) {
        out.add(new Finding(at("ports", i, ""), new Violation("ContradictoryPort",
            "port " + p.number() + "/" + p.protocol() + " is declared twice with different"
                + " settings (name '" + before.name() + "', reachableAtNodeIp "
                + before.reachableAtNodeIp() + " and name '" + p.name() + "', reachableAtNodeIp "
                + p.reachableAtNodeIp() + "): declare it once")));
        continue;
      }
      PortRequirement named = byName.putIfAbsent(p.name(), p);
      if (named != null && (named.number() != p.number() || named.protocol() != p.protocol())) {
        out.add(new Finding(at("ports", i, "name"), new Violation("DuplicatePortName",
            "port name '" + p.name() + "' is used for both " + named.number() + "/"
                + named.protocol() + " and " + p.number() + "/" + p.protocol() + ": Kubernetes"
                + " needs a distinct name per port, such as '" + p.name() + "-"
                + p.protocol().name().toLowerCase(java.util.Locale.ROOT) + "'")));
      }
    }
    return out;
  }

  /**
   * A writable path must be writable: not below a read-only host mount (the write fails), not at
   * a host mount's own path (two volumes at one mount path make an invalid pod), and either
   * scratch or kept, not both.
   */
  private static void writablePathConflicts(CollectorMetadata c, List<Finding> out) {
    Map<String, WritablePathRequirement> byPath = new HashMap<>();
    for (int i = 0; i < c.writablePaths().size(); i++) {
      WritablePathRequirement w = c.writablePaths().get(i);
      WritablePathRequirement before = byPath.putIfAbsent(w.path(), w);
      if (before != null && (before.keepAcrossRestarts() != w.keepAcrossRestarts()
          || !before.hostPath().equals(w.hostPath()))) {
        out.add(new Finding(at("writablePaths", i, ""), new Violation("ContradictoryWritablePath",
            "writable path '" + w.path() + "' is declared twice, " + describe(before) + " and "
                + describe(w) + ": declare it once, kept across restarts if any part of the"
                + " collector needs its content to survive")));
      }
      for (HostPathRequirement h : c.hostPaths()) {
        if (w.path().equals(h.mountPath())) {
          out.add(new Finding(at("writablePaths", i, "path"), new Violation("WritablePathIsHostMount",
              "writable path '" + w.path() + "' is also the mount path of host path '" + h.path()
                  + "': a pod cannot mount two volumes at one path; to write into the node"
                  + " directory, declare the host path with readOnly = false and drop the"
                  + " writable path, or give the writable path its own path")));
        } else if (h.readOnly() && isBelow(w.path(), h.mountPath())) {
          out.add(new Finding(at("writablePaths", i, "path"), new Violation("WritablePathInReadOnlyMount",
              "writable path '" + w.path() + "' lies inside the read-only mount of host path '"
                  + h.path() + "' at '" + h.mountPath() + "', so writes there fail: move the"
                  + " writable path out of '" + h.mountPath() + "', or mount the host path with"
                  + " readOnly = false")));
        }
      }
    }
  }

  private static boolean isBelow(String path, String folder) {
    return folder.equals("/") || path.startsWith(folder + "/");
  }

  private static String describe(WritablePathRequirement w) {
    return w.keepAcrossRestarts() ? "kept in '" + w.hostPath() + "'" : "as scratch";
  }

  /**
   * Every text must be well-formed UTF-16: a lone surrogate has no UTF-8 form, so the metadata
   * file would hold {@code ?} where the registry holds the raw char.
   */
  private static void loneSurrogates(CollectorMetadata c, List<Finding> out) {
    checkText(out, "description", c.description());
    checkText(out, "feature", c.feature());
    checkText(out, "noPrivilegesReason", c.noPrivilegesReason());
    for (MetadataWriter.Entry e : MetadataWriter.requirements(c)) {
      for (MetadataWriter.Field f : e.fields()) {
        // the field's name is built only for a finding: this runs for every field read
        if (f.value() instanceof String text) {
          if (hasSurrogate(text)) {
            checkText(out, e.array() + "[" + e.position() + "]." + f.key(), text);
          }
        } else if (f.value() instanceof List<?> list) {
          for (Object item : list) {
            String text = String.valueOf(item);
            if (hasSurrogate(text)) {
              checkText(out, e.array() + "[" + e.position() + "]." + f.key(), text);
            }
          }
        }
      }
    }
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void checkText(List<Finding> out, String field, String text) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean paired = Character.isHighSurrogate(ch)
          ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
          : !Character.isLowSurrogate(ch);
      if (!paired) {
        out.add(new Finding(field, new Violation("LoneSurrogate", String.format(Locale.ROOT,
            "the text at %s holds a lone surrogate (\\u%04X at index %d), which no file can"
                + " store as UTF-8: remove it, or write the whole character it was part of",
            field, (int) ch, i))));
        return;
      }
      if (Character.isHighSurrogate(ch)) {
        i++;
      }
    }
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

  private static boolean declaresPrivileged(CollectorMetadata c) {
    for (PrivilegeRequirement p : c.privileges()) {
      if (p.privilege() == Privilege.PRIVILEGED) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds {@code v} for field {@code field} of element {@code i} of {@code list}; the name, like
   * {@code hostPaths[2].path}, is built only for a violation: a valid collector, the usual case
   * for every one a build reads, then builds none.
   */
  private static void add(List<Finding> out, String list, int i, String field, Optional<Violation> v) {
    if (v.isPresent()) {
      out.add(new Finding(at(list, i, field), v.get()));
    }
  }

  /** {@code hostPaths[2].path}, or {@code hostPaths[2]} for an empty {@code field}. */
  private static String at(String list, int i, String field) {
    return list + "[" + i + "]" + (field.isEmpty() ? "" : "." + field);
  }

  private static void add(List<Finding> out, String field, Optional<Violation> v) {
    if (v.isPresent()) {
      out.add(new Finding(field, v.get()));
    }
  }
}
