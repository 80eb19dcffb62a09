package dev.privileges.engine;

import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.report.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.HostPathRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-written report JSON is byte for byte what Jackson's data binding wrote before it. */
class CanonicalJsonTest {

  /** The mapper {@link ReportRenderer} used, kept here as the reference. */
  private static final ObjectMapper JACKSON = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  @Test
  void write_reportShapedTree_equalsJacksonsBytes() throws Exception {
    String awkward = "quote \" backslash \\ slash / tab \t nl \n cr \r bell \u0007 esc \u001b del \u007f"
        + " é 漢 \u2028 \uD83D\uDE00 </script>";
    Map<String, Object> unsorted = new LinkedHashMap<>();
    unsorted.put("zeta", 1);
    unsorted.put("alpha", List.of());
    unsorted.put("mid", Map.of());
    unsorted.put("nothing", null);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("text", awkward);
    root.put("numbers", List.of(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE));
    root.put("flags", List.of(true, false));
    root.put("unsorted", unsorted);
    root.put("byEnum", new TreeMap<>(Map.of(Privilege.RUN_AS_ROOT, List.of(new Need("b", "F", awkward)),
        Privilege.HOST_PID, List.of(new Need("a", "Feature", "why")))));
    root.put("set", new TreeSet<>(List.of("b", "a")));
    root.put("ports", List.of(new Grant.ContainerPort(53, Protocol.UDP, "dns", false, true, List.of())));
    root.put("writable", List.of(new Grant.WritableDirectory("scratch-tmp", "/tmp", "", List.of())));
    root.put("nonEmptyRecords", List.of(
        new CapabilityRequirement("BPF", "5.8", "", "loads programs", "a.B"),
        new HostPathRequirement("/proc", "", false, null, null, "", awkward, "a.B")));
    root.put("waivers", List.of(new Waiver("cpu", "hostPath:/proc", "not needed")));
    root.put("emptyRecordList", List.of());

    assertThat(CanonicalJson.write(root)).isEqualTo(JACKSON.writer(PRINTER).writeValueAsString(root));
  }
}
