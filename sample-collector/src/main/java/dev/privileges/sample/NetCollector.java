package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresPrivilege;

/** Traffic counters of the node's network interfaces. */
@Collector(name = "net", feature = "Host Network Metrics", description = "Per-interface traffic of the node.")
@RequiresPrivilege(
    value = Privilege.HOST_NETWORK,
    reason = "Interface counters in /proc/net/dev belong to a network namespace; only the node's namespace lists the node's interfaces.")
public class NetCollector extends HostProcCollector {}
