package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresNoPrivileges;

/** The agent's own health: memory, goroutines, queue lengths. */
@Collector(name = "dk", feature = "Agent Self Metrics", description = "Health of the agent process itself.")
@RequiresNoPrivileges(reason = "Reads only the statistics of its own process.")
public class AgentSelfCollector {}
