package dev.privileges.engine.helm;

import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The chart's values: a toggle per feature and per collector (defaults: the build's enabled
 * set), and every setting that is not a privilege (image, labels, resources, tolerations, ...),
 * with the base template's contents as defaults. What the base template adds to the DaemonSet is
 * read from the engine's own merge, so the chart's defaults render what the plugin renders.
 */
public final class ChartValues {

  /** The pod spec keys the engine writes itself; everything else of the template is a value. */
  private static final Set<String> POD_KEYS = Set.of("serviceAccountName", "automountServiceAccountToken",
      "hostPID", "hostNetwork", "dnsPolicy", "hostIPC", "securityContext", "initContainers", "containers", "volumes");
  private static final Set<String> CONTAINER_KEYS = Set.of("name", "image", "env", "ports", "securityContext",
      "volumeMounts");
  /** Non-privilege settings with a value of their own. */
  private static final List<String> NAMED_POD_KEYS = List.of("tolerations", "nodeSelector", "priorityClassName");

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final SortedMap<String, String> featureKeys = new TreeMap<>();

  public ChartValues(Bundle bundle, GenerationOptions options, Grant defaults) {
    List<CollectorMetadata> collectors = List.copyOf(new TreeMap<>(bundle.collectors()).values());
    List<String> features = collectors.stream().map(CollectorMetadata::feature).distinct().sorted().toList();
    for (String f : features) {
      featureKeys.put(f, featureKey(f, features));
    }
    Map<String, Object> toggles = new LinkedHashMap<>();
    for (String f : features) {
      List<CollectorMetadata> members = collectors.stream().filter(c -> c.feature().equals(f)).toList();
      boolean any = members.stream().anyMatch(c -> defaults.enabledNames().contains(c.name()));
      Map<String, Object> perCollector = new LinkedHashMap<>();
      // A feature that is off by default turns on with all its collectors.
      members.forEach(c -> perCollector.put(c.name(), !any || defaults.enabledNames().contains(c.name())));
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("enabled", any);
      feature.put("collectors", perCollector);
      toggles.put(featureKeys.get(f), feature);
    }
    values.put("features", toggles);
    values.put("image", options.image());
    values.put("labels", new TreeMap<>(options.labels()));
    baseTemplateValues(options, defaults);
  }

  /** The values, in the order values.yaml lists them. */
  Map<String, Object> values() {
    return values;
  }

  /** Feature name to its key under {@code features}. */
  public SortedMap<String, String> featureKeys() {
    return featureKeys;
  }

  /**
   * A feature's key: its name in lowerCamelCase ({@code Host Basic Metrics} gives {@code
   * hostBasicMetrics}), with a number when two names give the same key.
   */
  static String featureKey(String feature, List<String> all) {
    String key = camel(feature);
    List<String> same = all.stream().filter(f -> camel(f).equals(key)).sorted().toList();
    return same.size() == 1 ? key : key + (same.indexOf(feature) + 1);
  }

