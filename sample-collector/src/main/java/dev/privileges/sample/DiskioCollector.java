package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.RequiresHostPath;

/** Read and write rates of the node's block devices. */
@Collector(name = "diskio", feature = "Host Disk Metrics", description = "Block device I/O of the node.")
@RequiresHostPath(
    path = "/run/udev/data",
    mountPath = "/rootfs/run/udev/data",
    type = HostPathType.DIRECTORY,
    reason = "Reads device properties (serial number, labels) that udev recorded for each block device.")
@RequiresHostPath(
    path = "/sys",
    mountPath = "/rootfs/sys",
    type = HostPathType.DIRECTORY,
    env = "HOST_SYS",
    reason = "Reads the queue and partition attributes of each block device from sysfs.")
public class DiskioCollector extends HostProcCollector {}
