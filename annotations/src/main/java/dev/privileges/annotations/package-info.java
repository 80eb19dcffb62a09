/**
 * The declarations a collector author writes next to the collector's code.
 *
 * <p>A collector is a class annotated {@link dev.privileges.annotations.Collector @Collector}. Each
 * privilege it needs is one {@code @Requires...} annotation with a mandatory {@code reason}: one
 * sentence that says what the collector does with it. The annotation processor
 * ({@code privileges-processor}) checks every declaration at compile time and writes them into the
 * jar; the Maven plugin turns the declarations of the enabled collectors into a least-privilege
 * DaemonSet and a security statement.
 *
 * <pre>{@code
 * @Collector(name = "host_processes", feature = "Host Process Metrics")
 * @RequiresPrivilege(value = Privilege.HOST_PID,
 *     reason = "Lists every process on the node to report per-process CPU and memory.")
 * @RequiresCapability(value = {"SYS_PTRACE", "DAC_READ_SEARCH"},
 *     reason = "Reads open files and I/O counters of processes owned by other users.")
 * @RequiresHostPath(path = "/proc", mountPath = "/rootfs/proc", env = "HOST_PROC",
 *     reason = "Reads per-process statistics from the host's procfs.")
 * public class HostProcessesCollector { ... }
 * }</pre>
 *
 * <p>Requirements declared on a superclass or an implemented interface apply to every collector
 * that inherits them. All annotations have {@code CLASS} retention: they are not visible at run
 * time (the generated registry is), but the processor can read them from compiled classes during
 * incremental builds.
 */
package dev.privileges.annotations;
