package dev.privileges.engine.bundle;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.Option;
import dev.privileges.engine.policy.RequirementSelector;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


/**
 * Removes waived requirements from a {@link Bundle} before resolution, so the grant never contains
 * them. Each waiver names one collector, one {@link RequirementSelector requirement} and a reason.
 * A blank reason, an unknown collector, a repeated waiver and a waiver that matches nothing all
 * fail: a waiver that silently does nothing would hide a mistake in a security decision.
 *
 * <p>{@code hostPort:<n>/<proto>} keeps the port but drops its node reachability (no hostPort);
 * every other selector removes the matching requirements of that kind.
 */
public final class WaiverApplier {

  private static final String WHERE = Option.WAIVERS + " entry";

  /** Applied waivers by collector, then requirement text. */
  private static final Comparator<Waiver> BY_COLLECTOR_AND_REQUIREMENT = new Comparator<>() {
    @Override
    public int compare(Waiver a, Waiver b) {
      return (a.collector() + "\0" + a.requirement()).compareTo(b.collector() + "\0" + b.requirement());
    }
  };

  /**
   * The bundle without the waived requirements, and the waivers with canonical requirement text.
   *
   * @param bundle the transformed bundle
   * @param waivers the applied waivers, sorted by collector and requirement
   */
  public record Applied(Bundle bundle, List<Waiver> waivers) {}

