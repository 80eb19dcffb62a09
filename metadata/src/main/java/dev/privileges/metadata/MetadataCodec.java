package dev.privileges.metadata;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes collector metadata documents (see {@code docs/metadata-format.md}).
 *
 * <p>The writer is canonical: keys sorted, arrays sorted, two-space indent, {@code \n} line ends,
 * a final newline, no timestamps; equal content gives equal bytes. The reader is strict: unknown
 * fields, wrong types and unknown enum values fail with the field's path; a newer format version
 * fails before anything else is read.
 */
public final class MetadataCodec {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private MetadataCodec() {}

  /**
   * The canonical JSON of {@code metadata}, ending in a newline: {@link MetadataWriter#write},
   * which needs no Jackson.
   */
  public static String write(CollectorMetadata metadata) {
    return MetadataWriter.write(metadata);
  }

  /**
   * Parses a metadata document without checking declaration rules.
   *
   * @param origin names the document in messages, e.g. {@code "foo.jar!/META-INF/..."}
   * @throws MetadataException if the document is malformed or of a newer format
   */
  public static CollectorMetadata parse(String json, String origin) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new MetadataException(origin + ": not valid JSON (" + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
          + "): fix the syntax");
    }
    if (tree == null || !tree.isObject()) {
      throw new MetadataException(origin + ": expected a JSON object with formatVersion, name,"
          + " feature and source");
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new MetadataException(origin + ": formatVersion is missing or not a number: add"
          + " \"formatVersion\": " + CollectorMetadata.FORMAT_VERSION);
    }
    if (version.intValue() > CollectorMetadata.FORMAT_VERSION) {
      throw new MetadataException(origin + ": metadata format version " + version.intValue()
          + " is newer than this plugin understands (" + CollectorMetadata.FORMAT_VERSION
          + "): upgrade privileges-maven-plugin to the version of the processor that wrote it");
    }
    if (version.intValue() < 1) {
      throw new MetadataException(origin + ": formatVersion " + version.intValue()
          + " is invalid: use " + CollectorMetadata.FORMAT_VERSION);
    }
    try {
      return MAPPER.treeToValue(tree, CollectorMetadata.class);
    } catch (UnrecognizedPropertyException e) {
      throw new MetadataException(origin + ": unknown field '" + e.getPropertyName() + "' at "
          + path(e) + ": remove it or fix its spelling (known fields: "
          + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
          + ")");
    } catch (InvalidFormatException e) {
      throw new MetadataException(origin + ": " + path(e) + " has the invalid value '"
          + e.getValue() + "'" + allowed(e.getTargetType()));
    } catch (JsonMappingException e) {
      if (e.getOriginalMessage().startsWith("Cannot map `null` into type")) {
        // a primitive field (a number or true/false) is missing: every one is mandatory
        throw new MetadataException(origin + ": " + path(e) + " is missing: add it (every"
            + " number and true/false field is mandatory, see docs/metadata-format.md)");
      }
      throw new MetadataException(origin + ": " + path(e) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new MetadataException(origin + ": " + e.getOriginalMessage());
    }
  }

  /**
   * Parses and validates a metadata document.
   *
   * @throws MetadataException naming the document, the field and the fix for the first problems
   */
  public static CollectorMetadata read(String json, String origin) {
    CollectorMetadata metadata = parse(json, origin);
    List<Finding> findings = CollectorValidator.validate(metadata);
    if (!findings.isEmpty()) {
      throw new MetadataException(origin + ": "
          + findings.stream().map(Finding::toString).collect(Collectors.joining("; ")));
    }
    return metadata;
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "the document" : out.toString();
  }

  private static String allowed(Class<?> type) {
    if (type != null && type.isEnum()) {
      return ": use one of " + List.of(type.getEnumConstants()).stream()
          .map(String::valueOf).collect(Collectors.joining(", "));
    }
    return ": use a " + (type == null ? "valid value" : type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
  }
}
