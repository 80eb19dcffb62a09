package dev.privileges.engine.grant;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Option;
import dev.privileges.engine.OptionsValidator;
import dev.privileges.engine.PortExposure;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.CollectorSelection;
import dev.privileges.engine.grant.Grant.ContainerPort;
import dev.privileges.engine.grant.Grant.HostPathMount;
import dev.privileges.engine.grant.Grant.WritableDirectory;
import dev.privileges.engine.kubernetes.KubernetesNames;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;


/**
 * Computes the least-privilege {@link Grant} (PRODUCT §6): the union of what the enabled
 * collectors declare, and nothing else. Privileges are merged per kind (host path by node path,
 * port by number and protocol, API rule by group and resource) with every collector behind each
 * kept as provenance; capabilities follow {@link KernelCapabilities} for the oldest supported
 * kernel; {@code PRIVILEGED} is replaced by the collector's own capabilities unless the build
 * chooses otherwise. What Kubernetes would reject (a host path at two mount paths, two paths at
 * one mount path, {@code Bidirectional} propagation without privileged, clashing names) fails
 * here with an {@link EngineException} that names the collectors and the fix. See {@code
 * docs/resolution-rules.md}.
 *
 * <p>Plain loops and explicit get-or-create instead of lambdas: each lambda a fresh JVM links on
 * the way to its first output costs a class spun at run time.
 */
public final class Resolver {

  /**
   * Resolves the grant for the enabled collectors of {@code bundle}.
   *
   * @throws EngineException for unknown collector names, an empty selection, or declarations of
   *     different collectors that cannot be merged (a host path at two mount paths, ...)
   */
  public Grant resolve(Bundle bundle, GenerationOptions options) {
    OptionsValidator.validate(options);
    List<CollectorMetadata> enabled = new CollectorSelection(bundle).select(options);
    SortedMap<Privilege, List<Need>> privileges = new TreeMap<>();
    List<Need> privilegedReplaced = new ArrayList<>();
    SortedMap<String, List<Need>> capabilities = new TreeMap<>();
    SortedMap<Confinement, List<Need>> confinement = new TreeMap<>();

    for (CollectorMetadata c : enabled) {
      List<CapabilityRequirement> caps = new ArrayList<>();
      for (CapabilityRequirement r : c.capabilities()) {
        if (KernelCapabilities.needed(r, options.oldestKernel())) {
          caps.add(r);
        }
      }
      for (PrivilegeRequirement p : c.privileges()) {
        Need need = need(c, p.reason());
        if (p.privilege() == Privilege.PRIVILEGED
            && !options.privilegedInsteadOfCapabilities()
            && !caps.isEmpty()) {
          privilegedReplaced.add(need); // rule 2: the declared capabilities serve instead
          continue;
        }
        add(privileges, p.privilege(), need);
      }
      for (CapabilityRequirement r : caps) {
        add(capabilities, r.capability(), need(c, r.reason()));
      }
      for (ConfinementRequirement r : c.confinement()) {
        add(confinement, r.confinement(), need(c, r.reason()));
      }
    }
    // Rules 2 and 15: a privileged container holds every capability, so the YAML has no
    // capabilities block; the declared ones are kept as covered by privileged, never as added.
    boolean privileged = privileges.containsKey(Privilege.PRIVILEGED);
    SortedMap<String, List<Need>> covered = new TreeMap<>();
    if (privileged) {
      covered.putAll(capabilities);
      capabilities.clear();
    }
    KernelCapabilities.dropImpliedBySysAdmin(capabilities);
    // Rule 4: Kubernetes has no ambient capabilities; added ones only work for UID 0.
    if (!capabilities.isEmpty() || privileged) {
      for (Map.Entry<String, List<Need>> cap : capabilities.entrySet()) {
        for (Need n : cap.getValue()) {
          add(privileges, Privilege.RUN_AS_ROOT, new Need(n.collector(), n.feature(),
              "Adds capability " + cap.getKey() + ", which Kubernetes only grants to UID 0."));
        }
      }
      for (Need n : privileges.getOrDefault(Privilege.PRIVILEGED, List.of())) {
        add(privileges, Privilege.RUN_AS_ROOT, new Need(n.collector(), n.feature(),
            "Runs privileged, which only has full effect as UID 0."));
      }
    }
    sortNeeds(privileges);
    sortNeeds(capabilities);
    sortNeeds(covered);
    sortNeeds(confinement);

    List<HostPathMount> hostPaths = mergeHostPaths(enabled);
    List<WritableDirectory> writable = mergeWritablePaths(enabled);
    checkMountPaths(hostPaths, writable);
    checkNeedsPrivileged(hostPaths, privileged, privilegedReplaced);
    checkEnvNames(hostPaths, options);
    VolumeNames.Named named = VolumeNames.unique(hostPaths, writable);
    boolean hostNetwork = privileges.containsKey(Privilege.HOST_NETWORK);
    return new Grant(
        options, enabled, privileges, Grant.sorted(privilegedReplaced), capabilities, covered,
        named.hostPaths(), mergePorts(enabled, options, hostNetwork), named.writablePaths(),
        new ApiRuleMerger().merge(enabled), confinement, List.of(),
        decide(options, privileges, capabilities, confinement, named.writablePaths()));
  }

