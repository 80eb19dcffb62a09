package dev.privileges.processor;

import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.List;

/** The requirements read from one type and its supertypes, in declaration order. */
final class Declarations {
  final List<PrivilegeRequirement> privileges = new ArrayList<>();
  final List<CapabilityRequirement> capabilities = new ArrayList<>();
  final List<HostPathRequirement> hostPaths = new ArrayList<>();
  final List<PortRequirement> ports = new ArrayList<>();
  final List<WritablePathRequirement> writablePaths = new ArrayList<>();
  final List<ApiRuleRequirement> kubernetesApi = new ArrayList<>();
  final List<ConfinementRequirement> confinement = new ArrayList<>();
  /** The {@code @RequiresNoPrivileges} reason, empty when not declared. */
  String noPrivilegesReason = "";
}
