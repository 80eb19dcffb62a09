package dev.privileges.processor;

import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.CollectorValidator;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.Finding;
import dev.privileges.metadata.JsonLines;
import dev.privileges.metadata.JsonTerms;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataException;
import dev.privileges.metadata.MetadataWriter;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.Violation;
import dev.privileges.metadata.WritablePathRequirement;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Metadata written by hand for collectors that are not Java classes (a script the agent
 * downloads, for instance): every {@code *.json} file directly in the folder named by {@code
 * -Aprivileges.handWrittenDir}, in the format of the generated files.
 *
 * <p>The processor fills in the provenance: {@code source} and every {@code declaredBy} become
 * {@code file:<file name>} (the path relative to the folder, so the output does not depend on
 * where the project lives). A file may leave them out; if it sets them, they must say exactly
 * that. Then the file is checked with the same rules as an annotated collector.
 */
final class HandWrittenMetadata {

  /** One file's outcome: its metadata, or what is wrong with it. */
  record Result(Path file, CollectorMetadata metadata, List<String> errors) {}

  private HandWrittenMetadata() {}

  /**
   * Reads every {@code *.json} file of {@code folder}, sorted by name.
   *
   * @throws IOException if the folder cannot be listed
   */
  static List<Result> readFolder(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing
          .filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
    List<Result> out = new ArrayList<>();
    for (Path file : files) {
      out.add(read(file, "file:" + file.getFileName()));
    }
    return out;
  }

