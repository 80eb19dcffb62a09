package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.privileges.annotations.Privilege;

/**
 * One privilege a collector requires.
 *
 * @param privilege the privilege
 * @param reason what the collector does with it
 * @param declaredBy the type (or file) whose declaration this is: the collector or a supertype
 */
@JsonPropertyOrder(alphabetic = true)
public record PrivilegeRequirement(Privilege privilege, String reason, String declaredBy) implements SortKeyed {

  @Override
  public String sortKey() {
    return privilege + "\0" + declaredBy + "\0" + reason;
  }
}
