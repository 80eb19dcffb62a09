package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.report.ReportRenderer;
import dev.privileges.engine.statement.StatementRenderer;
import dev.privileges.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


/** The statement and the JSON report of sample bundles, byte for byte against golden files. */
class StatementGoldenTest {

  private static final Golden GOLDEN = Golden.in(Path.of("src/test/resources/golden"));

  static Stream<Arguments> bundles() {
    return DataKitLikeBundles.statementGoldens().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void statement_matchesGoldenFile(String name, Bundle bundle) throws IOException {
    Grant grant = new Resolver().resolve(bundle, DataKitLikeBundles.STATEMENT_OPTIONS);

    GOLDEN.assertMatches("statement/" + name + ".md", new StatementRenderer().render(grant));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundles")
  void report_matchesGoldenFile(String name, Bundle bundle) throws IOException {
    GenerationOptions someDisabled = DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder()
        .excludedCollectors(name.equals("datakit-like") ? java.util.List.of("jvm-dump", "bpf-netlog") : java.util.List.of())
        .build();
    Grant grant = new Resolver().resolve(bundle, someDisabled);

    GOLDEN.assertMatches("statement/" + name + ".privileges.json", new ReportRenderer().render(bundle, grant));
  }
}
