package dev.privileges.engine.kubernetes;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * YAML emission through snakeyaml-engine: block style, {@code \n}, no anchors or aliases (a
 * shared labels map would otherwise become {@code &id001}), no line folding.
 */
public final class Yaml {

  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setDereferenceAliases(true)
          .setBestLineBreak("\n")
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setSplitLines(false)
          .setWidth(Integer.MAX_VALUE)
          .setExplicitStart(true)
          // Quote every string a YAML 1.1 (Kubernetes) or 1.2 reader would take for another type.
          .setSchema(KubernetesYaml.SCHEMA)
          .build();

  private Yaml() {}

  /** The documents, each starting with {@code ---}. */
  public static String dumpAll(List<Map<String, Object>> documents) {
    return new Dump(SETTINGS).dumpAllToString(documents.iterator());
  }
}
