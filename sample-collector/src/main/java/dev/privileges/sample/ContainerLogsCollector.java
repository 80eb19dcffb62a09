package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresKubernetesApi;
import dev.privileges.annotations.RequiresWritablePath;

/** Tails the stdout and stderr files of every container on the node. */
@Collector(name = "container-logs", feature = "Container Logs", description = "Container stdout/stderr log files.")
@RequiresHostPath(
    path = "/var/log/pods",
    mountPath = "/rootfs/var/log/pods",
    type = HostPathType.DIRECTORY,
    reason = "Tails the log files the kubelet writes for every container on the node.")
@RequiresWritablePath(
    path = "/usr/local/datakit/cache",
    keepAcrossRestarts = true,
    hostPath = "/var/lib/sample-agent/cache",
    reason = "Remembers how far each log file was read, so a restart neither loses nor repeats lines.")
@RequiresKubernetesApi(
    apiGroups = "",
    resources = "pods",
    verbs = {"get", "list", "watch"},
    reason = "Reads pod annotations that configure log parsing per workload.")
@RequiresKubernetesApi(
    apiGroups = "logging.datakits.io",
    resources = "clusterloggingconfigs",
    verbs = {"get", "list", "watch"},
    reason = "Reads cluster-wide log collection rules from ClusterLoggingConfig resources.")
@RequiresCapability(
    value = "DAC_READ_SEARCH",
    reason = "Reads container log files, which the kubelet writes readable by root only.")
public class ContainerLogsCollector {}
