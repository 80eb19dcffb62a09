package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresPrivilege;

/** Filesystem usage measured inside the node's mount namespace, without mounting the node's root. */
@Collector(name = "disk-nsenter", feature = "Host Disk Metrics", description = "Filesystem usage through the node's mount namespace.")
@RequiresPrivilege(
    value = Privilege.HOST_PID,
    reason = "Enters the mount namespace of the node's init process, which is only reachable as PID 1 in the host PID namespace.")
@RequiresCapability(
    value = {"SYS_ADMIN", "SYS_CHROOT", "SYS_PTRACE"},
    reason = "Joins another process's mount namespace with setns, which needs these capabilities over the target.")
public class DiskNsenterCollector {}
