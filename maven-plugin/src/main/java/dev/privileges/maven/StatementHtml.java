package dev.privileges.maven;

import dev.privileges.engine.statement.StatementRenderer;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Turns the statement's Markdown into an HTML fragment for a site page (the Maven site report):
 * GFM tables; the MkDocs heading anchors ({@code {#id}}) become real {@code id} attributes so the
 * statement's own links keep working; the statement's {@code <br>} line breaks in table cells
 * become line breaks (any other raw HTML is escaped); and the diagram image is replaced by the SVG
 * itself, so the page needs no file beside it.
 */
public final class StatementHtml {

  private static final Pattern ANCHOR = Pattern.compile("\\s*\\{#([A-Za-z][A-Za-z0-9_-]*)\\}\\s*$");
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  /**
   * Site skins (Fluido's Bootstrap 2) keep code spans on one line, so a long field name in a table
   * cell widens the table past the page; here they wrap like text.
   */
  private static final String STYLE = "<style>.privileges-statement code{white-space:normal;"
      + "overflow-wrap:anywhere}.privileges-statement table{max-width:100%}</style>\n";

  private StatementHtml() {}

  /** The HTML of {@code markdown}, without the diagram (its image stays a link to the file). */
  public static String render(String markdown) {
    return render(markdown, "");
  }

  /**
   * The HTML of {@code markdown}; raw HTML in the input is escaped, not passed through. The image
   * of {@link StatementRenderer#DIAGRAM_FILE} becomes {@code diagramSvg} inline, when given.
   */
  public static String render(String markdown, String diagramSvg) {
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
        visitChildren(heading);
      }

      @Override
      public void visit(HtmlInline html) {
        if (html.getLiteral().equals("<br>")) {
          html.insertAfter(new HardLineBreak());
          html.unlink();
        }
      }
    });
    return STYLE + "<div class=\"privileges-statement\">\n" + HtmlRenderer.builder()
        .extensions(EXTENSIONS)
        .escapeHtml(true)
        .nodeRendererFactory(context -> new InlineDiagram(context, diagramSvg))
        .attributeProviderFactory(context -> (node, tag, attributes) -> {
          if (node instanceof Heading h && ids.containsKey(h)) {
            attributes.put("id", ids.get(h));
          }
        })
        .build()
        .render(document) + "</div>\n";
  }

  /** Writes the statement's diagram image as the SVG itself, scaled down to narrow columns. */
  private static final class InlineDiagram implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final String svg;

    InlineDiagram(HtmlNodeRendererContext context, String svg) {
      this.context = context;
      this.svg = svg;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Image.class);
    }

    @Override
    public void render(Node node) {
      Image image = (Image) node;
      HtmlWriter html = context.getWriter();
      if (!svg.isEmpty() && image.getDestination().equals(StatementRenderer.DIAGRAM_FILE)) {
        // our own output, escaped when it was drawn: safe to embed as markup
        html.raw("<span class=\"privileges-diagram\" style=\"display:block;max-width:100%\">"
            + svg.strip().replaceFirst("<svg ", "<svg style=\"max-width:100%;height:auto\" ") + "</span>");
        return;
      }
      java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
      attributes.put("src", context.encodeUrl(image.getDestination()));
      attributes.put("alt", alt(image));
      html.tag("img", attributes, true);
    }

    private static String alt(Node node) {
      StringBuilder out = new StringBuilder();
      for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
        out.append(c instanceof Text t ? t.getLiteral() : alt(c));
      }
      return out.toString();
    }
  }
}
