package dev.privileges.maven;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns the statement's Markdown into an HTML fragment for a site page (the Maven site report):
 * GFM tables, and the MkDocs heading anchors ({@code {#id}}) become real {@code id} attributes so
 * the statement's own links keep working.
 */
public final class StatementHtml {

  private static final Pattern ANCHOR = Pattern.compile("\\s*\\{#([A-Za-z][A-Za-z0-9_-]*)\\}\\s*$");
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  private StatementHtml() {}

  /** The HTML of {@code markdown}; raw HTML in the input is escaped, not passed through. */
  public static String render(String markdown) {
    Node document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
    java.util.Map<Heading, String> ids = new java.util.IdentityHashMap<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (heading.getLastChild() instanceof Text text) {
          Matcher m = ANCHOR.matcher(text.getLiteral());
          if (m.find()) {
            text.setLiteral(text.getLiteral().substring(0, m.start()));
            ids.put(heading, m.group(1));
          }
        }
      }
    });
    return HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .escapeHtml(true)
        .attributeProviderFactory(context -> (node, tag, attributes) -> {
          if (node instanceof Heading h && ids.containsKey(h)) {
            attributes.put("id", ids.get(h));
          }
        })
        .build()
        .render(document);
  }
}
