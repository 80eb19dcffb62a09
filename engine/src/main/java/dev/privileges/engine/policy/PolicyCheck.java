package dev.privileges.engine.policy;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.Option;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.grant.PodSecurity;
import dev.privileges.engine.grant.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


/**
 * The release policy of the {@code check} goal: a maximum Pod Security level and a list of
 * forbidden privileges. Each violation names the item and the collectors responsible.
 */
public final class PolicyCheck {

  private final Optional<PodSecurity.Level> maxLevel;
  private final List<RequirementSelector> forbidden;

  /**
   * @param maxLevel the least strict level the pods may need; empty for no limit
   * @param forbidden items the grant may not contain
   */
  public PolicyCheck(Optional<PodSecurity.Level> maxLevel, List<RequirementSelector> forbidden) {
    this.maxLevel = maxLevel;
    this.forbidden = List.copyOf(forbidden);
  }

  /** Parses {@code <forbiddenPrivileges>} entries. */
  public static List<RequirementSelector> parseForbidden(List<String> entries) {
    return entries.stream()
        .map(e -> RequirementSelector.parse(e, Option.FORBIDDEN_PRIVILEGES + " entry"))
        .toList();
  }

  /** Every violation, one line each; empty when the grant complies. */
  public List<String> violations(Grant grant) {
    List<String> out = new ArrayList<>();
    maxLevel.ifPresent(max -> {
      PodSecurity.Assessment a = grant.podSecurity();
      if (a.level().ordinal() < max.ordinal()) {
        out.add("the pods need Pod Security level " + a.level().label() + ", above the allowed "
            + max.label() + " (" + Option.MAX_POD_SECURITY_LEVEL + "):");
        for (PodSecurity.Violation v : a.violations()) {
          if (v.level().ordinal() <= max.ordinal()) {
            out.add("  " + v.field() + " (" + v.level().label() + " check " + v.check() + ") needed by "
                + Resolver.names(v.needs()));
          }
        }
      }
    });
    for (RequirementSelector s : forbidden) {
      List<Need> needs = needs(grant, s);
      if (!needs.isEmpty()) {
        out.add(s + " is forbidden (" + Option.FORBIDDEN_PRIVILEGES + ") but granted for " + Resolver.names(needs));
      }
    }
    return out;
  }

  /** The needs behind the granted items {@code s} selects; empty when none is granted. */
  public static List<Need> needs(Grant g, RequirementSelector s) {
    List<Need> out = new ArrayList<>();
    String v = s.value();
    switch (s.kind()) {
      case PRIVILEGE -> {
        out.addAll(g.privileges().getOrDefault(Privilege.valueOf(v), List.of()));
        // The init container that owns kept directories runs as root too.
        if (v.equals(Privilege.RUN_AS_ROOT.name())) {
          g.security().keptPathOwner().ifPresent(o -> out.addAll(o.needs()));
        }
      }
      case CAPABILITY -> {
        out.addAll(g.capabilities().getOrDefault(v, List.of()));
        // A privileged container holds every capability, declared or not.
        out.addAll(g.privileges().getOrDefault(Privilege.PRIVILEGED, List.of()));
        if (g.security().keptPathOwner().isPresent() && v.equals(Grant.KeptPathOwner.CAPABILITY)) {
          out.addAll(g.security().keptPathOwner().get().needs());
        }
      }
      case HOST_PATH -> {
        g.hostPaths().stream().filter(m -> m.path().equals(v)).forEach(m -> out.addAll(m.needs()));
        g.writablePaths().stream().filter(w -> w.hostPath().equals(v)).forEach(w -> out.addAll(w.needs()));
      }
      case PORT -> g.ports().stream().filter(p -> (p.number() + "/" + p.protocol().name()).equals(v))
          .forEach(p -> out.addAll(p.needs()));
      case HOST_PORT -> g.ports().stream()
          .filter(p -> p.hostPort() && (p.number() + "/" + p.protocol().name()).equals(v))
          .forEach(p -> out.addAll(p.needs()));
      case WRITABLE_PATH -> g.writablePaths().stream().filter(w -> w.path().equals(v))
          .forEach(w -> out.addAll(w.needs()));
      case API -> {
        String group = v.substring(0, v.lastIndexOf('/'));
        String resource = v.substring(v.lastIndexOf('/') + 1);
        g.apiRules().stream().filter(r -> r.apiGroups().contains(group) && r.resources().contains(resource))
            .forEach(r -> out.addAll(r.needs()));
      }
      case API_URL -> g.apiRules().stream().filter(r -> r.nonResourceUrls().contains(v))
          .forEach(r -> out.addAll(r.needs()));
      case CONFINEMENT -> out.addAll(g.confinement().getOrDefault(Confinement.valueOf(v), List.of()));
      default -> throw new IllegalStateException("unhandled selector kind " + s.kind());
    }
    return Grant.sorted(out);
  }
}
