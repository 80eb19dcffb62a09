package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.privileges.annotations.Protocol;
import java.util.Locale;

/**
 * One port a collector listens on.
 *
 * @param number the container port
 * @param protocol the protocol
 * @param name the port name
 * @param reachableAtNodeIp whether senders reach it at {@code NodeIP:number}
 * @param reason who sends what to it
 * @param declaredBy the type (or file) whose declaration this is
 */
@JsonPropertyOrder(alphabetic = true)
public record PortRequirement(
    int number,
    Protocol protocol,
    String name,
    boolean reachableAtNodeIp,
    String reason,
    String declaredBy) implements SortKeyed {

  public PortRequirement {
    protocol = protocol == null ? Protocol.TCP : protocol;
  }

  @Override
  public String sortKey() {
    // "%05d" by hand: this runs for every port of every collector read
    String digits = number < 0 ? String.format(Locale.ROOT, "%05d", number) : Integer.toString(number);
    return "00000".substring(Math.min(5, digits.length())) + digits + protocol + "\0" + declaredBy + "\0" + reason;
  }
}
