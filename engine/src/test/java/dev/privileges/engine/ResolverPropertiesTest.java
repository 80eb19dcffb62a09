package dev.privileges.engine;

import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.CollectorSelection;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.KernelCapabilities;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * Properties of the resolver over 200 seeded random bundles ({@link RandomBundles}), checked on
 * the rendered YAML. Each privilege in the YAML is reduced to an "atom" ({@code cap:BPF}, {@code
 * hostPath:/proc:ro}, {@code rbac:|pods|get}, ...), so the properties read as set relations.
 */
class ResolverPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  private static String render(Bundle bundle, GenerationOptions options) {
    return new DaemonSetRenderer().render(new Resolver().resolve(bundle, options));
  }

  private static List<CollectorMetadata> enabled(RandomBundles.Case c) {
    return new CollectorSelection(c.bundle()).select(c.options());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyGrantedPrivilege_tracesToAnEnabledCollector(long seed) {
    RandomBundles.Case c = RandomBundles.generate(seed);
    SortedSet<String> atoms = atoms(Rendered.of(render(c.bundle(), c.options())));

    SortedSet<String> declared = declaredAtoms(enabled(c), c.options());
    for (String atom : atoms) {
      assertThat(justified(atom, atoms, declared)).as("seed %d: %s has no enabled collector behind it", seed, atom).isTrue();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRequirementOfEveryEnabledCollector_isSatisfied(long seed) {
    RandomBundles.Case c = RandomBundles.generate(seed);
    Rendered r = Rendered.of(render(c.bundle(), c.options()));
    SortedSet<String> atoms = atoms(r);

    for (CollectorMetadata collector : enabled(c)) {
      for (String needed : declaredAtoms(List.of(collector), c.options())) {
        if (needed.equals("privileged")) {
          continue; // checked below: privileged, or served by the collector's capabilities
        }
        assertThat(implied(needed, atoms)).as("seed %d: %s of %s missing", seed, needed, collector.name()).isTrue();
      }
      boolean declaresPrivileged = collector.privileges().stream().anyMatch(p -> p.privilege() == Privilege.PRIVILEGED);
      if (declaresPrivileged && !atoms.contains("privileged")) {
        assertThat(c.options().privilegedInsteadOfCapabilities()).isFalse();
        assertThat(collector.capabilities().stream().anyMatch(k -> KernelCapabilities.needed(k, c.options().oldestKernel())))
            .as("seed %d: %s declared PRIVILEGED without capabilities that replace it", seed, collector.name()).isTrue();
      }
      for (WritablePathRequirement w : collector.writablePaths()) {
        assertThat(r.mounts()).anyMatch(m -> m.get("mountPath").equals(w.path()) && !m.containsKey("readOnly"));
      }
      for (HostPathRequirement h : collector.hostPaths()) {
        assertThat(r.mounts()).as("seed %d", seed).anyMatch(m -> m.get("mountPath").equals(h.mountPath()));
        if (!h.env().isEmpty()) {
          assertThat(r.env()).contains(Map.of("name", h.env(), "value", h.mountPath()));
        }
      }
      assertThat((String) r.env().get(0).get("value")).matches("(.*,)?" + collector.name() + "(,.*)?");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void disablingACollector_neverAddsAPrivilege(long seed) {
    RandomBundles.Case c = RandomBundles.generate(seed);
    List<String> names = enabled(c).stream().map(CollectorMetadata::name).toList();
    if (names.size() < 2) {
      return;
    }
    SortedSet<String> full = atoms(Rendered.of(render(c.bundle(), c.options())));
    String dropped = names.get((int) (seed % names.size()));
    List<String> fewer = new ArrayList<>(names);
    fewer.remove(dropped);
    GenerationOptions less = GenerationOptions.builder().enabledCollectors(fewer)
        .portExposure(c.options().portExposure()).oldestKernel(c.options().oldestKernel())
        .privilegedInsteadOfCapabilities(c.options().privilegedInsteadOfCapabilities()).build();

    SortedSet<String> reduced = atoms(Rendered.of(render(c.bundle(), less)));

    for (String atom : reduced) {
      assertThat(implied(atom, full)).as("seed %d: disabling %s added %s", seed, dropped, atom).isTrue();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void output_isValidKubernetes_andMeetsTheComputedPodSecurityLevel(long seed) {
    RandomBundles.Case c = RandomBundles.generate(seed);
    Grant grant = new Resolver().resolve(c.bundle(), c.options());
    String yaml = new DaemonSetRenderer().render(grant);

    assertThat(KubernetesSchema.violations(yaml)).as("seed %d:\n%s", seed, yaml).isEmpty();
    assertThat(PssChecker.check(Rendered.of(yaml).pod()).level()).as("seed %d", seed).isEqualTo(grant.podSecurity().level());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameInput_sameBytes_underAnotherLocaleAndTimeZone(long seed) {
    RandomBundles.Case c = RandomBundles.generate(seed);
    String first = render(c.bundle(), c.options());
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    String other;
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      other = render(RandomBundles.generate(seed).bundle(), c.options());
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }

    assertThat(render(c.bundle(), c.options())).isEqualTo(first);
    assertThat(other).isEqualTo(first);
  }

  /** The privileges in the rendered YAML, as atoms. */
  @SuppressWarnings("unchecked")
  static SortedSet<String> atoms(Rendered r) {
    SortedSet<String> out = new TreeSet<>();
    Map<String, Object> pod = r.pod();
    for (String ns : List.of("hostPID", "hostNetwork", "hostIPC")) {
      if (Boolean.TRUE.equals(pod.get(ns))) {
        out.add(ns);
      }
    }
    if (pod.containsKey("serviceAccountName")) {
      out.add("token");
    }
    Map<String, Object> sc = r.containerSecurity();
    if (Boolean.TRUE.equals(sc.get("privileged"))) {
      out.add("privileged");
    }
    if (!sc.containsKey("allowPrivilegeEscalation")) {
      out.add("escalation");
    }
    if (Boolean.FALSE.equals(sc.get("readOnlyRootFilesystem"))) {
      out.add("writableRoot");
    }
    if (sc.containsKey("appArmorProfile")) {
      out.add("apparmor:unconfined");
    }
    Object seccomp = r.podSecurity().get("seccompProfile");
    if (seccomp == null || ((Map<String, Object>) seccomp).get("type").equals("Unconfined")) {
      out.add("seccomp:unconfined");
    }
    if (Integer.valueOf(0).equals(r.podSecurity().get("runAsUser"))) {
      out.add("root");
    }
    r.addedCapabilities().forEach(cap -> out.add("cap:" + cap));
    Map<String, String> hostPathOf = new TreeMap<>();
    r.volumes().forEach(v -> {
      if (v.containsKey("hostPath")) {
        hostPathOf.put((String) v.get("name"), (String) ((Map<String, Object>) v.get("hostPath")).get("path"));
      }
    });
    for (Map<String, Object> m : r.mounts()) {
      String path = hostPathOf.get((String) m.get("name"));
      if (path != null) {
        out.add("hostPath:" + path + (m.containsKey("readOnly") ? ":ro" : ":rw"));
        if (m.containsKey("mountPropagation")) {
          out.add("propagation:" + path + ":" + m.get("mountPropagation"));
        }
      }
      if (!m.containsKey("readOnly")) {
        out.add("writable:" + m.get("mountPath"));
      }
    }
    for (Map<String, Object> p : r.ports()) {
      String port = p.get("containerPort") + "/" + p.get("protocol");
      out.add("port:" + port);
      if (p.containsKey("hostPort")) {
        out.add("hostPort:" + port);
      }
    }
    if (r.kinds().contains("Service")) {
      for (Map<String, Object> p : (List<Map<String, Object>>) ((Map<String, Object>) r.document("Service").get("spec")).get("ports")) {
        out.add("servicePort:" + p.get("port") + "/" + p.get("protocol"));
      }
    }
    if (r.kinds().contains("ClusterRole")) {
      for (Map<String, Object> rule : r.clusterRoleRules()) {
        for (Object verb : (List<Object>) rule.get("verbs")) {
          for (Object url : (List<Object>) rule.getOrDefault("nonResourceURLs", List.of())) {
            out.add("url:" + url + "|" + verb);
          }
          for (Object group : (List<Object>) rule.getOrDefault("apiGroups", List.of())) {
            for (Object resource : (List<Object>) rule.get("resources")) {
              out.add("rbac:" + group + "|" + resource + "|" + verb);
            }
          }
        }
      }
    }
    return out;
  }

  /** What the collectors declare, as the atoms they need (capabilities only where the kernels need them). */
  static SortedSet<String> declaredAtoms(List<CollectorMetadata> collectors, GenerationOptions options) {
    SortedSet<String> out = new TreeSet<>();
    for (CollectorMetadata c : collectors) {
      c.privileges().forEach(p -> out.add(switch (p.privilege()) {
        case HOST_PID -> "hostPID";
        case HOST_NETWORK -> "hostNetwork";
        case HOST_IPC -> "hostIPC";
        case PRIVILEGED -> "privileged";
        case RUN_AS_ROOT -> "root";
        case WRITABLE_ROOT_FILESYSTEM -> "writableRoot";
      }));
      for (CapabilityRequirement k : c.capabilities()) {
        if (KernelCapabilities.needed(k, options.oldestKernel())) {
          out.add("cap:" + k.capability());
        }
      }
      for (HostPathRequirement h : c.hostPaths()) {
        out.add("hostPath:" + h.path() + (h.readOnly() ? ":ro" : ":rw"));
        if (!h.readOnly()) {
          out.add("writable:" + h.mountPath());
        }
        if (h.propagation() != MountPropagation.NONE) {
          out.add("propagation:" + h.path() + ":" + h.propagation().kubernetesName());
        }
      }
      for (WritablePathRequirement w : c.writablePaths()) {
        out.add("writable:" + w.path());
        if (!w.hostPath().isEmpty()) {
          out.add("hostPath:" + w.hostPath() + ":rw");
        }
      }
      for (PortRequirement p : c.ports()) {
        String port = p.number() + "/" + p.protocol();
        out.add("port:" + port);
        if (p.reachableAtNodeIp()) {
          out.add((options.portExposure() == PortExposure.HOST_PORT ? "hostPort:" : "servicePort:") + port);
        }
      }
      for (ApiRuleRequirement a : c.kubernetesApi()) {
        out.add("token");
        for (String verb : a.verbs()) {
          a.nonResourceUrls().forEach(u -> out.add("url:" + u + "|" + verb));
          for (String group : a.apiGroups()) {
            a.resources().forEach(res -> out.add("rbac:" + group + "|" + res + "|" + verb));
          }
        }
      }
      c.confinement().forEach(k -> out.add(k.confinement().name().startsWith("SECCOMP") ? "seccomp:unconfined" : "apparmor:unconfined"));
    }
    return out;
  }

  private static final Set<String> IMPLIED_BY_SYS_ADMIN = Set.of("cap:BPF", "cap:PERFMON", "cap:CHECKPOINT_RESTORE");

  /** Whether the privileges {@code granted} include {@code atom}, directly or through a broader one. */
  static boolean implied(String atom, Set<String> granted) {
    if (granted.contains(atom)) {
      return true;
    }
    if (atom.startsWith("cap:")) {
      return granted.contains("privileged") || IMPLIED_BY_SYS_ADMIN.contains(atom) && granted.contains("cap:SYS_ADMIN");
    }
    if (atom.startsWith("servicePort:")) {
      // Under hostNetwork the port is bound on the node instead: more than node-local delivery.
      return granted.contains("hostPort:" + atom.substring("servicePort:".length()));
    }
    if (atom.startsWith("hostPath:") && atom.endsWith(":ro")) {
      return granted.contains(atom.substring(0, atom.length() - 3) + ":rw");
    }
    if (atom.startsWith("rbac:") || atom.startsWith("url:")) {
      return granted.contains(atom.substring(0, atom.lastIndexOf('|') + 1) + "*");
    }
    if (atom.startsWith("propagation:") && atom.endsWith(":HostToContainer")) {
      return granted.contains(atom.replace(":HostToContainer", ":Bidirectional"));
    }
    return false;
  }

  /** Whether a granted atom is backed by a declaration of an enabled collector. */
  private static boolean justified(String atom, Set<String> granted, Set<String> declared) {
    return switch (atom) {
      case "root" -> declared.contains("root") || granted.contains("privileged")
          || granted.stream().anyMatch(a -> a.startsWith("cap:"));
      case "escalation" -> granted.contains("privileged") || granted.contains("cap:SYS_ADMIN");
      case "seccomp:unconfined" -> declared.contains(atom) || granted.contains("privileged");
      default -> atom.startsWith("hostPort:") && granted.contains("hostNetwork")
          ? declared.contains("port:" + atom.substring("hostPort:".length()))
          : declaredOrNarrower(atom, declared);
    };
  }

  private static boolean declaredOrNarrower(String atom, Set<String> declared) {
    return declared.contains(atom)
        || atom.endsWith(":ro") && declared.contains(atom.substring(0, atom.length() - 3) + ":rw")
        || atom.startsWith("propagation:") && atom.endsWith(":HostToContainer")
            && declared.contains(atom.replace(":HostToContainer", ":Bidirectional"));
  }
}
