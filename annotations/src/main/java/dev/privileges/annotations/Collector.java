package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a collector: one input of the node agent that can be enabled or disabled.
 *
 * <pre>{@code
 * @Collector(name = "cpu", feature = "Host Basic Metrics",
 *     description = "CPU usage of the node, from /proc/stat.")
 * @RequiresHostPath(path = "/proc", mountPath = "/rootfs/proc", env = "HOST_PROC",
 *     reason = "Reads host-wide CPU counters from /proc/stat.")
 * public class CpuCollector { ... }
 * }</pre>
 *
 * <p>Rules the processor enforces (each a compile error on this annotation):
 *
 * <ul>
 *   <li>{@code name} is 1 to 63 characters of lower-case letters, digits, {@code -} and {@code _},
 *       starting with a letter and ending with a letter or digit: it goes into the agent's
 *       enabled-inputs environment variable and into Kubernetes labels and annotations.
 *   <li>{@code name} is unique among the collectors of a compilation (and, at build time, of the
 *       whole bundle).
 *   <li>{@code feature} is not blank.
 *   <li>The class is a public, concrete (not abstract) class; not an interface, enum or record.
 *   <li>The collector declares at least one requirement, on itself or a supertype, or says
 *       explicitly that it needs none with {@link RequiresNoPrivileges}: forgetting to declare
 *       is not possible.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Collector {

  /** The input name, e.g. {@code "host_processes"}; it is what operators enable and disable. */
  String name();

  /**
   * The feature this collector belongs to, as a reader of the security statement knows it, e.g.
   * {@code "Host Process Metrics"}. Collectors with the same feature are grouped together.
   */
  String feature();

  /** An optional one-sentence description of what the collector collects. */
  String description() default "";
}
