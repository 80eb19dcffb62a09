package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.Protocol;
import java.util.Set;

/** A port probe that reports the given TCP and UDP port numbers as taken and every other one as bindable. */
record FakePorts(Set<Integer> taken) implements PortProbe {

  static FakePorts taking(Integer... ports) {
    return new FakePorts(Set.of(ports));
  }

  @Override
  public Outcome probe(int number, Protocol protocol) {
    return taken.contains(number) ? Outcome.notBindable("Address already in use") : Outcome.bindable();
  }
}
