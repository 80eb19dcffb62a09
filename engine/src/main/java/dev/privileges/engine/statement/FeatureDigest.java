package dev.privileges.engine.statement;

import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.KernelCapabilities;
import dev.privileges.engine.grant.Resolver;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
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
import java.util.TreeSet;

/**
 * The enabled collectors of a grant folded into stand-ins that declare their distinct requirements
 * (reasons and names dropped), so that the trim table can resolve "every feature but one" at the
 * cost of what that feature touches rather than of the whole bundle.
 *
 * <p>Resolving stand-ins grants exactly what resolving the collectors they stand for grants,
 * because the resolver merges requirements by value and judges only one thing per collector:
 * whether its {@code PRIVILEGED} is replaced by its own capabilities. So each feature's
 * privileges, capabilities, API rules and confinement go into at most three stand-ins that keep
 * those kinds apart: collectors whose privileged mode is replaced, collectors that run
 * privileged, and the rest. Host paths, ports and writable paths merge one item at a time
 * whatever the collector declaring them, so they are kept per item and per feature, and {@link
 * #without} adds to each feature's first stand-in only the items that matter for the feature
 * left out. {@code FeatureRecommendationsPropertyTest} checks on random bundles that every row
 * equals the row of a full resolution of the real collectors.
 */
public final class FeatureDigest {

  /** Per feature, its stand-ins for privileges, capabilities, API rules and confinement. */
  private final Map<String, List<CollectorMetadata>> bases = new TreeMap<>();

  /** Per host path, per feature, that feature's distinct requirements of the path. */
  private final Map<String, Map<String, List<HostPathRequirement>>> hostPaths;

  /** Per port ({@code 8125/UDP}), per feature, that feature's distinct requirements of the port. */
  private final Map<String, Map<String, List<PortRequirement>>> ports;

  /** Per writable path, per feature, that feature's distinct requirements of the path. */
  private final Map<String, Map<String, List<WritablePathRequirement>>> writablePaths;

  /** Host paths that only a privileged container may mount, and kept writable paths. */
  private final Set<String> alwaysHostPaths = new TreeSet<>();
  private final Set<String> alwaysWritablePaths = new TreeSet<>();

  /** The features that declare hostNetwork, which decides every port's hostPort. */
  private final Set<String> networkFeatures = new TreeSet<>();

  FeatureDigest(Grant grant) {
    GenerationOptions o = grant.options();
    Map<String, Map<String, Fold>> baseFolds = new TreeMap<>();
    Items<HostPathRequirement> hostPathItems = new Items<>();
    Items<PortRequirement> portItems = new Items<>();
    Items<WritablePathRequirement> writableItems = new Items<>();
    for (CollectorMetadata c : grant.enabled()) {
      String feature = c.feature();
      boolean declaresPrivileged = false;
      for (PrivilegeRequirement p : c.privileges()) {
        declaresPrivileged |= p.privilege() == Privilege.PRIVILEGED;
        if (p.privilege() == Privilege.HOST_NETWORK) {
          networkFeatures.add(feature);
        }
      }
      boolean ownCapabilities = false;
      for (CapabilityRequirement r : c.capabilities()) {
        ownCapabilities |= KernelCapabilities.needed(r, o.oldestKernel());
      }
      String kind = !declaresPrivileged ? "plain" : !o.privilegedInsteadOfCapabilities() && ownCapabilities
          ? "replaced" : "privileged";
      baseFolds.computeIfAbsent(feature, k -> new TreeMap<>()).computeIfAbsent(kind, k -> new Fold()).add(c);
      for (HostPathRequirement r : c.hostPaths()) {
        hostPathItems.add(r.path(), feature,
            fields(r.path(), r.mountPath(), r.readOnly(), r.type(), r.propagation(), r.env()),
            () -> new HostPathRequirement(r.path(), r.mountPath(), r.readOnly(), r.type(), r.propagation(), r.env(),
                "", ""));
        if (onlyPrivileged(r)) {
          alwaysHostPaths.add(r.path());
        }
      }
      for (PortRequirement r : c.ports()) {
        portItems.add(r.number() + "/" + r.protocol(), feature,
            fields(r.number(), r.protocol(), r.name(), r.reachableAtNodeIp()),
            () -> new PortRequirement(r.number(), r.protocol(), r.name(), r.reachableAtNodeIp(), "", ""));
      }
      for (WritablePathRequirement r : c.writablePaths()) {
        writableItems.add(r.path(), feature, fields(r.path(), r.keepAcrossRestarts(), r.hostPath()),
            () -> new WritablePathRequirement(r.path(), r.keepAcrossRestarts(), r.hostPath(), "", ""));
        if (!r.hostPath().isEmpty()) {
          alwaysWritablePaths.add(r.path());
        }
      }
    }
    int[] n = {0};
    baseFolds.forEach((feature, folds) -> {
      List<CollectorMetadata> out = new ArrayList<>();
      folds.forEach((kind, fold) -> out.add(fold.standIn("~" + n[0]++, feature)));
      bases.put(feature, out);
    });
    hostPaths = hostPathItems.lists();
    ports = portItems.lists();
    writablePaths = writableItems.lists();
  }

