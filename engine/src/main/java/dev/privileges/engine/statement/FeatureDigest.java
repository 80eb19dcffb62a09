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
import java.util.HashMap;
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
      Map<String, Fold> folds = child(baseFolds, feature);
      Fold fold = folds.get(kind);
      if (fold == null) {
        fold = new Fold();
        folds.put(kind, fold);
      }
      fold.add(c);
      // A stand-in is built only for a requirement not seen before: most repeat (shared host
      // paths, common ports), and a record's constructor normalizes its fields each time.
      for (HostPathRequirement r : c.hostPaths()) {
        Map<List<Object>, HostPathRequirement> distinct = hostPathItems.of(r.path(), feature);
        List<Object> key = fields(r.path(), r.mountPath(), r.readOnly(), r.type(), r.propagation(), r.env());
        if (!distinct.containsKey(key)) {
          distinct.put(key, new HostPathRequirement(r.path(), r.mountPath(), r.readOnly(), r.type(), r.propagation(),
              r.env(), "", ""));
        }
        if (onlyPrivileged(r)) {
          alwaysHostPaths.add(r.path());
        }
      }
      for (PortRequirement r : c.ports()) {
        Map<List<Object>, PortRequirement> distinct = portItems.of(r.number() + "/" + r.protocol(), feature);
        List<Object> key = fields(r.number(), r.protocol(), r.name(), r.reachableAtNodeIp());
        if (!distinct.containsKey(key)) {
          distinct.put(key, new PortRequirement(r.number(), r.protocol(), r.name(), r.reachableAtNodeIp(), "", ""));
        }
      }
      for (WritablePathRequirement r : c.writablePaths()) {
        Map<List<Object>, WritablePathRequirement> distinct = writableItems.of(r.path(), feature);
        List<Object> key = fields(r.path(), r.keepAcrossRestarts(), r.hostPath());
        if (!distinct.containsKey(key)) {
          distinct.put(key, new WritablePathRequirement(r.path(), r.keepAcrossRestarts(), r.hostPath(), "", ""));
        }
        if (!r.hostPath().isEmpty()) {
          alwaysWritablePaths.add(r.path());
        }
      }
    }
    int n = 0;
    for (Map.Entry<String, Map<String, Fold>> e : baseFolds.entrySet()) {
      List<CollectorMetadata> out = new ArrayList<>();
      for (Fold fold : e.getValue().values()) {
        out.add(fold.standIn("~" + n++, e.getKey()));
      }
      bases.put(e.getKey(), out);
    }
    hostPaths = hostPathItems.lists();
    ports = portItems.lists();
    writablePaths = writableItems.lists();
  }

  private static List<Object> fields(Object... values) {
    return Arrays.asList(values); // null-tolerant, compared element by element
  }

  /**
   * The map under {@code key}, created when missing. Written out rather than {@code
   * computeIfAbsent} with a lambda: each lambda costs a fresh JVM, the first run of every Maven
   * build, a class spun at run time, and this digest is on that path.
   */
  private static <V> Map<String, V> child(Map<String, Map<String, V>> map, String key) {
    Map<String, V> child = map.get(key);
    if (child == null) {
      child = new TreeMap<>();
      map.put(key, child);
    }
    return child;
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
    Map<String, List<HostPathRequirement>> extraHostPaths = keep(hostPaths, feature, alwaysHostPaths, false,
        Witness.ANY);
    Map<String, List<PortRequirement>> extraPorts = keep(ports, feature, Set.of(), networkGoes,
        Witness.ANY_AND_REACHABLE);
    Map<String, List<WritablePathRequirement>> extraWritable = keep(writablePaths, feature, alwaysWritablePaths,
        false, Witness.NONE);
    Map<String, CollectorMetadata> kept = new TreeMap<>();
    Map<String, String> origin = new TreeMap<>();
    for (Map.Entry<String, List<CollectorMetadata>> e : bases.entrySet()) {
      String f = e.getKey();
      if (f.equals(feature)) {
        continue;
      }
      List<CollectorMetadata> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        CollectorMetadata c = list.get(i);
        // The items go to the feature's first stand-in: which one does not matter, as they
        // merge whatever the collector declaring them.
        boolean items = i == 0 && (extraHostPaths.containsKey(f) || extraPorts.containsKey(f)
            || extraWritable.containsKey(f));
        kept.put(c.name(), !items ? c : new CollectorMetadata(c.formatVersion(), c.name(), c.feature(),
            c.description(), c.source(), "", c.privileges(), c.capabilities(), extraHostPaths.get(f),
            extraPorts.get(f), extraWritable.get(f), c.kubernetesApi(), c.confinement()));
        origin.put(c.name(), "stand-in");
      }
    }
    GenerationOptions only = options.toBuilder().enabledCollectors(List.of()).excludedCollectors(List.of())
        .waivers(List.of()).build();
    return resolver.resolve(new Bundle(kept, origin), only);
  }

  /**
   * Which other items of a kind {@link #without} keeps as witnesses of the Pod Security checks: a
   * host path fails hostPathVolumes whichever it is, a port fails hostPorts under hostNetwork
   * whichever it is and otherwise if it is reachable at the node; kept writable paths are all
   * kept anyway, and scratch ones fail no check.
   */
  private enum Witness { NONE, ANY, ANY_AND_REACHABLE }

  /**
   * Per other feature, the requirements of the items of one kind that {@link #without} keeps:
   * those {@code feature} declares, those in {@code always} (or all when {@code all}), and the
   * witnesses.
   */
  private static <T> Map<String, List<T>> keep(Map<String, Map<String, List<T>>> items, String feature,
      Set<String> always, boolean all, Witness witnesses) {
    Map<String, List<T>> out = new TreeMap<>();
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
              reaches |= r instanceof PortRequirement p && p.reachableAtNodeIp();
            }
          }
        }
      }
      if (all || touched || always.contains(item.getKey()) || !witness || reaches) {
        witness = true;
        reachableWitness |= reaches;
        for (Map.Entry<String, List<T>> e : byFeature.entrySet()) {
          if (!e.getKey().equals(feature)) {
            List<T> list = out.get(e.getKey());
            if (list == null) {
              list = new ArrayList<>();
              out.put(e.getKey(), list);
            }
            list.addAll(e.getValue());
          }
        }
      }
    }
    return out;
  }

  /** Rule 16: a mount the resolver only allows in a privileged container. */
  private static boolean onlyPrivileged(HostPathRequirement h) {
    return h.propagation() == MountPropagation.BIDIRECTIONAL || h.type() == HostPathType.CHAR_DEVICE
        || h.type() == HostPathType.BLOCK_DEVICE;
  }

  /**
   * Distinct requirements of one kind, per item key and feature, told apart by their fields.
   * Hash maps while collecting, sorted once at the end ({@link #lists}): a sorted map per add
   * compared item keys, host paths of a few dozen characters, a dozen times per requirement.
   */
  private static final class Items<T> {
    private final Map<String, Map<String, Map<List<Object>, T>>> byItem = new HashMap<>();

    /** The distinct requirements {@code feature} declares for {@code item}, in the order first seen; the caller adds to it. */
    Map<List<Object>, T> of(String item, String feature) {
      Map<String, Map<List<Object>, T>> byFeature = byItem.get(item);
      if (byFeature == null) {
        byFeature = new HashMap<>();
        byItem.put(item, byFeature);
      }
      Map<List<Object>, T> distinct = byFeature.get(feature);
      if (distinct == null) {
        distinct = new LinkedHashMap<>();
        byFeature.put(feature, distinct);
      }
      return distinct;
    }

    /** Per item key, then per feature, both sorted: the requirements in the order first seen. */
    Map<String, Map<String, List<T>>> lists() {
      Map<String, Map<String, List<T>>> out = new TreeMap<>();
      for (Map.Entry<String, Map<String, Map<List<Object>, T>>> item : byItem.entrySet()) {
        Map<String, List<T>> lists = new TreeMap<>();
        for (Map.Entry<String, Map<List<Object>, T>> e : item.getValue().entrySet()) {
          lists.put(e.getKey(), List.copyOf(e.getValue().values()));
        }
        out.put(item.getKey(), lists);
      }
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
      // Each stand-in only when its fields are new, as in the digest's constructor.
      for (PrivilegeRequirement r : c.privileges()) {
        List<Object> key = fields(r.privilege());
        if (!privileges.containsKey(key)) {
          privileges.put(key, new PrivilegeRequirement(r.privilege(), "", ""));
        }
      }
      for (CapabilityRequirement r : c.capabilities()) {
        List<Object> key = fields(r.capability(), r.fromKernel(), r.beforeKernel());
        if (!capabilities.containsKey(key)) {
          capabilities.put(key, new CapabilityRequirement(r.capability(), r.fromKernel(), r.beforeKernel(), "", ""));
        }
      }
      for (ApiRuleRequirement r : c.kubernetesApi()) {
        List<Object> key = fields(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs());
        if (!api.containsKey(key)) {
          api.put(key, new ApiRuleRequirement(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs(), "", ""));
        }
      }
      for (ConfinementRequirement r : c.confinement()) {
        List<Object> key = fields(r.confinement());
        if (!confinement.containsKey(key)) {
          confinement.put(key, new ConfinementRequirement(r.confinement(), "", ""));
        }
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
