package dev.privileges.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Validates generated DaemonSets against the strict Kubernetes JSON Schemas of releases 1.30 and
 * 1.36 (test resources, see {@code k8s-schema/README.md}). Test helper shared by every test that
 * checks "the output is a valid Kubernetes object".
 */
public final class KubernetesSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RELEASES = List.of("1.30", "1.36");
  private static final Map<String, JsonSchema> SCHEMAS = load();

  private KubernetesSchema() {}

  private static Map<String, JsonSchema> load() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    Map<String, JsonSchema> out = new java.util.TreeMap<>();
    for (String release : RELEASES) {
      String resource = "/k8s-schema/daemonset-apps-v1-k8s-" + release + ".json";
      try (InputStream in = KubernetesSchema.class.getResourceAsStream(resource)) {
        out.put(release, factory.getSchema(JSON.readTree(in)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Parses a multi-document YAML text into its documents. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      docs.add((Map<String, Object>) doc);
    }
    return docs;
  }

  /** The DaemonSet document of a multi-document YAML text. */
  public static Map<String, Object> daemonSet(String yaml) {
    return documents(yaml).stream()
        .filter(d -> "DaemonSet".equals(d.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no DaemonSet in:\n" + yaml));
  }

  /**
   * Every schema violation of the DaemonSet in {@code yaml}, for every release; empty when valid.
   * Each message is prefixed with the release.
   */
  public static List<String> violations(String yaml) {
    JsonNode node = JSON.valueToTree(daemonSet(yaml));
    List<String> out = new ArrayList<>();
    SCHEMAS.forEach((release, schema) -> {
      Set<ValidationMessage> messages = schema.validate(node);
      messages.forEach(m -> out.add("k8s " + release + ": " + m.getMessage()));
    });
    return out;
  }
}
