package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresKubernetesApi;
import dev.privileges.annotations.RequiresPrivilege;

/** Network flows, HTTP and DNS observed in the kernel with eBPF. */
@Collector(name = "ebpf-net", feature = "eBPF Monitoring", description = "Network flows traced with eBPF.")
@RequiresPrivilege(
    value = {Privilege.HOST_PID, Privilege.HOST_NETWORK},
    reason = "Maps each traced connection to the process and pod behind it, and sees the node's own traffic.")
@RequiresPrivilege(
    value = Privilege.PRIVILEGED,
    reason = "Loads eBPF programs into the kernel; the capabilities below replace privileged mode where the kernel has them.")
@RequiresCapability(
    value = {"BPF", "PERFMON"},
    fromKernel = "5.8",
    reason = "Loads the kprobe and tracepoint programs that observe TCP connections and HTTP calls.")
@RequiresCapability(
    value = "SYS_ADMIN",
    beforeKernel = "5.8",
    reason = "Loads eBPF programs on kernels that predate CAP_BPF and CAP_PERFMON.")
@RequiresCapability(
    value = "SYS_RESOURCE",
    beforeKernel = "5.11",
    reason = "Raises the locked-memory limit that kernels before 5.11 charge eBPF maps to.")
@RequiresCapability(
    value = "NET_RAW",
    reason = "Opens a packet socket to decode DNS queries and answers.")
@RequiresHostPath(
    path = "/sys/kernel/debug",
    readOnly = false,
    type = HostPathType.DIRECTORY,
    reason = "Registers kprobe events through the tracing files under debugfs.")
@RequiresKubernetesApi(
    apiGroups = "",
    resources = {"pods", "services", "namespaces"},
    verbs = {"get", "list", "watch"},
    reason = "Maps the addresses of traced connections to pods and services.")
@RequiresKubernetesApi(
    apiGroups = "apps",
    resources = {"deployments", "statefulsets", "daemonsets", "replicasets"},
    verbs = {"get", "list", "watch"},
    reason = "Names the workload behind each traced pod.")
@RequiresKubernetesApi(
    apiGroups = "batch",
    resources = {"jobs", "cronjobs"},
    verbs = {"get", "list", "watch"},
    reason = "Names the job behind each traced pod.")
public class EbpfNetCollector extends HostProcCollector {}
