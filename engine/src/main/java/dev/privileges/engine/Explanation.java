package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.policy.LockFile;
import dev.privileges.engine.policy.PolicyCheck;
import dev.privileges.engine.policy.RequirementSelector;
import dev.privileges.metadata.CollectorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;


/**
 * The {@code explain} operation: what one collector brings to the grant, or which collectors one
 * granted item is for, read from the same resolved model as every output (the lock view for the
 * items, the needs for the reasons).
 */
public final class Explanation {

  private final PrivilegesEngine engine;

  public Explanation(PrivilegesEngine engine) {
    this.engine = engine;
  }

  /**
   * The items the collector is behind (alone or shared), and what excluding it would remove.
   *
   * @param where how messages name the collector option, e.g. {@code --collector}
   */
  public List<String> ofCollector(Bundle bundle, GenerationOptions options, String name, String where) {
    CollectorMetadata collector = bundle.collector(name).orElseThrow(() -> new EngineException(where
        + " '" + name + "' is not a collector of the inputs: use one of " + bundle.names()));
    Grant grant = engine.resolve(bundle, options);
    List<String> out = new ArrayList<>();
    out.add("Collector '" + name + "' (feature " + collector.feature() + "), read from "
        + bundle.origins().get(name));
    if (!collector.description().isEmpty()) {
      out.add("  " + collector.description());
    }
    if (!grant.enabledNames().contains(name)) {
      out.add("It is not enabled by these options, so it brings nothing.");
      return out;
    }
    List<String> mine = new ArrayList<>();
    LockFile.of(grant).granted().forEach((item, collectors) -> {
      if (collectors.contains(name)) {
        SortedSet<String> others = new TreeSet<>(collectors);
        others.remove(name);
        mine.add("  " + item + (others.isEmpty() ? "  (only this collector)" : "  (also " + String.join(", ", others) + ")"));
      }
    });
    if (mine.isEmpty()) {
      out.add("It needs nothing beyond the restricted defaults.");
      return out;
    }
    out.add("Granted for it:");
    out.addAll(mine);
    if (grant.enabled().size() == 1) {
      out.add("It is the only enabled collector.");
      return out;
    }
    List<String> without = new ArrayList<>(options.excludedCollectors());
    without.add(name);
    LockFile trimmed = LockFile.of(engine.resolve(bundle, options.toBuilder().excludedCollectors(without).build()));
    List<String> removed = trimmed.differencesFrom(LockFile.of(grant)).stream()
        .filter(line -> line.endsWith("(no longer granted)") || line.startsWith("~")).toList();
    out.add("Without it:" + (removed.isEmpty() ? " nothing is removed, every item is shared." : ""));
    removed.forEach(line -> out.add("  " + line));
    return out;
  }

  /**
   * The collectors a granted item is for, each with its feature and declared reason.
   *
   * @param where how messages name the privilege option, e.g. {@code --privilege}
   */
  public List<String> ofPrivilege(Grant grant, String selector, String where) {
    RequirementSelector s = RequirementSelector.parse(selector, where);
    List<Need> needs = PolicyCheck.needs(grant, s);
    if (needs.isEmpty()) {
      return List.of(s + " is not granted: no enabled collector needs it.");
    }
    List<String> out = new ArrayList<>();
    out.add(s + " is granted for " + Resolver.names(needs) + ":");
    for (Need n : needs) {
      out.add("  " + n.collector() + " (" + n.feature() + "): " + n.reason());
    }
    Map<String, SortedSet<String>> items = LockFile.of(grant).granted();
    items.keySet().stream().filter(k -> k.startsWith(s.toString()) && !k.equals(s.toString()))
        .forEach(k -> out.add("  as " + k));
    return out;
  }
}
