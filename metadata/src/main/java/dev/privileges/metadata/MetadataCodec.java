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
          // a repeated key would silently win over the first (and could rename a collector)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
    return parse(json, origin, false);
  }

  /**
   * Parses a metadata document without checking declaration rules.
   *
   * @param origin names the document in messages
   * @param handWritten whether the processor reads a file someone wrote by hand (messages then
   *     speak of the processor and never ask for {@code source}, which the processor fills in),
   *     rather than the plugin reading a file from a jar
   * @throws MetadataException if the document is malformed or of a newer format
   */
  public static CollectorMetadata parse(String json, String origin, boolean handWritten) {
    if (json.isBlank()) {
      throw new MetadataException(origin + ": the file is empty: write one JSON object with"
          + " formatVersion, name, feature and the collector's requirements (see"
          + " docs/metadata-format.md)");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      java.util.regex.Matcher duplicate =
          java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(message);
      if (duplicate.lookingAt()) {
        throw new MetadataException(origin + ":" + e.getLocation().getLineNr() + ": key \""
            + duplicate.group(1) + "\" appears twice in one object (line "
            + e.getLocation().getLineNr() + "): a JSON reader would keep only one of them; remove"
            + " the other");
      }
      throw new MetadataException(origin + ": not valid JSON (" + message
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
          + "): fix the syntax");
    }
    if (tree == null || !tree.isObject()) {
      throw new MetadataException(origin + ": expected one JSON object with formatVersion, name,"
          + " feature" + (handWritten ? "" : ", source") + " and the collector's requirements");
    }
    JsonNode version = tree.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new MetadataException(origin + ": formatVersion is missing or not a number: add"
          + " \"formatVersion\": " + CollectorMetadata.FORMAT_VERSION);
    }
    if (version.intValue() > CollectorMetadata.FORMAT_VERSION && handWritten) {
      throw new MetadataException(origin + ": metadata format version " + version.intValue()
          + " is newer than this processor understands (" + CollectorMetadata.FORMAT_VERSION
          + "): write \"formatVersion\": " + CollectorMetadata.FORMAT_VERSION + " and the fields"
          + " of docs/metadata-format.md, or build with the privileges-processor version whose"
          + " format this file follows");
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
    } catch (JsonMappingException e) {
      throw mappingError(json, origin, e);
    } catch (JsonProcessingException e) {
      throw new MetadataException(origin + ": " + e.getOriginalMessage());
    }
  }

  /** A binding error, named by its JSON path and, when the path is written, its line. */
  private static MetadataException mappingError(String json, String origin, JsonMappingException e) {
    int line = JsonLines.of(json).line(path(e));
    String at = line > 0 ? origin + ":" + line : origin;
    if (e instanceof UnrecognizedPropertyException u) {
      return new MetadataException(at + ": unknown field '" + u.getPropertyName() + "' at "
          + path(u) + ": remove it or fix its spelling (known fields: "
          + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
          + ")");
    }
    if (e instanceof InvalidFormatException i) {
      return new MetadataException(at + ": " + path(i) + " has the invalid value '"
          + i.getValue() + "'" + allowed(i.getTargetType()));
    }
    if (e.getOriginalMessage().startsWith("Cannot map `null` into type")) {
      // a primitive field (a number or true/false) is missing: every one is mandatory
      return new MetadataException(at + ": " + path(e) + " is missing: add it (every"
          + " number and true/false field is mandatory, see docs/metadata-format.md)");
    }
    return new MetadataException(at + ": " + path(e) + ": " + e.getOriginalMessage());
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
