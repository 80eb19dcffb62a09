package dev.privileges.maven;

import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.EngineException;
import dev.privileges.engine.EngineIoException;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.Option;
import dev.privileges.engine.OptionsValidator;
import dev.privileges.engine.statement.ShownPath;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the parameters that decide the grant, {@code skip}, and the mapping of
 * engine errors (the user's mistakes) to {@link MojoFailureException} without a stack trace.
 */
public abstract class AbstractPrivilegesMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** The module's compiled classes, read before the dependencies. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** Skip the goal. */
  @Parameter(property = "privileges.skip", defaultValue = "false")
  private boolean skip;

  /** Collectors to enable (their {@code @Collector} names); empty enables every collector found. */
  @Parameter(property = "privileges.enabledCollectors")
  private List<String> enabledCollectors = new ArrayList<>();

  /** Collectors to leave out, applied after {@code enabledCollectors}. */
  @Parameter(property = "privileges.excludedCollectors")
  private List<String> excludedCollectors = new ArrayList<>();

  /** Name of the DaemonSet, its container, ServiceAccount, ClusterRole and binding (DNS-1123 label). */
  @Parameter(property = "privileges.name", defaultValue = "${project.artifactId}")
  private String name;

  /** Namespace of the namespaced objects (DNS-1123 label). */
  @Parameter(property = "privileges.namespace", defaultValue = "${project.artifactId}")
  private String namespace;

  /** Container image of the agent. */
  @Parameter(property = "privileges.image", defaultValue = "${project.artifactId}:${project.version}")
  private String image;

  /** Extra labels on every object and on the pod template ({@code <labels><team>obs</team></labels>}). */
  @Parameter
  private Map<String, String> labels = new TreeMap<>();

  /** UID (and GID) the agent runs as when no enabled collector needs root. */
  @Parameter(property = "privileges.nonRootUid", defaultValue = "10001")
  private long nonRootUid;

  /** Environment variable that lists the enabled collectors, comma-separated. */
  @Parameter(property = "privileges.enabledInputsEnv", defaultValue = "ENV_DEFAULT_ENABLED_INPUTS")
  private String enabledInputsEnv;

  /** Grant {@code privileged: true} to collectors that declare it, not the capabilities that replace it. */
  @Parameter(property = "privileges.privilegedInsteadOfCapabilities", defaultValue = "false")
  private boolean privilegedInsteadOfCapabilities;

  /** How ports reachable at NodeIP:port are exposed: {@code HOST_PORT}, or {@code SERVICE} (node-local). */
  @Parameter(property = "privileges.portExposure", defaultValue = "HOST_PORT")
  private String portExposure;

  /** Oldest node kernel (major.minor) the bundle must run on; selects kernel-dependent capabilities. */
  @Parameter(property = "privileges.oldestKernel", defaultValue = "5.8")
  private String oldestKernel;

  /** Product name used in the security statement. */
  @Parameter(property = "privileges.productName", defaultValue = "${project.name}")
  private String productName;

  /** Requirements removed from collectors before resolution, each with a reason ({@link Waiver}). */
  @Parameter
  private List<Waiver> waivers = new ArrayList<>();

  /**
   * A DaemonSet or pod template YAML that supplies everything not about privileges (resources,
   * tolerations, nodeSelector, priorityClassName, extra env, config volumes, labels,
   * annotations). A field that grants a privilege no enabled collector needs fails the build.
   */
  @Parameter(property = "privileges.baseTemplate")
  private File baseTemplate;

  /** Also emit, first, a Namespace labelled with the Pod Security level the pods meet. */
  @Parameter(property = "privileges.namespaceObject", defaultValue = "false")
  private boolean namespaceObject;

  /** A Mustache template that replaces the statement's default wording (see docs/security-statement.md). */
  @Parameter(property = "privileges.statementTemplate")
  private File statementTemplate;

  /** Markdown that replaces the statement's default introduction. */
  @Parameter(property = "privileges.statementIntro")
  private String statementIntro;

  /** Markdown that replaces the statement's default closing section. */
  @Parameter(property = "privileges.statementClosing")
  private String statementClosing;

  /**
   * Beyond this many collectors behind one privilege, the statement lists the features with a
   * count instead of every collector, and points to {@code privileges.json} for the full list.
   */
  @Parameter(property = "privileges.statementCollectorLimit", defaultValue = "20")
  private int statementCollectorLimit = GenerationOptions.DEFAULT_STATEMENT_COLLECTOR_LIMIT;

  /**
   * Also write the features-to-privileges diagram as a Mermaid block into the statement (the SVG
   * beside it needs no script; Mermaid needs one, which MkDocs loads from the network).
   */
  @Parameter(property = "privileges.statementMermaid", defaultValue = "false")
  private boolean statementMermaid;

  /**
   * Beyond this many entries in one bundle-wide list of the statement (the enabled collectors; the
   * host paths, ports or writable paths), the statement groups them (collectors by feature, items
   * with the same risk into one entry naming each) and points to {@code privileges.json}.
   */
  @Parameter(property = "privileges.statementItemLimit", defaultValue = "50")
  private int statementItemLimit = GenerationOptions.DEFAULT_STATEMENT_ITEM_LIMIT;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping privileges:" + goal() + " because privileges.skip is true.");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      // an aggregator or parent: no classes, and its children run the goal themselves
      getLog().info("Skipping privileges:" + goal() + " because " + project.getArtifactId()
          + " has pom packaging (no collectors of its own).");
      return;
    }
    try {
      run();
    } catch (EngineIoException e) {
      // the environment failed (disk, permissions): an execution error, with its cause
      throw new MojoExecutionException(e.message(Option.Syntax.MAVEN), e);
    } catch (EngineException e) {
      // the user's mistake: one message, no stack trace
      throw new MojoFailureException(e.message(Option.Syntax.MAVEN));
    }
  }

  /** Whether the goal is skipped ({@code skip}, or {@code pom} packaging). */
  protected boolean skipped() {
    return skip || "pom".equals(project.getPackaging());
  }

  /** The goal name, for messages. */
  protected abstract String goal();

  /** The goal's work; engine exceptions become build failures. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** The module's classes, then every runtime dependency (a jar, or a classes folder in a reactor). */
  protected List<Path> sources() {
    List<Path> sources = new ArrayList<>();
    sources.add(classesDirectory.toPath());
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null) {
        sources.add(artifact.getFile().toPath());
      }
    }
    return sources;
  }

  protected GenerationOptions options() {
    List<dev.privileges.engine.bundle.Waiver> engineWaivers = waivers.stream().map(Waiver::toEngine).toList();
    Optional<BaseTemplate> template = Optional.ofNullable(baseTemplate)
        .map(f -> BaseTemplate.read(f.toPath(), shown(f)));
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
        .portExposure(OptionsValidator.portExposure(portExposure))
        .oldestKernel(OptionsValidator.oldestKernel(oldestKernel))
        .productName(productName)
        .waivers(engineWaivers)
        .baseTemplate(template)
        .namespaceObject(namespaceObject)
        .statementTemplate(statementTemplate == null ? "" : statementTemplate.getAbsolutePath())
        .statementIntro(statementIntro)
        .statementClosing(statementClosing)
        .statementCollectorLimit(statementCollectorLimit)
        .statementMermaid(statementMermaid)
        .statementItemLimit(statementItemLimit)
        .build();
  }

  /** A path as the user sees it: relative to the project folder when inside it, with '/'. */
  protected String shown(File file) {
    return ShownPath.of(project.getBasedir().toPath(), file.toPath());
  }
}
