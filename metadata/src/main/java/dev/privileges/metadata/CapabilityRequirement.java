package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One Linux capability a collector requires, possibly only on some kernels.
 *
 * @param capability the capability in Kubernetes spelling, e.g. {@code NET_RAW}
 * @param fromKernel the requirement applies from this kernel version on; empty for all
 * @param beforeKernel the requirement applies below this kernel version; empty for all
 * @param reason what the collector does with it
 * @param declaredBy the type (or file) whose declaration this is
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record CapabilityRequirement(
    String capability, String fromKernel, String beforeKernel, String reason, String declaredBy) implements SortKeyed {

  public CapabilityRequirement {
    fromKernel = fromKernel == null ? "" : fromKernel;
    beforeKernel = beforeKernel == null ? "" : beforeKernel;
  }

  @Override
  public String sortKey() {
    return capability + "\0" + fromKernel + "\0" + beforeKernel + "\0" + declaredBy + "\0" + reason;
  }
}
