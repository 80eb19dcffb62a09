package it.demo;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresPrivilege;

/** Every process on the node. */
@Collector(name = "host_processes", feature = "Host Process Metrics")
@RequiresPrivilege(value = Privilege.HOST_PID, reason = "Sees the node's processes by their host PID.")
@RequiresCapability(value = "SYS_PTRACE", reason = "Reads the open files of processes owned by other users.")
public class HostProcessesCollector {}
