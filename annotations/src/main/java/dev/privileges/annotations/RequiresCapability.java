package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector needs Linux capabilities, added to the container with every other capability
 * dropped ({@code capabilities: {drop: [ALL], add: [...]}}).
 *
 * <pre>{@code
 * // eBPF tracing: BPF and PERFMON exist from kernel 5.8; before that only SYS_ADMIN works.
 * @RequiresCapability(value = {"BPF", "PERFMON"}, fromKernel = "5.8",
 *     reason = "Loads the kprobe programs that observe TCP connections.")
 * @RequiresCapability(value = "SYS_ADMIN", beforeKernel = "5.8",
 *     reason = "Loads the kprobe programs that observe TCP connections on kernels without CAP_BPF.")
 * }</pre>
 *
 * <p>Kubernetes has no ambient capabilities: added capabilities only take effect for UID 0, so a
 * bundle that adds any runs as root with all other capabilities dropped.
 *
 * <p>Rules the processor enforces: every value is a Linux capability, written with or without
 * the {@code CAP_} prefix and in any case ({@code "cap_net_raw"}, {@code "NET_RAW"}); it is
 * normalized to the Kubernetes spelling ({@code NET_RAW}); {@code fromKernel} and {@code
 * beforeKernel} are empty or {@code major.minor} versions, and {@code fromKernel} is lower than
 * {@code beforeKernel} when both are set; {@code reason} is not blank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RequiresCapability.List.class)
public @interface RequiresCapability {

  /** The capabilities, e.g. {@code {"BPF", "PERFMON"}}. */
  String[] value();

  /** One sentence: what the collector does with these capabilities. Mandatory. */
  String reason();

  /**
   * The requirement applies only on kernels of this version or newer ({@code "5.8"}); empty means
   * every kernel.
   */
  String fromKernel() default "";

  /**
   * The requirement applies only on kernels older than this version ({@code "5.11"}); empty means
   * every kernel.
   */
  String beforeKernel() default "";

  /** Holds repeated {@link RequiresCapability} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RequiresCapability[] value();
  }
}
