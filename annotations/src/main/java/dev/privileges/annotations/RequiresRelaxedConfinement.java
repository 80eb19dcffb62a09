package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector cannot run under the container runtime's default seccomp or AppArmor profile.
 * Without this declaration every container runs with {@code seccompProfile: RuntimeDefault}.
 *
 * <pre>{@code
 * @RequiresRelaxedConfinement(value = Confinement.SECCOMP_UNCONFINED,
 *     reason = "Calls perf_event_open, which the default seccomp profile of older runtimes blocks.")
 * }</pre>
 *
 * <p>Rules the processor enforces: {@code value} is not empty; {@code reason} is not blank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RequiresRelaxedConfinement {

  /** The confinements to lift. */
  Confinement[] value();

  /** One sentence: which call the default profile blocks and why the collector needs it. */
  String reason();
}
