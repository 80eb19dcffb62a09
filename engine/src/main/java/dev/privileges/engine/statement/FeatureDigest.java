package dev.privileges.engine.statement;

import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.KernelCapabilities;
import dev.privileges.engine.grant.Resolver;

import dev.privileges.annotations.Privilege;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The enabled collectors of a grant folded, per feature, into at most three stand-ins that declare
 * the distinct requirements of that feature's collectors (reasons and names dropped). Resolving a
 * set of stand-ins grants exactly what resolving the collectors they stand for grants, because the
 * resolver merges requirements by value and judges only one thing per collector: whether its
 * {@code PRIVILEGED} is replaced by its own capabilities. So the stand-ins keep those three kinds
 * apart: collectors whose privileged mode is replaced, collectors that run privileged, and the
 * rest. The trim table resolves the grant without each feature on these stand-ins, which costs
 * as much as the number of distinct requirements, not the number of collectors.
 */
public final class FeatureDigest {

  private final Map<String, List<CollectorMetadata>> standIns = new TreeMap<>();

  FeatureDigest(Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Map<String, Fold>> byFeature = new TreeMap<>();
    for (CollectorMetadata c : grant.enabled()) {
      boolean declaresPrivileged = c.privileges().stream().anyMatch(p -> p.privilege() == Privilege.PRIVILEGED);
      boolean ownCapabilities = c.capabilities().stream().anyMatch(r -> KernelCapabilities.needed(r, o.oldestKernel()));
      String kind = !declaresPrivileged ? "plain" : !o.privilegedInsteadOfCapabilities() && ownCapabilities
          ? "replaced" : "privileged";
      byFeature.computeIfAbsent(c.feature(), k -> new TreeMap<>())
          .computeIfAbsent(kind, k -> new Fold()).add(c);
    }
    int[] n = {0};
    byFeature.forEach((feature, folds) -> {
      List<CollectorMetadata> out = new ArrayList<>();
      folds.forEach((kind, fold) -> out.add(fold.standIn("~" + n[0]++, feature)));
      standIns.put(feature, out);
    });
  }

  /** The grant of every feature but {@code feature}, resolved on the stand-ins. */
  Grant without(String feature, GenerationOptions options, Resolver resolver) {
    Map<String, CollectorMetadata> kept = new TreeMap<>();
    standIns.forEach((f, list) -> {
      if (!f.equals(feature)) {
        list.forEach(c -> kept.put(c.name(), c));
      }
    });
    Map<String, String> origin = new TreeMap<>();
    kept.keySet().forEach(name -> origin.put(name, "stand-in"));
    GenerationOptions only = options.toBuilder().enabledCollectors(List.copyOf(kept.keySet()))
        .excludedCollectors(List.of()).waivers(List.of()).build();
    return resolver.resolve(new Bundle(kept, origin), only);
  }

  /**
   * The distinct requirements of some collectors of one feature and one kind.
   *
   * <p>Requirements are told apart by a list of their fields, not by the records themselves: the
   * first {@code hashCode} or {@code equals} of a record type in a JVM bootstraps its generated
   * methods, which cost some 10 ms per type and over 50 ms for the first one in a fresh JVM, the
   * cold case every Maven build meets, for the seven types this fold would hash. A list of
   * strings, booleans, numbers and enums hashes as its elements do, with no bootstrap.
   */
  private static final class Fold {
    private final Map<List<Object>, PrivilegeRequirement> privileges = new LinkedHashMap<>();
    private final Map<List<Object>, CapabilityRequirement> capabilities = new LinkedHashMap<>();
    private final Map<List<Object>, HostPathRequirement> hostPaths = new LinkedHashMap<>();
    private final Map<List<Object>, PortRequirement> ports = new LinkedHashMap<>();
    private final Map<List<Object>, WritablePathRequirement> writablePaths = new LinkedHashMap<>();
    private final Map<List<Object>, ApiRuleRequirement> api = new LinkedHashMap<>();
    private final Map<List<Object>, ConfinementRequirement> confinement = new LinkedHashMap<>();

    void add(CollectorMetadata c) {
      for (PrivilegeRequirement r : c.privileges()) {
        privileges.computeIfAbsent(fields(r.privilege()), k -> new PrivilegeRequirement(r.privilege(), "", ""));
      }
      for (CapabilityRequirement r : c.capabilities()) {
        capabilities.computeIfAbsent(fields(r.capability(), r.fromKernel(), r.beforeKernel()),
            k -> new CapabilityRequirement(r.capability(), r.fromKernel(), r.beforeKernel(), "", ""));
      }
      for (HostPathRequirement r : c.hostPaths()) {
        hostPaths.computeIfAbsent(fields(r.path(), r.mountPath(), r.readOnly(), r.type(), r.propagation(), r.env()),
            k -> new HostPathRequirement(r.path(), r.mountPath(), r.readOnly(), r.type(), r.propagation(), r.env(),
                "", ""));
      }
      for (PortRequirement r : c.ports()) {
        ports.computeIfAbsent(fields(r.number(), r.protocol(), r.name(), r.reachableAtNodeIp()),
            k -> new PortRequirement(r.number(), r.protocol(), r.name(), r.reachableAtNodeIp(), "", ""));
      }
      for (WritablePathRequirement r : c.writablePaths()) {
        writablePaths.computeIfAbsent(fields(r.path(), r.keepAcrossRestarts(), r.hostPath()),
            k -> new WritablePathRequirement(r.path(), r.keepAcrossRestarts(), r.hostPath(), "", ""));
      }
      for (ApiRuleRequirement r : c.kubernetesApi()) {
        api.computeIfAbsent(fields(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs()),
            k -> new ApiRuleRequirement(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs(), "", ""));
      }
      for (ConfinementRequirement r : c.confinement()) {
        confinement.computeIfAbsent(fields(r.confinement()), k -> new ConfinementRequirement(r.confinement(), "", ""));
      }
    }

    private static List<Object> fields(Object... values) {
      return Arrays.asList(values); // null-tolerant, compared element by element
    }

    CollectorMetadata standIn(String name, String feature) {
      return new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, name, feature, "", name,
          privileges.isEmpty() && capabilities.isEmpty() && hostPaths.isEmpty() && ports.isEmpty()
              && writablePaths.isEmpty() && api.isEmpty() && confinement.isEmpty() ? "stand-in" : "",
          List.copyOf(privileges.values()), List.copyOf(capabilities.values()), List.copyOf(hostPaths.values()),
          List.copyOf(ports.values()), List.copyOf(writablePaths.values()), List.copyOf(api.values()),
          List.copyOf(confinement.values()));
    }
  }
}
