package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector listens on a port.
 *
 * <pre>{@code
 * @RequiresPort(number = 8125, protocol = Protocol.UDP, name = "statsd",
 *     reachableAtNodeIp = true,
 *     reason = "Applications on the node send StatsD metrics to NodeIP:8125.")
 * }</pre>
 *
 * <p>A port that must be {@link #reachableAtNodeIp() reachable at NodeIP:port} becomes a {@code
 * hostPort} (or, if the build chooses, a Service with {@code internalTrafficPolicy: Local}). The
 * same number and protocol declared by several collectors is one port serving all of them, so
 * they must agree on its name.
 *
 * <p>Rules the processor enforces: {@code number} is 1 to 65535; {@code name} is a valid
 * Kubernetes port name (IANA service name: 1 to 15 lower-case letters, digits and {@code -}, at
 * least one letter, no leading, trailing or double {@code -}); one collector does not declare the
 * same number and protocol twice with different settings, nor one name for two ports; {@code
 * reason} is not blank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RequiresPort.List.class)
public @interface RequiresPort {

  /** The container port number. */
  int number();

  /** The protocol; TCP by default. */
  Protocol protocol() default Protocol.TCP;

  /** The port name, e.g. {@code "statsd"}. */
  String name();

  /** Whether senders on the node reach it at {@code NodeIP:number} (a hostPort). */
  boolean reachableAtNodeIp() default false;

  /** One sentence: who sends what to this port. Mandatory. */
  String reason();

  /** Holds repeated {@link RequiresPort} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RequiresPort[] value();
  }
}
