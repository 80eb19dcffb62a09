package dev.privileges.engine.statement;

import dev.privileges.engine.Parallel;
import dev.privileges.engine.EngineException;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.engine.grant.Grant.ContainerPort;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.GrantedItem;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.SecurityContextEdits;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;


/**
 * "If you do not need this feature, change the DaemonSet like this": for each feature of the
 * enabled collectors, the grant is resolved again without that feature's collectors and compared
 * with the full grant. A privilege is offered for removal only when the smaller grant no longer
 * has it, so the table is exact by construction; a privilege the feature needs that stays is
 * listed with the features that keep it.
 */
public final class FeatureRecommendations {

  /**
   * One row of the table.
   *
   * @param feature the feature
   * @param collectors its enabled collectors, sorted
   * @param changes Markdown fragments, each one edit of the DaemonSet YAML
   * @param kept Markdown fragments, each a privilege the feature needs that other features keep
   * @param everything whether the feature is every enabled collector (nothing would be left)
   * @param levelAfter the Pod Security level without the feature; empty when unchanged
   */
  public record Row(String feature, List<String> collectors, List<String> changes, List<String> kept,
      boolean everything, String levelAfter) {}

  private final Resolver resolver;

  /** Whether each row resolves the real collectors and compares every item: the definition. */
  private final boolean exhaustive;

  public FeatureRecommendations(Resolver resolver) {
    this(resolver, false);
  }

  /**
   * With {@code exhaustive}, every row resolves the real collectors without its feature and
   * compares every item of the two grants: the table by its definition, which the tests compare
   * the fast rows against. Otherwise rows resolve the feature digest's reduced stand-ins ({@link
   * FeatureDigest#without}) and compare only the items the feature can change.
   */
  FeatureRecommendations(Resolver resolver, boolean exhaustive) {
    this.resolver = resolver;
    this.exhaustive = exhaustive;
  }

  public List<Row> rows(Grant grant) {
    return rows(grant, key -> false);
  }

  /**
   * Like {@link #rows(Grant)}; the items {@code folded} accepts (by key) are the ones the statement
   * shows in groups (see {@link ItemGroups}): each row counts them by kind instead of naming them.
   */
  public List<Row> rows(Grant grant, java.util.function.Predicate<String> folded) {
    Map<String, List<String>> byFeature = new TreeMap<>();
    for (CollectorMetadata c : grant.enabled()) {
      List<String> names = byFeature.get(c.feature());
      if (names == null) {
        names = new ArrayList<>();
        byFeature.put(c.feature(), names);
      }
      names.add(c.name());
    }
    FeatureDigest digest = exhaustive ? null : new FeatureDigest(grant);
    Items full = new Items(grant);
    // One resolution per feature, each independent of the others: they share the cores.
    // An anonymous class, not a lambda: a fresh JVM spins a class at run time for each lambda.
    return List.copyOf(Parallel.map(List.copyOf(byFeature.entrySet()),
        new java.util.function.Function<Map.Entry<String, List<String>>, Row>() {
          @Override
          public Row apply(Map.Entry<String, List<String>> e) {
            return row(e.getKey(), e.getValue(), grant, digest, full, folded);
          }
        }));
  }

  private Row row(String feature, List<String> collectors, Grant grant, FeatureDigest digest, Items full,
      java.util.function.Predicate<String> folded) {
    List<String> sorted = List.copyOf(new TreeSet<>(collectors));
    if (sorted.size() == grant.enabled().size()) {
      return new Row(feature, sorted, List.of(), List.of(), true, "");
    }
    if (digest != null) {
      try {
        return diff(feature, sorted, full, new Items(digest.without(feature, grant.options(), resolver)), folded,
            true);
      } catch (EngineException unresolvable) {
        // The other features cannot be deployed without this one (say, a Bidirectional mount
        // that only this feature's privileged mode allows); the row says so in the words of
        // the real collectors, since the stand-ins' message names stand-ins.
      }
    }
    Grant smaller;
    try {
      smaller = resolver.resolve(realBundle(grant), othersOnly(grant, sorted));
    } catch (EngineException failure) {
      return new Row(feature, sorted, List.of("cannot be turned off on its own: without it, "
          + Markdown.text(failure.getMessage())), List.of(), false, "");
    }
    return diff(feature, sorted, full, new Items(smaller), folded, false);
  }

  /** The enabled collectors of {@code grant} (waivers already applied) as a bundle. */
  private static Bundle realBundle(Grant grant) {
    Map<String, CollectorMetadata> byName = new TreeMap<>();
    Map<String, String> origins = new TreeMap<>();
    for (CollectorMetadata c : grant.enabled()) {
      byName.put(c.name(), c);
      origins.put(c.name(), "enabled");
    }
    return new Bundle(byName, origins);
  }

