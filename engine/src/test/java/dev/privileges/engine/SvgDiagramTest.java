package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.GrantedItem;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.statement.StatementRenderer;
import dev.privileges.engine.statement.SvgDiagram;

import static dev.privileges.engine.TestBundles.bundle;
import static dev.privileges.engine.TestBundles.collector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privileges.annotations.Privilege;
import dev.privileges.engine.statement.PrivilegeRisk.Severity;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The features-to-privileges SVG: golden files, well-formed XML, escaped text, nothing that runs or loads. */
class SvgDiagramTest {

  private static final dev.privileges.testing.Golden GOLDEN =
      dev.privileges.testing.Golden.in(java.nio.file.Path.of("src/test/resources/golden"));

  private static String svg(Bundle bundle) {
    return new StatementRenderer().diagram(new Resolver().resolve(bundle, DataKitLikeBundles.STATEMENT_OPTIONS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"datakit-like", "nothing-needed"})
  void diagram_matchesGoldenFile(String name) throws IOException {
    GOLDEN.assertMatches("statement/" + name + ".svg", svg(DataKitLikeBundles.statementGoldens().get(name)));
  }

  @Test
  void diagram_isWellFormedAndHasOneBoxPerFeatureAndItem() throws Exception {
    Document doc = parse(svg(DataKitLikeBundles.datakitLike()));

    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    Grant grant = new Resolver().resolve(DataKitLikeBundles.datakitLike(), DataKitLikeBundles.STATEMENT_OPTIONS);
    long features = grant.enabled().stream().map(c -> c.feature()).distinct()
        .filter(f -> GrantedItem.of(grant).stream().anyMatch(i -> i.features().contains(f))).count();
    // one rect per feature and per item, plus the background and three legend swatches
    assertThat(doc.getElementsByTagName("rect").getLength())
        .isEqualTo(features + GrantedItem.of(grant).size() + 4);
  }

  @Test
  void diagram_escapesCollectorTextAndNeedsNoScriptOrNetwork() throws Exception {
    String feature = "<script>alert('x')</script> & \"quoted\" \u0001 日本";
    String svg = svg(bundle(collector("weird").feature(feature).privilege(Privilege.HOST_PID).build()));

    assertThat(svg).doesNotContain("<script", "javascript:", "href", "<style", "@import", "<foreignObject")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; \ufffd 日本");
    assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    assertThat(parse(svg).getElementsByTagName("title").item(1).getTextContent()).isEqualTo(
        feature.replace('\u0001', '\ufffd'));
  }

  @Test
  void longLabels_areShortenedOnScreenAndWholeInTheTooltip() {
    String label = "core endpoints, events, namespaces, nodes, pods, services: get, list, watch";
    String svg = SvgDiagram.render(List.of(new SvgDiagram.Item(label, Severity.LOW, List.of("F"))));

    assertThat(svg).contains("<title>" + label + " (low risk)</title>")
        .contains(">core endpoints, events, namespaces, nodes\u2026</text>");
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }
}
