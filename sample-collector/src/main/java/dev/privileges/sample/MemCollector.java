package dev.privileges.sample;

import dev.privileges.annotations.Collector;

/** Node memory from {@code /proc/meminfo} and {@code /proc/vmstat}. */
@Collector(name = "mem", feature = "Host Basic Metrics", description = "Memory usage of the node.")
public class MemCollector extends HostProcCollector {}
