package dev.privileges.metadata;

/**
 * A {@link Violation} found in a metadata document, with the field it concerns.
 *
 * @param field the field path inside the document, e.g. {@code hostPaths[1].path}; empty for the
 *     collector as a whole
 * @param violation what is wrong
 */
public record Finding(String field, Violation violation) {

  @Override
  public String toString() {
    return field.isEmpty() ? violation.toString() : field + ": " + violation;
  }
}
