package dev.privileges.engine;

import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.policy.LockFile;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class LockFileTest {

  private static Grant grant(TestBundles.CollectorBuilder... collectors) {
    return new Resolver().resolve(bundle(java.util.Arrays.stream(collectors).map(TestBundles.CollectorBuilder::build)
        .toArray(dev.privileges.metadata.CollectorMetadata[]::new)), GenerationOptions.builder().build());
  }

  @Test
  void render_isCanonicalJsonWithCollectorsPerItem() {
    LockFile lock = LockFile.of(grant(
        collector("b").privilege(Privilege.HOST_PID).api("", List.of("pods"), "get"),
        collector("a \"quoted\"").privilege(Privilege.HOST_PID).port(8125, Protocol.UDP, "statsd", true)));
    assertThat(lock.render()).isEqualTo("""
        {
          "formatVersion": 1,
          "podSecurityLevel": "privileged",
          "granted": {
            "HOST_PID": ["a \\"quoted\\"", "b"],
            "api:core/pods [get]": ["b"],
            "hostPort:8125/UDP": ["a \\"quoted\\""],
            "port:8125/UDP": ["a \\"quoted\\""]
          }
        }
        """);
    assertThat(LockFile.parse(lock.render(), "x", "fix")).isEqualTo(lock);
  }

  @Test
  void differences_nameTheCollectorAndThePrivilege() {
    LockFile before = LockFile.of(grant(collector("a").privilege(Privilege.HOST_PID), collector("b").nothing()));
    LockFile after = LockFile.of(grant(collector("a").capability("NET_RAW"), collector("b").privilege(Privilege.HOST_PID)));
    assertThat(after.differencesFrom(before)).containsExactly(
        "+ collector 'b' adds HOST_PID",
        "- collector 'a' no longer needs HOST_PID",
        "+ collector 'a' adds RUN_AS_ROOT (newly granted)",
        "+ collector 'a' adds capability:NET_RAW (newly granted)");
    assertThat(after.differencesFrom(after)).isEmpty();
  }

  @Test
  void emptyGrant_rendersAnEmptyObject() {
    String text = LockFile.of(grant(collector("a").nothing())).render();
    assertThat(text).contains("\"podSecurityLevel\": \"restricted\"").contains("\"granted\": {}\n}\n");
    assertThat(LockFile.parse(text, "x", "fix").granted()).isEmpty();
  }

  @Test
  void malformedOrNewerLock_failsNamingTheFileAndTheFix() {
    assertThatThrownBy(() -> LockFile.parse("{", "privileges.lock.json", "mvn privileges:lock"))
        .hasMessageStartingWith("lock file privileges.lock.json is not valid JSON")
        .hasMessageEndingWith("recreate it with mvn privileges:lock");
    assertThatThrownBy(() -> LockFile.parse("{\"formatVersion\": 2, \"podSecurityLevel\": \"x\", \"granted\": {}}",
        "privileges.lock.json", "fix")).hasMessageContaining("formatVersion 2 is newer than this plugin reads (1)");
    assertThatThrownBy(() -> LockFile.parse("{\"formatVersion\": 1, \"extra\": 1}", "privileges.lock.json", "fix"))
        .hasMessageContaining("unknown field 'extra'");
  }
}
