package dev.privileges.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.engine.kubernetes.KubernetesNames;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Names derived from paths: the same names whatever the path holds. */
class KubernetesNamesTest {

  @Test
  void slug_isLowerCaseAlphanumericRunsJoinedByOneDash() {
    assertThat(KubernetesNames.slug("/var/lib/docker/containers")).isEqualTo("var-lib-docker-containers");
    assertThat(KubernetesNames.slug("/")).isEmpty();
    assertThat(KubernetesNames.slug("//Var__Run--/x.Y/")).isEqualTo("var-run-x-y");
    assertThat(KubernetesNames.volumeName("host", "/")).isEqualTo("host-root");
    assertThat(KubernetesNames.volumeName("host", "/proc/1/ns")).isEqualTo("host-proc-1-ns");
  }

  /** The slug is written as a loop for speed; it must say what the two regular expressions said. */
  @Test
  void slug_equalsTheRegularExpressionDefinition_onRandomText() {
    Random random = new Random(20261202L);
    String alphabet = "abcXYZ019/-_.~ \tİıßé\u00e9\u0130\uD83D\uDE00";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(24); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = text.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
          .replaceAll("^-+|-+$", "");
      assertThat(KubernetesNames.slug(text.toString())).as("slug of %s", text).isEqualTo(expected);
    }
  }
}
