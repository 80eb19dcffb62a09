package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresPrivilege;

/** Load, uptime, logged-in users and connection-tracking counters of the node. */
@Collector(name = "system", feature = "Host Basic Metrics", description = "Load, uptime, users and conntrack usage.")
@RequiresPrivilege(
    value = Privilege.HOST_NETWORK,
    reason = "The conntrack counters are kept per network namespace; only the node's namespace has the node's table.")
@RequiresHostPath(
    path = "/var/run/utmp",
    mountPath = "/rootfs/var/run/utmp",
    type = HostPathType.FILE,
    reason = "Counts the users logged in to the node from its login records.")
public class SystemCollector extends HostProcCollector {}