  /**
   * Rules 2-5, 9 and 16: every security field of the pod and the agent container, decided here
   * once; the renderer writes these values and every other output reads them.
   */
  private static Grant.SecurityFields decide(GenerationOptions options, Map<Privilege, List<Need>> privileges,
      Map<String, List<Need>> capabilities, Map<Confinement, List<Need>> confinement,
      List<WritableDirectory> writable) {
    boolean privileged = privileges.containsKey(Privilege.PRIVILEGED);
    boolean root = privileges.containsKey(Privilege.RUN_AS_ROOT);
    // Rule 3: Kubernetes rejects allowPrivilegeEscalation: false with privileged or CAP_SYS_ADMIN.
    Grant.Escalation escalation = privileged ? Grant.Escalation.UNSET_PRIVILEGED
        : capabilities.containsKey("SYS_ADMIN") ? Grant.Escalation.UNSET_SYS_ADMIN
        : Grant.Escalation.DISALLOWED;
    // Rule 9: a declared Unconfined wins; a privileged container runs without seccomp anyway.
    Grant.Seccomp seccomp = confinement.containsKey(Confinement.SECCOMP_UNCONFINED) ? Grant.Seccomp.UNCONFINED
        : privileged ? Grant.Seccomp.UNSET : Grant.Seccomp.RUNTIME_DEFAULT;
    // Rule 16: a kept directory must be writable by the UID the agent runs as.
    List<WritableDirectory> kept = new ArrayList<>();
    for (WritableDirectory w : writable) {
      if (w.kept()) {
        kept.add(w);
      }
    }
    Optional<Grant.KeptPathOwner> owner = root || kept.isEmpty() ? Optional.empty()
        : Optional.of(new Grant.KeptPathOwner(KubernetesNames.KEPT_PATH_OWNER, Collections.unmodifiableList(kept)));
    return new Grant.SecurityFields(privileged, escalation, root, root ? 0 : options.nonRootUid(),
        !privileges.containsKey(Privilege.WRITABLE_ROOT_FILESYSTEM), seccomp,
        confinement.containsKey(Confinement.APPARMOR_UNCONFINED), owner);
  }

  /**
   * Rule 16: what only works in a privileged container. Kubernetes rejects {@code Bidirectional}
   * propagation elsewhere, and the runtime's device cgroup blocks opening a character or block
   * device that the container merely has mounted.
   */
  private static void checkNeedsPrivileged(
      List<HostPathMount> hostPaths, boolean privileged, List<Need> privilegedReplaced) {
    if (privileged) {
      return;
    }
    for (HostPathMount m : hostPaths) {
      if (m.propagation() == MountPropagation.BIDIRECTIONAL) {
        throw new EngineException("host path '" + m.path() + "' of collector "
            + names(m.needs()) + " asks for mountPropagation Bidirectional, which Kubernetes"
            + " only allows in a privileged container, and the container is not privileged: "
            + privilegedFix(privilegedReplaced)
            + ", or use HostToContainer propagation if it only needs to see mounts the node adds");
      }
      if (m.type() == HostPathType.CHAR_DEVICE || m.type() == HostPathType.BLOCK_DEVICE) {
        throw new EngineException("host path '" + m.path() + "' of collector " + names(m.needs())
            + " is a " + m.type().kubernetesName() + ", which the container runtime's device cgroup"
            + " only lets a privileged container open, and the container is not privileged: "
            + privilegedFix(privilegedReplaced)
            + ", or read the data through a file interface instead (for example /proc or /sys)");
      }
    }
  }

  /** The fix for a host path only a privileged container may use; built only for the message. */
  private static String privilegedFix(List<Need> privilegedReplaced) {
    return privilegedReplaced.isEmpty()
        ? "declare PRIVILEGED on that collector"
        : "set " + Option.PRIVILEGED_INSTEAD_OF_CAPABILITIES + " to true so"
            + " that collector " + names(privilegedReplaced) + " runs privileged";
  }

