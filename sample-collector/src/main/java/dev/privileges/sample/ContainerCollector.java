package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresKubernetesApi;
import dev.privileges.annotations.RequiresPrivilege;

/** Containers on the node, their resource usage, and the Kubernetes objects they belong to. */
@Collector(name = "container", feature = "Containers and Kubernetes", description = "Container inventory, stats and Kubernetes objects.")
@RequiresHostPath(
    path = "/var/run/containerd/containerd.sock",
    type = HostPathType.SOCKET,
    reason = "Lists the node's containers and their resource usage through the containerd CRI socket.")
@RequiresPrivilege(
    value = Privilege.RUN_AS_ROOT,
    reason = "The container runtime's socket is owned by root with mode 0660; only root may connect to it.")
@RequiresKubernetesApi(
    apiGroups = "",
    resources = {"nodes", "nodes/stats", "namespaces", "pods", "services", "endpoints", "events",
        "persistentvolumes", "persistentvolumeclaims"},
    verbs = {"get", "list", "watch"},
    reason = "Tags container metrics with their pod, namespace and node, and reads kubelet summary statistics.")
@RequiresKubernetesApi(
    apiGroups = "apps",
    resources = {"deployments", "daemonsets", "statefulsets", "replicasets"},
    verbs = {"get", "list", "watch"},
    reason = "Reports the workloads that own each pod.")
@RequiresKubernetesApi(
    apiGroups = "batch",
    resources = {"jobs", "cronjobs"},
    verbs = {"get", "list", "watch"},
    reason = "Reports the jobs and cron jobs that own each pod.")
@RequiresKubernetesApi(
    apiGroups = "metrics.k8s.io",
    resources = {"pods", "nodes"},
    verbs = {"get", "list"},
    reason = "Reads pod and node resource usage from the metrics API.")
public class ContainerCollector {}
