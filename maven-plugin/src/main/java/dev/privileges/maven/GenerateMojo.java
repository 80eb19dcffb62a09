package dev.privileges.maven;

import dev.privileges.engine.Grant;
import dev.privileges.engine.LockFile;
import dev.privileges.engine.PodSecurity;
import dev.privileges.engine.PrivilegesEngine;
import dev.privileges.engine.Waiver;
import dev.privileges.metadata.CollectorMetadata;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
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
   * {@code md} classifier {@code security}, type {@code json} classifier {@code privileges}), so
   * install and deploy publish them next to the jar.
   */
  @Parameter(property = "privileges.attach", defaultValue = "true")
  private boolean attach;

  /**
   * Also write a Helm chart whose values toggle the bundle's features (folder {@code <name>/} and
   * package {@code <name>-<version>.tgz}, attached as type {@code tgz} classifier {@code
   * helm-chart}); see docs/helm-chart.md.
   */
  @Parameter(property = "privileges.helmChart", defaultValue = "false")
  private boolean helmChart;

  @Component
  private MavenProjectHelper projectHelper;

  @Override
  protected String goal() {
    return "generate";
  }

  @Override
  protected void run() {
    PrivilegesEngine.Result result = new PrivilegesEngine().generate(
        sources(), options(), outputDirectory.toPath(),
        new PrivilegesEngine.OutputNames(daemonSetFile, statementFile, reportFile),
        mkdocsDirectory == null ? null : mkdocsDirectory.toPath());
    if (attach) {
      // The MkDocs copy is documentation, not a build artifact.
      result.files().forEach((fileName, path) -> {
        if (!fileName.startsWith("mkdocs:")) {
          attach(fileName, path);
        }
      });
    }
    summarize(result);
    if (helmChart) {
      PrivilegesEngine engine = new PrivilegesEngine();
      dev.privileges.engine.HelmChart chart = engine.chart(sources(), options(), project.getVersion());
      Path tgz = engine.writeChart(chart, outputDirectory.toPath()).get(chart.packageFileName());
      if (attach) {
        projectHelper.attachArtifact(project, "tgz", "helm-chart", tgz.toFile());
      }
      getLog().info("  Helm chart: " + shown(tgz.toFile()));
    }
  }

  private void attach(String fileName, Path path) {
    String type;
    String classifier;
    if (fileName.equals(daemonSetFile)) {
      type = "yaml";
      classifier = "daemonset";
    } else if (fileName.equals(statementFile)) {
      type = "md";
      classifier = "security";
    } else {
      int dot = fileName.lastIndexOf('.');
      type = dot < 0 ? "txt" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      classifier = (dot < 0 ? fileName : fileName.substring(0, dot)).toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-");
    }
    projectHelper.attachArtifact(project, type, classifier, path.toFile());
  }

  private void summarize(PrivilegesEngine.Result result) {
    Grant grant = result.grant();
    for (Waiver w : grant.waivers()) {
      String feature = grant.enabled().stream().filter(c -> c.name().equals(w.collector()))
          .map(CollectorMetadata::feature).findFirst().orElse("");
      getLog().warn("Waiver: collector '" + w.collector() + "' runs without " + w.requirement()
          + ", so its feature '" + feature + "' degrades. Reason given: " + w.reason());
    }
    getLog().info("Collector Privileges summary");
    getLog().info("  Enabled collectors (" + grant.enabled().size() + "): " + String.join(", ", grant.enabledNames()));
    Map<String, SortedSet<String>> granted = LockFile.of(grant).granted();
    if (granted.isEmpty()) {
      getLog().info("  Granted: nothing beyond the restricted defaults");
    } else {
      getLog().info("  Granted (item <- collectors):");
      int width = granted.keySet().stream().mapToInt(String::length).max().orElse(0);
      granted.forEach((item, collectors) -> getLog().info("    " + pad(item, width) + " <- "
          + String.join(", ", collectors)));
    }
    PodSecurity.Assessment security = grant.podSecurity();
    getLog().info("  Pod Security level: " + security.level().label()
        + (security.heldBy().isEmpty() ? "" : " (held there by " + String.join(", ", security.collectorsHoldingLevel()) + ")"));
    if (grant.waivers().isEmpty()) {
      getLog().info("  Waivers: none");
    } else {
      getLog().info("  Waivers:");
      grant.waivers().forEach(w -> getLog().info("    " + w.collector() + " " + w.requirement() + ": " + w.reason()));
    }
    getLog().info("  Outputs in " + shown(outputDirectory) + ": " + String.join(", ", result.files().keySet()));
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
