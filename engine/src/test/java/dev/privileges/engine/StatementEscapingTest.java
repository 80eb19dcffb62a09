package dev.privileges.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privileges.annotations.Privilege;
import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.report.ReportRenderer;
import dev.privileges.engine.statement.Markdown;
import dev.privileges.engine.statement.StatementRenderer;
import dev.privileges.metadata.CollectorMetadata;
import dev.privileges.metadata.PrivilegeRequirement;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;


/** Strings from collectors can hold anything; they come out of Markdown and JSON intact and inert. */
class StatementEscapingTest {

  private static final String FEATURE = "Weird \"quoted\" | pipe # hash\nnew line <b>bold?</b> & ünïcødé 日本";
  private static final String REASON = "1. *not* a list | [no link](http://example.com) {#fake} `tick` \\ <script>x</script>\r\n- end";

  private static Bundle bundle() {
    CollectorMetadata weird = new CollectorMetadata(CollectorMetadata.FORMAT_VERSION, "weird", FEATURE,
        "desc \"with\" quotes", "test.Weird", "",
        List.of(new PrivilegeRequirement(Privilege.HOST_PID, REASON, "test.Weird")),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    return TestBundles.bundle(weird, DataKitLikeBundles.dk());
  }

  private static String flat(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').strip();
  }

  @Test
  void markdown_keepsEveryCharacterAsText() {
    String md = new StatementRenderer().render(new Resolver().resolve(bundle(), DataKitLikeBundles.STATEMENT_OPTIONS));
    StatementDocument doc = new StatementDocument(md);

    assertThat(StatementDocument.text(doc.root)).contains(flat(FEATURE) + " (weird): " + flat(REASON));
    assertThat(doc.table("Feature").get(1)).containsExactly(flat(FEATURE), "hostPID", "-", "-", "-", "-");
    assertThat(doc.table("If you do not need this feature")).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(flat(FEATURE)));
    assertThat(doc.headings).filteredOn(h -> h.level() == 1).hasSize(1);
    doc.root.accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlInline html) {
        if (html.getLiteral().equals("<br>")) {
          return; // the statement's own line break in table cells, never from collector text
        }
        throw new AssertionError("raw HTML reached the document: " + html.getLiteral());
      }

      @Override
      public void visit(HtmlBlock html) {
        throw new AssertionError("raw HTML reached the document: " + html.getLiteral());
      }

      @Override
      public void visit(Link link) {
        assertThat(link.getDestination()).startsWith("#");
        visitChildren(link);
      }
    });
  }

  @Test
  void mermaid_quotesLabelsWithEntityCodes() {
    String md = new StatementRenderer().render(new Resolver().resolve(bundle(),
        DataKitLikeBundles.STATEMENT_OPTIONS.toBuilder().statementMermaid(true).build()));
    StringBuilder mermaid = new StringBuilder();
    new StatementDocument(md).root.accept(new AbstractVisitor() {
      @Override
      public void visit(FencedCodeBlock code) {
        if (code.getInfo().equals("mermaid")) {
          mermaid.append(code.getLiteral());
        }
      }
    });

    assertThat(mermaid.toString()).contains(
        "f1[\"Weird #quot;quoted#quot; | pipe #35; hash new line #lt;b#gt;bold?#lt;/b#gt; #amp; ünïcødé 日本\"]",
        "f1 --> p1");
  }

  @Test
  void json_keepsStringsExactly() throws Exception {
    Bundle bundle = bundle();
    String json = new ReportRenderer().render(bundle, new Resolver().resolve(bundle, DataKitLikeBundles.STATEMENT_OPTIONS));
    JsonNode root = new ObjectMapper().readTree(json);

    JsonNode weird = root.get("collectors").get(1);
    assertThat(weird.get("name").asText()).isEqualTo("weird");
    assertThat(weird.get("feature").asText()).isEqualTo(FEATURE);
    assertThat(weird.get("requirements").get("privileges").get(0).get("reason").asText()).isEqualTo(REASON);
    assertThat(root.get("grant").get("privileges").get("HOST_PID").get(0).get("reason").asText()).isEqualTo(REASON);
    assertThat(json).doesNotContain("\r").endsWith("}\n");
  }
}
