package it.demo;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresNoPrivileges;

/** The agent's own health. */
@Collector(name = "self", feature = "Agent Self Metrics")
@RequiresNoPrivileges(reason = "Reads only the statistics of its own process.")
public class SelfCollector {}
