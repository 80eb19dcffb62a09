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
import java.util.LinkedHashSet;
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

  /** The distinct requirements of some collectors of one feature and one kind. */
  private static final class Fold {
    private final Set<PrivilegeRequirement> privileges = new LinkedHashSet<>();
    private final Set<CapabilityRequirement> capabilities = new LinkedHashSet<>();
    private final Set<HostPathRequirement> hostPaths = new LinkedHashSet<>();
    private final Set<PortRequirement> ports = new LinkedHashSet<>();
    private final Set<WritablePathRequirement> writablePaths = new LinkedHashSet<>();
    private final Set<ApiRuleRequirement> api = new LinkedHashSet<>();
    private final Set<ConfinementRequirement> confinement = new LinkedHashSet<>();

    void add(CollectorMetadata c) {
      c.privileges().forEach(r -> privileges.add(new PrivilegeRequirement(r.privilege(), "", "")));
      c.capabilities().forEach(r -> capabilities.add(
          new CapabilityRequirement(r.capability(), r.fromKernel(), r.beforeKernel(), "", "")));
      c.hostPaths().forEach(r -> hostPaths.add(new HostPathRequirement(r.path(), r.mountPath(), r.readOnly(),
          r.type(), r.propagation(), r.env(), "", "")));
      c.ports().forEach(r -> ports.add(new PortRequirement(r.number(), r.protocol(), r.name(),
          r.reachableAtNodeIp(), "", "")));
      c.writablePaths().forEach(r -> writablePaths.add(
          new WritablePathRequirement(r.path(), r.keepAcrossRestarts(), r.hostPath(), "", "")));
      c.kubernetesApi().forEach(r -> api.add(new ApiRuleRequirement(r.apiGroups(), r.resources(),
          r.nonResourceUrls(), r.verbs(), "", "")));
      c.confinement().forEach(r -> confinement.add(new ConfinementRequirement(r.confinement(), "", "")));
    }

    CollectorMetadata standIn(String name, String feature) {
      return new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, name, feature, "", name,
          privileges.isEmpty() && capabilities.isEmpty() && hostPaths.isEmpty() && ports.isEmpty()
              && writablePaths.isEmpty() && api.isEmpty() && confinement.isEmpty() ? "stand-in" : "",
          List.copyOf(privileges), List.copyOf(capabilities), List.copyOf(hostPaths), List.copyOf(ports),
          List.copyOf(writablePaths), List.copyOf(api), List.copyOf(confinement));
    }
  }
}