  public Applied apply(Bundle bundle, List<Waiver> waivers) {
    Map<String, CollectorMetadata> collectors = new LinkedHashMap<>(bundle.collectors());
    List<Waiver> applied = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Waiver w : waivers) {
      String collector = w.collector() == null ? "" : w.collector().trim();
      String requirement = w.requirement() == null ? "" : w.requirement().trim();
      if (collector.isEmpty()) {
        throw new EngineException(WHERE + " for requirement '" + requirement + "' has no collector:"
            + " name the collector whose requirement is removed, one of " + bundle.names());
      }
      RequirementSelector selector = RequirementSelector.parse(requirement,
          WHERE + " of collector '" + collector + "': requirement");
      String label = "collector '" + collector + "' requirement '" + selector + "'";
      if (w.reason() == null || w.reason().isBlank()) {
        throw new EngineException(WHERE + " for " + label + " has no reason: a waiver needs one"
            + " sentence saying why the bundle can do without it (it is printed in the security"
            + " statement)");
      }
      CollectorMetadata c = collectors.get(collector);
      if (c == null) {
        throw new EngineException(WHERE + ": collector '" + collector + "' is not a collector of this"
            + " bundle: use one of " + bundle.names());
      }
      if (!seen.add(collector + "\0" + selector)) {
        throw new EngineException(WHERE + " for " + label + " is given twice: remove one of them");
      }
      CollectorMetadata without = remove(c, selector);
      if (without.equals(c)) {
        throw new EngineException(WHERE + " for " + label + " matches nothing: the collector does"
            + " not declare it. Remove the waiver, or fix it to one of the collector's requirements: "
            + declared(c));
      }
      collectors.put(collector, without);
      applied.add(new Waiver(collector, selector.toString(), w.reason().trim()));
    }
    applied.sort(BY_COLLECTOR_AND_REQUIREMENT);
    return new Applied(new Bundle(collectors, bundle.origins()), List.copyOf(applied));
  }

  static CollectorMetadata remove(CollectorMetadata c, RequirementSelector s) {
    String v = s.value();
    return new CollectorMetadata(
        c.formatVersion(), c.name(), c.feature(), c.description(), c.source(), c.noPrivilegesReason(),
        s.kind() == RequirementSelector.Kind.PRIVILEGE ? without(c.privileges(), v) : c.privileges(),
        s.kind() == RequirementSelector.Kind.CAPABILITY ? without(c.capabilities(), v) : c.capabilities(),
        s.kind() == RequirementSelector.Kind.HOST_PATH ? without(c.hostPaths(), v) : c.hostPaths(),
        ports(c.ports(), s),
        s.kind() == RequirementSelector.Kind.WRITABLE_PATH ? without(c.writablePaths(), v) : c.writablePaths(),
        api(c.kubernetesApi(), s),
        s.kind() == RequirementSelector.Kind.CONFINEMENT ? without(c.confinement(), v) : c.confinement());
  }

  /** {@code list} without the items {@code value} selects (see {@link #selects}). */
  private static <T> List<T> without(List<T> list, String value) {
    List<T> out = new ArrayList<>();
    for (T item : list) {
      if (!selects(value, item)) {
        out.add(item);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Whether a selector's {@code value} names {@code item}: a requirement of the selector's kind,
   * or a URL, API group or resource. Dispatched by type instead of by a predicate per call, so no
   * lambda is linked.
   */
  private static boolean selects(String value, Object item) {
    if (item instanceof PrivilegeRequirement p) {
      return p.privilege().name().equals(value);
    }
    if (item instanceof CapabilityRequirement r) {
      return r.capability().equals(value);
    }
    if (item instanceof HostPathRequirement h) {
      return h.path().equals(value);
    }
    if (item instanceof PortRequirement p) {
      return key(p).equals(value);
    }
    if (item instanceof WritablePathRequirement w) {
      return w.path().equals(value);
    }
    if (item instanceof ConfinementRequirement r) {
      return r.confinement().name().equals(value);
    }
    return value.equals(item);
  }

  private static String key(PortRequirement p) {
    return p.number() + "/" + p.protocol().name();
  }

  private static List<PortRequirement> ports(List<PortRequirement> ports, RequirementSelector s) {
    if (s.kind() == RequirementSelector.Kind.PORT) {
      return without(ports, s.value());
    }
    if (s.kind() == RequirementSelector.Kind.HOST_PORT) {
      List<PortRequirement> out = new ArrayList<>(ports.size());
      for (PortRequirement p : ports) {
        out.add(key(p).equals(s.value()) && p.reachableAtNodeIp()
            ? new PortRequirement(p.number(), p.protocol(), p.name(), false, p.reason(), p.declaredBy())
            : p);
      }
      return Collections.unmodifiableList(out);
    }
    return ports;
  }

  private static List<ApiRuleRequirement> api(List<ApiRuleRequirement> rules, RequirementSelector s) {
    List<ApiRuleRequirement> out = new ArrayList<>();
    for (ApiRuleRequirement r : rules) {
      if (s.kind() == RequirementSelector.Kind.API_URL && r.nonResourceUrls().contains(s.value())) {
        List<String> urls = without(r.nonResourceUrls(), s.value());
        if (!urls.isEmpty()) {
          out.add(new ApiRuleRequirement(r.apiGroups(), r.resources(), urls, r.verbs(), r.reason(), r.declaredBy()));
        }
      } else if (s.kind() == RequirementSelector.Kind.API && matches(r, s.value())) {
        String group = s.value().substring(0, s.value().lastIndexOf('/'));
        String resource = s.value().substring(s.value().lastIndexOf('/') + 1);
        // The rule grants every group x resource pair; keep all pairs but the waived one.
        List<String> otherGroups = without(r.apiGroups(), group);
        if (!otherGroups.isEmpty()) {
          out.add(new ApiRuleRequirement(otherGroups, r.resources(), List.of(), r.verbs(), r.reason(), r.declaredBy()));
        }
        List<String> otherResources = without(r.resources(), resource);
        if (!otherResources.isEmpty()) {
          out.add(new ApiRuleRequirement(List.of(group), otherResources, List.of(), r.verbs(), r.reason(), r.declaredBy()));
        }
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean matches(ApiRuleRequirement r, String groupResource) {
    int slash = groupResource.lastIndexOf('/');
    return r.apiGroups().contains(groupResource.substring(0, slash))
        && r.resources().contains(groupResource.substring(slash + 1));
  }

  /** What the collector declares, in selector syntax, for the "matches nothing" message. */
  static String declared(CollectorMetadata c) {
    Set<String> out = new TreeSet<>();
    c.privileges().forEach(p -> out.add(p.privilege().name()));
    c.capabilities().forEach(r -> out.add("capability:" + r.capability()));
    c.hostPaths().forEach(h -> out.add("hostPath:" + h.path()));
    c.ports().forEach(p -> {
      out.add("port:" + key(p));
      if (p.reachableAtNodeIp()) {
        out.add("hostPort:" + key(p));
      }
    });
    c.writablePaths().forEach(w -> out.add("writablePath:" + w.path()));
    c.kubernetesApi().forEach(r -> {
      r.apiGroups().forEach(g -> r.resources().forEach(res -> out.add("api:" + (g.isEmpty() ? "core" : g) + "/" + res)));
      r.nonResourceUrls().forEach(u -> out.add("api:url:" + u));
    });
    c.confinement().forEach(r -> out.add("confinement:" + r.confinement().name()));
    return out.isEmpty() ? "(it declares nothing)" : String.join(", ", out);
  }
}
