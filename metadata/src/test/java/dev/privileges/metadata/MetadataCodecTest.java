package dev.privileges.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The codec: canonical bytes, and strict reading whose messages name the document, the field and the fix. */
class MetadataCodecTest {

  private static final String STATSD = """
      {
        "formatVersion" : 1,
        "name" : "statsd",
        "feature" : "StatsD",
        "source" : "it.StatsdCollector",
        "ports" : [ { "number" : 8125, "protocol" : "UDP", "name" : "statsd", "reachableAtNodeIp" : true,
                      "reason" : "Receives metrics: \\"quoted\\", #, |, ü.", "declaredBy" : "it.StatsdCollector" } ]
      }
      """;

  @Test
  void write_thenRead_givesTheSameMetadata_andCanonicalBytes() {
    CollectorMetadata read = MetadataCodec.read(STATSD, "statsd.json");
    String written = MetadataCodec.write(read);

    assertThat(MetadataCodec.read(written, "again.json")).isEqualTo(read);
    assertThat(MetadataCodec.write(MetadataCodec.read(written, "again.json"))).isEqualTo(written);
    assertThat(written).doesNotContain("\r").contains("\"formatVersion\": 1")
        .contains("Receives metrics: \\\"quoted\\\", #, |, ü.");
    assertThat(written.indexOf("\"feature\"")).isLessThan(written.indexOf("\"name\"")); // sorted keys
  }

  @Test
  void read_unknownField_namesItsPathAndTheKnownFields() {
    assertThatThrownBy(() -> MetadataCodec.read(STATSD.replace("\"feature\"", "\"featur\""), "lib.jar!/x.json"))
        .isInstanceOf(MetadataException.class)
        .hasMessageStartingWith("lib.jar!/x.json:4: unknown field 'featur'")
        .hasMessageContaining("known fields:");
  }

  @Test
  void read_newerFormat_asksForAnUpgrade() {
    assertThatThrownBy(() -> MetadataCodec.read(STATSD.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"), "f.json"))
        .hasMessageContaining("metadata format version 99 is newer than this plugin understands (1)");
  }

  @Test
  void read_invalidJson_givesLineAndColumn() {
    assertThatThrownBy(() -> MetadataCodec.read("{ \"formatVersion\": 1,\n  \"name\": }", "f.json"))
        .hasMessageStartingWith("f.json: not valid JSON (")
        .hasMessageContaining("at line 2");
  }

  @Test
  void read_invalidEnumValue_namesThePath() {
    assertThatThrownBy(() -> MetadataCodec.read(STATSD.replace("\"UDP\"", "\"QUIC\""), "f.json"))
        .hasMessageContaining("ports[0].protocol has the invalid value 'QUIC'");
  }

  @Test
  void read_ruleViolation_carriesTheCode() {
    assertThatThrownBy(() -> MetadataCodec.read(STATSD.replace("8125", "70000"), "f.json"))
        .hasMessageContaining(ErrorCode.PortOutOfRange.tag());
  }

  @Test
  void parse_skipsTheRules_readAppliesThem() {
    String bad = STATSD.replace("8125", "70000");

    assertThat(MetadataCodec.parse(bad, "f.json").ports().get(0).number()).isEqualTo(70000);
  }
}
