package dev.privileges.sample;

import dev.privileges.annotations.Collector;

/** Node swap usage from {@code /proc/meminfo} and {@code /proc/vmstat}. */
@Collector(name = "swap", feature = "Host Basic Metrics", description = "Swap usage of the node.")
public class SwapCollector extends HostProcCollector {}
