package dev.privileges.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded base templates: benign ones (no privilege), and malformed ones for the shape checks. */
final class RandomTemplates {

  private RandomTemplates() {}

  /** A template that sets only non-privilege fields, chosen by {@code seed}. */
  static String benign(long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("metadata:", "  labels:", "    team: 'on'", "spec:"));
    if (random.nextBoolean()) {
      lines.addAll(List.of("  tolerations:", "  - operator: Exists"));
    }
    if (random.nextBoolean()) {
      lines.addAll(List.of("  nodeSelector:", "    kubernetes.io/os: linux"));
    }
    lines.addAll(List.of("  containers:", "  - name: agent", "    resources:", "      limits:", "        memory: 1Gi"));
    if (random.nextBoolean()) {
      lines.addAll(List.of("    env:", "    - name: ENV_DATAWAY", "      value: 'no'"));
    }
    if (random.nextBoolean()) {
      lines.addAll(List.of("    volumeMounts:", "    - name: config", "      mountPath: /etc/agent/conf.d"));
      lines.addAll(List.of("  volumes:", "  - name: config", "    configMap:", "      name: agent-config"));
    }
    return String.join("\n", lines) + "\n";
  }
}
