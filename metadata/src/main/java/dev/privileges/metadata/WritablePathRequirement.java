package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One writable directory inside the container.
 *
 * @param path the directory inside the container
 * @param keepAcrossRestarts whether a node directory keeps its content across pod restarts
 * @param hostPath that node directory; empty for a scratch ({@code emptyDir}) volume
 * @param reason what the collector writes there
 * @param declaredBy the type (or file) whose declaration this is
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record WritablePathRequirement(
    String path, boolean keepAcrossRestarts, String hostPath, String reason, String declaredBy) implements SortKeyed {

  public WritablePathRequirement {
    hostPath = hostPath == null ? "" : hostPath;
  }

  @Override
  public String sortKey() {
    return path + "\0" + declaredBy + "\0" + reason;
  }
}
