package dev.privileges.engine.statement;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.GrantedItem;
import dev.privileges.engine.grant.GrantedItem.Kind;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.statement.PrivilegeRisk.Risk;
import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the statement's size bounded when one kind of item grows with the bundle: a bundle of
 * thousands of collectors mounts hundreds of host paths and listens on hundreds of ports, and a
 * section per item would make the statement megabytes long. Beyond
 * {@link dev.privileges.engine.GenerationOptions#statementItemLimit()} items of one kind (host
 * paths, ports, writable paths), the items that do not carry a high risk are shown as groups:
 * one entry per shared risk (and shared scanner findings), which names every item and counts
 * their collectors by feature; an item whose risk no other item shares keeps its own entry. High risks keep their own entry, so nothing a reviewer must weigh
 * one by one is folded away; each item's purpose and collectors stay in {@code privileges.json}.
 */
final class ItemGroups {

  /** The kinds that grow with the bundle; the others are bounded by the vocabulary. */
  static final Set<Kind> GROUPABLE = EnumSet.of(Kind.HOST_PATH, Kind.PORT, Kind.WRITABLE);

  /**
   * A group of items of one kind that share their risk and their scanner findings.
   *
   * @param item the group as an item of the statement: its field is the group's title, its needs
   *     are those of every member
   */
  record Group(GrantedItem item, Risk risk, List<GrantedItem> members) {

    /** How many members {@code feature} needs. */
    int membersOf(String feature) {
      int count = 0;
      for (GrantedItem m : members) {
        count += m.features().contains(feature) ? 1 : 0;
      }
      return count;
    }
  }

  private final List<GrantedItem> shown = new ArrayList<>();
  private final Map<String, Group> groupByKey = new LinkedHashMap<>();
  private final Map<String, Group> groupOfMember = new HashMap<>();
  private final GrantRecords records;

  /** Groups the items of {@code grant}'s kinds that exceed {@code limit}. */
  ItemGroups(List<GrantedItem> items, Grant grant, int limit) {
    this.records = new GrantRecords(grant);
    // Loops, not streams: this runs in the first generate of every fresh JVM, where each lambda
    // costs a class spun at run time.
    Map<Kind, Integer> counts = new HashMap<>();
    for (GrantedItem i : items) {
      counts.put(i.kind(), counts.getOrDefault(i.kind(), 0) + 1);
    }
    Set<Kind> grouped = EnumSet.noneOf(Kind.class);
    for (Kind k : GROUPABLE) {
      if (counts.getOrDefault(k, 0) > limit) {
        grouped.add(k);
      }
    }
    // First pass: the group key of every item that may be grouped (kind, risk, scanner findings).
    Map<String, String> keyOf = new HashMap<>();
    Map<String, List<GrantedItem>> members = new LinkedHashMap<>();
    Map<String, Risk> risks = new HashMap<>();
    for (GrantedItem item : items) {
      if (!grouped.contains(item.kind())) {
        continue;
      }
      Risk risk = PrivilegeRisk.of(item, records).orElseThrow();
      if (risk.severity() != Severity.HIGH) {
        String key = item.kind() + "|" + risk.severity() + "|" + risk.text() + "|" + ScannerFindings.of(item);
        keyOf.put(item.key(), key);
        List<GrantedItem> list = members.get(key);
        if (list == null) {
          list = new ArrayList<>();
          members.put(key, list);
        }
        list.add(item);
        risks.putIfAbsent(key, risk);
      }
    }
    // Second pass, in statement order: a group stands where its first member stood; a group of
    // one is the item itself.
    for (GrantedItem item : items) {
      String key = keyOf.get(item.key());
      if (key == null || members.get(key).size() == 1) {
        shown.add(item);
      } else if (members.get(key).get(0) == item) {
        Group g = group(key, members.get(key), risks.get(key));
        shown.add(g.item());
        groupByKey.put(g.item().key(), g);
        for (GrantedItem m : g.members()) {
          groupOfMember.put(m.key(), g);
        }
      }
    }
  }

  private static Group group(String key, List<GrantedItem> members, Risk risk) {
    Kind kind = members.get(0).kind();
    List<Need> all = new ArrayList<>();
    for (GrantedItem m : members) {
      all.addAll(m.needs());
    }
    List<Need> needs = Grant.sorted(all); // sorted and distinct
    String title = members.size() + " " + noun(kind, members.size()) + " with a " + risk.severity().label() + " risk";
    GrantedItem item = new GrantedItem(kind, "group:" + kind + ":" + risk.severity() + ":" + Integer.toHexString(key.hashCode()),
        title, title, needs);
    return new Group(item, risk, List.copyOf(members));
  }

  /** "host paths", "ports", "writable paths" (singular for one). */
  static String noun(Kind kind, int count) {
    String plural = switch (kind) {
      case HOST_PATH -> "host paths";
      case PORT -> "ports";
      case WRITABLE -> "writable paths";
      default -> throw new IllegalArgumentException(kind.name());
    };
    return count == 1 ? plural.substring(0, plural.length() - 1) : plural;
  }

  /** The items as the statement lists them: grouped kinds hold their high risks and their groups. */
  List<GrantedItem> shown() {
    return shown;
  }

  /** The grant's records, found by what its items carry. */
  GrantRecords records() {
    return records;
  }

  /** The risk of {@code shownItem}: its group's when it stands for one, else its own. */
  Risk risk(GrantedItem shownItem) {
    Group g = groupByKey.get(shownItem.key());
    return g != null ? g.risk() : PrivilegeRisk.of(shownItem, records).orElseThrow();
  }

  /** The group {@code shownItem} stands for, if it is one. */
  Optional<Group> group(GrantedItem shownItem) {
    return Optional.ofNullable(groupByKey.get(shownItem.key()));
  }

  /** The group that holds the item with key {@code memberKey}, if any. */
  Optional<Group> groupOf(String memberKey) {
    return Optional.ofNullable(groupOfMember.get(memberKey));
  }

  /** Whether the item with key {@code itemKey} is shown within a group. */
  boolean folded(String itemKey) {
    return groupOfMember.containsKey(itemKey);
  }
}
