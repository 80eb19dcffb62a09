package dev.privileges.metadata;

/**
 * A metadata document that cannot be used: malformed JSON, an unknown field, a newer format, or a
 * broken declaration rule. The message names the document (file, or jar and entry), the field and
 * the fix.
 */
public class MetadataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MetadataException(String message) {
    super(message);
  }

  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
