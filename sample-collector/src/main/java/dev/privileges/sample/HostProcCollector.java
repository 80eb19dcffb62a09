package dev.privileges.sample;

import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.RequiresHostPath;

/**
 * Base of the collectors that read the node's procfs. The host's {@code /proc} is mounted
 * read-only at {@code /rootfs/proc}; {@code HOST_PROC} tells the collection library where.
 */
@RequiresHostPath(
    path = "/proc",
    mountPath = "/rootfs/proc",
    type = HostPathType.DIRECTORY,
    env = "HOST_PROC",
    reason = "Reads node-wide counters from the host's procfs, which the container's own /proc does not show.")
public abstract class HostProcCollector {}
