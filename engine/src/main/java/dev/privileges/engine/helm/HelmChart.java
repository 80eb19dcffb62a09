package dev.privileges.engine.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Option;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.kubernetes.Yaml;
import dev.privileges.metadata.CollectorMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A Helm 3 chart for a bundle (PRODUCT §12): {@code Chart.yaml}, {@code values.yaml}, {@code
 * values.schema.json} (an unknown feature or collector fails), {@code README.md} and the
 * templates of {@link ChartTemplates}, and its {@code .tgz} package with fixed entry order, modes
 * and timestamps, so the bytes depend only on the input.
 *
 * <p>Loops, not lambdas: the chart is built in the first {@code generate} of every fresh JVM,
 * where each lambda costs a class spun at run time.
 *
 * @param name the chart's name (the DaemonSet's name)
 * @param version the chart's version (the build's version), also its appVersion
 * @param files the chart's files by path inside the chart folder, in package order
 */
public record HelmChart(String name, String version, Map<String, String> files) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * The chart for {@code bundle} (waivers applied) with the build's options; {@code defaults} is
   * the grant of the build's enabled collectors.
   */
  public static HelmChart of(Bundle bundle, GenerationOptions options, Grant defaults, String version) {
    String name = options.name();
    ChartValues values = new ChartValues(bundle, options, defaults);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Chart.yaml", "apiVersion: v2\nname: " + name + "\ndescription: "
        + ChartYaml.quote(options.productName() + " node agent; each feature toggle adds exactly the privileges its"
            + " collectors declare") + "\ntype: application\nversion: " + ChartYaml.quote(version)
        + "\nappVersion: " + ChartYaml.quote(version) + "\n");
    files.put("values.yaml", "# Values of the " + name + " chart; README.md describes each one.\n"
        + Yaml.dumpAll(List.of(values.values())));
    files.put("values.schema.json", schema(bundle, values));
    files.put("README.md", ChartReadme.render(name, version, options, bundle, values));
    files.putAll(new ChartTemplates(bundle, options, values, name).files());
    return new HelmChart(name, version, files);
  }

  private static String schema(Bundle bundle, ChartValues values) {
    Map<String, Object> features = new TreeMap<>();
    for (Map.Entry<String, String> e : values.featureKeys().entrySet()) {
      String feature = e.getKey();
      Map<String, Object> collectors = new TreeMap<>();
      for (CollectorMetadata c : bundle.collectors().values()) {
        if (c.feature().equals(feature)) {
          collectors.put(c.name(), Map.of("type", "boolean"));
        }
      }
      features.put(e.getValue(), Map.of("type", "object", "additionalProperties", false, "description", feature,
          "properties", Map.of("enabled", Map.of("type", "boolean"),
              "collectors", Map.of("type", "object", "additionalProperties", false, "properties", collectors))));
    }
    Map<String, Object> properties = new TreeMap<>();
    properties.put("features", Map.of("type", "object", "additionalProperties", false, "properties", features));
    properties.put("image", Map.of("type", "string", "minLength", 1));
    properties.put("priorityClassName", Map.of("type", "string"));
    for (String map : List.of("labels", "daemonSetLabels", "daemonSetAnnotations", "updateStrategy", "daemonSetSpec",
        "podLabels", "podAnnotations", "nodeSelector", "podSpec", "podSecurityContext", "resources", "container")) {
      properties.put(map, Map.of("type", "object"));
    }
    for (String list : List.of("tolerations", "extraVolumes", "extraContainers", "extraEnv", "extraPorts",
        "extraVolumeMounts")) {
      properties.put(list, Map.of("type", "array"));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("type", "object");
    schema.put("properties", properties);
    try {
      return JSON.writeValueAsString(schema).replace("\r\n", "\n") + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The package's file name, as {@code helm package} names it. */
  public String packageFileName() {
    return name + "-" + version + ".tgz";
  }

  /** The {@code .tgz} Helm installs: entries under {@code <name>/}, in the order of {@link #files()}. */
  public byte[] packaged() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
        gzip.write(tarHeader(name + "/" + f.getKey(), content.length));
        gzip.write(content);
        gzip.write(new byte[(512 - content.length % 512) % 512]);
      }
      gzip.write(new byte[1024]); // two zero blocks end the archive
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A ustar header: mode 0644, owner 0, time 0, so nothing of the build machine gets in. */
  private static byte[] tarHeader(String path, long size) {
    byte[] h = new byte[512];
    byte[] p = path.getBytes(StandardCharsets.UTF_8);
    if (p.length > 100) {
      throw new EngineException("chart file path '" + path + "' is longer than 100 bytes, the most a tar header holds: choose a shorter " + Option.NAME);
    }
    System.arraycopy(p, 0, h, 0, p.length);
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    java.util.Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = '0';
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, h, 257, magic.length);
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    return h;
  }

  private static void octal(byte[] h, int offset, int length, long value) {
    String digits = String.format(java.util.Locale.ROOT, "%0" + (length - 1) + "o", value);
    byte[] b = digits.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, offset, b.length);
    h[offset + length - 1] = 0;
  }
}
