package dev.privileges.annotations;

/** Pod- and container-level privileges a collector can require with {@link RequiresPrivilege}. */
public enum Privilege {
  /** Share the node's process namespace: Pod {@code spec.hostPID: true}. */
  HOST_PID,
  /**
   * Share the node's network namespace: Pod {@code spec.hostNetwork: true}, which also sets
   * {@code dnsPolicy: ClusterFirstWithHostNet} so cluster DNS keeps working.
   */
  HOST_NETWORK,
  /** Share the node's IPC namespace: Pod {@code spec.hostIPC: true}. */
  HOST_IPC,
  /**
   * Run the container privileged: {@code securityContext.privileged: true}. Prefer {@link
   * RequiresCapability}: a build can only replace {@code PRIVILEGED} with capabilities when the
   * collector declares which ones it needs.
   */
  PRIVILEGED,
  /** Run as UID 0: {@code securityContext.runAsUser: 0}. */
  RUN_AS_ROOT,
  /**
   * Write anywhere in the container's filesystem: {@code readOnlyRootFilesystem: false}. Prefer
   * {@link RequiresWritablePath}, which keeps the root filesystem read-only.
   */
  WRITABLE_ROOT_FILESYSTEM
}
