package dev.privileges.maven;

/**
 * One {@code <waiver>} of the {@code <waivers>} parameter: removes one requirement of one
 * collector before resolution.
 *
 * <pre>{@code
 * <waiver>
 *   <collector>statsd</collector>
 *   <requirement>hostPort:8125/UDP</requirement>
 *   <reason>Applications reach StatsD through the node-local Service.</reason>
 * </waiver>
 * }</pre>
 */
public class Waiver {

  /** The collector whose requirement is removed. */
  private String collector;

  /**
   * What is removed: {@code HOST_NETWORK} (any privilege), {@code capability:NET_RAW},
   * {@code hostPath:/sys/kernel/debug}, {@code port:8125/UDP}, {@code hostPort:8125/UDP} (keeps the
   * port, drops the hostPort), {@code writablePath:/x}, {@code api:<group>/<resource>},
   * {@code api:url:/metrics}, {@code confinement:SECCOMP_UNCONFINED}.
   */
  private String requirement;

  /** Why the bundle can do without it; mandatory, printed in the security statement. */
  private String reason;

  dev.privileges.engine.bundle.Waiver toEngine() {
    return new dev.privileges.engine.bundle.Waiver(collector, requirement, reason);
  }
}
