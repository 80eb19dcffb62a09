package dev.privileges.annotations.runtime;

import dev.privileges.annotations.Protocol;
import java.util.Objects;
import java.util.Optional;

/**
 * The collector listens on a port.
 *
 * @param number 1 to 65535
 * @param protocol TCP, UDP or SCTP
 * @param name the Kubernetes port name, if any
 * @param reachableAtNodeIp whether senders reach it at {@code NodeIP:number}
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record PortRequirement(
    int number,
    Protocol protocol,
    Optional<String> name,
    boolean reachableAtNodeIp,
    String reason,
    String declaredBy)
    implements Requirement {

  /** Checks for {@code null} and the port range. */
  public PortRequirement {
    if (number < 1 || number > 65535) {
      throw new IllegalArgumentException("port " + number + " is outside 1-65535");
    }
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.PORT;
  }

  @Override
  public String summary() {
    return "port " + number + "/" + protocol + name.map(n -> " (" + n + ")").orElse("");
  }
}
