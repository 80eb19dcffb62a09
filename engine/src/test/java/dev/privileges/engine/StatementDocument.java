package dev.privileges.engine;

import dev.privileges.engine.statement.Markdown;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;


/** A statement parsed by a real Markdown parser (commonmark-java with GFM tables), for assertions. */
final class StatementDocument {

  /** A heading: level, text (code spans included literally) and its {@code {#anchor}}, if any. */
  record Heading2(int level, String text, String anchor) {}

  final String markdown;
  final Node root;
  final List<Heading2> headings = new ArrayList<>();
  final List<TableBlock> tables = new ArrayList<>();
  final List<String> links = new ArrayList<>();

  StatementDocument(String markdown) {
    this.markdown = markdown;
    this.root = Parser.builder().extensions(List.of(TablesExtension.create()))
        .includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(markdown);
    root.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        String text = text(heading);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*\\{#([^}]*)\\}$").matcher(text);
        headings.add(m.find()
            ? new Heading2(heading.getLevel(), text.substring(0, m.start()), m.group(1))
            : new Heading2(heading.getLevel(), text, ""));
      }

      @Override
      public void visit(CustomBlock block) {
        if (block instanceof TableBlock t) {
          tables.add(t);
        }
        visitChildren(block);
      }

      @Override
      public void visit(Link link) {
        links.add(link.getDestination());
        visitChildren(link);
      }
    });
  }

  /** The literal text of a node: text and code spans, emphasis flattened. */
  static String text(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        out.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        out.append(code.getLiteral());
      }

      @Override
      public void visit(org.commonmark.node.HtmlInline html) {
        if (html.getLiteral().equals("<br>")) {
          out.append('\n'); // the statement's line break inside a table cell
        }
      }
    });
    return out.toString();
  }

  /** The cells of every row of a table (header first), as text. */
  static List<List<String>> rows(TableBlock table) {
    List<List<String>> out = new ArrayList<>();
    table.accept(new AbstractVisitor() {
      @Override
      public void visit(CustomBlock block) {
        visitChildren(block);
      }

      @Override
      public void visit(org.commonmark.node.CustomNode node) {
        if (node instanceof TableRow row) {
          List<String> cells = new ArrayList<>();
          for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            cells.add(text((TableCell) c));
          }
          out.add(cells);
        } else {
          visitChildren(node);
        }
      }
    });
    return out;
  }

  /** How many cells each source line of the table holds (unescaped pipes minus one). */
  List<Integer> sourceCellCounts(TableBlock table) {
    List<Integer> out = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (SourceSpan span : table.getSourceSpans()) {
      String line = lines[span.getLineIndex()];
      int pipes = 0;
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) == '\\') {
          i++;
        } else if (line.charAt(i) == '|') {
          pipes++;
        }
      }
      out.add(pipes - 1);
    }
    return out;
  }

  /** Headings of {@code level} between the H2 titled {@code section} and the next H2. */
  List<Heading2> headingsUnder(String section, int level) {
    List<Heading2> out = new ArrayList<>();
    boolean inside = false;
    for (Heading2 h : headings) {
      if (h.level() == 2) {
        inside = h.text().equals(section);
      } else if (inside && h.level() == level) {
        out.add(h);
      }
    }
    return out;
  }

  /** The first table whose header's first cell is {@code firstHeader}. */
  List<List<String>> table(String firstHeader) {
    return tables.stream().map(StatementDocument::rows)
        .filter(r -> r.get(0).get(0).equals(firstHeader)).findFirst()
        .orElseThrow(() -> new AssertionError("no table starting with " + firstHeader + " in\n" + markdown));
  }
}
