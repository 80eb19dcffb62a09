package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector needs one or more pod- or container-level {@link Privilege privileges}.
 *
 * <pre>{@code
 * @RequiresPrivilege(value = Privilege.HOST_NETWORK,
 *     reason = "Reads the node's interface counters, which /proc/net/dev only shows in the host network namespace.")
 * }</pre>
 *
 * <p>Repeatable: declare privileges with different reasons separately. Rules the processor
 * enforces: {@code value} is not empty and names no privilege twice; {@code reason} is not blank;
 * the annotated type is a {@link Collector} or a supertype of one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RequiresPrivilege.List.class)
public @interface RequiresPrivilege {

  /** The privileges needed. */
  Privilege[] value();

  /** One sentence: what the collector does with these privileges. Mandatory. */
  String reason();

  /** Holds repeated {@link RequiresPrivilege} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RequiresPrivilege[] value();
  }
}
