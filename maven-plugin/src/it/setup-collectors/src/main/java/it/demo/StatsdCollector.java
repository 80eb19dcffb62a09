package it.demo;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.RequiresPort;

/** StatsD receiver. */
@Collector(name = "statsd", feature = "Receive Data on the Node")
@RequiresPort(
    number = 8125,
    protocol = Protocol.UDP,
    name = "statsd",
    reachableAtNodeIp = true,
    reason = "Applications on the node send StatsD datagrams to the node's IP.")
public class StatsdCollector {}
