package dev.privileges.engine.helm;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.PortExposure;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.KernelCapabilities;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.helm.ChartYaml.Expression;
import dev.privileges.engine.helm.ChartYaml.ListNode;
import dev.privileges.engine.helm.ChartYaml.MapNode;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.KubernetesNames;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.privileges.engine.helm.ChartCondition.and;
import static dev.privileges.engine.helm.ChartCondition.not;
import static dev.privileges.engine.helm.ChartCondition.or;

/**
 * The chart's templates for a bundle (PRODUCT §12). Every collector's declarations, after the
 * build-time choices (oldest kernel, capabilities or privileged, hostPort or Service, waivers),
 * become conditions over the collector toggles; {@code _decided.tpl} evaluates them once (the
 * rules of {@link Resolver}: who is privileged, root, what SYS_ADMIN implies, the merged verbs,
 * the volume names that must be told apart, the Pod Security level) and the object templates read
 * the decisions. The objects are laid out as {@link DaemonSetRenderer} writes them, so that for
 * every set of toggles Helm renders what the engine renders for exactly those collectors.
 *
 * <p>Loops and explicit get-or-create rather than streams and lambdas: the chart is built in the
 * first {@code generate} of every fresh JVM, where each lambda costs a class spun at run time.
 */
public final class ChartTemplates {

  /** The template define holding the decisions. */
  private final String decidedName;
  private final GenerationOptions options;
  private final List<CollectorMetadata> collectors;
  private final ChartValues values;
  private final StringBuilder decided = new StringBuilder();
  private int nextName;

  private ChartCondition privileged;
  private ChartCondition root;
  private ChartCondition hostNetwork;
  private ChartCondition needsApi;

  ChartTemplates(Bundle bundle, GenerationOptions options, ChartValues values, String chartName) {
    this.options = options;
    this.values = values;
    this.collectors = List.copyOf(new TreeMap<>(bundle.collectors()).values());
    this.decidedName = chartName + ".decided";
  }

  /**
   * The template files by path inside the chart: {@code _decided.tpl} with the decisions, and
   * {@code agent.yaml} with every object, so that the decisions are evaluated once per render.
   */
  Map<String, String> files() {
    decide();
    StringBuilder agent = new StringBuilder("{{- /* The objects of the engine's daemonset.yaml, each under the"
        + " condition of the collectors that need it. */}}\n{{- $d := include " + ChartYaml.quote(decidedName)
        + " . | fromJson }}");
    if (options.namespaceObject()) {
      agent.append(document("Namespace, labelled with the Pod Security level the pods meet", ChartCondition.TRUE, namespace()));
    }
    agent.append(document("ServiceAccount, when some enabled collector uses the Kubernetes API", needsApi,
        object("v1", "ServiceAccount", true)));
    MapNode role = object("rbac.authorization.k8s.io/v1", "ClusterRole", false);
    role.put("rules", new ChartYaml.Block("$d.apiRules"));
    agent.append(document("ClusterRole: the merged rules of the enabled collectors", needsApi, role));
    MapNode binding = object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", false);
    binding.put("roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", options.name()));
    binding.put("subjects", ChartYaml.list(ChartYaml.map().put("kind", "ServiceAccount").put("name", options.name())
        .put("namespace", options.namespace())));
    agent.append(document("ClusterRoleBinding", needsApi, binding));
    agent.append(document("node-local Service for ports reachable at the node", serviceNeeded, service()));
    agent.append(document("DaemonSet", ChartCondition.TRUE, daemonSet()));

