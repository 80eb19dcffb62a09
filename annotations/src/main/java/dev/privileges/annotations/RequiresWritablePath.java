package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector writes below a path inside the container (a cache, temporary files, downloaded
 * scripts). The root filesystem stays read-only; the path gets its own volume: an {@code
 * emptyDir}, or, when the data must survive a restart of the pod, a {@code hostPath} directory
 * ({@code DirectoryOrCreate}) on the node.
 *
 * <pre>{@code
 * @RequiresWritablePath(path = "/usr/local/datakit/cache",
 *     keepAcrossRestarts = true, hostPath = "/var/lib/datakit/cache",
 *     reason = "Buffers data in a write-ahead log while the backend is unreachable.")
 * }</pre>
 *
 * <p>Rules the processor enforces: {@code path} is absolute, normalized, without trailing slash,
 * and not {@code /}; {@code hostPath} is set (absolute, normalized) exactly when {@code
 * keepAcrossRestarts} is true; {@code reason} is not blank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RequiresWritablePath.List.class)
public @interface RequiresWritablePath {

  /** The directory inside the container, e.g. {@code "/usr/local/datakit/cache"}. */
  String path();

  /** Whether the content must survive a restart of the pod (a host directory backs it). */
  boolean keepAcrossRestarts() default false;

  /** The node directory that keeps the content, when {@link #keepAcrossRestarts()} is true. */
  String hostPath() default "";

  /** One sentence: what the collector writes there. Mandatory. */
  String reason();

  /** Holds repeated {@link RequiresWritablePath} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RequiresWritablePath[] value();
  }
}
