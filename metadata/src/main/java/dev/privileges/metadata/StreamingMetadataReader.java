package dev.privileges.metadata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads metadata documents the way {@link MetadataCodec#read} does, but with jackson-core's
 * streaming parser instead of data binding: the plugin reads thousands of these documents, and
 * binding records through {@code ObjectMapper} costs about half a second of class loading and
 * introspection in a fresh JVM (PRODUCT §10, {@code docs/benchmarks.md}).
 *
 * <p>Only the plain shape is read here: every known field with the JSON type it is written with,
 * no unknown, repeated or null fields, a supported format version, a valid declaration. Anything
 * else, and so every mistake, is handed to {@link MetadataCodec#read}, which gives the one message
 * the user sees; the two readers cannot disagree on what a bad document says.
 */
public final class StreamingMetadataReader {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StreamingMetadataReader() {}

  /** Not the plain shape: {@link MetadataCodec} decides. No stack trace, it is never shown. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static final NotPlain NOT_PLAIN = new NotPlain();

  /**
   * What a list holds: {@link #list} reads its elements with a switch over these rather than with
   * method references, each of which would cost a fresh JVM a class spun at its first use.
   */
  private enum Element { PRIVILEGE, CAPABILITY, HOST_PATH, PORT, WRITABLE_PATH, API_RULE, CONFINEMENT, TEXT }

  /**
   * Parses and validates a metadata document.
   *
   * @param origin names the document in messages, e.g. {@code "foo.jar!/META-INF/..."}
   * @throws MetadataException the message {@link MetadataCodec#read} gives for the document
   */
  public static CollectorMetadata read(String json, String origin) {
    CollectorMetadata metadata;
    try (JsonParser p = FACTORY.createParser(json)) {
      metadata = document(p);
    } catch (IOException | NotPlain | RuntimeException e) {
      metadata = null;
    }
    if (metadata == null || !CollectorValidator.validate(metadata).isEmpty()) {
      return MetadataCodec.read(json, origin);
    }
    return metadata;
  }

  private static CollectorMetadata document(JsonParser p) throws IOException, NotPlain {
    expect(p.nextToken() == JsonToken.START_OBJECT);
    Integer formatVersion = null;
    String name = null;
    String feature = null;
    String description = null;
    String source = null;
    String noPrivilegesReason = null;
    List<PrivilegeRequirement> privileges = null;
    List<CapabilityRequirement> capabilities = null;
    List<HostPathRequirement> hostPaths = null;
    List<PortRequirement> ports = null;
    List<WritablePathRequirement> writablePaths = null;
    List<ApiRuleRequirement> kubernetesApi = null;
    List<ConfinementRequirement> confinement = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "formatVersion" -> formatVersion = number(p);
        case "name" -> name = text(p);
        case "feature" -> feature = text(p);
        case "description" -> description = text(p);
        case "source" -> source = text(p);
        case "noPrivilegesReason" -> noPrivilegesReason = text(p);
        case "privileges" -> privileges = list(p, Element.PRIVILEGE);
        case "capabilities" -> capabilities = list(p, Element.CAPABILITY);
        case "hostPaths" -> hostPaths = list(p, Element.HOST_PATH);
        case "ports" -> ports = list(p, Element.PORT);
        case "writablePaths" -> writablePaths = list(p, Element.WRITABLE_PATH);
        case "kubernetesApi" -> kubernetesApi = list(p, Element.API_RULE);
        case "confinement" -> confinement = list(p, Element.CONFINEMENT);
        default -> throw NOT_PLAIN;
      }
    }
    expect(t == JsonToken.END_OBJECT && p.nextToken() == null);
    expect(formatVersion != null && formatVersion >= 1 && formatVersion <= CollectorMetadata.FORMAT_VERSION);
    return new CollectorMetadata(formatVersion, name, feature, description, source, noPrivilegesReason,
        privileges, capabilities, hostPaths, ports, writablePaths, kubernetesApi, confinement);
  }

  private static PrivilegeRequirement privilege(JsonParser p) throws IOException, NotPlain {
    Privilege privilege = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "privilege" -> privilege = Privilege.valueOf(text(p));
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    return new PrivilegeRequirement(privilege, reason, declaredBy);
  }

  private static CapabilityRequirement capability(JsonParser p) throws IOException, NotPlain {
    String capability = null;
    String fromKernel = null;
    String beforeKernel = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "capability" -> capability = text(p);
        case "fromKernel" -> fromKernel = text(p);
        case "beforeKernel" -> beforeKernel = text(p);
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    return new CapabilityRequirement(capability, fromKernel, beforeKernel, reason, declaredBy);
  }

  private static HostPathRequirement hostPath(JsonParser p) throws IOException, NotPlain {
    String path = null;
    String mountPath = null;
    Boolean readOnly = null;
    HostPathType type = null;
    MountPropagation propagation = null;
    String env = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "path" -> path = text(p);
        case "mountPath" -> mountPath = text(p);
        case "readOnly" -> readOnly = bool(p);
        case "type" -> type = HostPathType.valueOf(text(p));
        case "propagation" -> propagation = MountPropagation.valueOf(text(p));
        case "env" -> env = text(p);
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    expect(readOnly != null);
    return new HostPathRequirement(path, mountPath, readOnly, type, propagation, env, reason, declaredBy);
  }

  private static PortRequirement port(JsonParser p) throws IOException, NotPlain {
    Integer number = null;
    Protocol protocol = null;
    String name = null;
    Boolean reachableAtNodeIp = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "number" -> number = number(p);
        case "protocol" -> protocol = Protocol.valueOf(text(p));
        case "name" -> name = text(p);
        case "reachableAtNodeIp" -> reachableAtNodeIp = bool(p);
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    expect(number != null && reachableAtNodeIp != null);
    return new PortRequirement(number, protocol, name, reachableAtNodeIp, reason, declaredBy);
  }

  private static WritablePathRequirement writablePath(JsonParser p) throws IOException, NotPlain {
    String path = null;
    Boolean keepAcrossRestarts = null;
    String hostPath = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "path" -> path = text(p);
        case "keepAcrossRestarts" -> keepAcrossRestarts = bool(p);
        case "hostPath" -> hostPath = text(p);
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    expect(keepAcrossRestarts != null);
    return new WritablePathRequirement(path, keepAcrossRestarts, hostPath, reason, declaredBy);
  }

  private static ApiRuleRequirement apiRule(JsonParser p) throws IOException, NotPlain {
    List<String> apiGroups = null;
    List<String> resources = null;
    List<String> nonResourceUrls = null;
    List<String> verbs = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "apiGroups" -> apiGroups = list(p, Element.TEXT);
        case "resources" -> resources = list(p, Element.TEXT);
        case "nonResourceUrls" -> nonResourceUrls = list(p, Element.TEXT);
        case "verbs" -> verbs = list(p, Element.TEXT);
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    return new ApiRuleRequirement(apiGroups, resources, nonResourceUrls, verbs, reason, declaredBy);
  }

  private static ConfinementRequirement confinement(JsonParser p) throws IOException, NotPlain {
    Confinement confinement = null;
    String reason = null;
    String declaredBy = null;
    for (String field = start(p); field != null; field = next(p)) {
      switch (field) {
        case "confinement" -> confinement = Confinement.valueOf(text(p));
        case "reason" -> reason = text(p);
        case "declaredBy" -> declaredBy = text(p);
        default -> throw NOT_PLAIN;
      }
    }
    return new ConfinementRequirement(confinement, reason, declaredBy);
  }

  /** The parser is on an array's start; reads its elements up to the end. */
  @SuppressWarnings("unchecked") // T is the type element reads, fixed by the caller's field
  private static <T> List<T> list(JsonParser p, Element element) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.START_ARRAY);
    List<T> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add((T) element(p, element));
    }
    return out;
  }

  private static Object element(JsonParser p, Element element) throws IOException, NotPlain {
    return switch (element) {
      case PRIVILEGE -> privilege(p);
      case CAPABILITY -> capability(p);
      case HOST_PATH -> hostPath(p);
      case PORT -> port(p);
      case WRITABLE_PATH -> writablePath(p);
      case API_RULE -> apiRule(p);
      case CONFINEMENT -> confinement(p);
      case TEXT -> text(p);
    };
  }

  /** The parser is on an object's start: its first field name, or null when it is empty. */
  private static String start(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.START_OBJECT);
    return next(p);
  }

  /** Moves to the next field's value and returns the field's name, or null at the object's end. */
  private static String next(JsonParser p) throws IOException, NotPlain {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    expect(t == JsonToken.FIELD_NAME);
    String name = p.currentName();
    p.nextToken();
    return name;
  }

  private static String text(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static int number(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
    return p.getIntValue();
  }

  private static boolean bool(JsonParser p) throws NotPlain {
    JsonToken t = p.currentToken();
    expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE);
    return t == JsonToken.VALUE_TRUE;
  }

  private static void expect(boolean plain) throws NotPlain {
    if (!plain) {
      throw NOT_PLAIN;
    }
  }
}
