package dev.privileges.metadata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.privileges.annotations.Confinement;

/**
 * One confinement a collector needs lifted.
 *
 * @param confinement the confinement
 * @param reason why the default profile does not work for the collector
 * @param declaredBy the type (or file) whose declaration this is
 */
@JsonPropertyOrder(alphabetic = true)
public record ConfinementRequirement(Confinement confinement, String reason, String declaredBy) implements SortKeyed {

  @Override
  public String sortKey() {
    return confinement + "\0" + declaredBy + "\0" + reason;
  }
}
