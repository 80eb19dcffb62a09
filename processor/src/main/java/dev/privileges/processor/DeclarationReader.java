package dev.privileges.processor;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresKubernetesApi;
import dev.privileges.annotations.RequiresNoPrivileges;
import dev.privileges.annotations.RequiresPort;
import dev.privileges.annotations.RequiresPrivilege;
import dev.privileges.annotations.RequiresRelaxedConfinement;
import dev.privileges.annotations.RequiresWritablePath;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.DeclarationRules;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.LinuxCapabilities;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.Violation;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the requirement annotations written on one type into {@link Declarations}, checking every
 * value as it goes. A value that breaks a rule is reported on its annotation and left out.
 */
final class DeclarationReader {

  /** Requirement annotations and their repeatable containers, by canonical name. */
  static final Set<String> REQUIREMENT_ANNOTATIONS =
      Set.of(
          RequiresPrivilege.class.getCanonicalName(),
          RequiresPrivilege.List.class.getCanonicalName(),
          RequiresCapability.class.getCanonicalName(),
          RequiresCapability.List.class.getCanonicalName(),
          RequiresHostPath.class.getCanonicalName(),
          RequiresHostPath.List.class.getCanonicalName(),
          RequiresPort.class.getCanonicalName(),
          RequiresPort.List.class.getCanonicalName(),
          RequiresWritablePath.class.getCanonicalName(),
          RequiresWritablePath.List.class.getCanonicalName(),
          RequiresKubernetesApi.class.getCanonicalName(),
          RequiresKubernetesApi.List.class.getCanonicalName(),
          RequiresRelaxedConfinement.class.getCanonicalName(),
          RequiresNoPrivileges.class.getCanonicalName());

  private final Elements elements;
  private final AttributeNames names;

  DeclarationReader(AttributeNames names) {
    this.elements = names.elements();
    this.names = names;
  }