  static Result read(Path file, String source) {
    String origin = file.toString();
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      return failed(file, origin + ": not UTF-8: save the file as UTF-8");
    } catch (IOException e) {
      return failed(file, origin + ": cannot read the file (" + e + ")");
    }
    CollectorMetadata parsed;
    try {
      parsed = MetadataCodec.parse(json, origin, true);
    } catch (MetadataException e) {
      return failed(file, e.getMessage());
    }
    List<String> errors = new ArrayList<>();
    JsonLines lines = JsonLines.of(json);
    FileIndexes parsedIndexes = new FileIndexes(parsed, lines);
    for (String field : foreignProvenance(parsed, source)) {
      String inFile = parsedIndexes.inFile(field);
      errors.add(new Violation("HandWrittenProvenance", at(origin, lines, inFile) + inFile
          + " is set to another origin: leave it out (the processor sets it to '" + source
          + "')").toString());
    }
    CollectorMetadata metadata = withProvenance(parsed, source);
    FileIndexes indexes = new FileIndexes(metadata, lines);
    for (Finding finding : CollectorValidator.validate(metadata)) {
      String inFile = indexes.inFile(finding.field());
      errors.add("[" + finding.violation().code() + "] " + at(origin, lines, inFile)
          + (inFile.isEmpty() ? "" : inFile + ": ") + JsonTerms.of(finding.violation().message()));
    }
    return new Result(file, errors.isEmpty() ? metadata : null, errors);
  }

  /** {@code file:line: } for a field, or {@code file: } when the field is not written. */
  private static String at(String origin, JsonLines lines, String field) {
    int line = field.isEmpty() ? 0 : lines.line(field);
    return origin + (line > 0 ? ":" + line : "") + ": ";
  }

  /**
   * Maps a field as a finding names it (index in the sorted array) to the field as the file
   * holds it (index in the file's order), so the message names what the author wrote.
   */
  private static final class FileIndexes {
    private final CollectorMetadata metadata;
    private final JsonLines lines;
    private final Map<String, Map<Integer, Integer>> byArray = new HashMap<>();

    FileIndexes(CollectorMetadata metadata, JsonLines lines) {
      this.metadata = metadata;
      this.lines = lines;
    }

    String inFile(String field) {
      Matcher m = INDEXED.matcher(field);
      if (!m.matches()) {
        return field;
      }
      int fileIndex = byArray.computeIfAbsent(m.group(1), this::mapping)
          .getOrDefault(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(2)));
      return m.group(1) + "[" + fileIndex + "]" + m.group(3);
    }

    private Map<Integer, Integer> mapping(String array) {
      Map<Integer, Integer> out = new HashMap<>();
      Set<Integer> taken = new HashSet<>();
      for (MetadataWriter.Entry e : MetadataWriter.requirements(metadata)) {
        if (!e.array().equals(array)) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (MetadataWriter.Field f : e.fields()) {
          if (!f.key().equals("declaredBy") && f.value() != null) {
            values.put(f.key(), f.value() instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : f.value() instanceof Enum<?> en ? en.name() : String.valueOf(f.value()));
          }
        }
        int j = lines.fileIndex(array, values, taken);
        if (j >= 0) {
          taken.add(j);
          out.put(e.position(), j);
        }
      }
      return out;
    }
  }

  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)\\](.*)");

  private static Result failed(Path file, String message) {
    return new Result(file, null,
        List.of(new Violation("InvalidHandWrittenMetadata", message).toString()));
  }

  /** The provenance fields that name something other than {@code source}. */
  private static List<String> foreignProvenance(CollectorMetadata c, String source) {
    List<String> out = new ArrayList<>();
    if (isForeign(c.source(), source)) {
      out.add("source");
    }
    check(out, "privileges", c.privileges(), PrivilegeRequirement::declaredBy, source);
    check(out, "capabilities", c.capabilities(), CapabilityRequirement::declaredBy, source);
    check(out, "hostPaths", c.hostPaths(), HostPathRequirement::declaredBy, source);
    check(out, "ports", c.ports(), PortRequirement::declaredBy, source);
    check(out, "writablePaths", c.writablePaths(), WritablePathRequirement::declaredBy, source);
    check(out, "kubernetesApi", c.kubernetesApi(), ApiRuleRequirement::declaredBy, source);
    check(out, "confinement", c.confinement(), ConfinementRequirement::declaredBy, source);
    return out;
  }

  private static <T> void check(
      List<String> out, String field, List<T> items, Function<T, String> declaredBy, String source) {
    for (int i = 0; i < items.size(); i++) {
      if (isForeign(declaredBy.apply(items.get(i)), source)) {
        out.add(field + "[" + i + "].declaredBy");
      }
    }
  }

  private static boolean isForeign(String value, String source) {
    return value != null && !value.isEmpty() && !value.equals(source);
  }

  /** A copy with {@code source} and every {@code declaredBy} set to {@code source}. */
  static CollectorMetadata withProvenance(CollectorMetadata c, String source) {
    return new CollectorMetadata(
        c.formatVersion(), c.name(), c.feature(), c.description(), source, c.noPrivilegesReason(),
        c.privileges().stream()
            .map(r -> new PrivilegeRequirement(r.privilege(), r.reason(), source)).toList(),
        c.capabilities().stream()
            .map(r -> new CapabilityRequirement(
                r.capability(), r.fromKernel(), r.beforeKernel(), r.reason(), source)).toList(),
        c.hostPaths().stream()
            .map(r -> new HostPathRequirement(r.path(), r.mountPath(), r.readOnly(), r.type(),
                r.propagation(), r.env(), r.reason(), source)).toList(),
        c.ports().stream()
            .map(r -> new PortRequirement(
                r.number(), r.protocol(), r.name(), r.reachableAtNodeIp(), r.reason(), source))
            .toList(),
        c.writablePaths().stream()
            .map(r -> new WritablePathRequirement(
                r.path(), r.keepAcrossRestarts(), r.hostPath(), r.reason(), source)).toList(),
        c.kubernetesApi().stream()
            .map(r -> new ApiRuleRequirement(r.apiGroups(), r.resources(), r.nonResourceUrls(),
                r.verbs(), r.reason(), source)).toList(),
        c.confinement().stream()
            .map(r -> new ConfinementRequirement(r.confinement(), r.reason(), source)).toList());
  }
}
