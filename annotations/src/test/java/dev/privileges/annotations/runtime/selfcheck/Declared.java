package dev.privileges.annotations.runtime.selfcheck;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.annotations.runtime.ApiRequirement;
import dev.privileges.annotations.runtime.CapabilityRequirement;
import dev.privileges.annotations.runtime.ConfinementRequirement;
import dev.privileges.annotations.runtime.HostPathRequirement;
import dev.privileges.annotations.runtime.KernelVersion;
import dev.privileges.annotations.runtime.LinuxCapability;
import dev.privileges.annotations.runtime.PortRequirement;
import dev.privileges.annotations.runtime.PrivilegeRequirement;
import dev.privileges.annotations.runtime.RegisteredCollector;
import dev.privileges.annotations.runtime.Registry;
import dev.privileges.annotations.runtime.Requirement;
import dev.privileges.annotations.runtime.WritablePathRequirement;
import java.util.List;
import java.util.Optional;

/** Short constructors for declared requirements and one-collector registries in self-check tests. */
final class Declared {

  static final String BY = "dev.example.Collector";

  private Declared() {}

  static Registry registry(String name, Requirement... requirements) {
    return Registry.of(List.of(collector(name, requirements)));
  }

  static RegisteredCollector collector(String name, Requirement... requirements) {
    return new RegisteredCollector(name, "Feature", Optional.empty(), BY,
        requirements.length == 0 ? Optional.of("Needs nothing.") : Optional.empty(), List.of(requirements));
  }

  static PrivilegeRequirement privilege(Privilege p) {
    return new PrivilegeRequirement(p, "Needs " + p + ".", BY);
  }

  static CapabilityRequirement capability(LinuxCapability c) {
    return new CapabilityRequirement(c, Optional.empty(), Optional.empty(), "Uses " + c + ".", BY);
  }

  static CapabilityRequirement capabilityBefore(LinuxCapability c, String kernel) {
    return new CapabilityRequirement(c, Optional.empty(), KernelVersion.parse(kernel), "Uses " + c + " on old kernels.", BY);
  }

  static HostPathRequirement hostPath(String path, String mountPath, boolean readOnly) {
    return new HostPathRequirement(path, mountPath, readOnly, HostPathType.DIRECTORY, MountPropagation.NONE,
        Optional.empty(), (readOnly ? "Reads " : "Writes ") + path + ".", BY);
  }

  static PortRequirement port(int number, Protocol protocol) {
    return new PortRequirement(number, protocol, Optional.empty(), false, "Listens on " + number + ".", BY);
  }

  static WritablePathRequirement writable(String path) {
    return new WritablePathRequirement(path, false, Optional.empty(), "Caches in " + path + ".", BY);
  }

  static ApiRequirement api() {
    return new ApiRequirement(List.of(""), List.of("pods"), List.of(), List.of("get", "list"), "Lists pods.", BY);
  }

  static ConfinementRequirement confinement(Confinement c) {
    return new ConfinementRequirement(c, "Needs " + c + ".", BY);
  }
}
