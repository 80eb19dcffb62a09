package dev.privileges.engine;

import java.util.Map;

/**
 * Checks the build's options before anything is resolved, so a bad value fails with a message
 * that names the parameter, the value and the fix instead of producing a DaemonSet that
 * Kubernetes rejects.
 */
final class OptionsCheck {

  private OptionsCheck() {}

  static void check(GenerationOptions o) {
    dnsLabel("name", o.name(), "such as 'node-agent'");
    dnsLabel("namespace", o.namespace(), "such as 'monitoring'");
    dnsLabel("containerName", o.containerName(), "such as 'agent'");
    if (o.image() == null || o.image().isBlank()) {
      throw new EngineException("<image> is empty: set the container image, such as"
          + " 'registry.example.com/agent:1.0'");
    }
    if (o.nonRootUid() < 1 || o.nonRootUid() > Integer.MAX_VALUE) {
      throw new EngineException("<nonRootUid> " + o.nonRootUid() + " is not a non-root UID: use a"
          + " number from 1 to 2147483647, such as the default 10001");
    }
    if (!KubernetesNames.isEnvName(o.enabledInputsEnv())) {
      throw new EngineException("<enabledInputsEnv> '" + o.enabledInputsEnv() + "' is not an"
          + " environment variable name: use letters, digits and '_', not starting with a digit,"
          + " such as 'ENV_DEFAULT_ENABLED_INPUTS'");
    }
    for (Map.Entry<String, String> label : o.labels().entrySet()) {
      if (!KubernetesNames.isQualifiedName(label.getKey())) {
        throw new EngineException("<labels> key '" + label.getKey() + "' is not a Kubernetes"
            + " label key: use an optional DNS prefix and '/', then up to 63 letters, digits,"
            + " '-', '_' or '.', such as 'app.kubernetes.io/part-of'");
      }
      if (!KubernetesNames.isLabelValue(label.getValue())) {
        throw new EngineException("<labels> value '" + label.getValue() + "' of '" + label.getKey()
            + "' is not a Kubernetes label value: use at most 63 letters, digits, '-', '_' or"
            + " '.', starting and ending with a letter or digit");
      }
    }
  }

  private static void dnsLabel(String parameter, String value, String example) {
    if (!KubernetesNames.isDnsLabel(value)) {
      throw new EngineException("<" + parameter + "> '" + value + "' is not a DNS-1123 label:"
          + " use 1 to 63 lower-case letters, digits and '-', starting and ending with a letter"
          + " or digit, " + example);
    }
  }
}
