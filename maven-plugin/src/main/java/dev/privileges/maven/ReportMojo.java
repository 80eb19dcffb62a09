package dev.privileges.maven;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.OutputWriter;
import dev.privileges.engine.PortExposure;
import dev.privileges.engine.PrivilegesEngine;
import dev.privileges.engine.StatementHtml;
import dev.privileges.metadata.KernelVersion;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
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
public class ReportMojo extends AbstractMojo implements MavenReport {

  /** The page's file name without extension. */
  static final String OUTPUT_NAME = "privileges-statement";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** Where the site is written; set by the site plugin. */
  @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
  private File reportOutputDirectory;

  /** Collectors to enable; empty enables every collector of the bundle. */
  @Parameter(property = "privileges.enabledCollectors")
  private List<String> enabledCollectors = new ArrayList<>();

  /** Collectors to leave out. */
  @Parameter(property = "privileges.excludedCollectors")
  private List<String> excludedCollectors = new ArrayList<>();

  /** Name of the DaemonSet. */
  @Parameter(property = "privileges.name", defaultValue = "${project.artifactId}")
  private String name;

  /** Namespace of the namespaced objects. */
  @Parameter(property = "privileges.namespace", defaultValue = "${project.artifactId}")
  private String namespace;

  /** Container image. */
  @Parameter(property = "privileges.image", defaultValue = "${project.artifactId}:${project.version}")
  private String image;

  /** Extra labels on every object and on the pod template. */
  @Parameter
  private Map<String, String> labels = new java.util.TreeMap<>();

  /** UID the agent runs as when no enabled collector needs root. */
  @Parameter(property = "privileges.nonRootUid", defaultValue = "10001")
  private long nonRootUid;

  /** Environment variable that lists the enabled collectors. */
  @Parameter(property = "privileges.enabledInputsEnv", defaultValue = "ENV_DEFAULT_ENABLED_INPUTS")
  private String enabledInputsEnv;

  /** Grant {@code privileged: true} to collectors that declare it, instead of their capabilities. */
  @Parameter(property = "privileges.privilegedInsteadOfCapabilities", defaultValue = "false")
  private boolean privilegedInsteadOfCapabilities;

  /** {@code HOST_PORT} or {@code SERVICE} for ports that must be reachable at NodeIP:port. */
  @Parameter(property = "privileges.portExposure", defaultValue = "HOST_PORT")
  private String portExposure;

  /** Oldest node kernel (major.minor) the bundle must work on. */
  @Parameter(property = "privileges.oldestKernel", defaultValue = "5.8")
  private String oldestKernel;

  /** Product name used in the statement. */
  @Parameter(property = "privileges.productName", defaultValue = "${project.name}")
  private String productName;

  /** A Mustache template that replaces the statement's default wording. */
  @Parameter(property = "privileges.statementTemplate")
  private File statementTemplate;

  /** Markdown that replaces the statement's default introduction. */
  @Parameter(property = "privileges.statementIntro")
  private String statementIntro;

  /** Markdown that replaces the statement's default closing section. */
  @Parameter(property = "privileges.statementClosing")
  private String statementClosing;

  /** Skip the report. */
  @Parameter(property = "privileges.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping privileges:report (privileges.skip is true).");
      return;
    }
    try {
      String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
          + escape(getName(Locale.ROOT)) + "</title>\n</head>\n<body>\n" + html() + "</body>\n</html>\n";
      Path file = new OutputWriter(reportOutputDirectory.toPath()).write(Map.of(OUTPUT_NAME + ".html", page))
          .get(OUTPUT_NAME + ".html");
      getLog().info("Wrote " + file);
    } catch (EngineException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  @Override
  public void generate(Sink sink, Locale locale) throws MavenReportException {
    String html;
    try {
      html = html();
    } catch (EngineException | MojoFailureException e) {
      throw new MavenReportException(e.getMessage(), e);
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
  String html() throws MojoFailureException {
    return StatementHtml.render(new PrivilegesEngine().statement(sources(), options()));
  }

  private List<Path> sources() {
    List<Path> sources = new ArrayList<>();
    sources.add(classesDirectory.toPath());
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null) {
        sources.add(artifact.getFile().toPath());
      }
    }
    return sources;
  }

  private GenerationOptions options() throws MojoFailureException {
    PortExposure exposure;
    try {
      exposure = PortExposure.valueOf(portExposure);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("<portExposure> '" + portExposure + "' is not one of HOST_PORT, SERVICE");
    }
    KernelVersion kernel;
    try {
      kernel = KernelVersion.parse(oldestKernel);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("<oldestKernel> " + e.getMessage());
    }
    return GenerationOptions.builder()
        .enabledCollectors(enabledCollectors)
        .excludedCollectors(excludedCollectors)
        .name(name)
        .namespace(namespace)
        .image(image)
        .labels(labels)
        .nonRootUid(nonRootUid)
        .enabledInputsEnv(enabledInputsEnv)
        .privilegedInsteadOfCapabilities(privilegedInsteadOfCapabilities)
        .portExposure(exposure)
        .oldestKernel(kernel)
        .productName(productName)
        .statementTemplate(statementTemplate == null ? "" : statementTemplate.getAbsolutePath())
        .statementIntro(statementIntro)
        .statementClosing(statementClosing)
        .build();
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
    return !skip;
  }
}