  private static void checkEnvNames(List<HostPathMount> hostPaths, GenerationOptions options) {
    for (HostPathMount m : hostPaths) {
      if (m.env().contains(options.enabledInputsEnv())) {
        throw new EngineException("collector " + names(m.needs()) + " sets environment variable "
            + options.enabledInputsEnv() + " to the mount path of host path '" + m.path()
            + "', but that variable is " + Option.ENABLED_INPUTS_ENV + ": choose another " + Option.ENABLED_INPUTS_ENV
            + " or rename the collector's variable");
      }
    }
  }

  private static List<HostPathMount> mergeHostPaths(List<CollectorMetadata> enabled) {
    Map<String, List<Located<HostPathRequirement>>> byPath = new TreeMap<>();
    for (CollectorMetadata c : enabled) {
      for (HostPathRequirement h : c.hostPaths()) {
        listAt(byPath, h.path()).add(new Located<>(c, h));
      }
    }
    List<HostPathMount> out = new ArrayList<>();
    for (Map.Entry<String, List<Located<HostPathRequirement>>> e : byPath.entrySet()) {
      List<Located<HostPathRequirement>> all = e.getValue();
      Located<HostPathRequirement> first = all.get(0);
      HostPathType type = HostPathType.UNCHECKED;
      MountPropagation propagation = MountPropagation.NONE;
      SortedSet<String> env = new TreeSet<>();
      List<Need> needs = new ArrayList<>();
      List<Need> writers = new ArrayList<>();
      for (Located<HostPathRequirement> l : all) {
        HostPathRequirement h = l.value();
        if (!h.mountPath().equals(first.value().mountPath())) {
          throw new EngineException("host path '" + e.getKey() + "' is mounted at '"
              + first.value().mountPath() + "' by collector '" + first.collector().name()
              + "' and at '" + h.mountPath() + "' by collector '" + l.collector().name()
              + "': the collectors must agree on one mount path (change one declaration)");
        }
        if (h.type() != HostPathType.UNCHECKED) {
          if (type != HostPathType.UNCHECKED && type != h.type()) {
            throw new EngineException("host path '" + e.getKey() + "' is declared with type "
                + type + " and " + h.type() + " (collector '" + l.collector().name()
                + "'): the collectors must agree on its type");
          }
          type = h.type();
        }
        if (h.propagation().ordinal() > propagation.ordinal()) {
          propagation = h.propagation();
        }
        if (!h.env().isEmpty()) {
          env.add(h.env());
        }
        Need need = need(l.collector(), h.reason());
        needs.add(need);
        if (!h.readOnly()) {
          writers.add(need);
        }
      }
      out.add(new HostPathMount(
          KubernetesNames.volumeName("host", e.getKey()), e.getKey(), first.value().mountPath(),
          writers.isEmpty(), type, propagation, env, Grant.sorted(needs), Grant.sorted(writers)));
    }
    checkEnvConflicts(out);
    return List.copyOf(out);
  }

  private static void checkEnvConflicts(List<HostPathMount> mounts) {
    Map<String, HostPathMount> byEnv = new TreeMap<>();
    for (HostPathMount m : mounts) {
      for (String env : m.env()) {
        HostPathMount before = byEnv.putIfAbsent(env, m);
        if (before != null) {
          throw new EngineException("environment variable " + env + " would point at both '"
              + before.mountPath() + "' and '" + m.mountPath() + "': collectors "
              + names(before.needs()) + " and " + names(m.needs()) + " must use different names");
        }
      }
    }
  }

  private static List<WritableDirectory> mergeWritablePaths(List<CollectorMetadata> enabled) {
    Map<String, List<Located<WritablePathRequirement>>> byPath = new TreeMap<>();
    for (CollectorMetadata c : enabled) {
      for (WritablePathRequirement w : c.writablePaths()) {
        listAt(byPath, w.path()).add(new Located<>(c, w));
      }
    }
    List<WritableDirectory> out = new ArrayList<>();
    for (Map.Entry<String, List<Located<WritablePathRequirement>>> e : byPath.entrySet()) {
      String hostPath = "";
      List<Need> needs = new ArrayList<>();
      for (Located<WritablePathRequirement> l : e.getValue()) {
        String declared = l.value().hostPath();
        if (!declared.isEmpty()) {
          if (!hostPath.isEmpty() && !hostPath.equals(declared)) {
            throw new EngineException("writable path '" + e.getKey() + "' is kept in '" + hostPath
                + "' by one collector and in '" + declared + "' by collector '"
                + l.collector().name() + "': the collectors must agree on the node directory");
          }
          hostPath = declared;
        }
        needs.add(need(l.collector(), l.value().reason()));
      }
      out.add(new WritableDirectory(
          KubernetesNames.volumeName(hostPath.isEmpty() ? "scratch" : "kept", e.getKey()),
          e.getKey(), hostPath, Grant.sorted(needs)));
    }
    return List.copyOf(out);
  }

