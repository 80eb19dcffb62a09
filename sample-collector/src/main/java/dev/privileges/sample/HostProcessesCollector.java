package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresPrivilege;

/** Every process on the node with its CPU, memory, open files and listening ports. */
@Collector(name = "host_processes", feature = "Host Process Metrics", description = "Per-process metrics and objects.")
@RequiresPrivilege(
    value = Privilege.HOST_PID,
    reason = "Resolves the namespaces, sockets and working directory of node processes by their host PID.")
@RequiresCapability(
    value = {"SYS_PTRACE", "DAC_READ_SEARCH"},
    reason = "Reads the open files, I/O counters and working directory of processes owned by other users.")
public class HostProcessesCollector extends HostProcCollector {}
