package dev.privileges.engine.statement;

import dev.privileges.engine.grant.GrantedItem;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Option;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/**
 * Renders the security statement (Markdown for MkDocs Material and GFM) from the same {@link Grant}
 * as the YAML, through a Mustache template: the one shipped with the engine, or the user's
 * ({@link GenerationOptions#statementTemplate()}). Plain-text values are escaped for Markdown by
 * the template engine itself, so a user template cannot forget it.
 */
public final class StatementRenderer {

  /** The template shipped with the engine, a class-path resource. */
  public static final String DEFAULT_TEMPLATE = "statement.md.mustache";

  /** The file name of the features-to-privileges SVG, written beside the statement. */
  public static final String DIAGRAM_FILE = "privileges-diagram.svg";

  private final Resolver resolver;

  public StatementRenderer() {
    this(new Resolver());
  }

  public StatementRenderer(Resolver resolver) {
    this.resolver = resolver;
  }

  public String render(Grant grant) {
    return render(grant, groups(grant));
  }

  /**
   * The statement and its diagram ({@link #DIAGRAM_FILE}) of one grant, which share their item
   * groups.
   */
  public record Rendered(String markdown, String diagramSvg) {}

  /** Renders the statement and its diagram, grouping the grant's items once for both. */
  public Rendered renderWithDiagram(Grant grant) {
    ItemGroups groups = groups(grant);
    return new Rendered(render(grant, groups), diagram(groups));
  }

  private static ItemGroups groups(Grant grant) {
    return new ItemGroups(GrantedItem.of(grant), grant, grant.options().statementItemLimit());
  }

  private String render(Grant grant, ItemGroups groups) {
    Map<String, Object> model = new StatementModel().build(grant, groups,
        new FeatureRecommendations(resolver).rows(grant, new java.util.function.Predicate<String>() {
          @Override
          public boolean test(String key) {
            return groups.folded(key); // a class, not a method reference: see StatementModel
          }
        }));
    String templatePath = grant.options().statementTemplate();
    StringWriter out = new StringWriter();
    try {
      Mustache mustache = templatePath.isEmpty() ? DefaultTemplate.COMPILED : compile(userTemplate(templatePath), templatePath);
      mustache.execute(out, model);
    } catch (MustacheException e) {
      throw new EngineException(Option.STATEMENT_TEMPLATE + " '" + templatePath + "' is not a valid Mustache"
          + " template (" + e.getMessage() + "): fix the template, or remove the parameter to use the"
          + " default one", e);
    }
    return normalize(out.toString());
  }

  /**
   * The features-to-privileges SVG of {@code grant} ({@link #DIAGRAM_FILE}), with the items the
   * statement groups drawn as their groups, so it stays as small as the statement.
   */
  public String diagram(Grant grant) {
    return diagram(groups(grant));
  }

  private static String diagram(ItemGroups groups) {
    List<SvgDiagram.Item> items = new java.util.ArrayList<>();
    for (GrantedItem i : groups.shown()) {
      items.add(new SvgDiagram.Item(i.field(), groups.risk(i).severity(), i.features()));
    }
    return SvgDiagram.render(items);
  }

  /** One trailing newline, no runs of blank lines a template's empty sections leave behind. */
  private static String normalize(String markdown) {
    String text = markdown.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(text.length());
    boolean fence = false;
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        fence = !fence;
      }
      blank = !fence && line.isBlank() ? blank + 1 : 0;
      if (blank < 2) {
        out.append(fence ? line : line.stripTrailing()).append('\n');
      }
    }
    return out.toString().strip() + "\n";
  }

  /**
   * The shipped template, compiled once per JVM (a compiled Mustache is immutable and safe to
   * execute from several threads); a user's template is compiled on each call, since the file may
   * change between builds of a long-lived JVM.
   */
  private static final class DefaultTemplate {
    static final Mustache COMPILED = compile(defaultTemplate(), DEFAULT_TEMPLATE);
  }

  private static Mustache compile(String template, String name) {
    return new MarkdownMustacheFactory().compile(new StringReader(template.replace("\r\n", "\n")), name);
  }

  static String defaultTemplate() {
    try (InputStream in = StatementRenderer.class.getResourceAsStream(DEFAULT_TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("the default template " + DEFAULT_TEMPLATE + " is missing from the plugin jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String userTemplate(String path) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new EngineException(Option.STATEMENT_TEMPLATE + " '" + path + "' is not a readable file: point it at"
          + " a Mustache template (start from the default, see docs/security-statement.md), or remove"
          + " the parameter to use the default template");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineException(Option.STATEMENT_TEMPLATE + " '" + path + "' cannot be read as UTF-8 ("
          + e.getMessage() + "): save it as UTF-8 text", e);
    }
  }

  /** Escapes {@code {{value}}} for Markdown instead of HTML; {@code {{{value}}}} stays raw. */
  private static final class MarkdownMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(Markdown.text(value));
      } catch (IOException e) {
        throw new MustacheException("cannot write the statement", e);
      }
    }

    @Override
    public Mustache compilePartial(String name) {
      throw new MustacheException("partials are not supported ({{>" + name + "}}): put everything in one template");
    }
  }
}