  private static void checkMountPaths(List<HostPathMount> hostPaths, List<WritableDirectory> writable) {
    // Owners are described only for the message: building the text for every mount of every
    // resolution cost more than the check (the trim table resolves once per feature).
    Map<String, Object> owners = new HashMap<>();
    for (HostPathMount m : hostPaths) {
      claim(owners, m.mountPath(), m);
    }
    for (WritableDirectory w : writable) {
      claim(owners, w.path(), w);
    }
  }

  private static void claim(Map<String, Object> owners, String mountPath, Object owner) {
    Object before = owners.putIfAbsent(mountPath, owner);
    if (before != null) {
      throw new EngineException("mount path '" + mountPath + "' is claimed by " + owner(before) + " and by "
          + owner(owner) + ": give them different mount paths");
    }
  }

  private static String owner(Object mount) {
    return mount instanceof HostPathMount m
        ? "host path '" + m.path() + "' (" + names(m.needs()) + ")"
        : "writable path (" + names(((WritableDirectory) mount).needs()) + ")";
  }

  private static List<ContainerPort> mergePorts(List<CollectorMetadata> enabled, GenerationOptions options,
      boolean hostNetwork) {
    Map<String, List<Located<PortRequirement>>> byPort = new TreeMap<>();
    for (CollectorMetadata c : enabled) {
      for (PortRequirement p : c.ports()) {
        listAt(byPort, portKey(p)).add(new Located<>(c, p));
      }
    }
    List<ContainerPort> out = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    for (List<Located<PortRequirement>> all : byPort.values()) {
      PortRequirement first = all.get(0).value();
      boolean reachable = false;
      List<Need> needs = new ArrayList<>();
      for (Located<PortRequirement> l : all) {
        if (!l.value().name().equals(first.name())) {
          throw new EngineException("port " + first.number() + "/" + first.protocol()
              + " is named '" + first.name() + "' by collector '" + all.get(0).collector().name()
              + "' and '" + l.value().name() + "' by collector '" + l.collector().name()
              + "': a shared port has one name, so the collectors must agree on it");
        }
        reachable |= l.value().reachableAtNodeIp();
        needs.add(need(l.collector(), l.value().reason()));
      }
      String label = first.number() + "/" + first.protocol();
      String before = names.putIfAbsent(first.name(), label);
      if (before != null) {
        throw new EngineException("port name '" + first.name() + "' is used for both " + before
            + " and " + label + ": Kubernetes needs unique port names; rename one of them");
      }
      // Under hostNetwork every listening port is bound on the node, and the API server sets
      // hostPort to containerPort; the YAML says so instead of leaving it implicit.
      boolean hostPort = hostNetwork || reachable && options.portExposure() == PortExposure.HOST_PORT;
      out.add(new ContainerPort(first.number(), first.protocol(), first.name(), hostPort, reachable,
          Grant.sorted(needs)));
    }
    return List.copyOf(out);
  }

  /**
   * {@code 08125/UDP}: sorts by number, then protocol. Built by hand: {@code String.format} parsed
   * its pattern once per port requirement, a visible share of the trim table's time (it resolves
   * once per feature).
   */
  private static String portKey(PortRequirement p) {
    String number = Integer.toString(p.number());
    return "00000".substring(Math.min(5, number.length())) + number + "/" + p.protocol();
  }

  static Need need(CollectorMetadata c, String reason) {
    return new Need(c.name(), c.feature(), reason);
  }

  private static <K> void add(Map<K, List<Need>> map, K key, Need need) {
    listAt(map, key).add(need);
  }

  /** The list at {@code key}, a new empty one put there first when there is none. */
  private static <K, V> List<V> listAt(Map<K, List<V>> map, K key) {
    List<V> list = map.get(key);
    if (list == null) {
      list = new ArrayList<>();
      map.put(key, list);
    }
    return list;
  }

  private static <K> void sortNeeds(Map<K, List<Need>> map) {
    for (Map.Entry<K, List<Need>> e : map.entrySet()) {
      e.setValue(Grant.sorted(e.getValue()));
    }
  }

  public static String names(List<Need> needs) {
    SortedSet<String> collectors = new TreeSet<>();
    for (Need n : needs) {
      collectors.add(n.collector());
    }
    return String.join(", ", collectors);
  }

  private record Located<T>(CollectorMetadata collector, T value) {}
}
