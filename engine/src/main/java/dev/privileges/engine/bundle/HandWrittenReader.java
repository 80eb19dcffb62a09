package dev.privileges.engine.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.EngineIoException;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;


/**
 * Hand-written metadata read directly, without the processor: how agents that are not written in
 * Java (DataKit is Go) describe their collectors. A folder is searched with its subfolders for
 * {@code *.json} files, each one collector in the format of the generated files; a single
 * {@code .json} file is read as is.
 *
 * <p>As the processor does for {@code -Aprivileges.handWrittenDir}, the provenance is filled in:
 * {@code source} and every {@code declaredBy} become {@code file:<path relative to the folder>},
 * so the outputs do not depend on where the checkout lives. A file may leave them out; if it sets
 * them, they must say exactly that. Then the file is checked with the rules of an annotated
 * collector.
 */
public final class HandWrittenReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A collector and where it was read. */
  record Located(CollectorMetadata metadata, String origin) {}

  List<Located> read(Path input) {
    List<Path> files;
    Path base;
    if (Files.isDirectory(input)) {
      base = input;
      try (Stream<Path> walk = Files.walk(input)) {
        files = walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
            .sorted(java.util.Comparator.comparing(p -> input.relativize(p).toString().replace('\\', '/')))
            .toList();
      } catch (IOException e) {
        throw new EngineIoException("cannot list hand-written metadata in " + input + ": " + e, e);
      }
    } else {
      base = input.toAbsolutePath().getParent();
      files = List.of(input);
    }
    List<Located> out = new ArrayList<>();
    for (Path file : files) {
      String relative = base.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
      out.add(new Located(readFile(file, "file:" + relative), file.toString()));
    }
    return out;
  }

  private static CollectorMetadata readFile(Path file, String source) {
    String origin = file.toString();
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new EngineException(origin + ": not UTF-8: save the file as UTF-8");
    } catch (IOException e) {
      throw new EngineIoException("cannot read hand-written metadata " + origin + ": " + e, e);
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      tree = null;
    }
    try {
      if (!(tree instanceof ObjectNode object)) {
        return MetadataCodec.read(json, origin); // not a JSON object: the codec words the problem
      }
      fillProvenance(object, source, origin);
      return MetadataCodec.read(MAPPER.writeValueAsString(object), origin);
    } catch (MetadataException e) {
      throw new EngineException(e.getMessage(), e);
    } catch (JacksonException e) {
      throw new IllegalStateException("re-serializing a parsed tree failed", e);
    }
  }

  /** Sets {@code source} and each requirement's {@code declaredBy}, refusing another origin. */
  private static void fillProvenance(ObjectNode collector, String source, String origin) {
    fill(collector, "source", source, origin, "source");
    for (Iterator<Map.Entry<String, JsonNode>> fields = collector.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isArray()) {
        for (int i = 0; i < field.getValue().size(); i++) {
          if (field.getValue().get(i) instanceof ObjectNode requirement) {
            fill(requirement, "declaredBy", source, origin, field.getKey() + "[" + i + "].declaredBy");
          }
        }
      }
    }
  }

  private static void fill(ObjectNode node, String key, String source, String origin, String path) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      node.put(key, source);
    } else if (!value.asText().equals(source)) {
      throw new EngineException(origin + ": " + path + " is '" + value.asText() + "', another origin:"
          + " leave it out (it is set to '" + source + "', the file's path in its folder)");
    }
  }
}
