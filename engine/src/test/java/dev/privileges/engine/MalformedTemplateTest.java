package dev.privileges.engine;

import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.KubernetesYaml;
import dev.privileges.engine.kubernetes.Yaml;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 12 item 3: every wrong shape in a base template is one message naming file and path. */
class MalformedTemplateTest {

  private static final String VALID = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: node-agent
        labels:
          team: obs
      spec:
        updateStrategy:
          rollingUpdate:
            maxUnavailable: 1
        template:
          metadata:
            annotations:
              note: x
          spec:
            securityContext:
              fsGroup: 10001
            tolerations:
            - operator: Exists
            containers:
            - name: node-agent
              env:
              - name: A
                value: b
              ports:
              - name: extra
                containerPort: 7000
              volumeMounts:
              - name: config
                mountPath: /etc/agent
              securityContext:
                capabilities:
                  drop: [ALL]
            volumes:
            - name: config
              configMap:
                name: agent-config
      """;

  private static final List<Object> WRONG = List.of("x", 5, List.of("x"), Map.of("a", "b"), true);

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private static Grant grant() {
    return new Resolver().resolve(bundle(collector("cpu").nothing().build()), GenerationOptions.builder().build());
  }

  @Test
  void configMapVolume_withCollectorsThatNeedNoVolume_isMerged() {
    Grant grant = grant();
    List<Map<String, Object>> out = BaseTemplate.parse(VALID, "base.yaml").apply(new DaemonSetRenderer().documents(grant), grant);

    assertThat(Rendered.of(Yaml.dumpAll(out)).volumes()).containsExactly(
        Map.of("name", "config", "configMap", Map.of("name", "agent-config")));
  }

  @Test
  void volumesNotAList_namesTheFileAndPath_andTheOptionInEachFrontEndsSyntax() {
    EngineException e = catchThrowableOfType(EngineException.class,
        () -> BaseTemplate.parse("spec:\n  volumes: notalist\n", "base.yaml"));

    assertThat(e.message(Option.Syntax.MAVEN)).isEqualTo("<baseTemplate> base.yaml: spec.volumes is the string"
        + " 'notalist', expected a list of volumes (a YAML sequence, each item on a '- ' line): fix the template");
    // The CLI's message used to carry the pom's spelling too.
    assertThat(e.message(Option.Syntax.CLI)).startsWith("--base-template base.yaml: spec.volumes is the string");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMutatedShape_endsInAMessageNamingTheFile_neverAnotherException(long seed) {
    Random random = new Random(seed);
    Object root = KubernetesYaml.readAll(VALID, "t").get(0);
    List<Object[]> slots = new ArrayList<>();
    collect(root, slots);
    Object[] slot = slots.get(random.nextInt(slots.size()));
    replace(slot, WRONG.get(random.nextInt(WRONG.size())));
    String text = Yaml.dumpAll(List.of(cast(root)));
    Grant grant = grant();
    try {
      BaseTemplate.parse(text, "base.yaml").apply(new DaemonSetRenderer().documents(grant), grant);
    } catch (EngineException e) {
      assertThat(e.getMessage()).as("seed %d:\n%s", seed, text).contains("base.yaml");
    }
  }

  /** Every (container, key-or-index) pair of the tree. */
  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : new ArrayList<>(map.keySet())) {
        slots.add(new Object[] {map, key});
        collect(map.get(key), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Object[] {list, i});
        collect(list.get(i), slots);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void replace(Object[] slot, Object value) {
    if (slot[0] instanceof Map<?, ?> map) {
      ((Map<Object, Object>) map).put(slot[1], value);
    } else {
      ((List<Object>) slot[0]).set((Integer) slot[1], value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object root) {
    return new LinkedHashMap<>((Map<String, Object>) root);
  }
}
