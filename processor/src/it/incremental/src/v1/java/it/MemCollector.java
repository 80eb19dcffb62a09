package it;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresNoPrivileges;

@Collector(name = "mem", feature = "Host Basic Metrics")
@RequiresNoPrivileges(reason = "Reads the cgroup memory files of its own container.")
public class MemCollector {}
