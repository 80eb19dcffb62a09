package dev.privileges.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.privileges.annotations.Confinement;
import dev.privileges.annotations.HostPathType;
import dev.privileges.annotations.MountPropagation;
import dev.privileges.annotations.Privilege;
import dev.privileges.annotations.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader gives what {@link MetadataCodec#read} gives: the same records, the same messages. */
class StreamingMetadataReaderTest {

  private static final String ORIGIN = "lib.jar!/META-INF/dev.privileges/collectors/cpu.json";

  private static final CollectorMetadata EVERY_FIELD = new CollectorMetadata(
      1, "ebpf", "eBPF Monitoring", "Traces \"syscalls\" \\ and\nnewlines, ünïcode", "com.example.Ebpf", "",
      List.of(new PrivilegeRequirement(Privilege.HOST_PID, "sees every process", "com.example.Ebpf")),
      List.of(new CapabilityRequirement("BPF", "5.8", "", "loads programs", "com.example.Ebpf"),
          new CapabilityRequirement("SYS_ADMIN", "", "5.8", "loads programs on old kernels", "com.example.Ebpf")),
      List.of(new HostPathRequirement("/sys/kernel/debug", "/host/debug", false, HostPathType.DIRECTORY,
          MountPropagation.HOST_TO_CONTAINER, "HOST_DEBUG", "reads tracepoints", "com.example.Base")),
      List.of(new PortRequirement(9529, Protocol.UDP, "statsd", true, "receives metrics", "com.example.Ebpf")),
      List.of(new WritablePathRequirement("/var/lib/agent", true, "/var/lib/agent-data", "keeps a cursor",
          "com.example.Ebpf")),
      List.of(new ApiRuleRequirement(List.of("", "apps"), List.of("pods", "daemonsets"), List.of(),
          List.of("list", "get"), "reads objects", "com.example.Ebpf")),
      List.of(new ConfinementRequirement(Confinement.SECCOMP_UNCONFINED, "bpf() is filtered", "com.example.Ebpf")));

  private static final CollectorMetadata NOTHING_NEEDED = new CollectorMetadata(
      1, "uptime", "Host Basic Metrics", "", "com.example.Uptime", "reads /proc/uptime of its own namespace",
      null, null, null, null, null, null, null);

  @Test
  void read_everyKindOfRequirement_givesTheRecordsDataBindingGives() {
    for (CollectorMetadata m : List.of(EVERY_FIELD, NOTHING_NEEDED)) {
      String json = MetadataCodec.write(m);
      assertThat(StreamingMetadataReader.read(json, ORIGIN))
          .isEqualTo(MetadataCodec.read(json, ORIGIN))
          .isEqualTo(m);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\", \"colour\": \"red\"}",
      "{\"formatVersion\": 9, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\"}",
      "{\"formatVersion\": \"1\", \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\"}",
      "{\"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\"}",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"name\": \"disk\", \"feature\": \"Host\", \"source\": \"a.B\"}",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\"} {}",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\",",
      "[1, 2]",
      "",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\","
          + " \"privileges\": [{\"privilege\": \"ROOT\", \"reason\": \"r\", \"declaredBy\": \"a.B\"}]}",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\","
          + " \"hostPaths\": [{\"path\": \"/proc\", \"reason\": \"r\", \"declaredBy\": \"a.B\"}]}",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\","
          + " \"ports\": [{\"number\": \"80\", \"name\": \"http\", \"reachableAtNodeIp\": false, \"reason\": \"r\","
          + " \"declaredBy\": \"a.B\"}]}",
      "{\"formatVersion\": 1, \"name\": \"Not A Name\", \"feature\": \"Host\", \"source\": \"a.B\"}",
      "{\"formatVersion\": 1, \"name\": \"cpu\", \"feature\": \"Host\", \"source\": \"a.B\", \"description\": null}",
  })
  void read_badDocument_failsWithTheCodecsMessage(String json) {
    MetadataException expected = catchThrowableOfType(() -> MetadataCodec.read(json, ORIGIN), MetadataException.class);
    MetadataException actual =
        catchThrowableOfType(() -> StreamingMetadataReader.read(json, ORIGIN), MetadataException.class);
    if (expected == null) {
      // a document data binding accepts (e.g. a null description) reads the same through both
      assertThat(actual).isNull();
      assertThat(StreamingMetadataReader.read(json, ORIGIN)).isEqualTo(MetadataCodec.read(json, ORIGIN));
    } else {
      assertThat(actual).isNotNull();
      assertThat(actual.getMessage()).startsWith(ORIGIN).isEqualTo(expected.getMessage());
    }
  }
}
