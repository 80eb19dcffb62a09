package dev.privileges.engine.statement;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.grant.Grant.ApiRule;
import dev.privileges.engine.grant.Grant.ContainerPort;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.GrantedItem.Kind;
import dev.privileges.engine.grant.GrantedItem;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * The values a statement template sees (documented in {@code docs/security-statement.md}). Keys
 * ending in {@code Md} hold ready Markdown and go into the template with triple braces; every
 * other string is plain text that the template engine escapes for Markdown.
 */
public final class StatementModel {

  private static final Map<String, String> PURPOSES = Map.of(
      "privilege:HOST_PID", "The pod shares the node's process namespace: the agent sees every process"
          + " on the node, not only its own, and can tie kernel events to the process and pod behind them.",
      "privilege:HOST_NETWORK", "The pod shares the node's network namespace: the agent sees the node's"
          + " interfaces and their counters, and listens directly on the node's addresses.",
      "privilege:HOST_IPC", "The pod shares the node's IPC namespace (System V shared memory, semaphores,"
          + " message queues).",
      "privilege:PRIVILEGED", "The container runs privileged: it holds every capability and sees the node's"
          + " devices, and no seccomp or capabilities list applies to it. The collectors below declared"
          + " nothing that could replace it.",
      "privilege:RUN_AS_ROOT", "The agent runs as root (UID 0). Kubernetes grants no ambient capabilities,"
          + " so an added capability only takes effect for UID 0; every capability not listed on this page"
          + " stays dropped.",
      "privilege:WRITABLE_ROOT_FILESYSTEM", "The agent may write anywhere in its own container filesystem;"
          + " the node's filesystem is not affected.",
      "confinement:SECCOMP_UNCONFINED", "No seccomp filter restricts the agent's system calls.",
      "confinement:APPARMOR_UNCONFINED", "No AppArmor profile confines the agent.");

  private static final Map<String, String> CAPABILITIES = Map.of(
      "BPF", "load eBPF programs and create eBPF maps",
      "PERFMON", "attach eBPF programs to kernel probes and tracepoints and open perf events",
      "SYS_PTRACE", "inspect other processes (their open files, working directory, I/O counters)",
      "DAC_READ_SEARCH", "read files and list directories regardless of their permissions",
      "NET_RAW", "open raw and packet sockets",
      "NET_ADMIN", "change network configuration and attach traffic-control eBPF programs",
      "SYS_RESOURCE", "raise resource limits such as the locked-memory limit for eBPF maps",
      "SYS_ADMIN", "perform a broad set of administrative operations (namespaces, mounts, full eBPF)",
      "SYS_CHROOT", "change the root directory, for example to enter the node's mount namespace");

  private final Markdown.Anchors anchors = new Markdown.Anchors();

