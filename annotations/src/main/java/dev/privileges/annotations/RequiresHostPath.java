package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector reads (or writes) a path of the node: a {@code hostPath} volume and its mount.
 *
 * <pre>{@code
 * @RequiresHostPath(path = "/proc", mountPath = "/rootfs/proc", env = "HOST_PROC",
 *     type = HostPathType.DIRECTORY,
 *     reason = "Reads host-wide CPU counters from /proc/stat.")
 * @RequiresHostPath(path = "/var/run/containerd/containerd.sock", type = HostPathType.SOCKET,
 *     reason = "Lists containers and their resource usage through the CRI API.")
 * }</pre>
 *
 * <p>Mounted read-only unless {@code readOnly = false}. When several enabled collectors need the
 * same host path it is mounted once, read-write if any of them needs to write.
 *
 * <p>Rules the processor enforces: {@code path} and {@code mountPath} are absolute, normalized
 * (no {@code //}, {@code .} or {@code ..} segments) and have no trailing slash; {@code mountPath}
 * is not {@code /}; {@code env} is empty or a valid environment variable name ({@code
 * [A-Za-z_][A-Za-z0-9_]*}); a {@link HostPathType#DIRECTORY_OR_CREATE} or {@link
 * HostPathType#FILE_OR_CREATE} path is writable ({@code readOnly = false}), since Kubernetes
 * creates it on the node; {@link MountPropagation#BIDIRECTIONAL} requires {@link
 * Privilege#PRIVILEGED}; one collector does not declare the same host path twice with different
 * settings, two host paths at one mount path, or one {@code env} for two mounts; {@code reason}
 * is not blank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RequiresHostPath.List.class)
public @interface RequiresHostPath {

  /** The absolute path on the node, e.g. {@code "/proc"}. */
  String path();

  /** Where it appears in the container; empty means the same path as on the node. */
  String mountPath() default "";

  /** Whether the mount is read-only (the default). Set {@code false} only if the collector writes. */
  boolean readOnly() default true;

  /** What Kubernetes checks at {@code path} before mounting it. */
  HostPathType type() default HostPathType.UNCHECKED;

  /** How mounts made later on the node reach the container. */
  MountPropagation propagation() default MountPropagation.NONE;

  /**
   * An environment variable set to the mount path so the collector finds it (DataKit: {@code
   * HOST_PROC=/rootfs/proc}); empty for none.
   */
  String env() default "";

  /** One sentence: what the collector reads or writes there. Mandatory. */
  String reason();

  /** Holds repeated {@link RequiresHostPath} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RequiresHostPath[] value();
  }
}
