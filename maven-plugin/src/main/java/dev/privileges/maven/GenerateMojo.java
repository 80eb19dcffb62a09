package dev.privileges.maven;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Grant;
import dev.privileges.engine.Need;
import dev.privileges.engine.PortExposure;
import dev.privileges.engine.PrivilegesEngine;
import dev.privileges.metadata.KernelVersion;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes the least-privilege DaemonSet and the security statement for the enabled collectors of
 * this module and its runtime dependencies. Only maps parameters to the engine and engine errors
 * to Maven failures.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The module's compiled classes, read first. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** Where the outputs go. */
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

  /** A Mustache template that replaces the statement's default wording (see docs/security-statement.md). */
  @Parameter(property = "privileges.statementTemplate")
  private File statementTemplate;

  /** Markdown that replaces the statement's default introduction. */
  @Parameter(property = "privileges.statementIntro")
  private String statementIntro;

  /** Markdown that replaces the statement's default closing section. */
  @Parameter(property = "privileges.statementClosing")
  private String statementClosing;

  /** Collectors to enable; empty enables every collector of the bundle. */
  @Parameter(property = "privileges.enabledCollectors")
  private List<String> enabledCollectors = new ArrayList<>();

  /** Collectors to leave out. */
  @Parameter(property = "privileges.excludedCollectors")
  private List<String> excludedCollectors = new ArrayList<>();

  /** Name of the DaemonSet and of its ServiceAccount, ClusterRole and binding. */
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
  private Map<String, String> labels = new TreeMap<>();

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

  /** Product name used in the security statement. */
  @Parameter(property = "privileges.productName", defaultValue = "${project.name}")
  private String productName;

  /** Skip the goal. */
  @Parameter(property = "privileges.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping privileges:generate (privileges.skip is true).");
      return;
    }
    try {
      PrivilegesEngine.Result result = new PrivilegesEngine().generate(
          sources(), options(), outputDirectory.toPath(),
          new PrivilegesEngine.OutputNames(daemonSetFile, statementFile, reportFile),
          mkdocsDirectory == null ? null : mkdocsDirectory.toPath());
      summarize(result);
    } catch (EngineException e) {
      throw new MojoFailureException(e.getMessage());
    }
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

  private void summarize(PrivilegesEngine.Result result) {
    Grant grant = result.grant();
    getLog().info("Enabled collectors: " + String.join(", ", grant.enabledNames()));
    grant.privileges().forEach((p, needs) -> getLog().info("  " + p + " <- " + collectors(needs)));
    grant.capabilities().forEach((c, needs) -> getLog().info("  capability " + c + " <- " + collectors(needs)));
    result.files().values().forEach(f -> getLog().info("Wrote " + f));
  }

  private static String collectors(List<Need> needs) {
    return String.join(", ", needs.stream().map(Need::collector).distinct().toList());
  }
}