    Map<String, String> out = new LinkedHashMap<>();
    out.put("templates/_decided.tpl", "{{- /*\nWhich privileges the enabled collectors need, decided once from the toggles"
        + " (features.<key>.enabled and features.<key>.collectors.<name>).\nc<i> is collector number i:\n"
        + collectorLegend() + "*/ -}}\n{{- define " + ChartYaml.quote(decidedName) + " -}}\n{{- $d := dict }}"
        + decided + "\n{{- toJson $d }}\n{{- end }}\n");
    out.put("templates/agent.yaml", agent.append('\n').toString());
    return out;
  }

  private static String document(String title, ChartCondition when, MapNode object) {
    if (when == ChartCondition.FALSE) {
      return "\n{{- /* " + title + ": no collector of this bundle needs it */}}";
    }
    boolean conditional = when != ChartCondition.TRUE;
    return "\n{{- /* " + title + " */}}" + (conditional ? "\n{{- if " + when.go() + " }}" : "") + "\n---"
        + ChartYaml.write(object) + (conditional ? "\n{{- end }}" : "");
  }

  private String collectorLegend() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < collectors.size(); i++) {
      // Legend text cannot end the comment: "*/" is broken up.
      b.append("  c").append(i).append(" = ").append(collectors.get(i).name().replace("*/", "* /")).append('\n');
    }
    return b.toString();
  }

  // ---- decisions ---------------------------------------------------------------------------

  private ChartCondition on(int i) {
    return ChartCondition.collector(i);
  }

  private ChartCondition bool(String prefix, ChartCondition c) {
    if (c == ChartCondition.TRUE || c == ChartCondition.FALSE || c instanceof ChartCondition.Leaf) {
      return c;
    }
    String name = prefix + (nextName++);
    decided.append("\n{{- $_ := set $d ").append(ChartYaml.quote(name)).append(' ').append(c.go()).append(" }}");
    return ChartCondition.decided(name);
  }

  private record Named(String name, ChartCondition when) {}

  /** The names whose condition holds, in the given (sorted) order, joined with {@code separator}. */
  private Expression joined(String prefix, List<Named> names, String separator) {
    String name = prefix + (nextName++);
    decided.append("\n{{- $l := list }}");
    for (Named n : names) {
      if (n.when() == ChartCondition.FALSE) {
        continue;
      }
      String add = "{{- $l = append $l " + ChartYaml.quote(n.name()) + " }}";
      decided.append(n.when() == ChartCondition.TRUE ? "\n" + add : "\n{{- if " + n.when().go() + " }}" + add + "{{- end }}");
    }
    decided.append("\n{{- $_ := set $d ").append(ChartYaml.quote(name)).append(" (join ")
        .append(ChartYaml.quote(separator)).append(" $l) }}");
    return new Expression("$d." + name);
  }

  /** Collector names (sorted, once each) whose condition holds, as {@link Resolver#names} joins them. */
  private Expression collectorNames(Map<Integer, ChartCondition> who) {
    SortedMap<String, ChartCondition> byName = new TreeMap<>();
    for (Map.Entry<Integer, ChartCondition> e : who.entrySet()) {
      orInto(byName, collectors.get(e.getKey()).name(), and(on(e.getKey()), e.getValue()));
    }
    List<Named> names = new ArrayList<>();
    for (Map.Entry<String, ChartCondition> e : byName.entrySet()) {
      names.add(new Named(e.getKey(), e.getValue()));
    }
    return joined("n", names, ", ");
  }

  /** {@code map.merge(key, c, ChartCondition::or)}: the condition, or-ed after any already there. */
  private static <K> void orInto(Map<K, ChartCondition> map, K key, ChartCondition c) {
    ChartCondition old = map.get(key);
    map.put(key, old == null ? c : or(old, c));
  }

  /** The collectors of {@code key}, a new (sorted) map the first time. */
  private static <K> Map<Integer, ChartCondition> whoNeeds(Map<K, Map<Integer, ChartCondition>> map, K key) {
    Map<Integer, ChartCondition> who = map.get(key);
    if (who == null) {
      who = new TreeMap<>();
      map.put(key, who);
    }
    return who;
  }

  private final SortedMap<Privilege, Map<Integer, ChartCondition>> privilegeNeeds = new TreeMap<>();
  private final SortedMap<String, Map<Integer, ChartCondition>> declaredCaps = new TreeMap<>();
  private final SortedMap<Confinement, Map<Integer, ChartCondition>> confinements = new TreeMap<>();
  private final SortedMap<String, ChartCondition> addedCaps = new TreeMap<>();
  private final SortedMap<String, Map<Integer, ChartCondition>> capNeeds = new TreeMap<>();
  private final List<HostPathItem> hostPaths = new ArrayList<>();
  private final List<WritableItem> writables = new ArrayList<>();
  private final List<PortItem> ports = new ArrayList<>();
  private ChartCondition serviceNeeded = ChartCondition.FALSE;
  private ChartCondition escalationDisallowed;
  private ChartCondition seccompUnconfined;
  private ChartCondition seccompUnset;
  private ChartCondition appArmor;
  private ChartCondition readOnlyRoot;
  private ChartCondition keptOwner;
  private Expression keptCommand;
  private ChartCondition anyCovered;
  private Expression covered;

  private record HostPathItem(String path, String mountPath, ChartCondition on, ChartCondition readOnly,
      Map<HostPathType, ChartCondition> types, Map<MountPropagation, ChartCondition> propagation,
      SortedMap<String, ChartCondition> env, Map<Integer, ChartCondition> needs, Volume volume) {}

  private record WritableItem(String path, ChartCondition on, ChartCondition kept, String hostPath,
      Map<Integer, ChartCondition> needs, Volume volume) {}

  private record PortItem(int number, String protocol, String name, ChartCondition on,
      ChartCondition hostPort, ChartCondition serviced, Map<Integer, ChartCondition> needs) {}

  /** A volume's name: its readable name per state, or the hashed one when another enabled volume shares it. */
  private static final class Volume {
    final List<Candidate> candidates = new ArrayList<>();
    ChartCondition on;
    ChartYaml.Node name;
  }

  private record Candidate(ChartCondition when, String readable, String source) {}

  private void decide() {
    for (int i = 0; i < collectors.size(); i++) {
      CollectorMetadata c = collectors.get(i);
      ChartCondition toggle = ChartCondition.value("(index $f " + ChartYaml.quote(ChartValues.featureKey(c.feature(), featureKeys()))
          + " \"enabled\")");
      ChartCondition collectorToggle = ChartCondition.value("(index $f " + ChartYaml.quote(ChartValues.featureKey(c.feature(), featureKeys()))
          + " \"collectors\" " + ChartYaml.quote(c.name()) + ")");
      if (i == 0) {
        decided.append("\n{{- $f := .Values.features }}");
      }
      decided.append("\n{{- $_ := set $d \"c").append(i).append("\" ").append(and(toggle, collectorToggle).go()).append(" }}");
    }
    List<ChartCondition> any = new ArrayList<>();
    List<Named> inputs = new ArrayList<>();
    for (int i = 0; i < collectors.size(); i++) {
      any.add(on(i));
      inputs.add(new Named(collectors.get(i).name(), on(i)));
    }
    decided.append("\n{{- if not ").append(or(any).go()).append(" }}{{- fail \"no collector is enabled: set"
        + " features.<key>.enabled to true for at least one feature (see the chart's README.md)\" }}{{- end }}");
    decidedEnabledInputs = joined("inputs", inputs, ",");

    // Per collector, as Resolver reads it: the kernel decides the capabilities, and PRIVILEGED is
    // replaced by them unless the build chose privileged.
    for (int i = 0; i < collectors.size(); i++) {
      CollectorMetadata c = collectors.get(i);
      List<CapabilityRequirement> caps = new ArrayList<>();
      for (CapabilityRequirement r : c.capabilities()) {
        if (KernelCapabilities.needed(r, options.oldestKernel())) {
          caps.add(r);
        }
      }
      for (PrivilegeRequirement p : c.privileges()) {
        if (p.privilege() == Privilege.PRIVILEGED && !options.privilegedInsteadOfCapabilities() && !caps.isEmpty()) {
          continue;
        }
        whoNeeds(privilegeNeeds, p.privilege()).put(i, ChartCondition.TRUE);
      }
      for (CapabilityRequirement r : caps) {
        whoNeeds(declaredCaps, r.capability()).put(i, ChartCondition.TRUE);
      }
      for (ConfinementRequirement r : c.confinement()) {
        whoNeeds(confinements, r.confinement()).put(i, ChartCondition.TRUE);
      }
    }
    privileged = bool("privileged", has(Privilege.PRIVILEGED));
    hostNetwork = bool("hostNetwork", has(Privilege.HOST_NETWORK));
    ChartCondition sysAdminDeclared = bool("sysAdminDeclared", anyOf(declaredCaps.get("SYS_ADMIN")));
    ChartCondition sysAdmin = bool("sysAdmin", and(sysAdminDeclared, not(privileged)));
    for (Map.Entry<String, Map<Integer, ChartCondition>> e : declaredCaps.entrySet()) {
      String cap = e.getKey();
      ChartCondition added = and(anyOf(e.getValue()), not(privileged));
      Map<Integer, ChartCondition> needs = new TreeMap<>(e.getValue());
      if (KernelCapabilities.IMPLIED_BY_SYS_ADMIN.contains(cap)) {
        added = and(added, not(sysAdminDeclared));
      }
      if (cap.equals("SYS_ADMIN")) {
        for (String implied : KernelCapabilities.IMPLIED_BY_SYS_ADMIN) {
          for (Integer i : declaredCaps.getOrDefault(implied, Map.of()).keySet()) {
            needs.put(i, ChartCondition.TRUE);
          }
        }
      }
      addedCaps.put(cap, bool("cap", added));
      capNeeds.put(cap, needs);
    }
    // Rule 4: who makes the container run as UID 0.
    Map<Integer, ChartCondition> rootNeeds = new TreeMap<>(privilegeNeeds.getOrDefault(Privilege.RUN_AS_ROOT, Map.of()));
    for (Map.Entry<String, Map<Integer, ChartCondition>> e : declaredCaps.entrySet()) {
      for (Integer i : e.getValue().keySet()) {
        orInto(rootNeeds, i, not(privileged));
      }
    }
    for (Integer i : privilegeNeeds.getOrDefault(Privilege.PRIVILEGED, Map.of()).keySet()) {
      orInto(rootNeeds, i, ChartCondition.TRUE);
    }
    if (!rootNeeds.isEmpty()) {
      privilegeNeeds.put(Privilege.RUN_AS_ROOT, rootNeeds);
    }
    root = bool("root", has(Privilege.RUN_AS_ROOT));
    escalationDisallowed = bool("escalation", and(not(privileged), not(sysAdmin)));
    seccompUnconfined = bool("seccomp", anyOf(confinements.get(Confinement.SECCOMP_UNCONFINED)));
    seccompUnset = bool("seccomp", and(not(seccompUnconfined), privileged));
    appArmor = bool("apparmor", anyOf(confinements.get(Confinement.APPARMOR_UNCONFINED)));
    readOnlyRoot = bool("readOnlyRoot", not(has(Privilege.WRITABLE_ROOT_FILESYSTEM)));
    List<Named> coveredCaps = new ArrayList<>();
    List<ChartCondition> anyDeclared = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, ChartCondition>> e : declaredCaps.entrySet()) {
      coveredCaps.add(new Named(e.getKey(), anyOf(e.getValue())));
      anyDeclared.add(anyOf(e.getValue()));
    }
    anyCovered = bool("covered", and(privileged, or(anyDeclared)));
    covered = joined("covers", coveredCaps, ",");

    decideHostPaths();
    decideWritables();
    decideVolumeNames();
    decidePorts();
    decideApiRules();
    List<Named> keptDirs = new ArrayList<>();
    List<ChartCondition> anyKept = new ArrayList<>();
    keptDirs.add(new Named("chown", ChartCondition.TRUE));
    keptDirs.add(new Named(options.nonRootUid() + ":" + options.nonRootUid(), ChartCondition.TRUE));
    for (WritableItem w : writables) {
      ChartCondition kept = and(w.on(), w.kept());
      anyKept.add(kept);
      keptDirs.add(new Named(w.path(), kept));
    }
    keptOwner = bool("keptOwner", and(not(root), or(anyKept)));
    keptCommand = keptOwner == ChartCondition.FALSE ? null : list("keptCommand", keptDirs);
    decideFailures();
  }

  private Expression decidedEnabledInputs;

  private Expression list(String prefix, List<Named> items) {
    String name = prefix + (nextName++);
    decided.append("\n{{- $l := list }}");
    for (Named n : items) {
      String add = "{{- $l = append $l " + ChartYaml.quote(n.name()) + " }}";
      decided.append(n.when() == ChartCondition.TRUE ? "\n" + add : "\n{{- if " + n.when().go() + " }}" + add + "{{- end }}");
    }
    decided.append("\n{{- $_ := set $d ").append(ChartYaml.quote(name)).append(" $l }}");
    return new Expression("$d." + name);
  }

  private ChartCondition has(Privilege p) {
    return anyOf(privilegeNeeds.get(p));
  }

  private ChartCondition anyOf(Map<Integer, ChartCondition> who) {
    if (who == null) {
      return ChartCondition.FALSE;
    }
    List<ChartCondition> parts = new ArrayList<>();
    for (Map.Entry<Integer, ChartCondition> e : who.entrySet()) {
      parts.add(and(on(e.getKey()), e.getValue()));
    }
    return or(parts);
  }

  private List<String> featureKeysCache;

  private List<String> featureKeys() {
    if (featureKeysCache == null) {
      featureKeysCache = ChartValues.sortedFeatures(collectors);
    }
    return featureKeysCache;
  }

  private void decideHostPaths() {
    SortedMap<String, List<Integer>> byPath = new TreeMap<>();
    SortedMap<String, String> mountPaths = new TreeMap<>();
    for (int i = 0; i < collectors.size(); i++) {
      for (HostPathRequirement h : collectors.get(i).hostPaths()) {
        List<Integer> indices = byPath.get(h.path());
        if (indices == null) {
          indices = new ArrayList<>();
          byPath.put(h.path(), indices);
        }
        indices.add(i);
        mountPaths.putIfAbsent(h.path(), h.mountPath());
      }
    }
    for (Map.Entry<String, List<Integer>> e : byPath.entrySet()) {
      Map<Integer, ChartCondition> needs = new TreeMap<>();
      Map<Integer, ChartCondition> writers = new TreeMap<>();
      Map<HostPathType, Map<Integer, ChartCondition>> types = new TreeMap<>();
      Map<MountPropagation, Map<Integer, ChartCondition>> props = new TreeMap<>();
      SortedMap<String, Map<Integer, ChartCondition>> env = new TreeMap<>();
      for (int i : new TreeSet<>(e.getValue())) {
        for (HostPathRequirement h : collectors.get(i).hostPaths()) {
          if (!h.path().equals(e.getKey())) {
            continue;
          }
          needs.put(i, ChartCondition.TRUE);
          if (!h.readOnly()) {
            writers.put(i, ChartCondition.TRUE);
          }
          if (h.type() != HostPathType.UNCHECKED) {
            whoNeeds(types, h.type()).put(i, ChartCondition.TRUE);
          }
          whoNeeds(props, h.propagation()).put(i, ChartCondition.TRUE);
          if (!h.env().isEmpty()) {
            whoNeeds(env, h.env()).put(i, ChartCondition.TRUE);
          }
        }
      }
      ChartCondition on = bool("host", anyOf(needs));
      Map<HostPathType, ChartCondition> typeConds = new TreeMap<>();
      for (Map.Entry<HostPathType, Map<Integer, ChartCondition>> t : types.entrySet()) {
        typeConds.put(t.getKey(), anyOf(t.getValue()));
      }
      // The strongest propagation any enabled collector asked for.
      Map<MountPropagation, ChartCondition> propConds = new TreeMap<>();
      ChartCondition stronger = ChartCondition.FALSE;
      for (MountPropagation p : List.of(MountPropagation.BIDIRECTIONAL, MountPropagation.HOST_TO_CONTAINER)) {
        ChartCondition mine = anyOf(props.get(p));
        propConds.put(p, and(mine, not(stronger)));
        stronger = or(stronger, mine);
      }
      SortedMap<String, ChartCondition> envConds = new TreeMap<>();
      for (Map.Entry<String, Map<Integer, ChartCondition>> n : env.entrySet()) {
        envConds.put(n.getKey(), anyOf(n.getValue()));
      }
      Volume v = new Volume();
      v.on = on;
      v.candidates.add(new Candidate(ChartCondition.TRUE, KubernetesNames.volumeName("host", e.getKey()), "host:" + e.getKey()));
      hostPaths.add(new HostPathItem(e.getKey(), mountPaths.get(e.getKey()), on, bool("readOnly", not(anyOf(writers))),
          typeConds, propConds, envConds, needs, v));
    }
  }

  private void decideWritables() {
    SortedMap<String, Map<Integer, ChartCondition>> byPath = new TreeMap<>();
    SortedMap<String, Map<Integer, ChartCondition>> keepers = new TreeMap<>();
    SortedMap<String, String> hostPathOf = new TreeMap<>();
    for (int i = 0; i < collectors.size(); i++) {
      for (WritablePathRequirement w : collectors.get(i).writablePaths()) {
        whoNeeds(byPath, w.path()).put(i, ChartCondition.TRUE);
        if (!w.hostPath().isEmpty()) {
          whoNeeds(keepers, w.path()).put(i, ChartCondition.TRUE);
          hostPathOf.put(w.path(), w.hostPath());
        }
      }
    }
    for (Map.Entry<String, Map<Integer, ChartCondition>> e : byPath.entrySet()) {
      String path = e.getKey();
      Map<Integer, ChartCondition> who = e.getValue();
      ChartCondition kept = bool("kept", anyOf(keepers.get(path)));
      Volume v = new Volume();
      v.on = bool("writable", anyOf(who));
      v.candidates.add(new Candidate(kept, KubernetesNames.volumeName("kept", path), "writable:" + path));
      v.candidates.add(new Candidate(not(kept), KubernetesNames.volumeName("scratch", path), "writable:" + path));
      writables.add(new WritableItem(path, v.on, kept, hostPathOf.getOrDefault(path, ""), who, v));
    }
  }

  /**
   * Volume names follow {@link VolumeNames}: a readable name unless another enabled volume has the
   * same one, then the hashed name. Which volumes are enabled depends on the toggles, so the
   * choice is made in the template.
   */
  private void decideVolumeNames() {
    List<Volume> all = new ArrayList<>();
    for (HostPathItem h : hostPaths) {
      all.add(h.volume());
    }
    for (WritableItem w : writables) {
      all.add(w.volume());
    }
    for (Volume v : all) {
      ChartYaml.Node name = null;
      for (int k = v.candidates.size() - 1; k >= 0; k--) {
        Candidate c = v.candidates.get(k);
        List<ChartCondition> clash = new ArrayList<>();
        for (Volume u : all) {
          if (u == v) {
            continue;
          }
          for (Candidate o : u.candidates) {
            if (o.readable().equals(c.readable())) {
              clash.add(and(u.on, o.when()));
            }
          }
        }
        ChartCondition clashes = bool("clash", or(clash));
        String hashed = KubernetesNames.hashed(c.readable(), c.source(), KubernetesNames.MAX_VOLUME_NAME);
        ChartYaml.Node mine = choice(clashes, new ChartYaml.Literal(hashed), new ChartYaml.Literal(c.readable()));
        name = name == null ? mine : choice(bool("state", c.when()), mine, name);
      }
      v.name = name;
    }
  }

  /** {@code when ? a : b}; a constant condition picks directly. */
  private static ChartYaml.Node choice(ChartCondition when, ChartYaml.Node a, ChartYaml.Node b) {
    if (when == ChartCondition.TRUE) {
      return a;
    }
    if (when == ChartCondition.FALSE) {
      return b;
    }
    return new Expression("(ternary " + go(a) + " " + go(b) + " " + when.go() + ")");
  }

  private static String go(ChartYaml.Node n) {
    if (n instanceof ChartYaml.Literal l) {
      return l.value() instanceof String text ? ChartYaml.quote(text) : String.valueOf(l.value());
    }
    return ((Expression) n).go();
  }

  private void decidePorts() {
    SortedMap<String, Map<Integer, ChartCondition>> byPort = new TreeMap<>();
    SortedMap<String, Map<Integer, ChartCondition>> reachable = new TreeMap<>();
    SortedMap<String, PortRequirement> first = new TreeMap<>();
    for (int i = 0; i < collectors.size(); i++) {
      for (PortRequirement p : collectors.get(i).ports()) {
        String key = String.format(Locale.ROOT, "%05d/%s", p.number(), p.protocol());
        whoNeeds(byPort, key).put(i, ChartCondition.TRUE);
        first.putIfAbsent(key, p);
        if (p.reachableAtNodeIp()) {
          whoNeeds(reachable, key).put(i, ChartCondition.TRUE);
        }
      }
    }
    List<ChartCondition> serviced = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, ChartCondition>> e : byPort.entrySet()) {
      String key = e.getKey();
      Map<Integer, ChartCondition> who = e.getValue();
      PortRequirement p = first.get(key);
      ChartCondition on = bool("port", anyOf(who));
      ChartCondition reach = anyOf(reachable.get(key));
      ChartCondition hostPort = bool("hostPort", or(hostNetwork,
          and(reach, ChartCondition.of(options.portExposure() == PortExposure.HOST_PORT))));
      ChartCondition service = bool("serviced", and(on, reach, not(hostPort)));
      serviced.add(service);
      ports.add(new PortItem(p.number(), p.protocol().name(), p.name(), on, hostPort, service, who));
    }
    serviceNeeded = bool("service", or(serviced));
  }

  /**
   * The ClusterRole's rules as {@link ApiRuleMerger} merges them: per (group, resource) the union
   * of the enabled collectors' verbs ({@code *} absorbs the rest), then resources of one group
   * with equal verbs share a rule, sorted by their verbs; non-resource URLs alike.
   */
  private void decideApiRules() {
    SortedMap<String, SortedMap<String, Map<Integer, SortedSet<String>>>> groups = new TreeMap<>();
    SortedMap<String, Map<Integer, SortedSet<String>>> urls = new TreeMap<>();
    Map<Integer, ChartCondition> who = new TreeMap<>();
    for (int i = 0; i < collectors.size(); i++) {
      for (ApiRuleRequirement r : collectors.get(i).kubernetesApi()) {
        for (String group : r.apiGroups()) {
          for (String resource : r.resources()) {
            SortedMap<String, Map<Integer, SortedSet<String>>> resources = groups.get(group);
            if (resources == null) {
              resources = new TreeMap<>();
              groups.put(group, resources);
            }
            verbs(resources, resource, i).addAll(r.verbs());
            who.put(i, ChartCondition.TRUE);
          }
        }
        for (String url : r.nonResourceUrls()) {
          verbs(urls, url, i).addAll(r.verbs());
          who.put(i, ChartCondition.TRUE);
        }
      }
    }
    needsApi = bool("api", anyOf(who));
    apiNeeds = who;
    decided.append("\n{{- $rules := list }}");
    for (Map.Entry<String, SortedMap<String, Map<Integer, SortedSet<String>>>> g : groups.entrySet()) {
      decided.append("\n{{- $byVerbs := dict }}");
      for (Map.Entry<String, Map<Integer, SortedSet<String>>> resource : g.getValue().entrySet()) {
        mergeVerbs(resource.getKey(), resource.getValue());
      }
      decided.append("\n{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict \"apiGroups\" (list ")
          .append(ChartYaml.quote(g.getKey()))
          .append(") \"resources\" (get $byVerbs $k) \"verbs\" (splitList \",\" $k)) }}{{- end }}");
    }
    if (!urls.isEmpty()) {
      decided.append("\n{{- $byVerbs := dict }}");
      for (Map.Entry<String, Map<Integer, SortedSet<String>>> url : urls.entrySet()) {
        mergeVerbs(url.getKey(), url.getValue());
      }
      decided.append("\n{{- range $k := keys $byVerbs | sortAlpha }}{{- $rules = append $rules (dict"
          + " \"nonResourceURLs\" (get $byVerbs $k) \"verbs\" (splitList \",\" $k)) }}{{- end }}");
    }
    decided.append("\n{{- $_ := set $d \"apiRules\" $rules }}");
  }

  private Map<Integer, ChartCondition> apiNeeds;

  /** The verbs collector {@code i} asks for on {@code target}, new (sorted) sets the first time. */
  private static SortedSet<String> verbs(Map<String, Map<Integer, SortedSet<String>>> byTarget, String target, int i) {
    Map<Integer, SortedSet<String>> byCollector = byTarget.get(target);
    if (byCollector == null) {
      byCollector = new TreeMap<>();
      byTarget.put(target, byCollector);
    }
    SortedSet<String> verbs = byCollector.get(i);
    if (verbs == null) {
      verbs = new TreeSet<>();
      byCollector.put(i, verbs);
    }
    return verbs;
  }

  private void mergeVerbs(String target, Map<Integer, SortedSet<String>> verbsByCollector) {
    decided.append("\n{{- $v := list }}");
    for (Map.Entry<Integer, SortedSet<String>> e : verbsByCollector.entrySet()) {
      StringBuilder l = new StringBuilder("(list");
      for (String v : e.getValue()) {
        l.append(' ').append(ChartYaml.quote(v));
      }
      l.append(')');
      decided.append("\n{{- if ").append(on(e.getKey()).go()).append(" }}{{- $v = concat $v ").append(l)
          .append(" }}{{- end }}");
    }
    decided.append("\n{{- if $v }}{{- $v = $v | uniq | sortAlpha }}{{- if has \"*\" $v }}{{- $v = list \"*\" }}{{- end }}")
        .append("{{- $k := join \",\" $v }}{{- $_ := set $byVerbs $k (append (get $byVerbs $k | default list) ")
        .append(ChartYaml.quote(target)).append(") }}{{- end }}");
  }

  /** What the engine refuses for a set of collectors is refused by the chart for the same toggles. */
  private void decideFailures() {
    for (HostPathItem h : hostPaths) {
      ChartCondition bidirectional = h.propagation().get(MountPropagation.BIDIRECTIONAL);
      ChartCondition device = or(h.types().getOrDefault(HostPathType.CHAR_DEVICE, ChartCondition.FALSE),
          h.types().getOrDefault(HostPathType.BLOCK_DEVICE, ChartCondition.FALSE));
      ChartCondition fails = and(or(bidirectional, device), not(privileged));
      if (fails != ChartCondition.FALSE) {
        decided.append("\n{{- if ").append(fails.go()).append(" }}{{- fail ").append(ChartYaml.quote(
            "host path '" + h.path() + "' needs a privileged container (Bidirectional propagation or a device),"
                + " and no enabled collector runs privileged: enable the feature whose collector declares"
                + " PRIVILEGED, or turn off the feature that mounts it")).append(" }}{{- end }}");
      }
    }
  }

  // ---- objects -----------------------------------------------------------------------------

  private MapNode labels() {
    MapNode labels = ChartYaml.map().splice("omit .Values.labels " + ChartYaml.quote("app.kubernetes.io/name"));
    labels.put("app.kubernetes.io/name", options.name());
    return labels;
  }

  private MapNode object(String apiVersion, String kind, boolean namespaced) {
    MapNode meta = ChartYaml.map().put("name", options.name());
    if (namespaced) {
      meta.put("namespace", options.namespace());
    }
    meta.put("labels", labels());
    return ChartYaml.map().put("apiVersion", apiVersion).put("kind", kind).put("metadata", meta);
  }

  private MapNode namespace() {
    MapNode labels = labels();
    labels.put(DaemonSetRenderer.ENFORCE_LABEL, new Expression("$d.podSecurityLevel"), ChartCondition.TRUE);
    List<ChartCondition> baseline = new ArrayList<>(List.of(has(Privilege.HOST_NETWORK), has(Privilege.HOST_PID),
        has(Privilege.HOST_IPC), privileged, appArmor, seccompUnconfined));
    for (Map.Entry<String, ChartCondition> e : addedCaps.entrySet()) {
      if (!PodSecurity.BASELINE_CAPABILITIES.contains(e.getKey())) {
        baseline.add(e.getValue());
      }
    }
    for (HostPathItem h : hostPaths) {
      baseline.add(h.on());
    }
    for (WritableItem w : writables) {
      baseline.add(and(w.on(), w.kept()));
    }
    for (PortItem p : ports) {
      baseline.add(and(p.on(), p.hostPort()));
    }
    List<ChartCondition> restricted = new ArrayList<>(List.of(root, not(escalationDisallowed), privileged, seccompUnset,
        keptOwner));
    for (Map.Entry<String, ChartCondition> e : addedCaps.entrySet()) {
      if (!e.getKey().equals("NET_BIND_SERVICE")) {
        restricted.add(e.getValue());
      }
    }
    ChartCondition belowBaseline = bool("pssPrivileged", or(baseline));
    ChartCondition belowRestricted = bool("pssBaseline", or(restricted));
    decided.append("\n{{- $_ := set $d \"podSecurityLevel\" ").append(go(choice(belowBaseline,
        new ChartYaml.Literal("privileged"), choice(belowRestricted, new ChartYaml.Literal("baseline"),
            new ChartYaml.Literal("restricted"))))).append(" }}");
    return ChartYaml.map().put("apiVersion", "v1").put("kind", "Namespace")
        .put("metadata", ChartYaml.map().put("name", options.namespace()).put("labels", labels));
  }

  private MapNode service() {
    ListNode list = new ListNode();
    for (PortItem p : ports) {
      list.add(ChartYaml.map().put("name", p.name()).put("port", p.number()).put("protocol", p.protocol())
          .put("targetPort", p.name()), p.serviced());
    }
    MapNode spec = ChartYaml.map().put("selector", Map.of("app.kubernetes.io/name", options.name()))
        .put("internalTrafficPolicy", "Local").put("ports", list);
    return object("v1", "Service", true).put("spec", spec);
  }

  private MapNode daemonSet() {
    MapNode ds = object("apps/v1", "DaemonSet", true);
    MapNode meta = (MapNode) ds.entries.get(2).value();
    MapNode dsLabels = (MapNode) meta.entries.get(2).value();
    dsLabels.splice("omit .Values.daemonSetLabels " + ChartYaml.quote("app.kubernetes.io/name"));
    meta.put("annotations", new ChartYaml.Block(".Values.daemonSetAnnotations"), ChartCondition.value(".Values.daemonSetAnnotations"));
    MapNode spec = ChartYaml.map().put("selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", options.name())))
        .put("updateStrategy", new ChartYaml.Block(".Values.updateStrategy"), ChartCondition.TRUE)
        .splice("omit .Values.daemonSetSpec \"selector\" \"template\" \"updateStrategy\"");
    MapNode podLabels = labels().splice("omit .Values.podLabels " + ChartYaml.quote("app.kubernetes.io/name"));
    MapNode annotations = provenance().splice(".Values.podAnnotations");
    List<ChartCondition> anyAnnotation = new ArrayList<>();
    for (ChartYaml.Entry e : annotations.entries) {
      anyAnnotation.add(e.when());
    }
    anyAnnotation.add(ChartCondition.value(".Values.podAnnotations"));
    MapNode templateMeta = ChartYaml.map().put("labels", podLabels)
        .put("annotations", annotations, or(anyAnnotation));
    spec.put("template", ChartYaml.map().put("metadata", templateMeta).put("spec", podSpec()));
    ds.put("spec", spec);
    return ds;
  }

  private MapNode podSpec() {
    MapNode pod = ChartYaml.map();
    pod.put("serviceAccountName", options.name(), needsApi);
    pod.put("automountServiceAccountToken", false, not(needsApi));
    pod.put("hostPID", true, has(Privilege.HOST_PID));
    pod.put("hostNetwork", true, hostNetwork);
    pod.put("dnsPolicy", "ClusterFirstWithHostNet", hostNetwork);
    pod.put("hostIPC", true, has(Privilege.HOST_IPC));
    MapNode security = ChartYaml.map()
        .put("runAsUser", new Expression("(ternary 0 " + options.nonRootUid() + " " + root.go() + ")"), ChartCondition.TRUE)
        .put("runAsNonRoot", true, not(root))
        .put("runAsGroup", options.nonRootUid(), not(root))
        .put("seccompProfile", Map.of("type", "Unconfined"), seccompUnconfined)
        .put("seccompProfile", Map.of("type", "RuntimeDefault"), and(not(seccompUnconfined), not(seccompUnset)))
        .splice(".Values.podSecurityContext");
    pod.put("securityContext", security);
    if (keptOwner != ChartCondition.FALSE) {
      pod.put("initContainers", ChartYaml.list(keptPathOwner()), keptOwner);
    }
    pod.put("containers", new ListNode().add(container()).splice(".Values.extraContainers"));
    ListNode volumes = new ListNode();
    List<ChartCondition> anyVolume = new ArrayList<>();
    for (HostPathItem h : hostPaths) {
      MapNode hostPath = ChartYaml.map().put("path", h.path());
      for (Map.Entry<HostPathType, ChartCondition> t : h.types().entrySet()) {
        hostPath.put("type", t.getKey().kubernetesName(), t.getValue());
      }
      volumes.add(ChartYaml.map().put(new ChartYaml.Literal("name"), h.volume().name, ChartCondition.TRUE)
          .put("hostPath", hostPath), h.on());
      anyVolume.add(h.on());
    }
    for (WritableItem w : writables) {
      MapNode v = ChartYaml.map().put(new ChartYaml.Literal("name"), w.volume().name, ChartCondition.TRUE);
      v.put("hostPath", Map.of("path", w.hostPath(), "type", "DirectoryOrCreate"), w.kept());
      v.put("emptyDir", ChartYaml.map(), not(w.kept()));
      volumes.add(v, w.on());
      anyVolume.add(w.on());
    }
    volumes.splice(".Values.extraVolumes");
    pod.put("volumes", volumes, or(or(anyVolume), ChartCondition.value(".Values.extraVolumes")));
    pod.put("tolerations", new ChartYaml.Block(".Values.tolerations"), ChartCondition.value(".Values.tolerations"));
    pod.put("nodeSelector", new ChartYaml.Block(".Values.nodeSelector"), ChartCondition.value(".Values.nodeSelector"));
    pod.put("priorityClassName", new Expression(".Values.priorityClassName"), ChartCondition.value(".Values.priorityClassName"));
    pod.splice(".Values.podSpec");
    return pod;
  }

  private MapNode container() {
    MapNode c = ChartYaml.map().put("name", options.containerName())
        .put("image", new Expression(".Values.image"), ChartCondition.TRUE);
    ListNode env = new ListNode();
    env.add(ChartYaml.map().put("name", options.enabledInputsEnv()).put("value", decidedEnabledInputs, ChartCondition.TRUE));
    SortedMap<String, List<HostPathItem>> byEnv = new TreeMap<>();
    for (HostPathItem h : hostPaths) {
      for (String e : h.env().keySet()) {
        List<HostPathItem> mounts = byEnv.get(e);
        if (mounts == null) {
          mounts = new ArrayList<>();
          byEnv.put(e, mounts);
        }
        mounts.add(h);
      }
    }
    for (Map.Entry<String, List<HostPathItem>> e : byEnv.entrySet()) {
      String name = e.getKey();
      for (HostPathItem h : e.getValue()) {
        env.add(ChartYaml.map().put("name", name).put("value", h.mountPath()), h.env().get(name));
      }
    }
    env.splice(".Values.extraEnv");
    c.put("env", env);
    ListNode portList = new ListNode();
    List<ChartCondition> anyPort = new ArrayList<>();
    for (PortItem p : ports) {
      portList.add(ChartYaml.map().put("name", p.name()).put("containerPort", p.number())
          .put("hostPort", p.number(), p.hostPort()).put("protocol", p.protocol()), p.on());
      anyPort.add(p.on());
    }
    portList.splice(".Values.extraPorts");
    c.put("ports", portList, or(or(anyPort), ChartCondition.value(".Values.extraPorts")));
    MapNode caps = ChartYaml.map().put("drop", List.of("ALL"));
    ListNode add = new ListNode();
    for (Map.Entry<String, ChartCondition> e : addedCaps.entrySet()) {
      add.add(e.getKey(), e.getValue());
    }
    caps.put("add", add, or(new ArrayList<>(addedCaps.values())));
    MapNode security = ChartYaml.map()
        .put("privileged", true, privileged)
        .put("allowPrivilegeEscalation", false, escalationDisallowed)
        .put("capabilities", caps, not(privileged))
        .put("readOnlyRootFilesystem", new Expression(readOnlyRoot.go()), ChartCondition.TRUE)
        .put("appArmorProfile", Map.of("type", "Unconfined"), appArmor);
    c.put("securityContext", security);
    // By mount path, as the engine sorts them.
    SortedMap<String, Object[]> mounts = new TreeMap<>();
    for (HostPathItem h : hostPaths) {
      MapNode m = ChartYaml.map().put(new ChartYaml.Literal("name"), h.volume().name, ChartCondition.TRUE)
          .put("mountPath", h.mountPath()).put("readOnly", true, h.readOnly());
      for (Map.Entry<MountPropagation, ChartCondition> p : h.propagation().entrySet()) {
        m.put("mountPropagation", p.getKey().kubernetesName(), p.getValue());
      }
      mounts.put(h.mountPath(), new Object[] {m, h.on()});
    }
    for (WritableItem w : writables) {
      mounts.put(w.path(), new Object[] {ChartYaml.map().put(new ChartYaml.Literal("name"), w.volume().name,
          ChartCondition.TRUE).put("mountPath", w.path()), w.on()});
    }
    ListNode mountList = new ListNode();
    List<ChartCondition> anyMount = new ArrayList<>();
    for (Object[] m : mounts.values()) {
      mountList.add(m[0], (ChartCondition) m[1]);
      anyMount.add((ChartCondition) m[1]);
    }
    mountList.splice(".Values.extraVolumeMounts");
    c.put("volumeMounts", mountList, or(or(anyMount), ChartCondition.value(".Values.extraVolumeMounts")));
    c.put("resources", new ChartYaml.Block(".Values.resources"), ChartCondition.value(".Values.resources"));
    c.splice(".Values.container");
    return c;
  }

  private MapNode keptPathOwner() {
    MapNode security = ChartYaml.map().put("runAsUser", 0).put("runAsNonRoot", false)
        .put("allowPrivilegeEscalation", false)
        .put("capabilities", Map.of("drop", List.of("ALL"), "add", List.of(Grant.KeptPathOwner.CAPABILITY)))
        .put("readOnlyRootFilesystem", true);
    ListNode mounts = new ListNode();
    for (WritableItem w : writables) {
      mounts.add(ChartYaml.map().put(new ChartYaml.Literal("name"), w.volume().name, ChartCondition.TRUE)
          .put("mountPath", w.path()), and(w.on(), w.kept()));
    }
    return ChartYaml.map().put("name", KubernetesNames.KEPT_PATH_OWNER)
        .put("image", new Expression(".Values.image"), ChartCondition.TRUE)
        .put("command", new ChartYaml.Block(keptCommand.go()), ChartCondition.TRUE).put("securityContext", security).put("volumeMounts", mounts);
  }

  /** Rule 11: the pod annotations naming the collectors behind each privilege, under the same conditions. */
  private MapNode provenance() {
    MapNode a = ChartYaml.map();
    for (Map.Entry<Privilege, Map<Integer, ChartCondition>> e : privilegeNeeds.entrySet()) {
      a.put(KubernetesNames.annotationKey(slug(e.getKey().name())), collectorNames(e.getValue()), anyOf(e.getValue()));
    }
    for (Map.Entry<String, Map<Integer, ChartCondition>> e : capNeeds.entrySet()) {
      a.put(KubernetesNames.annotationKey("capability." + slug(e.getKey())), collectorNames(e.getValue()),
          addedCaps.get(e.getKey()));
    }
    a.put(KubernetesNames.annotationKey("privileged.covers"), covered, anyCovered);
    if (keptOwner != ChartCondition.FALSE) {
      Map<Integer, ChartCondition> who = new TreeMap<>();
      for (WritableItem w : writables) {
        for (Integer i : w.needs().keySet()) {
          orInto(who, i, w.kept());
        }
      }
      a.put(KubernetesNames.annotationKey(KubernetesNames.KEPT_PATH_OWNER), collectorNames(who), keptOwner);
    }
    for (HostPathItem h : hostPaths) {
      a.put(volumeKey(h.volume()), collectorNames(h.needs()), h.on());
    }
    for (WritableItem w : writables) {
      a.put(volumeKey(w.volume()), collectorNames(w.needs()), w.on());
    }
    for (PortItem p : ports) {
      a.put(KubernetesNames.annotationKey("port." + p.number() + "-" + slug(p.protocol())), collectorNames(p.needs()), p.on());
    }
    if (needsApi != ChartCondition.FALSE) {
      a.put(KubernetesNames.annotationKey("kubernetes-api"), collectorNames(apiNeeds), needsApi);
    }
    for (Map.Entry<Confinement, Map<Integer, ChartCondition>> e : confinements.entrySet()) {
      a.put(KubernetesNames.annotationKey(slug(e.getKey().name())), collectorNames(e.getValue()), anyOf(e.getValue()));
    }
    return a;
  }

  /** The annotation key of a volume; the volume name is itself decided in the template. */
  private static ChartYaml.Node volumeKey(Volume v) {
    if (v.name instanceof ChartYaml.Literal l) {
      return new ChartYaml.Literal(KubernetesNames.annotationKey(KubernetesNames.VOLUME_ANNOTATION + l.value()));
    }
    // Volume names are at most MAX_VOLUME_NAME long, so the key is the plain prefix and name.
    return new Expression("(print " + ChartYaml.quote(KubernetesNames.ANNOTATION_PREFIX + KubernetesNames.VOLUME_ANNOTATION)
        + " " + ((Expression) v.name).go() + ")");
  }

  private static String slug(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
