package dev.privileges.processor;

import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.CollectorValidator;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.Finding;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.MetadataCodec;
import dev.privileges.metadata.MetadataException;
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
      parsed = MetadataCodec.parse(json, origin);
    } catch (MetadataException e) {
      return failed(file, e.getMessage());
    }
    List<String> errors = new ArrayList<>();
    List<String> foreign = foreignProvenance(parsed, source);
    for (String field : foreign) {
      errors.add(new Violation("HandWrittenProvenance", origin + ": " + field + " is set to"
          + " another origin: leave it out (the processor sets it to '" + source + "')").toString());
    }
    CollectorMetadata metadata = withProvenance(parsed, source);
    for (Finding finding : CollectorValidator.validate(metadata)) {
      errors.add("[" + finding.violation().code() + "] " + origin + ": "
          + (finding.field().isEmpty() ? "" : finding.field() + ": ")
          + finding.violation().message());
    }
    return new Result(file, errors.isEmpty() ? metadata : null, errors);
  }

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
