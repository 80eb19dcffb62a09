package dev.privileges.engine.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;


/**
 * The committed record of a bundle's grant ({@code privileges.lock.json}): every granted item, in
 * {@link RequirementSelector} syntax, with the collectors behind it, and the Pod Security level.
 * The format is canonical (sorted keys, two-space indent, {@code \n}, no timestamps), so the lock
 * only changes in review when the privileges change:
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "podSecurityLevel": "privileged",
 *   "granted": {
 *     "HOST_PID": ["ebpf-net", "host_processes"],
 *     "capability:NET_RAW": ["ebpf-net"],
 *     "hostPath:/proc read-only": ["cpu", "mem"],
 *     "hostPort:8125/UDP": ["statsd"],
 *     "port:8125/UDP": ["statsd"]
 *   }
 * }
 * }</pre>
 *
 * @param podSecurityLevel the Pod Security Standards level ({@code privileged}, ...)
 * @param granted granted item to the collectors behind it
 */
public record LockFile(String podSecurityLevel, SortedMap<String, SortedSet<String>> granted) {

  /** The format written and the newest read. */
  public static final int FORMAT_VERSION = 1;

  public LockFile {
    SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
    for (Map.Entry<String, ? extends java.util.Set<String>> e : granted.entrySet()) {
      copy.put(e.getKey(), new TreeSet<>(e.getValue()));
    }
    granted = copy;
  }

  /** The lock of a resolved grant. */
  public static LockFile of(Grant grant) {
    // Loops, not forEach with lambdas: the lock is written in the first generate of every fresh
    // JVM, where each lambda costs a class spun at run time.
    SortedMap<String, SortedSet<String>> items = new TreeMap<>();
    for (Map.Entry<dev.privileges.annotations.Privilege, List<Need>> e : grant.privileges().entrySet()) {
      put(items, e.getKey().name(), e.getValue());
    }
    for (Map.Entry<String, List<Need>> e : grant.capabilities().entrySet()) {
      put(items, "capability:" + e.getKey(), e.getValue());
    }
    for (Grant.HostPathMount m : grant.hostPaths()) {
      put(items, "hostPath:" + m.path() + (m.readOnly() ? " read-only" : " read-write"), m.needs());
    }
    for (Grant.ContainerPort p : grant.ports()) {
      String key = p.number() + "/" + p.protocol().name();
      put(items, "port:" + key, p.needs());
      if (p.hostPort()) {
        put(items, "hostPort:" + key, p.needs());
      }
    }
    for (Grant.WritableDirectory w : grant.writablePaths()) {
      put(items, "writablePath:" + w.path(), w.needs());
      if (w.kept()) {
        put(items, "hostPath:" + w.hostPath() + " read-write", w.needs());
      }
    }
    for (Grant.ApiRule r : grant.apiRules()) {
      String verbs = " " + r.verbs();
      for (String g : r.apiGroups()) {
        for (String res : r.resources()) {
          put(items, "api:" + (g.isEmpty() ? "core" : g) + "/" + res + verbs, r.needs());
        }
      }
      for (String u : r.nonResourceUrls()) {
        put(items, "api:url:" + u + verbs, r.needs());
      }
    }
    for (Map.Entry<dev.privileges.annotations.Confinement, List<Need>> e : grant.confinement().entrySet()) {
      put(items, "confinement:" + e.getKey().name(), e.getValue());
    }
    if (grant.security().keptPathOwner().isPresent()) {
      Grant.KeptPathOwner o = grant.security().keptPathOwner().get();
      put(items, "initContainer:" + o.name() + " runAsUser 0, capability " + Grant.KeptPathOwner.CAPABILITY, o.needs());
    }
    return new LockFile(grant.podSecurity().level().label(), items);
  }

  private static void put(Map<String, SortedSet<String>> items, String key, List<Need> needs) {
    SortedSet<String> names = items.get(key);
    if (names == null) {
      names = new TreeSet<>();
      items.put(key, names);
    }
    for (Need n : needs) {
      names.add(n.collector());
    }
  }

