package dev.privileges.engine;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.bundle.BundleReader;
import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.bundle.WaiverApplier;
import dev.privileges.engine.grant.Grant;
import dev.privileges.engine.grant.Resolver;
import dev.privileges.engine.helm.HelmChart;
import dev.privileges.engine.kubernetes.DaemonSetRenderer;
import dev.privileges.engine.kubernetes.WrittenYamlAudit;
import dev.privileges.engine.kubernetes.Yaml;
import dev.privileges.engine.output.OutputWriter;
import dev.privileges.engine.report.ReportRenderer;
import dev.privileges.engine.statement.StatementRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;


/**
 * The one entry point front ends call: read the metadata, resolve the grant, render every output
 * and write them atomically.
 */
public final class PrivilegesEngine {

  /** The file names of the outputs. */
  public record OutputNames(String daemonSet, String statement, String report) {
    public OutputNames(String daemonSet, String statement) {
      this(daemonSet, statement, "privileges.json");
    }

    public static OutputNames defaults() {
      return new OutputNames("daemonset.yaml", "SECURITY.md", "privileges.json");
    }
  }

  /**
   * What a generation produced.
   *
   * @param files the outputs by file name (the MkDocs copies as {@code mkdocs:<name>})
   * @param chartPackage the Helm chart's {@code .tgz} when {@link GenerationOptions#helmChart()}
   *     is set; its folder {@code <name>/} is written beside it
   */
  public record Result(Grant grant, Map<String, Path> files, Optional<Path> chartPackage) {}

  private final BundleReader reader = new BundleReader();
  private final Resolver resolver = new Resolver();
  private final DaemonSetRenderer daemonSetRenderer = new DaemonSetRenderer();
  private final StatementRenderer statementRenderer = new StatementRenderer(resolver);
  private final ReportRenderer reportRenderer = new ReportRenderer();

  /**
   * Reads the sources, applies the waivers and resolves the grant, without writing anything. The
   * grant lists the waivers of its enabled collectors.
   */
  public Grant resolve(List<Path> sources, GenerationOptions options) {
    return resolve(reader.read(sources), options);
  }

  /** Reads the sources (jars and class folders), then the folders of hand-written metadata. */
  public Bundle read(List<Path> sources, List<Path> handWritten) {
    return reader.read(sources, handWritten);
  }

  /** Applies the waivers and resolves the grant of a bundle already read. */
  public Grant resolve(Bundle bundle, GenerationOptions options) {
    WaiverApplier.Applied applied = new WaiverApplier().apply(bundle, options.waivers());
    Grant g = resolver.resolve(applied.bundle(), options);
    List<String> enabled = g.enabledNames();
    List<Waiver> kept = new ArrayList<>();
    for (Waiver w : applied.waivers()) {
      if (enabled.contains(w.collector())) {
        kept.add(w);
      }
    }
    List<Waiver> waivers = Collections.unmodifiableList(kept);
    for (Waiver w : waivers) {
      if (w.requirement().startsWith("hostPort:") && g.hostNetwork()) {
        throw new EngineException(Option.WAIVERS + " entry " + w.requirement() + " of collector '" + w.collector()
            + "' has no effect: the pod uses hostNetwork (for " + Resolver.names(g.privileges().get(
                dev.privileges.annotations.Privilege.HOST_NETWORK)) + "), so every listening port is bound on"
            + " the node whatever hostPort says; waive HOST_NETWORK of those collectors too, or drop this waiver");
      }
    }
    return g.withWaivers(waivers);
  }

  /** Reads, resolves, renders, and writes every output into {@code outputFolder}. */
  public Result generate(List<Path> sources, GenerationOptions options, Path outputFolder, OutputNames names) {
    return generate(sources, options, outputFolder, names, null);
  }

  /**
   * Like {@link #generate(List, GenerationOptions, Path, OutputNames)}, and also writes the
   * statement into {@code mkdocsFolder} (an MkDocs {@code docs/} folder) when it is not null.
   * Everything is rendered before anything is written.
   */
  public Result generate(List<Path> sources, GenerationOptions options, Path outputFolder, OutputNames names,
      Path mkdocsFolder) {
    return generate(reader.read(sources), options, outputFolder, names, mkdocsFolder);
  }

