package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresPrivilege;

/** Packet-level network logs captured inside each container's network namespace. */
@Collector(name = "bpf-netlog", feature = "eBPF Monitoring", description = "Network logs captured per container.")
@RequiresPrivilege(
    value = {Privilege.HOST_PID, Privilege.HOST_NETWORK},
    reason = "Finds each container's network namespace through its host PID and captures the node's own interfaces.")
@RequiresCapability(
    value = {"BPF", "NET_RAW"},
    reason = "Attaches socket filters to packet sockets to capture traffic.")
@RequiresCapability(
    value = {"SYS_ADMIN", "SYS_PTRACE"},
    reason = "Enters the network namespace of each container with setns.")
@RequiresCapability(
    value = "SYS_RESOURCE",
    beforeKernel = "5.11",
    reason = "Raises the locked-memory limit that kernels before 5.11 charge eBPF maps to.")
@RequiresHostPath(
    path = "/run",
    mountPath = "/rootfs/run",
    type = HostPathType.DIRECTORY,
    env = "HOST_RUN",
    reason = "Finds the container runtimes' sockets to map network namespaces to containers.")
public class BpfNetlogCollector extends HostProcCollector {}