  /** The canonical JSON text. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
    out.append("  \"podSecurityLevel\": ").append(quote(podSecurityLevel)).append(",\n");
    out.append("  \"granted\": {");
    Iterator<Map.Entry<String, SortedSet<String>>> it = granted.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, SortedSet<String>> e = it.next();
      out.append("\n    ").append(quote(e.getKey())).append(": [");
      boolean first = true;
      for (String name : e.getValue()) {
        out.append(first ? "" : ", ").append(quote(name));
        first = false;
      }
      out.append(']').append(it.hasNext() ? "," : "\n  ");
    }
    out.append("}\n}\n");
    return out.toString();
  }

  /**
   * Parses a lock file.
   *
   * @param file names the file in messages
   * @param fix the command that rewrites the lock, for messages
   */
  public static LockFile parse(String json, String file, String fix) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JacksonException e) {
      throw new EngineException("lock file " + file + " is not valid JSON (" + e.getOriginalMessage()
          + "): fix it, or recreate it with " + fix);
    }
    if (root == null || !root.isObject()) {
      throw invalid(file, "the document is not a JSON object", fix);
    }
    Set<String> known = Set.of("formatVersion", "podSecurityLevel", "granted");
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(file, "unknown field '" + name + "' (known: formatVersion, granted, podSecurityLevel)", fix);
      }
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isInt() || version.intValue() < 1) {
      throw invalid(file, "formatVersion is missing or not a positive number", fix);
    }
    if (version.intValue() > FORMAT_VERSION) {
      throw invalid(file, "formatVersion " + version.intValue() + " is newer than this plugin reads ("
          + FORMAT_VERSION + "); upgrade Collector Privileges (the Maven plugin or the CLI)", fix);
    }
    JsonNode level = root.get("podSecurityLevel");
    JsonNode granted = root.get("granted");
    if (level == null || !level.isTextual()) {
      throw invalid(file, "podSecurityLevel is missing or not a string", fix);
    }
    if (granted == null || !granted.isObject()) {
      throw invalid(file, "granted is missing or not an object", fix);
    }
    SortedMap<String, SortedSet<String>> items = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = granted.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isArray()) {
        throw invalid(file, "granted." + e.getKey() + " is not an array of collector names", fix);
      }
      SortedSet<String> names = new TreeSet<>();
      e.getValue().forEach(n -> names.add(n.asText()));
      items.put(e.getKey(), names);
    }
    return new LockFile(level.asText(), items);
  }

  private static EngineException invalid(String file, String problem, String fix) {
    return new EngineException("lock file " + file + " is invalid: " + problem + ". Fix it, or"
        + " recreate it with " + fix);
  }

  /**
   * What changed from {@code committed} to this (the current grant), one line per collector and
   * item, e.g. {@code collector 'ebpf-net' adds capability:NET_RAW}; empty when equal.
   */
  public List<String> differencesFrom(LockFile committed) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(granted.keySet());
    keys.addAll(committed.granted.keySet());
    for (String key : keys) {
      SortedSet<String> now = granted.getOrDefault(key, new TreeSet<>());
      SortedSet<String> before = committed.granted.getOrDefault(key, new TreeSet<>());
      for (String c : now) {
        if (!before.contains(c)) {
          out.add("+ collector '" + c + "' adds " + key + (before.isEmpty() ? " (newly granted)" : ""));
        }
      }
      for (String c : before) {
        if (!now.contains(c)) {
          out.add("- collector '" + c + "' no longer needs " + key + (now.isEmpty() ? " (no longer granted)" : ""));
        }
      }
    }
    if (!podSecurityLevel.equals(committed.podSecurityLevel)) {
      out.add("~ Pod Security level was " + committed.podSecurityLevel + ", now " + podSecurityLevel);
    }
    return out;
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
