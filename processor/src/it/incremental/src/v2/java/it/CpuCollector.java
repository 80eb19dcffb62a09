package it;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.RequiresHostPath;

@Collector(name = "cpu", feature = "Host Basic Metrics")
@RequiresHostPath(path = "/proc", reason = "Reads /proc/stat (version 2).")
public class CpuCollector {}
