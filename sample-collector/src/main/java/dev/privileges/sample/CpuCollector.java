package dev.privileges.sample;

import dev.privileges.annotations.Collector;

/** Node CPU usage from {@code /proc/stat}. */
@Collector(name = "cpu", feature = "Host Basic Metrics", description = "CPU usage of the node.")
public class CpuCollector extends HostProcCollector {}
