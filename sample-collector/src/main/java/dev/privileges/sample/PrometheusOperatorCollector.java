package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresKubernetesApi;

/** Honours PodMonitor and ServiceMonitor resources of the Prometheus Operator. */
@Collector(name = "prom-operator", feature = "Prometheus Scrape", description = "Targets from PodMonitor and ServiceMonitor resources.")
@RequiresKubernetesApi(
    apiGroups = "monitoring.coreos.com",
    resources = {"podmonitors", "servicemonitors"},
    verbs = {"get", "list", "watch"},
    reason = "Reads the scrape configuration that PodMonitor and ServiceMonitor resources describe.")
@RequiresKubernetesApi(
    nonResourceUrls = "/metrics",
    verbs = "get",
    reason = "Scrapes the API server's own metrics endpoint.")
public class PrometheusOperatorCollector {}
