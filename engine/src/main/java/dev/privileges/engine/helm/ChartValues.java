package dev.privileges.engine.helm;

import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The chart's values: a toggle per feature and per collector (defaults: the build's enabled
 * set), and every setting that is not a privilege (image, labels, resources, tolerations, ...),
 * with the base template's contents as defaults. What the base template adds to the DaemonSet is
 * read from the engine's own merge, so the chart's defaults render what the plugin renders.
 *
 * <p>Loops, not streams: this runs in the first {@code generate} of every fresh JVM, where each
 * lambda costs a class spun at run time.
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
    List<String> features = sortedFeatures(collectors);
    for (String f : features) {
      featureKeys.put(f, featureKey(f, features));
    }
    Map<String, Object> toggles = new LinkedHashMap<>();
    for (String f : features) {
      List<CollectorMetadata> members = new ArrayList<>();
      boolean any = false;
      for (CollectorMetadata c : collectors) {
        if (c.feature().equals(f)) {
          members.add(c);
          any = any || defaults.enabledNames().contains(c.name());
        }
      }
      Map<String, Object> perCollector = new LinkedHashMap<>();
      // A feature that is off by default turns on with all its collectors.
      for (CollectorMetadata c : members) {
        perCollector.put(c.name(), !any || defaults.enabledNames().contains(c.name()));
      }
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

  /** The collectors' features, once each, sorted (unmodifiable). */
  static List<String> sortedFeatures(List<CollectorMetadata> collectors) {
    SortedSet<String> features = new TreeSet<>();
    for (CollectorMetadata c : collectors) {
      features.add(c.feature());
    }
    return List.copyOf(features);
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
    List<String> same = new ArrayList<>();
    for (String f : all) {
      if (camel(f).equals(key)) {
        same.add(f);
      }
    }
    Collections.sort(same);
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
    Optional<BaseTemplate> template = options.baseTemplate();
    List<Map<String, Object>> merged = template.isPresent() ? template.get().apply(ours, grant) : ours;
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
    dsSpec.remove("selector");
    dsSpec.remove("template");
    dsSpec.remove("updateStrategy");
    values.put("daemonSetSpec", dsSpec);
    Map<String, Object> myTemplate = (Map<String, Object>) mySpec.get("template");
    Map<String, Object> theirTemplate = (Map<String, Object>) theirSpec.get("template");
    Map<String, Object> myPodMeta = (Map<String, Object>) myTemplate.get("metadata");
    Map<String, Object> theirPodMeta = (Map<String, Object>) theirTemplate.get("metadata");
    values.put("podLabels", extra(theirPodMeta.get("labels"), myPodMeta.get("labels")));
    Map<String, Object> podAnnotations = extra(theirPodMeta.get("annotations"), myPodMeta.get("annotations"));
    for (Iterator<String> k = podAnnotations.keySet().iterator(); k.hasNext(); ) {
      if (k.next().startsWith(DaemonSetRenderer.PROVENANCE_PREFIX)) {
        k.remove();
      }
    }
    values.put("podAnnotations", podAnnotations);
    Map<String, Object> myPod = (Map<String, Object>) myTemplate.get("spec");
    Map<String, Object> theirPod = (Map<String, Object>) theirTemplate.get("spec");
    Map<String, Object> podSpec = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : theirPod.entrySet()) {
      if (!POD_KEYS.contains(e.getKey()) && !NAMED_POD_KEYS.contains(e.getKey())) {
        podSpec.put(e.getKey(), e.getValue());
      }
    }
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
    for (Map.Entry<String, Object> e : theirContainer.entrySet()) {
      if (!CONTAINER_KEYS.contains(e.getKey()) && !e.getKey().equals("resources")) {
        container.put(e.getKey(), e.getValue());
      }
    }
    values.put("container", container);
    values.put("extraEnv", tail(theirContainer.get("env"), myContainer.get("env")));
    values.put("extraPorts", tail(theirContainer.get("ports"), myContainer.get("ports")));
    values.put("extraVolumeMounts", tail(theirContainer.get("volumeMounts"), myContainer.get("volumeMounts")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> daemonSet(List<Map<String, Object>> docs) {
    for (Map<String, Object> d : docs) {
      if ("DaemonSet".equals(d.get("kind"))) {
        return d;
      }
    }
    throw new NoSuchElementException("No value present");
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
