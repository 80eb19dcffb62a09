package dev.privileges.sample;

import dev.privileges.annotations.Collector;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.RequiresHostPath;
import dev.privileges.annotations.RequiresPrivilege;

/** An inventory of the node: OS, hardware, disks, network interfaces, cloud metadata. */
@Collector(name = "hostobject", feature = "Host Object", description = "Inventory of the node.")
@RequiresPrivilege(
    value = Privilege.HOST_NETWORK,
    reason = "Lists the node's network interfaces and addresses, which only the node's network namespace shows.")
@RequiresHostPath(
    path = "/",
    mountPath = "/rootfs",
    type = HostPathType.DIRECTORY,
    propagation = MountPropagation.HOST_TO_CONTAINER,
    env = "HOST_ROOT",
    reason = "Reads the operating system release and the list of mounted filesystems of the node.")
@RequiresHostPath(
    path = "/sys",
    mountPath = "/rootfs/sys",
    type = HostPathType.DIRECTORY,
    env = "HOST_SYS",
    reason = "Reads the hardware inventory (CPU model, memory modules, disks) from sysfs.")
public class HostObjectCollector extends HostProcCollector {}
