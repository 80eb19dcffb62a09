package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says explicitly that a collector needs nothing beyond an unprivileged, read-only container.
 * Without this, a collector that declares no requirement is a compile error, so that forgetting
 * to declare is impossible.
 *
 * <pre>{@code
 * @Collector(name = "dk", feature = "Agent Self Metrics")
 * @RequiresNoPrivileges(reason = "Reads only the agent's own process statistics.")
 * public class AgentSelfCollector { ... }
 * }</pre>
 *
 * <p>Rules the processor enforces: {@code reason} is not blank; the collector declares no
 * requirement alongside it (on itself or a supertype).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RequiresNoPrivileges {

  /** One sentence: why the collector needs no privilege. */
  String reason();
}