  private static List<Object> fields(Object... values) {
    return Arrays.asList(values); // null-tolerant, compared element by element
  }

  /**
   * The grant of every feature but {@code feature}, resolved on stand-ins and reduced to what the
   * trim table compares. It is exact for everything global (privileges, capabilities,
   * confinement, the security fields, API access and rules, the owner of kept directories, the
   * Pod Security level) and for every host path, port and writable path that {@code feature}
   * declares. Other host paths, ports and writable paths are left out, as each would merge
   * exactly as in the full grant, except these: host paths that only a privileged container may
   * mount (so the privileged check still fails where it would), every kept writable path (the
   * init container lists them all), every port when the feature is the only one behind {@code
   * hostNetwork} (each port's {@code hostPort} follows it), and the first other host path, port
   * and node-reachable port as witnesses of the Pod Security checks they fail.
   */
  Grant without(String feature, GenerationOptions options, Resolver resolver) {
    boolean networkGoes = networkFeatures.size() == 1 && networkFeatures.contains(feature);
    Map<String, Extra> extras = new TreeMap<>();
    keep(hostPaths, feature, alwaysHostPaths, false, Witness.ANY, r -> false,
        (f, list) -> extras.computeIfAbsent(f, k -> new Extra()).hostPaths.addAll(list));
    keep(ports, feature, Set.of(), networkGoes, Witness.ANY_AND_REACHABLE, PortRequirement::reachableAtNodeIp,
        (f, list) -> extras.computeIfAbsent(f, k -> new Extra()).ports.addAll(list));
    keep(writablePaths, feature, alwaysWritablePaths, false, Witness.NONE, r -> false,
        (f, list) -> extras.computeIfAbsent(f, k -> new Extra()).writablePaths.addAll(list));
    Map<String, CollectorMetadata> kept = new TreeMap<>();
    bases.forEach((f, list) -> {
      if (!f.equals(feature)) {
        Extra extra = extras.get(f);
        for (int i = 0; i < list.size(); i++) {
          CollectorMetadata c = list.get(i);
          // The items go to the feature's first stand-in: which one does not matter, as they
          // merge whatever the collector declaring them.
          kept.put(c.name(), i > 0 || extra == null ? c : new CollectorMetadata(c.formatVersion(), c.name(),
              c.feature(), c.description(), c.source(), "", c.privileges(), c.capabilities(), extra.hostPaths,
              extra.ports, extra.writablePaths, c.kubernetesApi(), c.confinement()));
        }
      }
    });
    Map<String, String> origin = new TreeMap<>();
    kept.keySet().forEach(name -> origin.put(name, "stand-in"));
    GenerationOptions only = options.toBuilder().enabledCollectors(List.of()).excludedCollectors(List.of())
        .waivers(List.of()).build();
    return resolver.resolve(new Bundle(kept, origin), only);
  }

  /** The host paths, ports and writable paths {@link #without} adds to one feature's first stand-in. */
  private static final class Extra {
    final List<HostPathRequirement> hostPaths = new ArrayList<>();
    final List<PortRequirement> ports = new ArrayList<>();
    final List<WritablePathRequirement> writablePaths = new ArrayList<>();
  }

  /**
   * Which other items of a kind {@link #without} keeps as witnesses of the Pod Security checks: a
   * host path fails hostPathVolumes whichever it is, a port fails hostPorts under hostNetwork
   * whichever it is and otherwise if it is reachable at the node; kept writable paths are all
   * kept anyway, and scratch ones fail no check.
   */
  private enum Witness { NONE, ANY, ANY_AND_REACHABLE }

