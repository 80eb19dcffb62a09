package dev.privileges.annotations.runtime.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Protocol;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The real probe binds: a port another socket holds is not bindable, a released one is. */
class SocketPortProbeTest {

  private final PortProbe probe = PortProbe.sockets();

  @Test
  void tcpPort_heldByAListener_isNotBindable_thenBindableWhenReleased() throws IOException {
    int port;
    try (ServerSocket held = new ServerSocket()) {
      held.bind(new InetSocketAddress(0));
      port = held.getLocalPort();
      assertThat(probe.probe(port, Protocol.TCP).status()).isEqualTo(Status.MISSING);
      assertThat(probe.probe(port, Protocol.TCP).detail()).startsWith("cannot bind: ");
    }
    assertThat(probe.probe(port, Protocol.TCP)).isEqualTo(PortProbe.Outcome.bindable());
  }

  @Test
  void udpPort_heldBySocket_isNotBindable() throws IOException {
    try (DatagramSocket held = new DatagramSocket(new InetSocketAddress(0))) {
      assertThat(probe.probe(held.getLocalPort(), Protocol.UDP).status()).isEqualTo(Status.MISSING);
    }
  }

  @Test
  void sctp_isNotProbed_soUnknown() {
    assertThat(probe.probe(9999, Protocol.SCTP)).isEqualTo(PortProbe.Outcome.unknown("SCTP ports are not probed"));
  }
}
