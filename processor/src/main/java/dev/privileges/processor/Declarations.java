package dev.privileges.processor;

import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

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
  /** Where {@code @RequiresNoPrivileges} was written, or {@code null}. */
  Origin noPrivilegesOrigin;
  /** Where each requirement (by identity) was written, so errors can point at it. */
  final Map<Object, Origin> origins = new IdentityHashMap<>();
  /** Whether some declaration broke a rule and was left out. */
  boolean rejected;

  /** The annotation a requirement was read from. */
  record Origin(TypeElement type, AnnotationMirror mirror) {}

  /** Every requirement list, in a fixed order. */
  List<List<?>> all() {
    return List.of(privileges, capabilities, hostPaths, ports, writablePaths, kubernetesApi, confinement);
  }

  /** The sizes of every list, to find what one annotation added. */
  int[] sizes() {
    return all().stream().mapToInt(List::size).toArray();
  }

  /** Records {@code origin} for every requirement added since {@code before}. */
  void markAddedSince(int[] before, Origin origin) {
    List<List<?>> lists = all();
    for (int i = 0; i < lists.size(); i++) {
      for (Object added : lists.get(i).subList(before[i], lists.get(i).size())) {
        origins.put(added, origin);
      }
    }
  }
}