  /**
   * Hands to {@code add}, per other feature, the requirements of the items of one kind that
   * {@link #without} keeps: those {@code feature} declares, those in {@code always} (or all when
   * {@code all}), and the witnesses.
   */
  private static <T> void keep(Map<String, Map<String, List<T>>> items, String feature, Set<String> always,
      boolean all, Witness witnesses, java.util.function.Predicate<T> reachable,
      java.util.function.BiConsumer<String, List<T>> add) {
    boolean witness = witnesses == Witness.NONE;
    boolean reachableWitness = witnesses != Witness.ANY_AND_REACHABLE;
    for (Map.Entry<String, Map<String, List<T>>> item : items.entrySet()) {
      Map<String, List<T>> byFeature = item.getValue();
      boolean touched = byFeature.containsKey(feature);
      if (byFeature.size() == (touched ? 1 : 0)) {
        continue; // no other feature declares it
      }
      boolean reaches = false;
      if (!reachableWitness) {
        for (Map.Entry<String, List<T>> e : byFeature.entrySet()) {
          if (!e.getKey().equals(feature)) {
            for (T r : e.getValue()) {
              reaches |= reachable.test(r);
            }
          }
        }
      }
      if (all || touched || always.contains(item.getKey()) || !witness || reaches) {
        witness = true;
        reachableWitness |= reaches;
        byFeature.forEach((f, list) -> {
          if (!f.equals(feature)) {
            add.accept(f, list);
          }
        });
      }
    }
  }

  /** Rule 16: a mount the resolver only allows in a privileged container. */
  private static boolean onlyPrivileged(HostPathRequirement h) {
    return h.propagation() == MountPropagation.BIDIRECTIONAL || h.type() == HostPathType.CHAR_DEVICE
        || h.type() == HostPathType.BLOCK_DEVICE;
  }

  /** Distinct requirements of one kind, per item key and feature, told apart by their fields. */
  private static final class Items<T> {
    private final Map<String, Map<String, Map<List<Object>, T>>> byItem = new TreeMap<>();

    void add(String item, String feature, List<Object> fields, java.util.function.Supplier<T> standIn) {
      byItem.computeIfAbsent(item, k -> new TreeMap<>()).computeIfAbsent(feature, k -> new LinkedHashMap<>())
          .computeIfAbsent(fields, k -> standIn.get());
    }

    Map<String, Map<String, List<T>>> lists() {
      Map<String, Map<String, List<T>>> out = new TreeMap<>();
      byItem.forEach((item, byFeature) -> {
        Map<String, List<T>> lists = new TreeMap<>();
        byFeature.forEach((feature, distinct) -> lists.put(feature, List.copyOf(distinct.values())));
        out.put(item, lists);
      });
      return out;
    }
  }

  /**
   * The distinct privileges, capabilities, API rules and confinement of some collectors of one
   * feature and one kind.
   *
   * <p>Requirements are told apart by a list of their fields, not by the records themselves: the
   * first {@code hashCode} or {@code equals} of a record type in a JVM bootstraps its generated
   * methods, which cost some 10 ms per type and over 50 ms for the first one in a fresh JVM, the
   * cold case every Maven build meets, for the seven types this digest would hash. A list of
   * strings, booleans, numbers and enums hashes as its elements do, with no bootstrap.
   */
  private static final class Fold {
    private final Map<List<Object>, PrivilegeRequirement> privileges = new LinkedHashMap<>();
    private final Map<List<Object>, CapabilityRequirement> capabilities = new LinkedHashMap<>();
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
      for (ApiRuleRequirement r : c.kubernetesApi()) {
        api.computeIfAbsent(fields(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs()),
            k -> new ApiRuleRequirement(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs(), "", ""));
      }
      for (ConfinementRequirement r : c.confinement()) {
        confinement.computeIfAbsent(fields(r.confinement()), k -> new ConfinementRequirement(r.confinement(), "", ""));
      }
    }

    CollectorMetadata standIn(String name, String feature) {
      return new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, name, feature, "", name,
          privileges.isEmpty() && capabilities.isEmpty() && api.isEmpty() && confinement.isEmpty() ? "stand-in" : "",
          List.copyOf(privileges.values()), List.copyOf(capabilities.values()), List.of(), List.of(), List.of(),
          List.copyOf(api.values()), List.copyOf(confinement.values()));
    }
  }
}