  private static GenerationOptions othersOnly(Grant grant, List<String> collectors) {
    java.util.Set<String> gone = new java.util.HashSet<>(collectors);
    List<String> others = new ArrayList<>();
    for (String name : grant.enabledNames()) {
      if (!gone.contains(name)) {
        others.add(name);
      }
    }
    return grant.options().toBuilder().enabledCollectors(others).excludedCollectors(List.of()).waivers(List.of()).build();
  }

  /** A grant with its items and merged requirements by key, so that the diff looks each up once. */
  private static final class Items {
    final Grant grant;
    final Map<String, GrantedItem> byKey;
    final GrantRecords records;

    Items(Grant grant) {
      this.grant = grant;
      this.byKey = byKey(GrantedItem.of(grant));
      this.records = new GrantRecords(grant);
    }
  }

  /**
   * The row of {@code feature}. When {@code reduced}, the smaller grant holds only what the
   * feature can change ({@link FeatureDigest#without}), and only the items that can differ are
   * compared: those the feature needs, every API rule (removing a resource's verbs can regroup
   * rules it does not touch) and, when {@code hostNetwork} goes, every port. Any other item is in
   * both grants alike and adds nothing to the row.
   */
  private static Row diff(String feature, List<String> collectors, Items fullItems, Items smallerItems,
      java.util.function.Predicate<String> folded, boolean reduced) {
    Grant full = fullItems.grant;
    Grant smaller = smallerItems.grant;
    Map<String, GrantedItem> before = fullItems.byKey;
    Map<String, GrantedItem> after = smallerItems.byKey;
    List<String> changes = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    boolean apiGone = full.needsApiAccess() && !smaller.needsApiAccess();
    // The security contexts are compared as the YAML writes them, so each edit applies to the
    // file as it is (turning privileged off brings back drop: [ALL], the capabilities of the
    // other features, allowPrivilegeEscalation: false and the seccomp profile).
    changes.addAll(SecurityContextEdits.between("the pod's", DaemonSetRenderer.podSecurity(full),
        DaemonSetRenderer.podSecurity(smaller)));
    changes.addAll(SecurityContextEdits.between("the agent container's", DaemonSetRenderer.containerSecurity(full),
        DaemonSetRenderer.containerSecurity(smaller)));
    String ownerEdit = keptPathOwnerEdit(full, smaller);
    if (ownerEdit != null) {
      changes.add(ownerEdit);
    }
    Map<GrantedItem.Kind, int[]> foldedCounts = new java.util.EnumMap<>(GrantedItem.Kind.class);
    boolean portsFollow = full.hostNetwork() && !smaller.hostNetwork();
    for (GrantedItem item : before.values()) {
      if (reduced && !item.features().contains(feature) && item.kind() != GrantedItem.Kind.API
          && !(portsFollow && item.kind() == GrantedItem.Kind.PORT)) {
        continue;
      }
      GrantedItem still = after.get(item.key());
      if (folded.test(item.key())) {
        // removed, narrowed, kept for other features
        int[] counts = foldedCounts.get(item.kind());
        if (counts == null) {
          counts = new int[3];
          foldedCounts.put(item.kind(), counts);
        }
        if (still == null) {
          counts[0]++;
        } else if (changed(item, fullItems, smallerItems) != null) {
          counts[1]++;
        } else if (item.features().contains(feature)) {
          counts[2]++;
        }
        continue;
      }
      if (still == null) {
        boolean inSecurityContext = item.kind() == GrantedItem.Kind.CAPABILITY
            || item.kind() == GrantedItem.Kind.CONTAINER;
        if (!inSecurityContext && (item.kind() != GrantedItem.Kind.API || !apiGone)) {
          changes.add(removal(item, fullItems));
        }
        continue;
      }
      String narrowed = changed(item, fullItems, smallerItems);
      if (narrowed != null) {
        changes.add(narrowed);
      }
      if (item.features().contains(feature)) {
        kept.add(Markdown.cellCode(still.field()) + " stays for " + String.join(", ", Markdown.texts(still.features())));
      }
    }
    for (Map.Entry<GrantedItem.Kind, int[]> e : foldedCounts.entrySet()) {
      GrantedItem.Kind kind = e.getKey();
      int[] counts = e.getValue();
      if (counts[0] > 0) {
        changes.add("remove the " + counts[0] + " grouped " + ItemGroups.noun(kind, counts[0]) + " that only"
            + " this feature needs (each one's features are in " + Markdown.cellCode("privileges.json") + ")");
      }
      if (counts[1] > 0) {
        changes.add("narrow " + counts[1] + " grouped " + ItemGroups.noun(kind, counts[1]) + " to what the other"
            + " features need (each one's features are in " + Markdown.cellCode("privileges.json") + ")");
      }
      if (counts[2] > 0) {
        kept.add(counts[2] + " grouped " + ItemGroups.noun(kind, counts[2]));
      }
    }
    if (apiGone) {
      changes.add("delete the ServiceAccount, ClusterRole and ClusterRoleBinding, drop "
          + Markdown.cellCode("serviceAccountName") + " and set "
          + Markdown.cellCode("automountServiceAccountToken: false"));
    }
    String env = full.options().enabledInputsEnv();
    java.util.Optional<String> limited = CollectorLimit.inputsEdit(collectors, env,
        full.options().statementCollectorLimit());
    changes.add(limited.isPresent() ? limited.get()
        : "remove " + String.join(", ", Markdown.cellCodes(collectors)) + " from " + Markdown.cellCode(env));
    PodSecurity.Level levelBefore = full.podSecurity().level();
    PodSecurity.Level levelAfter = smaller.podSecurity().level();
    return new Row(feature, collectors, List.copyOf(changes), List.copyOf(kept), false,
        levelAfter == levelBefore ? "" : levelAfter.label());
  }

