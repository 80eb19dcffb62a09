package dev.privileges.annotations.runtime;

import java.util.Comparator;

/**
 * The order of a collector's requirements: by kind, then by the main value (privilege,
 * capability, path, port number, ...), then by declaring class and reason, as the metadata files
 * sort them; the record's full text breaks the remaining ties so the order never depends on
 * which source was read first.
 */
final class RequirementOrder {

  static final Comparator<Requirement> ORDER = Comparator
      .comparing(Requirement::kind)
      .thenComparing(RequirementOrder::mainValue)
      .thenComparing(Requirement::declaredBy)
      .thenComparing(Requirement::reason)
      .thenComparing(Object::toString);

  private RequirementOrder() {}

  private static String mainValue(Requirement r) {
    if (r instanceof PrivilegeRequirement p) {
      return p.privilege().name();
    } else if (r instanceof CapabilityRequirement c) {
      return c.capability().name();
    } else if (r instanceof HostPathRequirement h) {
      return h.path() + "\t" + h.mountPath();
    } else if (r instanceof PortRequirement p) {
      // zero-padded so that 80 sorts before 443 as text
      return String.format(java.util.Locale.ROOT, "%05d/%s", p.number(), p.protocol());
    } else if (r instanceof WritablePathRequirement w) {
      return w.path();
    } else if (r instanceof ApiRequirement a) {
      // resource rules first, then non-resource URLs
      return a.resources().isEmpty()
          ? "2\t" + String.join(",", a.nonResourceUrls())
          : "1\t" + String.join(",", a.resources());
    } else {
      return ((ConfinementRequirement) r).confinement().name();
    }
  }
}
