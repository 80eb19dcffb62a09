package dev.privileges.annotations.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * The collector needs a Linux capability, possibly only on a range of kernels.
 *
 * @param capability which capability
 * @param fromKernel the requirement applies from this kernel on; empty means every kernel
 * @param beforeKernel the requirement applies below this kernel; empty means every kernel
 * @param reason why the collector needs it
 * @param declaredBy the declaring class, or {@code file:<path>}
 */
public record CapabilityRequirement(
    LinuxCapability capability,
    Optional<KernelVersion> fromKernel,
    Optional<KernelVersion> beforeKernel,
    String reason,
    String declaredBy)
    implements Requirement {

  /** Checks for {@code null}. */
  public CapabilityRequirement {
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(fromKernel, "fromKernel");
    Objects.requireNonNull(beforeKernel, "beforeKernel");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(declaredBy, "declaredBy");
  }

  /** Whether the requirement applies on {@code kernel}. */
  public boolean appliesTo(KernelVersion kernel) {
    return fromKernel.map(from -> kernel.compareTo(from) >= 0).orElse(true)
        && beforeKernel.map(before -> kernel.compareTo(before) < 0).orElse(true);
  }

  /** Whether it holds on some kernels only. */
  public boolean hasKernelRange() {
    return fromKernel.isPresent() || beforeKernel.isPresent();
  }

  @Override
  public RequirementKind kind() {
    return RequirementKind.CAPABILITY;
  }

  @Override
  public String summary() {
    String range;
    if (fromKernel.isPresent() && beforeKernel.isPresent()) {
      range = " (kernel " + fromKernel.get() + " to before " + beforeKernel.get() + ")";
    } else if (fromKernel.isPresent()) {
      range = " (kernel " + fromKernel.get() + " and newer)";
    } else if (beforeKernel.isPresent()) {
      range = " (kernels before " + beforeKernel.get() + ")";
    } else {
      range = "";
    }
    return "capability " + capability + range;
  }
}
