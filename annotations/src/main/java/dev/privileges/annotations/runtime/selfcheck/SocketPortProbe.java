package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.Protocol;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Binds the port on the wildcard address and closes it: the only way to know whether a later bind
 * will succeed (a listener of another process, or a port below 1024 without {@code
 * NET_BIND_SERVICE}).
 */
final class SocketPortProbe implements PortProbe {

  @Override
  public Outcome probe(int number, Protocol protocol) {
    try {
      switch (protocol) {
        case TCP -> {
          try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(number));
          }
        }
        case UDP -> {
          try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(number));
          }
        }
        default -> {
          // SCTP sockets live in the optional jdk.sctp module and need kernel support
          return Outcome.unknown(protocol + " ports are not probed");
        }
      }
      return Outcome.bindable();
    } catch (IOException | SecurityException e) {
      return Outcome.notBindable(String.valueOf(e.getMessage()));
    }
  }
}
