package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.RequiresPort;

/** Receives StatsD metrics from applications on the node. */
@Collector(name = "statsd", feature = "Receive Data on the Node", description = "StatsD receiver.")
@RequiresPort(
    number = 8125,
    protocol = Protocol.UDP,
    name = "statsd",
    reachableAtNodeIp = true,
    reason = "Applications on the node send StatsD datagrams to the node's IP on port 8125.")
public class StatsdCollector {}
