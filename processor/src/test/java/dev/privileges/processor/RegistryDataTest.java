package dev.privileges.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.privileges.processor.Compilers.compiler;
import static dev.privileges.processor.Compilers.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.privileges.annotations.runtime.CollectorDescriptor;
import dev.privileges.annotations.runtime.RegistryData;
import dev.privileges.annotations.runtime.RequirementDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text form the generated registry carries its collectors in ({@link RegistryData}): it
 * round-trips any string, and registries too large for one method or one class-file constant
 * still compile and load.
 */
class RegistryDataTest {

  /** Characters the encoding must survive: its own separators and escapes, and beyond. */
  private static final String ALPHABET = "a=Z \t\n\r\\\"'#|:,{}<>&\u00e9\u4e2d\u0000\u2028";

  private static String randomText(Random random, int maxLength) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(10) == 0) {
        out.appendCodePoint(0x1F600 + random.nextInt(50)); // outside the BMP: a surrogate pair
      } else {
        out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
    }
    return out.toString();
  }

  @Test
  void encodeThenDecode_givesBackEveryStringUnchanged() {
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      List<CollectorDescriptor> collectors = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < 1 + random.nextInt(4); c++) {
        List<RequirementDescriptor> requirements = new ArrayList<>();
        for (int r = 0; r < random.nextInt(4); r++) {
          requirements.add(new RequirementDescriptor(
              "kind" + r, Map.of("key", randomText(random, 12), "other", randomText(random, 3)),
              randomText(random, 30), randomText(random, 8)));
        }
        CollectorDescriptor d = new CollectorDescriptor("c" + c, randomText(random, 10),
            randomText(random, 10), randomText(random, 10), randomText(random, 10), requirements);
        collectors.add(d);
        text.append(RegistryData.encode(d));
      }
      List<String> pieces = new ArrayList<>();
      for (int start = 0; start < text.length(); ) {
        int end = Math.min(text.length(), start + 1 + random.nextInt(20));
        pieces.add(text.substring(start, end));
        start = end;
      }
      assertEquals(collectors, RegistryData.decode(pieces.subList(0, pieces.size() / 2).toArray(new String[0]),
          pieces.subList(pieces.size() / 2, pieces.size()).toArray(new String[0])), "seed " + seed);
    }
  }

  @Test
  void encode_writesOneLinePerRequirementWithEscapedSeparators() {
    CollectorDescriptor d = new CollectorDescriptor("cpu", "Host", "a\tb", "x.Cpu", "",
        List.of(RequirementDescriptor.of("hostPaths", "line 1\nline 2 \\ end", "x.Cpu",
            "path", "/proc", "mountPath", "/rootfs/proc")));
    assertEquals("collector\tcpu\tHost\ta\\tb\tx.Cpu\t\n"
            + "hostPaths\tline 1\\nline 2 \\\\ end\tx.Cpu\tmountPath=/rootfs/proc\tpath=/proc\n",
        RegistryData.encode(d));
  }

  private static List<CollectorDescriptor> decodeOne(String text) {
    return RegistryData.decode(new String[] {text});
  }

  @Test
  void decode_rejectsMalformedTextWithTheOffendingLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> decodeOne("hostPaths\treason\tx.Cpu\n"));
    assertThat(e).hasMessageThat().contains("requirement line out of place");
    e = assertThrows(IllegalArgumentException.class,
        () -> decodeOne("collector\tcpu\n"));
    assertThat(e).hasMessageThat().contains("collector line with 2 fields");
    e = assertThrows(IllegalArgumentException.class,
        () -> decodeOne("collector\tcpu\tf\td\ts\tr"));
    assertThat(e).hasMessageThat().contains("does not end with a line feed");
    e = assertThrows(IllegalArgumentException.class,
        () -> decodeOne("collector\tcpu\tf\td\ts\tr\nports\tr\ts\tno-equals\n"));
    assertThat(e).hasMessageThat().contains("attribute without key=value: no-equals");
    e = assertThrows(IllegalArgumentException.class,
        () -> decodeOne("collector\tcpu\tf\td\\x\ts\tr\n"));
    assertThat(e).hasMessageThat().contains("unknown escape \\x");
  }

  @Test
  void chunks_neverSplitASurrogatePairAndFitAClassFileConstant() {
    String text = "\uD83D\uDE00".repeat(RegistryWriter.MAX_PIECE_CHARS) + "x";
    List<String> chunks = RegistryWriter.chunks(text);
    assertEquals(text, String.join("", chunks));
    for (String chunk : chunks) {
      assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
      assertThat(chunk.getBytes(StandardCharsets.UTF_8).length).isAtMost(65_535);
    }
  }

  /**
   * More collectors than one method of the registry may hold literals, and a collector whose
   * text is too long for one class-file constant (each reason alone fits one, as the collector's
   * own class file needs): the registry still compiles, and loads every collector intact.
   */
  @Test
  void largeRegistry_compilesAndLoadsEveryCollector(@TempDir Path classes) throws IOException {
    int count = RegistryWriter.PIECES_PER_METHOD + 300;
    // 3 bytes per char in a class file: 57,000 bytes each, 114,000 for the collector's text
    String longReason = "\u4e2d\u6587".repeat(9_500);
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String reason = i == 7 ? longReason : "Reads counter " + i + ".";
      sources.add(source(String.format("C%04d", i),
          "@Collector(name = \"c" + String.format("%04d", i) + "\", feature = \"F\")",
          "@RequiresHostPath(path = \"/proc\", reason = \"" + reason + "\")",
          i == 7 ? "@RequiresHostPath(path = \"/sys\", reason = \"" + reason + "\")" : "",
          "public class C" + String.format("%04d", i) + " {}"));
    }
    Compilation c = compiler("-Aprivileges.registryClass=test.CollectorPrivilegesRegistry")
        .compile(sources);
    assertThat(c).succeededWithoutWarnings();
    assertEquals(Compilers.registryResource(c), Compilers.loadRegistries(c, classes).get(0));
    String registry = c.generatedSourceFile("test.CollectorPrivilegesRegistry").orElseThrow()
        .getCharContent(false).toString();
    assertThat(registry).contains("RegistryData.decode(part0(), part1())");

    List<CollectorDescriptor> loaded = Compilers.loadRegistries(c, classes).get(0);
    assertEquals(count, loaded.size());
    assertEquals("c0000", loaded.get(0).name());
    assertEquals(longReason, loaded.get(7).requirements().get(0).reason());
    assertEquals("/sys", loaded.get(7).requirements().get(1).attribute("path"));
    assertEquals(longReason, loaded.get(7).requirements().get(1).reason());
    assertEquals("Reads counter " + (count - 1) + ".",
        loaded.get(count - 1).requirements().get(0).reason());
    assertEquals("/proc", loaded.get(count - 1).requirements().get(0).attribute("path"));
  }
}
