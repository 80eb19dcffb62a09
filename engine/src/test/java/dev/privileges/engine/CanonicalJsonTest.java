package dev.privileges.engine;

import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Need;
import dev.privileges.engine.report.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.privileges.metadata.ApiRuleRequirement;
import dev.privileges.metadata.CapabilityRequirement;
import dev.privileges.metadata.ConfinementRequirement;
import dev.privileges.metadata.HostPathRequirement;
import dev.privileges.metadata.PortRequirement;
import dev.privileges.metadata.PrivilegeRequirement;
import dev.privileges.metadata.WritablePathRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  /**
   * Every record type the report holds, once with every member set and once with the members
   * empty that can be: the hand-written member lists must give Jackson's bytes, names, order and
   * left-out empties included.
   */
  static List<Object> reportRecords() {
    Need need = new Need("cpu", "Host", "reads /proc");
    return List.of(
        need,
        new Need("", "", ""),
        new HostPathRequirement("/proc", "/host/proc", true, HostPathType.DIRECTORY, MountPropagation.HOST_TO_CONTAINER,
            "HOST_PROC", "reads process tables", "a.Cpu"),
        new HostPathRequirement("/proc", "", false, null, null, "", "", ""),
        new PortRequirement(9529, Protocol.UDP, "statsd", true, "receives metrics", "a.Statsd"),
        new PortRequirement(0, null, "", false, "", ""),
        new CapabilityRequirement("BPF", "5.8", "6.1", "loads programs", "a.Ebpf"),
        new CapabilityRequirement("NET_ADMIN", "", "", "", ""),
        new PrivilegeRequirement(Privilege.HOST_PID, "sees every process", "a.Process"),
        new ApiRuleRequirement(List.of("", "apps"), List.of("pods", "daemonsets"), List.of("/metrics"),
            List.of("get", "list"), "lists pods", "a.K8s"),
        new ApiRuleRequirement(List.of(), List.of(), List.of(), List.of(), "", ""),
        new WritablePathRequirement("/var/lib/agent", true, "/var/lib/agent-data", "keeps a position file", "a.Logs"),
        new WritablePathRequirement("/tmp", false, "", "", ""),
        new ConfinementRequirement(Confinement.SECCOMP_UNCONFINED, "calls bpf(2)", "a.Ebpf"),
        new Grant.HostPathMount("host-proc", "/proc", "/host/proc", true, HostPathType.DIRECTORY,
            MountPropagation.NONE, new TreeSet<>(List.of("HOST_PROC", "A_ENV")), List.of(need), List.of(need)),
        new Grant.HostPathMount("v", "/", "/", false, HostPathType.UNCHECKED, MountPropagation.BIDIRECTIONAL,
            new TreeSet<>(), List.of(), List.of()),
        new Grant.ContainerPort(9529, Protocol.TCP, "http", true, false, List.of(need)),
        new Grant.WritableDirectory("kept-data", "/data", "/var/lib/agent", List.of(need)),
        new Grant.ApiRule(List.of(""), List.of("nodes"), List.of(), List.of("get"), List.of(need)),
        new Grant.ApiRule(List.of(), List.of(), List.of("/metrics"), List.of("get"), List.of()),
        new Waiver("cpu", "hostPath:/proc", "not needed"));
  }

  @ParameterizedTest
  @MethodSource("reportRecords")
  void write_eachReportRecordType_equalsJacksonsBytes(Object record) throws Exception {
    Map<String, Object> root = new TreeMap<>(Map.of("item", record, "list", List.of(record, record)));

    assertThat(CanonicalJson.write(root)).isEqualTo(JACKSON.writer(PRINTER).writeValueAsString(root));
  }

  @Test
  void write_aRecordTypeTheReportDoesNotHold_isRefusedNamingTheType() {
    record Stray(String name) {}

    assertThatThrownBy(() -> CanonicalJson.write(List.of(new Stray("x"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Stray")
        .hasMessageContaining("RecordMembers");
  }

  /**
   * The file form is encoded as it is written: its bytes must be the text's UTF-8 bytes (as
   * {@code getBytes} gives them, a lone surrogate as {@code ?}) with a final newline, for every
   * kind of character, one, two, three and four bytes long, escaped or not.
   */
  @Test
  void writeFile_isTheUtf8OfTheTextWithAFinalNewline() throws Exception {
    Map<String, Object> root = new TreeMap<>();
    root.put("plain", "ascii only");
    root.put("escapes", "\" \\ \n \r \t \b \f \u0000 \u001f \u007f");
    root.put("wide", "é ß \u07ff \u0800 漢 \uffff \uD83D\uDE00 \uDBFF\uDFFF end");
    root.put("lone", List.of("\uD800", "a\uDC00b", "\uD83Dx", "x\uD83D", "\uDE00\uD83D"));
    root.put("é key", List.of(1, true, Map.of()));
    String text = JACKSON.writer(PRINTER).writeValueAsString(root);

    for (int expected : List.of(0, 1, 100, 1 << 20)) {
      assertThat(CanonicalJson.writeFile(root, expected))
          .isEqualTo((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
