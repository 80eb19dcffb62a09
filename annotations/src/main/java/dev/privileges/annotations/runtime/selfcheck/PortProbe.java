package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.Protocol;
import java.util.Objects;

/**
 * Tells whether the process can bind a port. An interface so that tests can fake a taken port;
 * {@link #sockets()} really binds and closes.
 */
public interface PortProbe {

  /** What binding {@code number}/{@code protocol} showed. */
  Outcome probe(int number, Protocol protocol);

  /** The real probe: binds a socket on every address and closes it at once. */
  static PortProbe sockets() {
    return new SocketPortProbe();
  }

  /**
   * The result of one probe.
   *
   * @param status {@link Status#PRESENT} when bindable, {@link Status#MISSING} when not, {@link
   *     Status#UNKNOWN} when it cannot be tried
   * @param detail what happened, e.g. {@code Address already in use}
   */
  record Outcome(Status status, String detail) {

    /** Checks for {@code null}. */
    public Outcome {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(detail, "detail");
    }

    /** The port could be bound. */
    public static Outcome bindable() {
      return new Outcome(Status.PRESENT, "bindable");
    }

    /** The port could not be bound, with the error. */
    public static Outcome notBindable(String why) {
      return new Outcome(Status.MISSING, "cannot bind: " + why);
    }

    /** The probe cannot tell. */
    public static Outcome unknown(String why) {
      return new Outcome(Status.UNKNOWN, why);
    }
  }
}