  Map<String, Object> build(Grant grant, ItemGroups groups, List<FeatureRecommendations.Row> rows) {
    GenerationOptions o = grant.options();
    List<GrantedItem> items = GrantedItem.of(grant);
    PodSecurity.Assessment pss = grant.podSecurity();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("product", o.productName());
    m.put("introMd", o.statementIntro().isBlank() ? defaultIntro(o.productName()) : o.statementIntro().strip());
    m.put("closingMd", o.statementClosing().isBlank() ? defaultClosing() : o.statementClosing().strip());
    m.put("enabledMd", enabled(grant));
    m.put("enabledInputsEnvMd", Markdown.code(o.enabledInputsEnv()));
    m.put("level", pss.level().label());
    m.put("levelMd", Markdown.code(pss.level().label()));
    m.put("mermaidEnabled", o.statementMermaid());
    m.put("helmChart", o.helmChart());
    m.put("diagramFile", StatementRenderer.DIAGRAM_FILE);
    m.put("hasItems", !items.isEmpty());
    List<GrantedItem> shown = groups.shown();
    m.put("mermaid", MermaidDiagram.render(shown)); // the groups, like the SVG
    Map<String, String> anchorOf = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      List<Map<String, Object>> section = new ArrayList<>();
      for (GrantedItem item : shown) {
        if (item.kind() == kind && kind != Kind.API) {
          Optional<ItemGroups.Group> group = groups.group(item);
          String anchor = anchors.of(group.isPresent()
              ? ItemGroups.noun(kind, 2) + "-" + group.get().risk().severity().label() + "-risk" : item.anchorBase());
          anchorOf.put(item.key(), anchor);
          if (group.isPresent()) {
            for (GrantedItem member : group.get().members()) {
              anchorOf.put(member.key(), anchor);
            }
          }
          section.add(group.isPresent() ? groupEntry(group.get(), anchor, grant) : item(item, anchor, groups));
        }
      }
      m.put(section(kind), section);
    }
    int limit = o.statementCollectorLimit();
    // Loops rather than streams and lambdas throughout: this model is built in the first generate
    // of every fresh JVM, where each lambda costs a class spun at run time.
    List<Map<String, Object>> apiRules = new ArrayList<>();
    for (Grant.ApiRule r : grant.apiRules()) {
      apiRules.add(apiRow(r, limit));
    }
    m.put("apiRules", apiRules);
    List<Map<String, Object>> covered = new ArrayList<>();
    for (Map.Entry<String, List<Need>> e : grant.coveredByPrivileged().entrySet()) {
      covered.add(row("capabilityMd", Markdown.code(e.getKey()), "needs", needs(e.getValue())));
    }
    m.put("covered", covered);
    m.put("privileged", grant.security().privileged());
    boolean countCollectors = grant.enabled().size() > o.statementItemLimit();
    List<Map<String, Object>> collectors = new ArrayList<>();
    List<Need> byFeature = new ArrayList<>();
    for (CollectorMetadata c : grant.enabled()) {
      if (countCollectors) {
        byFeature.add(new Need(c.name(), c.feature(), ""));
      } else {
        collectors.add(row("collectorMd", Markdown.cellCode(c.name()), "feature", c.feature(), "description",
            c.description().isBlank() ? "-" : c.description()));
      }
    }
    m.put("collectors", collectors);
    m.put("collectorsByFeature", countCollectors ? CollectorLimit.byFeature(byFeature) : List.of());
    for (GrantedItem i : items) {
      if (i.kind() == Kind.API) {
        anchorOf.put(i.key(), "kubernetes-api");
      }
    }
    List<StatementGlance.Entry> glance = new ArrayList<>();
    for (GrantedItem i : shown) {
      glance.add(new StatementGlance.Entry(i, groups.risk(i), anchorOf.get(i.key()), groups.group(i)));
    }
    StatementGlance.put(m, glance, items.size());
    m.put("notRequested", notRequested(grant));
    m.put("replaced", needs(grant.privilegedReplaced()));
    m.put("restricted", pss.level() == PodSecurity.Level.RESTRICTED);
    m.put("heldBy", heldBy(pss, groups, anchorOf));
    List<Map<String, Object>> waivers = new ArrayList<>();
    for (Waiver w : grant.waivers()) {
      waivers.add(row("collectorMd", Markdown.cellCode(w.collector()), "requirementMd",
          Markdown.cellCode(w.requirement()), "reason", w.reason()));
    }
    m.put("waivers", waivers);
    List<Map<String, Object>> recommendations = new ArrayList<>();
    for (FeatureRecommendations.Row r : rows) {
      recommendations.add(recommendation(r));
    }
    m.put("recommendations", recommendations);
    List<Map<String, Object>> inverse = new ArrayList<>();
    for (GrantedItem i : shown) {
      inverse.add(row("fieldMd", link(i, anchorOf, groups), "featuresMd", features(i.needs())));
    }
    m.put("inverse", inverse);
    m.put("scanners", scanners(shown, anchorOf, groups));
    for (String key : List.copyOf(m.keySet())) {
      if (m.get(key) instanceof List<?> list) {
        m.put("has" + Character.toUpperCase(key.charAt(0)) + key.substring(1), !list.isEmpty());
      }
    }
    return m;
  }

  private static String section(Kind kind) {
    return switch (kind) {
      case POD -> "podLevel";
      case CONTAINER -> "containerLevel";
      case CAPABILITY -> "capabilities";
      case HOST_PATH -> "hostPaths";
      case PORT -> "ports";
      case WRITABLE -> "writablePaths";
      case API -> "apiItems";
    };
  }

  private static Map<String, Object> item(GrantedItem item, String anchor, ItemGroups groups) {
    Grant grant = groups.records().grant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fieldMd", Markdown.code(item.field()));
    out.put("anchor", anchor);
    out.put("purposeMd", purpose(item, groups.records()));
    PrivilegeRisk.Risk risk = groups.risk(item);
    out.put("severity", risk.severity().label());
    out.put("severityMd", StatementGlance.severityMd(risk.severity()));
    out.put("risk", risk.text());
    CollectorLimit.put(out, item.needs(), grant.options().statementCollectorLimit());
    out.put("withoutMd", "these features stop working as described: " + join(emphasized(item.features())) + ".");
    return out;
  }

  /** Each feature in italics, Markdown. */
  private static List<String> emphasized(List<String> features) {
    List<String> out = new ArrayList<>(features.size());
    for (String f : features) {
      out.add("*" + Markdown.text(f) + "*");
    }
    return out;
  }

  /** The Markdown rows of some needs. */
  static List<Map<String, Object>> needs(List<Need> needs) {
    List<Map<String, Object>> out = new ArrayList<>(needs.size());
    for (Need n : needs) {
      out.add(need(n));
    }
    return out;
  }

  /** A group of items that share their risk: one entry that names each of them. */
  private static Map<String, Object> groupEntry(ItemGroups.Group group, String anchor, Grant grant) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fieldMd", Markdown.text(group.item().field()));
    out.put("anchor", anchor);
    out.put("purposeMd", "More " + ItemGroups.noun(group.item().kind(), 2) + " than "
        + grant.options().statementItemLimit() + " are granted, so the ones that share this risk are shown"
        + " together; each one's purpose and collectors are in " + Markdown.code("privileges.json") + ": "
        + String.join(", ", memberPaths(group)) + ".");
    out.put("severity", group.risk().severity().label());
    out.put("severityMd", StatementGlance.severityMd(group.risk().severity()));
    out.put("risk", group.risk().text());
    CollectorLimit.put(out, group.item().needs(), grant.options().statementCollectorLimit());
    out.put("withoutMd", "these features stop working as described: " + join(emphasized(group.item().features()))
        + ".");
    return out;
  }

  private static List<String> memberPaths(ItemGroups.Group group) {
    List<String> out = new ArrayList<>();
    for (GrantedItem i : group.members()) {
      out.add(Markdown.code(i.path()));
    }
    return out;
  }

  /**
   * The settings that hold the pods at their level; those of grouped items are counted by group
   * ("212 host paths"), so the table stays as short as the groups.
   */
  private static List<Map<String, Object>> heldBy(PodSecurity.Assessment pss, ItemGroups groups,
      Map<String, String> anchorOf) {
    // One row per setting, or per check and group; a group's row gathers its members' needs.
    Map<String, ItemGroups.Group> groupOfRow = new LinkedHashMap<>();
    Map<String, PodSecurity.Violation> firstOfRow = new LinkedHashMap<>();
    Map<String, List<Need>> needsOfRow = new LinkedHashMap<>();
    Map<String, Integer> membersOfRow = new java.util.HashMap<>();
    for (PodSecurity.Violation v : pss.heldBy()) {
      Optional<ItemGroups.Group> group = groups.groupOf(v.itemKey());
      String key = v.check() + "|" + (group.isPresent() ? group.get().item().key() : v.field());
      firstOfRow.putIfAbsent(key, v);
      if (group.isPresent()) {
        groupOfRow.put(key, group.get());
      }
      List<Need> needs = needsOfRow.get(key);
      if (needs == null) {
        needs = new ArrayList<>();
        needsOfRow.put(key, needs);
      }
      needs.addAll(v.needs());
      Integer members = membersOfRow.get(key);
      membersOfRow.put(key, members == null ? 1 : members + 1);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, PodSecurity.Violation> e : firstOfRow.entrySet()) {
      String key = e.getKey();
      PodSecurity.Violation v = e.getValue();
      ItemGroups.Group g = groupOfRow.get(key);
      int count = membersOfRow.get(key);
      String field = g == null ? Markdown.cellCode(v.field())
          : "[" + count + " " + ItemGroups.noun(g.item().kind(), count) + "](#" + anchorOf.get(g.item().key()) + ")";
      out.add(row("check", v.check(), "fieldMd", field, "featuresMd", features(needsOfRow.get(key))));
    }
    return out;
  }

  private static String purpose(GrantedItem item, GrantRecords records) {
    Grant grant = records.grant();
    String fixed = PURPOSES.get(item.key());
    if (item.key().equals("privilege:PRIVILEGED") && !grant.coveredByPrivileged().isEmpty()) {
      return fixed + " It also covers the capabilities other collectors declared ("
          + join(Markdown.codes(grant.coveredByPrivileged().keySet()))
          + "): they are not added separately, see [Linux capabilities](#capabilities).";
    }
    if (item.key().startsWith("init:")) {
      Grant.KeptPathOwner owner = grant.security().keptPathOwner().orElseThrow();
      return "Before the agent starts, the init container " + Markdown.code(owner.name()) + " runs as root"
          + " with only " + Markdown.code("CAP_CHOWN") + " and gives the kept directories ("
          + join(hostDirectories(owner)) + ") to UID "
          + Markdown.code(Long.toString(grant.security().uid())) + ", then exits. The kubelet creates a"
          + " missing hostPath directory owned by root with mode 0755, and " + Markdown.code("fsGroup")
          + " does not apply to hostPath volumes, so without it the non-root agent could not write there."
          + " This is less than running the agent itself as root.";
    }
    if (fixed != null) {
      return fixed;
    }
    return switch (item.kind()) {
      case CAPABILITY -> {
        String what = CAPABILITIES.get(item.path());
        yield "Adds the Linux capability " + Markdown.code(item.path()) + " to an otherwise empty set"
            + (what == null ? "." : ", to " + what + ".");
      }
      case HOST_PATH -> {
        HostPathMount h = records.hostPath(item.path());
        java.util.Set<String> writers = new java.util.LinkedHashSet<>();
        for (Need n : java.util.Objects.requireNonNull(h).writers()) {
          writers.add(Markdown.code(n.collector()));
        }
        yield "Shows the node's " + Markdown.code(h.path()) + " inside the container at "
            + Markdown.code(h.mountPath()) + ", " + (h.readOnly() ? "read-only" : "**read-write** (written by "
            + join(List.copyOf(writers)) + ")")
            + (h.env().isEmpty() ? "" : "; " + join(Markdown.codes(h.env())) + " tells the collectors where") + ".";
      }
      case PORT -> {
        ContainerPort p = records.port(item.path());
        java.util.Objects.requireNonNull(p);
        yield grant.hostNetwork()
            ? "The pod uses the node's network (" + Markdown.code("hostNetwork: true") + "), so the agent's"
                + " listening socket is bound on the node's own addresses and reachable at "
                + Markdown.code("NodeIP:" + p.number()) + " from wherever the node is reachable; the"
                + " API server records it as " + Markdown.code("hostPort: " + p.number()) + "."
            : p.hostPort()
            ? "Publishes the port on the node's own IP address, so senders on the node reach the agent at"
                + " " + Markdown.code("NodeIP:" + p.number()) + "."
            : p.nodeReachable()
                ? "The agent listens on it inside the pod; a Service with " + Markdown.code("internalTrafficPolicy: Local")
                    + " delivers node-local traffic to it, so no hostPort is needed."
                : "The agent listens on it inside the pod only; it is not published on the node.";
      }
      case WRITABLE -> {
        WritableDirectory w = records.writable(item.path());
        Optional<Grant.KeptPathOwner> owner = grant.security().keptPathOwner();
        yield java.util.Objects.requireNonNull(w).kept()
            ? "The node directory " + Markdown.code(w.hostPath()) + " is mounted writable at " + Markdown.code(w.path())
                + " so its content survives restarts; the root filesystem stays read-only."
                + (owner.isEmpty() ? "" : " The init container " + Markdown.code(owner.get().name())
                    + " makes it writable for UID " + Markdown.code(Long.toString(grant.security().uid()))
                    + " (see its entry under container-level privileges).")
            : "A scratch volume, emptied when the pod is replaced, is mounted writable at " + Markdown.code(w.path())
                + "; the root filesystem stays read-only.";
      }
      default -> "";
    };
  }

  private static Map<String, Object> apiRow(ApiRule r, int limit) {
    List<String> groups = new ArrayList<>();
    for (String g : r.apiGroups()) {
      groups.add(Markdown.cellCode(g.isEmpty() ? "\"\"" : g));
    }
    List<String> what = Markdown.cellCodes(r.nonResourceUrls().isEmpty() ? r.resources() : r.nonResourceUrls());
    Optional<String> limited = CollectorLimit.cell(r.needs(), limit);
    String needs;
    if (limited.isPresent()) {
      needs = limited.get();
    } else {
      List<String> parts = new ArrayList<>();
      for (Need n : r.needs()) {
        parts.add("*" + Markdown.text(n.feature()) + "* (" + Markdown.cellCode(n.collector()) + "): "
            + Markdown.text(n.reason()));
      }
      needs = String.join("; ", parts);
    }
    PrivilegeRisk.Risk risk = PrivilegeRisk.apiRule(r.apiGroups(), r.resources(), r.nonResourceUrls(), r.verbs());
    return row("severityMd", StatementGlance.severityMd(risk.severity()), "risk", risk.text(),
        "groupsMd", groups.isEmpty() ? "-" : String.join(", ", groups),
        "resourcesMd", String.join(", ", what),
        "verbsMd", String.join(", ", Markdown.cellCodes(r.verbs())),
        "featuresMd", features(r.needs()),
        "needsMd", needs);
  }

  private static List<Map<String, Object>> notRequested(Grant grant) {
    List<String> out = new ArrayList<>();
    if (!grant.has(Privilege.HOST_PID)) {
      out.add(Markdown.code("hostPID") + ": the pod sees only its own processes.");
    }
    if (!grant.has(Privilege.HOST_NETWORK)) {
      out.add(Markdown.code("hostNetwork") + ": the pod has its own network namespace.");
    }
    if (!grant.has(Privilege.HOST_IPC)) {
      out.add(Markdown.code("hostIPC") + ": no collector uses the node's shared memory or semaphores.");
    }
    if (!grant.security().privileged()) {
      out.add(Markdown.code("privileged") + ": the container is not privileged"
          + (grant.capabilities().isEmpty() ? "." : "; only the capabilities listed above are added."));
    }
    if (!grant.has(Privilege.RUN_AS_ROOT)) {
      out.add("root: the agent runs as UID " + Markdown.code(Long.toString(grant.options().nonRootUid()))
          + " with " + Markdown.code("runAsNonRoot: true") + ".");
    }
    if (!grant.has(Privilege.WRITABLE_ROOT_FILESYSTEM)) {
      out.add("a writable root filesystem: " + Markdown.code("readOnlyRootFilesystem: true") + ".");
    }
    if (grant.capabilities().isEmpty() && !grant.has(Privilege.PRIVILEGED)) {
      out.add("capabilities: every one is dropped and none is added.");
    }
    if (grant.hostPaths().isEmpty()) {
      out.add("host paths: no directory or file of the node is mounted.");
    }
    if (!grant.usesHostPorts() && !grant.hostNetwork()) {
      out.add(Markdown.code("hostPort") + ": no port is published on the node.");
    }
    if (!grant.needsApiAccess()) {
      out.add("Kubernetes API access: no ServiceAccount, ClusterRole or binding, and "
          + Markdown.code("automountServiceAccountToken: false") + ".");
    }
    List<Map<String, Object>> rows = new ArrayList<>(out.size());
    for (String t : out) {
      rows.add(row("textMd", t));
    }
    return rows;
  }

  private static Map<String, Object> recommendation(FeatureRecommendations.Row r) {
    return TrimRow.of(r);
  }

  private static List<Map<String, Object>> scanners(List<GrantedItem> items, Map<String, String> anchorOf,
      ItemGroups groups) {
    List<Map<String, Object>> out = new ArrayList<>();
    boolean apiDone = false;
    for (GrantedItem i : items) {
      // A group's members share their findings: take them from its first member.
      Optional<ItemGroups.Group> group = groups.group(i);
      ScannerFindings.Findings f = ScannerFindings.of(group.isPresent() ? group.get().members().get(0) : i);
      if (!f.any() || (i.kind() == Kind.API && apiDone)) {
        continue;
      }
      String label;
      List<Need> needs = new ArrayList<>(i.needs());
      if (i.kind() == Kind.API) {
        apiDone = true;
        label = "[Kubernetes API access](#kubernetes-api)";
        for (GrantedItem x : items) {
          if (x.kind() == Kind.API) {
            needs.addAll(x.needs());
          }
        }
      } else {
        label = link(i, anchorOf, groups);
      }
      out.add(row("fieldMd", label, "kubeLinterMd", ids(f.kubeLinter()), "trivyMd", ids(f.trivy()),
          "checkovMd", ids(f.checkov()), "polarisMd", ids(f.polaris()),
          "featuresMd", features(Grant.sorted(needs))));
    }
    return out;
  }

  private static String ids(List<String> ids) {
    return ids.isEmpty() ? "-" : String.join(", ", Markdown.cellCodes(ids));
  }

  private static String link(GrantedItem i, Map<String, String> anchorOf, ItemGroups groups) {
    String text = groups.group(i).isPresent() ? Markdown.text(i.field()) : Markdown.cellCode(i.field());
    return "[" + text + "](#" + anchorOf.get(i.key()) + ")";
  }

  /** The enabled collectors, or their count by feature beyond the statement's item limit. */
  private static String enabled(Grant grant) {
    int limit = grant.options().statementItemLimit();
    if (grant.enabled().size() <= limit) {
      return join(Markdown.codes(grant.enabledNames()));
    }
    java.util.Set<String> features = new java.util.HashSet<>();
    for (CollectorMetadata c : grant.enabled()) {
      features.add(c.feature());
    }
    return grant.enabled().size() + " collectors in " + features.size() + " features (every name is in "
        + Markdown.code("privileges.json") + ")";
  }

  static Map<String, Object> need(Need n) {
    return row("feature", n.feature(), "collectorMd", Markdown.code(n.collector()), "reason", n.reason());
  }

  /** The features of {@code needs}, Markdown, for a table cell. */
  private static String features(List<Need> needs) {
    java.util.SortedSet<String> features = new java.util.TreeSet<>();
    for (Need n : needs) {
      features.add(n.feature());
    }
    return join(Markdown.texts(features));
  }

  private static List<String> hostDirectories(Grant.KeptPathOwner owner) {
    List<String> out = new ArrayList<>();
    for (WritableDirectory w : owner.directories()) {
      out.add(Markdown.code(w.hostPath()));
    }
    return out;
  }

  private static String join(List<String> parts) {
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }


  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  private static String defaultIntro(String product) {
    String p = Markdown.text(product);
    return p + " runs one pod on every node of the cluster, as a DaemonSet. To observe the node itself"
        + " (its processes, network traffic, kernel events and files) some of its collectors need more"
        + " than an ordinary application pod is given.\n\n"
        + "This page names every privilege the DaemonSet grants, what it is used for and which features"
        + " depend on it, so that you can weigh each one and switch off what you do not use. It is"
        + " generated at build time from the declarations next to the collectors' code, the same data"
        + " that produces the DaemonSet YAML, so the two always describe the same pods.";
  }

  private static String defaultClosing() {
    return "Trim the DaemonSet to the features you use with the tables above, and consider running the"
        + " agent only on the node pools that need it (" + Markdown.code("nodeSelector") + ", tolerations)."
        + " This page is regenerated with every build: a privilege that it does not list is not in the"
        + " DaemonSet.";
  }
}
