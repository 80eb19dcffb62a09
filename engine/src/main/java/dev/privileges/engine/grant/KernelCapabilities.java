package dev.privileges.engine.grant;

import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.KernelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * Chooses the capabilities for every node kernel the bundle supports (PRODUCT §6 rule 2, with
 * kernel-dependent declarations).
 *
 * <p>A pod spec has one capability list for all nodes, but the kernels differ: CAP_BPF and
 * CAP_PERFMON exist from 5.8 (before, eBPF needs CAP_SYS_ADMIN); RLIMIT_MEMLOCK charging, and so
 * CAP_SYS_RESOURCE for eBPF, ends with 5.11. A collector declares each variant with {@code
 * fromKernel}/{@code beforeKernel}; the build says which is the oldest kernel it supports. The
 * smallest list that works on <em>every</em> kernel from there up is:
 *
 * <ol>
 *   <li>every requirement whose kernel range reaches into {@code [oldestKernel, ∞)}: a
 *       requirement that stops before the oldest kernel is dropped (with oldest 5.11, the
 *       pre-5.8 SYS_ADMIN and the pre-5.11 SYS_RESOURCE go away); a requirement that starts
 *       later is kept, since newer nodes need it;
 *   <li>then, when SYS_ADMIN is on the list anyway, the capabilities the kernel also grants to
 *       SYS_ADMIN holders ({@link #IMPLIED_BY_SYS_ADMIN}: the kernel's {@code bpf_capable()},
 *       {@code perfmon_capable()} and {@code checkpoint_restore_ns_capable()} accept either) are
 *       removed: they add nothing on any kernel, and on kernels below 5.8 the runtime would drop
 *       the unknown names anyway. Their collectors are listed under SYS_ADMIN, so provenance says
 *       who depends on it.
 * </ol>
 *
 * <p>So with oldest kernel 4.19 an eBPF collector gets {@code SYS_ADMIN, SYS_RESOURCE}; with 5.8
 * it gets {@code BPF, PERFMON, SYS_RESOURCE}; with 5.11 {@code BPF, PERFMON}. Clusters whose
 * runtime cannot use the newer names although the kernel has them keep the option {@code
 * privilegedInsteadOfCapabilities}.
 */
public final class KernelCapabilities {

  /** Capabilities whose every kernel check also accepts CAP_SYS_ADMIN. */
  public static final Set<String> IMPLIED_BY_SYS_ADMIN = Set.of("BPF", "CHECKPOINT_RESTORE", "PERFMON");

  private KernelCapabilities() {}

  /** Whether {@code r} applies on some kernel at or above {@code oldest}. */
  public static boolean needed(CapabilityRequirement r, KernelVersion oldest) {
    return r.beforeKernel().isEmpty() || oldest.compareTo(KernelVersion.parse(r.beforeKernel())) < 0;
  }

  /**
   * Removes from {@code capabilities} what SYS_ADMIN, when present, already grants, and adds the
   * needs behind the removed ones to SYS_ADMIN's.
   */
  static void dropImpliedBySysAdmin(SortedMap<String, List<Need>> capabilities) {
    List<Need> sysAdmin = capabilities.get("SYS_ADMIN");
    if (sysAdmin == null) {
      return;
    }
    List<Need> merged = new ArrayList<>(sysAdmin);
    for (String implied : IMPLIED_BY_SYS_ADMIN) {
      List<Need> needs = capabilities.remove(implied);
      if (needs != null) {
        for (Need n : needs) {
          merged.add(new Need(n.collector(), n.feature(),
              "Needs " + implied + ", which SYS_ADMIN includes: " + n.reason()));
        }
      }
    }
    capabilities.put("SYS_ADMIN", Grant.sorted(merged));
  }
}
