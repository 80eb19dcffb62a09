package it.demo;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresHostPath;

/** Node CPU usage from the host's procfs. */
@Collector(name = "cpu", feature = "Host Basic Metrics")
@RequiresHostPath(
    path = "/proc",
    mountPath = "/rootfs/proc",
    env = "HOST_PROC",
    reason = "Reads node-wide CPU counters from the host's procfs.")
public class CpuCollector {}
