package dev.privileges.maven;

import dev.privileges.engine.BuildSummary;
import dev.privileges.engine.PrivilegesEngine;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the least-privilege DaemonSet and the security statement for the enabled collectors of
 * this module and its runtime dependencies, attaches them to the build, and logs a summary.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class GenerateMojo extends AbstractPrivilegesMojo {

  /** Where the outputs go; nothing is written outside it. */
  @Parameter(property = "privileges.outputDirectory", defaultValue = "${project.build.directory}/privileges")
  private File outputDirectory;

  /** File name of the DaemonSet YAML inside the output folder. */
  @Parameter(property = "privileges.daemonSetFile", defaultValue = "daemonset.yaml")
  private String daemonSetFile;

  /** File name of the security statement inside the output folder. */
  @Parameter(property = "privileges.statementFile", defaultValue = "SECURITY.md")
  private String statementFile;

  /** File name of the JSON report inside the output folder. */
  @Parameter(property = "privileges.reportFile", defaultValue = "privileges.json")
  private String reportFile;

  /**
   * An MkDocs {@code docs/} folder (or a folder inside it) that also receives the statement, under
   * the same file name; not set by default.
   */
  @Parameter(property = "privileges.mkdocsDirectory")
  private File mkdocsDirectory;

  /**
   * Attach the outputs to the project (type {@code yaml} classifier {@code daemonset}, type
   * {@code md} classifier {@code security}, type {@code json} classifier {@code privileges}, each
   * after the {@code classifier} prefix), so install and deploy publish them next to the jar.
   */
  @Parameter(property = "privileges.attach", defaultValue = "true")
  private boolean attach;

  /**
   * What the classifiers of the attached outputs start with ({@code <classifier>-daemonset}, ...),
   * so that several executions in one module deploy side by side. Default: none when the module
   * has one {@code generate} execution ({@code daemonset}, {@code security}, {@code privileges}),
   * the execution id when it has several.
   */
  @Parameter
  private String classifier;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private MojoExecution execution;

  /**
   * Also write a Helm chart whose values toggle the bundle's features (folder {@code <name>/} and
   * package {@code <name>-<chartVersion>.tgz}, attached as type {@code tgz} classifier {@code
   * helm-chart}); see docs/helm-chart.md.
   */
  @Parameter(property = "privileges.helmChart", defaultValue = "false")
  private boolean helmChart;

  /** The chart's version and appVersion; Helm requires SemVer 2 ({@code 1.4.0}, {@code 1.4.0-SNAPSHOT}). */
  @Parameter(property = "privileges.chartVersion", defaultValue = "${project.version}")
  private String chartVersion;

  @Component
  private MavenProjectHelper projectHelper;

  @Override
  protected String goal() {
    return "generate";
  }

  @Override
  protected void run() {
    PrivilegesEngine.Result result = new PrivilegesEngine().generate(
        sources(), options().toBuilder().helmChart(helmChart).chartVersion(chartVersion).build(),
        outputDirectory.toPath(),
        new PrivilegesEngine.OutputNames(daemonSetFile, statementFile, reportFile),
        mkdocsDirectory == null ? null : mkdocsDirectory.toPath());
    if (attach) {
      // The MkDocs copy is documentation, not a build artifact.
      result.files().forEach((fileName, path) -> {
        if (!fileName.startsWith("mkdocs:")) {
          attach(fileName, path);
        }
      });
      result.chartPackage().ifPresent(tgz -> projectHelper.attachArtifact(project, "tgz",
          classifier("helm-chart"), tgz.toFile()));
    }
    for (BuildSummary.Line line : BuildSummary.of(result, shown(outputDirectory))) {
      if (line.warning()) {
        getLog().warn(line.text());
      } else {
        getLog().info(line.text());
      }
    }
  }

  private void attach(String fileName, Path path) {
    String type;
    String kind;
    if (fileName.equals(daemonSetFile)) {
      type = "yaml";
      kind = "daemonset";
    } else if (fileName.equals(statementFile)) {
      type = "md";
      kind = "security";
    } else {
      int dot = fileName.lastIndexOf('.');
      type = dot < 0 ? "txt" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      kind = (dot < 0 ? fileName : fileName.substring(0, dot)).toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-");
    }
    projectHelper.attachArtifact(project, type, classifier(kind), path.toFile());
  }

  /** {@code kind}, after the execution's classifier prefix when there is one. */
  private String classifier(String kind) {
    String prefix = classifierPrefix();
    return prefix.isEmpty() ? kind : prefix + "-" + kind;
  }

  private String classifierPrefix() {
    if (classifier != null) {
      return classifier.trim();
    }
    String key = execution.getGroupId() + ":" + execution.getArtifactId();
    long generating = project.getBuildPlugins().stream().filter(p -> p.getKey().equals(key))
        .flatMap(p -> p.getExecutions().stream()).filter(e -> e.getGoals().contains(goal())).count();
    return generating > 1 ? execution.getExecutionId() : "";
  }
}
