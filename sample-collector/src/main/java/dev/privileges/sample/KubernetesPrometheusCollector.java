package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresKubernetesApi;

/** Scrapes Prometheus endpoints of pods and services discovered from their annotations. */
@Collector(name = "kubernetesprometheus", feature = "Prometheus Scrape", description = "Prometheus targets discovered in the cluster.")
@RequiresKubernetesApi(
    apiGroups = "",
    resources = {"pods", "services", "endpoints", "nodes"},
    verbs = {"get", "list", "watch"},
    reason = "Discovers scrape targets from the annotations of pods, services and endpoints.")
public class KubernetesPrometheusCollector {}
