package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.RequiresCapability;
import dev.privileges.annotations.RequiresHostPath;

/** Usage of every filesystem mounted on the node. */
@Collector(name = "disk", feature = "Host Disk Metrics", description = "Capacity and usage of the node's filesystems.")
@RequiresHostPath(
    path = "/",
    mountPath = "/rootfs",
    type = HostPathType.DIRECTORY,
    propagation = MountPropagation.HOST_TO_CONTAINER,
    env = "HOST_ROOT",
    reason = "Calls statfs on each of the node's mount points, including volumes mounted after the agent started.")
@RequiresCapability(
    value = "DAC_READ_SEARCH",
    reason = "Reaches mount points below directories that only root may traverse, such as the kubelet's pod volumes.")
public class DiskCollector extends HostProcCollector {}
