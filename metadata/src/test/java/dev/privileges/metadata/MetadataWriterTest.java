package dev.privileges.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written writer against the Jackson configuration it replaced (kept here as the
 * oracle): the same bytes for every shape of document, odd characters and empty values included.
 */
class MetadataWriterTest {

  private static final ObjectMapper JACKSON = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static String jackson(CollectorMetadata c) throws Exception {
    return JACKSON.writer(PRINTER).writeValueAsString(c) + "\n";
  }

  private static final String ALPHABET = "aZ09 \"\\/\t\n\r\b\f\u0000\u001f\u007f\u0085\u00e9\u4e2d\u2028\u2029<>&'";

  private static String text(Random r, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = r.nextInt(max + 1); i > 0; i--) {
      if (r.nextInt(12) == 0) {
        out.appendCodePoint(0x1F600 + r.nextInt(40));
      } else {
        out.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return out.toString();
  }

  private static List<String> strings(Random r) {
    List<String> out = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      out.add(text(r, 4));
    }
    return out;
  }

  private static <T> List<T> some(Random r, java.util.function.Supplier<T> item) {
    List<T> out = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      out.add(item.get());
    }
    return out;
  }

  private static CollectorMetadata random(Random r) {
    return new CollectorMetadata(1, text(r, 6), text(r, 6), text(r, 3), text(r, 5), text(r, 3),
        some(r, () -> new PrivilegeRequirement(
            Privilege.values()[r.nextInt(Privilege.values().length)], text(r, 8), text(r, 4))),
        some(r, () -> new CapabilityRequirement(text(r, 4), text(r, 2), text(r, 2), text(r, 8), text(r, 4))),
        some(r, () -> new HostPathRequirement(text(r, 5), text(r, 3), r.nextBoolean(),
            HostPathType.values()[r.nextInt(HostPathType.values().length)],
            MountPropagation.values()[r.nextInt(MountPropagation.values().length)], text(r, 2),
            text(r, 8), text(r, 4))),
        some(r, () -> new PortRequirement(r.nextInt(70000), Protocol.values()[r.nextInt(Protocol.values().length)],
            text(r, 4), r.nextBoolean(), text(r, 8), text(r, 4))),
        some(r, () -> new WritablePathRequirement(text(r, 5), r.nextBoolean(), text(r, 3), text(r, 8), text(r, 4))),
        some(r, () -> new ApiRuleRequirement(strings(r), strings(r), strings(r), strings(r), text(r, 8), text(r, 4))),
        some(r, () -> new ConfinementRequirement(
            Confinement.values()[r.nextInt(Confinement.values().length)], text(r, 8), text(r, 4))));
  }

  @Test
  void write_givesJacksonsBytesForRandomDocuments() throws Exception {
    for (long seed = 0; seed < 2000; seed++) {
      CollectorMetadata c = random(new Random(seed));
      assertThat(MetadataWriter.write(c)).as("seed %d", seed).isEqualTo(jackson(c));
    }
  }

  @Test
  void write_givesJacksonsBytesForNullsAndEmptyDocuments() throws Exception {
    CollectorMetadata empty = new CollectorMetadata(1, null, null, null, null, null,
        null, null, null, null, null, null, null);
    assertThat(MetadataWriter.write(empty)).isEqualTo(jackson(empty));
    CollectorMetadata nulls = new CollectorMetadata(0, "n", "f", "", "s", "",
        List.of(new PrivilegeRequirement(null, null, null)),
        List.of(new CapabilityRequirement(null, null, null, null, null)),
        List.of(new HostPathRequirement(null, null, false, null, null, null, null, null)),
        List.of(new PortRequirement(0, null, null, false, null, null)),
        List.of(new WritablePathRequirement(null, false, null, null, null)),
        List.of(new ApiRuleRequirement(null, null, null, null, null, null)),
        List.of(new ConfinementRequirement(null, null, null)));
    assertThat(MetadataWriter.write(nulls)).isEqualTo(jackson(nulls));
  }
}