  /** The requirement mirrors written on {@code type}, with repeatable containers unwrapped. */
  List<AnnotationMirror> requirementMirrors(TypeElement type) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String name = names.qualifiedName((TypeElement) mirror.getAnnotationType().asElement());
      if (!REQUIREMENT_ANNOTATIONS.contains(name)) {
        continue;
      }
      if (name.endsWith(".List")) {
        for (AnnotationValue inner : new AnnotationValues(names, mirror).array("value")) {
          out.add((AnnotationMirror) inner.getValue());
        }
      } else {
        out.add(mirror);
      }
    }
    return out;
  }

  /**
   * Adds the declarations written on {@code type} to {@code into}.
   *
   * @param reporter where violations go, or {@code null} to read without reporting (the type was
   *     already checked on its own, or comes from a compiled library)
   */
  void read(TypeElement type, Declarations into, Reporter reporter) {
    String declaredBy = elements.getBinaryName(type).toString();
    for (AnnotationMirror mirror : requirementMirrors(type)) {
      AnnotationValues a = new AnnotationValues(names, mirror);
      Checker check = new Checker(reporter, type, a);
      String simple = mirror.getAnnotationType().asElement().getSimpleName().toString();
      String reason = a.string("reason");
      if (!check.ok("reason", DeclarationRules.reason("@" + simple, reason))) {
        into.rejected = true;
        continue;
      }
      int[] before = into.sizes();
      Declarations.Origin origin = new Declarations.Origin(type, mirror);
      switch (simple) {
        case "RequiresPrivilege" -> readPrivileges(a, check, reason, declaredBy, into);
        case "RequiresCapability" -> readCapabilities(a, check, reason, declaredBy, into);
        case "RequiresHostPath" -> readHostPath(a, check, reason, declaredBy, into);
        case "RequiresPort" -> readPort(a, check, reason, declaredBy, into);
        case "RequiresWritablePath" -> readWritablePath(a, check, reason, declaredBy, into);
        case "RequiresKubernetesApi" -> readApiRule(a, check, reason, declaredBy, into);
        case "RequiresRelaxedConfinement" -> {
          if (check.nonEmpty("value", "confinement", "Confinement.SECCOMP_UNCONFINED")) {
            for (String c : distinct(a.enumNames("value"))) {
              into.confinement.add(new ConfinementRequirement(Confinement.valueOf(c), reason, declaredBy));
            }
          }
        }
        case "RequiresNoPrivileges" -> {
          into.noPrivilegesReason = reason;
          into.noPrivilegesOrigin = origin;
        }
        default -> throw new IllegalStateException("unhandled annotation " + simple);
      }
      into.markAddedSince(before, origin);
      into.rejected |= check.failed;
    }
  }

  private static void readPrivileges(
      AnnotationValues a, Checker check, String reason, String declaredBy, Declarations into) {
    if (check.nonEmpty("value", "privilege", "Privilege.HOST_PID")) {
      for (String p : distinct(a.enumNames("value"))) {
        into.privileges.add(new PrivilegeRequirement(Privilege.valueOf(p), reason, declaredBy));
      }
    }
  }

  private static void readCapabilities(
      AnnotationValues a, Checker check, String reason, String declaredBy, Declarations into) {
    String from = a.string("fromKernel");
    String before = a.string("beforeKernel");
    boolean ok = check.nonEmpty("value", "capability", "\"NET_RAW\"")
        & check.ok("fromKernel", DeclarationRules.kernelVersion("fromKernel", from))
        & check.ok("beforeKernel", DeclarationRules.kernelVersion("beforeKernel", before));
    ok = ok && check.ok("fromKernel", DeclarationRules.kernelRange(from, before));
    List<String> capabilities = new ArrayList<>();
    for (String value : a.strings("value")) {
      Optional<String> normalized = LinuxCapabilities.normalize(value);
      if (normalized.isPresent()) {
        capabilities.add(normalized.get());
      } else {
        check.ok("value", DeclarationRules.capability(value));
        ok = false;
      }
    }
    if (ok) {
      for (String capability : distinct(capabilities)) {
        into.capabilities.add(new CapabilityRequirement(capability, from, before, reason, declaredBy));
      }
    }
  }

  private static void readHostPath(
      AnnotationValues a, Checker check, String reason, String declaredBy, Declarations into) {
    String path = a.string("path");
    String mountPath = a.string("mountPath").isEmpty() ? path : a.string("mountPath");
    String env = a.string("env");
    // An empty mountPath means "the same as path": check it only when it is written.
    boolean pathOk = check.ok("path", DeclarationRules.absolutePath("host path", path));
    boolean ok = pathOk
        & (a.string("mountPath").isEmpty()
            ? !pathOk || check.ok("path", DeclarationRules.mountPath("host path", path))
            : check.ok("mountPath", DeclarationRules.mountPath("mount path", mountPath)))
        & (env.isEmpty() || check.ok("env", DeclarationRules.envName(env)));
    if (ok) {
      into.hostPaths.add(new HostPathRequirement(
          path, mountPath, a.bool("readOnly"), HostPathType.valueOf(a.enumName("type")),
          MountPropagation.valueOf(a.enumName("propagation")), env, reason, declaredBy));
    }
  }

  private static void readPort(
      AnnotationValues a, Checker check, String reason, String declaredBy, Declarations into) {
    int number = a.integer("number");
    String name = a.string("name");
    boolean ok = check.ok("number", DeclarationRules.portNumber(number))
        & check.ok("name", DeclarationRules.portName(name));
    if (ok) {
      into.ports.add(new PortRequirement(
          number, Protocol.valueOf(a.enumName("protocol")), name, a.bool("reachableAtNodeIp"),
          reason, declaredBy));
    }
  }

  private static void readWritablePath(
      AnnotationValues a, Checker check, String reason, String declaredBy, Declarations into) {
    WritablePathRequirement w = new WritablePathRequirement(
        a.string("path"), a.bool("keepAcrossRestarts"), a.string("hostPath"), reason, declaredBy);
    boolean ok = check.ok("path", DeclarationRules.mountPath("writable path", w.path()));
    Optional<Violation> hostPath =
        DeclarationRules.writableHostPath(w.path(), w.keepAcrossRestarts(), w.hostPath());
    // a missing host path is the fault of keepAcrossRestarts = true; anything else of hostPath
    boolean blameKeep = hostPath.map(v -> v.code().equals("KeptPathWithoutHostPath")).orElse(false);
    ok &= check.ok(blameKeep ? "keepAcrossRestarts" : "hostPath", hostPath);
    if (ok) {
      into.writablePaths.add(w);
    }
  }

  private static void readApiRule(
      AnnotationValues a, Checker check, String reason, String declaredBy, Declarations into) {
    List<String> groups = a.strings("apiGroups");
    List<String> resources = a.strings("resources");
    List<String> urls = a.strings("nonResourceUrls");
    List<String> verbs = a.strings("verbs");
    boolean ok = check.ok("verbs", DeclarationRules.apiRuleShape(groups, resources, urls, verbs));
    for (String verb : verbs) {
      ok &= check.ok("verbs", DeclarationRules.apiVerb(verb));
    }
    if (ok) {
      into.kubernetesApi.add(new ApiRuleRequirement(groups, resources, urls, verbs, reason, declaredBy));
    }
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().distinct().toList();
  }

  static String annotationName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** Reports a violation on one attribute of one annotation, when a reporter is present. */
  private static final class Checker {
    private final Reporter reporter;
    private final TypeElement type;
    private final AnnotationValues a;
    /** Whether some value of this annotation broke a rule. */
    boolean failed;

    Checker(Reporter reporter, TypeElement type, AnnotationValues a) {
      this.reporter = reporter;
      this.type = type;
      this.a = a;
    }

    boolean ok(String attribute, Optional<Violation> violation) {
      failed |= violation.isPresent();
      violation.ifPresent(v -> {
        if (reporter != null) {
          reporter.error(v, type, a.mirror(), a.value(attribute), attribute);
        }
      });
      return violation.isEmpty();
    }

    boolean nonEmpty(String attribute, String what, String example) {
      return a.array(attribute).isEmpty()
          ? ok(attribute, Optional.of(new Violation("EmptyDeclaration",
              "no " + what + " is named: list at least one, such as " + example)))
          : true;
    }
  }
}
