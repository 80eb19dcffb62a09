package dev.privileges.maven;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.Option;
import dev.privileges.engine.output.OutputWriter;
import dev.privileges.engine.PrivilegesEngine;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The security statement as a page of the Maven site ({@code mvn site}): add the plugin under
 * {@code <reporting>}. The statement is resolved and rendered exactly as by
 * {@code privileges:generate}, then turned into HTML inside the site's skin. Run alone
 * ({@code mvn privileges:report}) it writes a plain HTML page into the site folder.
 *
 * <p>Implements only the small {@code maven-reporting-api} interface, not
 * {@code maven-reporting-impl}, which would bring some 40 jars for what one Sink call does here.
 */
@Mojo(name = "report", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class ReportMojo extends AbstractPrivilegesMojo implements MavenReport {

  /** The page's file name without extension. */
  static final String OUTPUT_NAME = "privileges-statement";

  /** Where the site is written; set by the site plugin. */
  @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
  private File reportOutputDirectory;

  @Override
  protected String goal() {
    return "report";
  }

  @Override
  protected void run() {
    String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + escape(getName(Locale.ROOT)) + "</title>\n</head>\n<body>\n" + html() + "</body>\n</html>\n";
    Path file = new OutputWriter(reportOutputDirectory.toPath()).write(Map.of(OUTPUT_NAME + ".html", page))
        .get(OUTPUT_NAME + ".html");
    getLog().info("Wrote " + file);
  }

  @Override
  public void generate(Sink sink, Locale locale) throws MavenReportException {
    String html;
    try {
      html = html();
    } catch (EngineException e) {
      throw new MavenReportException(e.message(Option.Syntax.MAVEN), e);
    }
    sink.head();
    sink.title();
    sink.text(getName(locale));
    sink.title_();
    sink.head_();
    sink.body();
    sink.rawText(html);
    sink.body_();
    sink.flush();
  }

  /** The statement as an HTML fragment. */
  String html() {
    PrivilegesEngine.Statement statement = new PrivilegesEngine().statementWithDiagram(sources(), options());
    return StatementHtml.render(statement.markdown(), statement.diagramSvg());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public String getOutputName() {
    return OUTPUT_NAME;
  }

  @Override
  public String getCategoryName() {
    return CATEGORY_PROJECT_REPORTS;
  }

  @Override
  public String getName(Locale locale) {
    return "Security statement";
  }

  @Override
  public String getDescription(Locale locale) {
    return "The privileges of the least-privilege DaemonSet, why each is needed, and how to trim them.";
  }

  @Override
  public void setReportOutputDirectory(File directory) {
    this.reportOutputDirectory = directory;
  }

  @Override
  public File getReportOutputDirectory() {
    return reportOutputDirectory;
  }

  @Override
  public boolean isExternalReport() {
    return false;
  }

  @Override
  public boolean canGenerateReport() {
    return !skipped();
  }
}
