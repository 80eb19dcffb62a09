package dev.privileges.engine.report;

import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;

/**
 * The JSON members of each record type the report holds, written out by hand: name, value, name,
 * value, ..., with the names in the order Jackson sorts them, and whether the type leaves out its
 * empty values ({@code @JsonInclude(NON_EMPTY)} on the metadata records).
 *
 * <p>Why by hand: finding the members by reflection ({@code getRecordComponents}, the
 * {@code @JsonInclude} annotation, {@code Method.invoke}) made every fresh JVM parse generic
 * signatures and annotations, spin a dynamic proxy and generate method accessors, about 60 ms
 * of a 20-collector {@code generate} (see {@code docs/benchmarks.md}). {@code CanonicalJsonTest}
 * checks every type here against Jackson's own reading of the record, so a component added to one
 * of these records without a line here fails the build; a record type not listed here is refused
 * with a message naming it.
 */
final class RecordMembers {

  private RecordMembers() {}

  /** The members of {@code r}; the most frequent types come first. */
  static Object[] of(Record r) {
    if (r instanceof Need n) {
      return new Object[] {"collector", n.collector(), "feature", n.feature(), "reason", n.reason()};
    } else if (r instanceof HostPathRequirement h) {
      return new Object[] {"declaredBy", h.declaredBy(), "env", h.env(), "mountPath", h.mountPath(), "path",
          h.path(), "propagation", h.propagation(), "readOnly", h.readOnly(), "reason", h.reason(), "type", h.type()};
    } else if (r instanceof PortRequirement p) {
      return new Object[] {"declaredBy", p.declaredBy(), "name", p.name(), "number", p.number(), "protocol",
          p.protocol(), "reachableAtNodeIp", p.reachableAtNodeIp(), "reason", p.reason()};
    } else if (r instanceof CapabilityRequirement c) {
      return new Object[] {"beforeKernel", c.beforeKernel(), "capability", c.capability(), "declaredBy",
          c.declaredBy(), "fromKernel", c.fromKernel(), "reason", c.reason()};
    } else if (r instanceof PrivilegeRequirement p) {
      return new Object[] {"declaredBy", p.declaredBy(), "privilege", p.privilege(), "reason", p.reason()};
    } else if (r instanceof ApiRuleRequirement a) {
      return new Object[] {"apiGroups", a.apiGroups(), "declaredBy", a.declaredBy(), "nonResourceUrls",
          a.nonResourceUrls(), "reason", a.reason(), "resources", a.resources(), "verbs", a.verbs()};
    } else if (r instanceof WritablePathRequirement w) {
      return new Object[] {"declaredBy", w.declaredBy(), "hostPath", w.hostPath(), "keepAcrossRestarts",
          w.keepAcrossRestarts(), "path", w.path(), "reason", w.reason()};
    } else if (r instanceof ConfinementRequirement c) {
      return new Object[] {"confinement", c.confinement(), "declaredBy", c.declaredBy(), "reason", c.reason()};
    } else if (r instanceof Grant.HostPathMount m) {
      return new Object[] {"env", m.env(), "mountPath", m.mountPath(), "needs", m.needs(), "path", m.path(),
          "propagation", m.propagation(), "readOnly", m.readOnly(), "type", m.type(), "volumeName",
          m.volumeName(), "writers", m.writers()};
    } else if (r instanceof Grant.ContainerPort p) {
      return new Object[] {"hostPort", p.hostPort(), "name", p.name(), "needs", p.needs(), "nodeReachable",
          p.nodeReachable(), "number", p.number(), "protocol", p.protocol()};
    } else if (r instanceof Grant.WritableDirectory w) {
      return new Object[] {"hostPath", w.hostPath(), "needs", w.needs(), "path", w.path(), "volumeName",
          w.volumeName()};
    } else if (r instanceof Grant.ApiRule a) {
      return new Object[] {"apiGroups", a.apiGroups(), "needs", a.needs(), "nonResourceUrls", a.nonResourceUrls(),
          "resources", a.resources(), "verbs", a.verbs()};
    } else if (r instanceof Waiver w) {
      return new Object[] {"collector", w.collector(), "reason", w.reason(), "requirement", w.requirement()};
    }
    throw new IllegalStateException("the report has no JSON form for a " + r.getClass().getName()
        + "; list its members in " + RecordMembers.class.getName());
  }

  /** Whether {@code r}'s type leaves out null, empty-text and empty-list members. */
  static boolean leavesOutEmpty(Record r) {
    return r instanceof HostPathRequirement || r instanceof CapabilityRequirement
        || r instanceof ApiRuleRequirement || r instanceof WritablePathRequirement;
  }
}
