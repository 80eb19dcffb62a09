package dev.privileges.engine;

/** How ports that must be reachable at {@code NodeIP:port} are exposed. */
public enum PortExposure {
  /** A {@code hostPort} on the container (the default, what node-local senders expect). */
  HOST_PORT,
  /**
   * No hostPort; a Service with {@code internalTrafficPolicy: Local} delivers to the agent on the
   * sender's own node.
   */
  SERVICE
}