  private static String camel(String text) {
    StringBuilder b = new StringBuilder();
    for (String word : text.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      b.append(b.length() == 0 ? word.substring(0, 1).toLowerCase(Locale.ROOT)
          : word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
      b.insert(0, "feature");
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private void baseTemplateValues(GenerationOptions options, Grant grant) {
    List<Map<String, Object>> ours = new DaemonSetRenderer().documents(grant);
    List<Map<String, Object>> merged = options.baseTemplate().map(t -> t.apply(ours, grant)).orElse(ours);
    Map<String, Object> mine = daemonSet(ours);
    Map<String, Object> theirs = daemonSet(merged);
    Map<String, Object> myMeta = (Map<String, Object>) mine.get("metadata");
    Map<String, Object> theirMeta = (Map<String, Object>) theirs.get("metadata");
    values.put("daemonSetLabels", extra(theirMeta.get("labels"), myMeta.get("labels")));
    values.put("daemonSetAnnotations", extra(theirMeta.get("annotations"), myMeta.get("annotations")));
    Map<String, Object> mySpec = (Map<String, Object>) mine.get("spec");
    Map<String, Object> theirSpec = (Map<String, Object>) theirs.get("spec");
    values.put("updateStrategy", theirSpec.get("updateStrategy"));
    Map<String, Object> dsSpec = new LinkedHashMap<>(theirSpec);
    List.of("selector", "template", "updateStrategy").forEach(dsSpec::remove);
    values.put("daemonSetSpec", dsSpec);
    Map<String, Object> myTemplate = (Map<String, Object>) mySpec.get("template");
    Map<String, Object> theirTemplate = (Map<String, Object>) theirSpec.get("template");
    Map<String, Object> myPodMeta = (Map<String, Object>) myTemplate.get("metadata");
    Map<String, Object> theirPodMeta = (Map<String, Object>) theirTemplate.get("metadata");
    values.put("podLabels", extra(theirPodMeta.get("labels"), myPodMeta.get("labels")));
    Map<String, Object> podAnnotations = extra(theirPodMeta.get("annotations"), myPodMeta.get("annotations"));
    podAnnotations.keySet().removeIf(k -> k.startsWith(DaemonSetRenderer.PROVENANCE_PREFIX));
    values.put("podAnnotations", podAnnotations);
    Map<String, Object> myPod = (Map<String, Object>) myTemplate.get("spec");
    Map<String, Object> theirPod = (Map<String, Object>) theirTemplate.get("spec");
    Map<String, Object> podSpec = new LinkedHashMap<>();
    theirPod.forEach((k, v) -> {
      if (!POD_KEYS.contains(k) && !NAMED_POD_KEYS.contains(k)) {
        podSpec.put(k, v);
      }
    });
    values.put("tolerations", theirPod.getOrDefault("tolerations", List.of()));
    values.put("nodeSelector", theirPod.getOrDefault("nodeSelector", Map.of()));
    values.put("priorityClassName", theirPod.getOrDefault("priorityClassName", ""));
    values.put("podSpec", podSpec);
    values.put("podSecurityContext", extra(theirPod.get("securityContext"), myPod.get("securityContext")));
    values.put("extraVolumes", tail(theirPod.get("volumes"), myPod.get("volumes")));
    List<Object> containers = (List<Object>) theirPod.get("containers");
    values.put("extraContainers", List.copyOf(containers.subList(1, containers.size())));
    Map<String, Object> myContainer = (Map<String, Object>) ((List<Object>) myPod.get("containers")).get(0);
    Map<String, Object> theirContainer = (Map<String, Object>) containers.get(0);
    values.put("resources", theirContainer.getOrDefault("resources", Map.of()));
    Map<String, Object> container = new LinkedHashMap<>();
    theirContainer.forEach((k, v) -> {
      if (!CONTAINER_KEYS.contains(k) && !k.equals("resources")) {
        container.put(k, v);
      }
    });
    values.put("container", container);
    values.put("extraEnv", tail(theirContainer.get("env"), myContainer.get("env")));
    values.put("extraPorts", tail(theirContainer.get("ports"), myContainer.get("ports")));
    values.put("extraVolumeMounts", tail(theirContainer.get("volumeMounts"), myContainer.get("volumeMounts")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> daemonSet(List<Map<String, Object>> docs) {
    return docs.stream().filter(d -> "DaemonSet".equals(d.get("kind"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> extra(Object theirs, Object mine) {
    Map<String, Object> out = new TreeMap<>(theirs == null ? Map.of() : (Map<String, Object>) theirs);
    if (mine != null) {
      out.keySet().removeAll(((Map<String, Object>) mine).keySet());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> tail(Object theirs, Object mine) {
    List<Object> all = theirs == null ? List.of() : (List<Object>) theirs;
    int skip = mine == null ? 0 : ((List<Object>) mine).size();
    return new ArrayList<>(all.subList(skip, all.size()));
  }
}