  /** The edit of the init container that owns the kept directories; null when it does not change. */
  private static String keptPathOwnerEdit(Grant full, Grant smaller) {
    java.util.Optional<Grant.KeptPathOwner> was = full.security().keptPathOwner();
    java.util.Optional<Grant.KeptPathOwner> is = smaller.security().keptPathOwner();
    if (was.isEmpty() || is.isPresent() && paths(was.get()).equals(paths(is.get()))) {
      return null;
    }
    if (is.isEmpty()) {
      return "remove the init container " + Markdown.cellCode(was.get().name());
    }
    return "let the init container " + Markdown.cellCode(was.get().name()) + " own only "
        + String.join(", ", Markdown.cellCodes(paths(is.get())))
        + " (its " + Markdown.cellCode("command") + " and " + Markdown.cellCode("volumeMounts") + ")";
  }

  private static List<String> paths(Grant.KeptPathOwner owner) {
    List<String> out = new ArrayList<>();
    for (WritableDirectory w : owner.directories()) {
      out.add(w.path());
    }
    return out;
  }

  private static String removal(GrantedItem item, Items full) {
    String key = item.key();
    return switch (item.kind()) {
      case POD -> key.endsWith(Privilege.HOST_NETWORK.name())
          ? "set " + Markdown.cellCode("hostNetwork: false") + " and drop "
              + Markdown.cellCode("dnsPolicy: ClusterFirstWithHostNet")
          : "set " + Markdown.cellCode(item.field().replace("true", "false"));
      case CONTAINER -> throw new IllegalStateException("container fields are edited as a securityContext");
      case HOST_PATH -> {
        HostPathMount m = full.records.hostPath(item.path());
        yield "remove the volume " + Markdown.cellCode(m.volumeName()) + " (" + Markdown.cellCode(item.field())
            + ") and its mount";
      }
      case PORT -> "remove the port " + Markdown.cellCode(item.path())
          + (item.field().startsWith("hostPort") ? " with its " + Markdown.cellCode("hostPort") : "");
      case WRITABLE -> {
        WritableDirectory w = full.records.writable(item.path());
        yield "remove the volume " + Markdown.cellCode(w.volumeName()) + " mounted at " + Markdown.cellCode(w.path());
      }
      case API -> "remove the ClusterRole rule for " + Markdown.cellCode(key.substring(4));
      case CAPABILITY -> throw new IllegalStateException("capabilities are edited as a securityContext");
    };
  }

  /** The edit for an item both grants have but in a narrower form; null when it is the same. */
  private static String changed(GrantedItem item, Items full, Items smaller) {
    switch (item.kind()) {
      case HOST_PATH -> {
        boolean wasWritable = !full.records.hostPath(item.path()).readOnly();
        boolean isWritable = !smaller.records.hostPath(item.path()).readOnly();
        if (wasWritable && !isWritable) {
          return "mount " + Markdown.cellCode(item.path()) + " read-only (" + Markdown.cellCode("readOnly: true") + ")";
        }
      }
      case PORT -> {
        ContainerPort was = full.records.port(item.path());
        ContainerPort is = smaller.records.port(item.path());
        if (was.hostPort() && !is.hostPort()) {
          return "remove " + Markdown.cellCode("hostPort: " + was.number()) + " from the port "
              + Markdown.cellCode(item.path());
        }
        if (was.nodeReachable() && !was.hostPort() && !is.nodeReachable()) {
          return "remove the port " + Markdown.cellCode(item.path()) + " from the node-local Service";
        }
      }
      case API -> {
        ApiRule was = full.records.rule(item.key().substring(4));
        ApiRule is = smaller.records.rule(item.key().substring(4));
        if (!was.verbs().equals(is.verbs())) {
          return "reduce the verbs of the ClusterRole rule for " + Markdown.cellCode(item.key().substring(4)) + " to "
              + Markdown.cellCode(String.join(", ", is.verbs()));
        }
      }
      default -> { }
    }
    return null;
  }

  private static Map<String, GrantedItem> byKey(List<GrantedItem> items) {
    Map<String, GrantedItem> out = new LinkedHashMap<>();
    for (GrantedItem i : items) {
      out.put(i.key(), i);
    }
    return out;
  }
}