  /** Like {@link #generate(List, GenerationOptions, Path, OutputNames, Path)} on a bundle already read. */
  public Result generate(Bundle bundle, GenerationOptions options, Path outputFolder, OutputNames names,
      Path mkdocsFolder) {
    OptionsValidator.fileName(Option.DAEMON_SET_FILE, names.daemonSet());
    OptionsValidator.fileName(Option.STATEMENT_FILE, names.statement());
    OptionsValidator.fileName(Option.REPORT_FILE, names.report());
    Grant grant = resolve(bundle, options);
    // Every output is a function of the one grant, so the statement (the longest to render)
    // renders on a second core while this thread writes and audits the YAML and the report.
    // (A class rather than a lambda: a fresh JVM spins a class for each lambda it links.)
    Parallel.Forked<StatementRenderer.Rendered> statementTask = Parallel.fork(
        new Supplier<StatementRenderer.Rendered>() {
          @Override
          public StatementRenderer.Rendered get() {
            return statementRenderer.renderWithDiagram(grant);
          }
        });
    String daemonSet;
    byte[] report;
    try {
      List<Map<String, Object>> objects = daemonSetRenderer.documents(grant);
      if (options.baseTemplate().isPresent()) {
        objects = options.baseTemplate().get().apply(objects, grant);
      }
      daemonSet = Yaml.dumpAll(objects);
      WrittenYamlAudit.verify(daemonSet, grant); // rule 14: nothing is written unless it holds
      report = reportRenderer.renderUtf8(bundle, grant);
    } catch (RuntimeException | Error e) {
      awaitQuietly(statementTask); // this failure comes first, as it would in sequence
      throw e;
    }
    StatementRenderer.Rendered rendered = statementTask.join();
    String statement = rendered.markdown();
    String diagram = rendered.diagramSvg();
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put(names.daemonSet(), daemonSet);
    contents.put(names.statement(), statement);
    contents.put(StatementRenderer.DIAGRAM_FILE, diagram);
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : contents.entrySet()) {
      bytes.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
    }
    bytes.put(names.report(), report); // rendered as UTF-8: at 5,000 collectors it is 12 MB
    HelmChart chart = options.helmChart() ? chart(bundle, options, grant) : null;
    if (chart != null) {
      for (Map.Entry<String, String> e : chart.files().entrySet()) {
        bytes.put(chart.name() + "/" + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
      }
      bytes.put(chart.packageFileName(), chart.packaged());
    }
    Map<String, Path> written = new OutputWriter(outputFolder).writeBytes(bytes);
    Map<String, Path> files = new LinkedHashMap<>();
    for (String name : contents.keySet()) {
      files.put(name, written.get(name));
    }
    files.put(names.report(), written.get(names.report()));
    if (mkdocsFolder != null) {
      Map<String, String> docs = new LinkedHashMap<>();
      docs.put(names.statement(), statement);
      docs.put(StatementRenderer.DIAGRAM_FILE, diagram);
      for (Map.Entry<String, Path> e : new OutputWriter(mkdocsFolder).write(docs).entrySet()) {
        files.put("mkdocs:" + e.getKey(), e.getValue());
      }
    }
    return new Result(grant, files, chart == null ? Optional.empty() : Optional.of(written.get(chart.packageFileName())));
  }

  private static void awaitQuietly(Parallel.Forked<?> task) {
    try {
      task.join();
    } catch (RuntimeException | Error ignored) {
      // the caller throws the failure that comes first in sequence
    }
  }

  /**
   * The Helm chart of a bundle, without writing anything: its values default to the enabled
   * collectors of {@code options}, its toggles reach every collector of the bundle, its version is
   * {@link GenerationOptions#chartVersion()}.
   */
  public HelmChart chart(Bundle bundle, GenerationOptions options) {
    OptionsValidator.chartVersion(options.chartVersion());
    return chart(bundle, options, resolve(bundle, options));
  }

  /** {@code defaults} is the grant of the enabled collectors. */
  private HelmChart chart(Bundle bundle, GenerationOptions options, Grant defaults) {
    return HelmChart.of(new WaiverApplier().apply(bundle, options.waivers()).bundle(), options, defaults,
        options.chartVersion());
  }

  /** Renders the statement of the enabled collectors, without writing anything. */
  public String statement(List<Path> sources, GenerationOptions options) {
    return statementRenderer.render(resolve(sources, options));
  }

  /**
   * The statement and its diagram, rendered from one resolution, without writing anything.
   *
   * @param markdown the statement
   * @param diagramSvg the SVG the statement shows as {@link StatementRenderer#DIAGRAM_FILE}
   */
  public record Statement(String markdown, String diagramSvg) {}

  /** Renders the statement and its diagram for a page that embeds both (the Maven site). */
  public Statement statementWithDiagram(List<Path> sources, GenerationOptions options) {
    StatementRenderer.Rendered rendered = statementRenderer.renderWithDiagram(resolve(sources, options));
    return new Statement(rendered.markdown(), rendered.diagramSvg());
  }
}
