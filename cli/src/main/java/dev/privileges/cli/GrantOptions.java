package dev.privileges.cli;

import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.GenerationOptions;
import dev.privileges.engine.OptionsValidator;
import dev.privileges.engine.statement.ShownPath;
import dev.privileges.engine.bundle.Waiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that decide the grant, shared by every command: one for each parameter the Maven
 * goals share, named after it ({@code <portExposure>} is {@code --port-exposure}), with the
 * engine's defaults.
 */
final class GrantOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = "--skip", arity = "0..1", description = "Do nothing and exit 0 (like privileges.skip).")
  boolean skip;

  @Option(names = "--enabled-collectors", split = ",", paramLabel = "NAME",
      description = "Collectors to enable (comma-separated or repeated); default: every collector found.")
  private List<String> enabledCollectors = new ArrayList<>();

  @Option(names = "--excluded-collectors", split = ",", paramLabel = "NAME",
      description = "Collectors to leave out, applied after --enabled-collectors.")
  private List<String> excludedCollectors = new ArrayList<>();

  @Option(names = "--name", defaultValue = "node-agent",
      description = "Name of the DaemonSet, its container, ServiceAccount and ClusterRole (DNS-1123 label). Default: ${DEFAULT-VALUE}.")
  private String name;

  @Option(names = "--namespace", defaultValue = "node-agent",
      description = "Namespace of the namespaced objects (DNS-1123 label). Default: ${DEFAULT-VALUE}.")
  private String namespace;

  @Option(names = "--image", defaultValue = "node-agent:latest",
      description = "Container image of the agent. Default: ${DEFAULT-VALUE}.")
  private String image;

  @Option(names = {"--labels", "--label"}, paramLabel = "KEY=VALUE",
      description = "An extra label on every object and on the pod template (repeat for several).")
  private Map<String, String> labels = new TreeMap<>();

  @Option(names = "--non-root-uid", defaultValue = "10001",
      description = "UID (and GID) the agent runs as when no enabled collector needs root. Default: ${DEFAULT-VALUE}.")
  private long nonRootUid;

  @Option(names = "--enabled-inputs-env", defaultValue = "ENV_DEFAULT_ENABLED_INPUTS",
      description = "Environment variable that lists the enabled collectors. Default: ${DEFAULT-VALUE}.")
  private String enabledInputsEnv;

  @Option(names = "--privileged-instead-of-capabilities", arity = "0..1",
      description = "Grant privileged: true to collectors that declare it, not the capabilities that replace it.")
  private boolean privilegedInsteadOfCapabilities;

  @Option(names = "--port-exposure", defaultValue = "HOST_PORT", paramLabel = "HOST_PORT|SERVICE",
      description = "How ports reachable at NodeIP:port are exposed: a hostPort, or a node-local Service. Default: ${DEFAULT-VALUE}.")
  private String portExposure;

  @Option(names = "--oldest-kernel", defaultValue = "5.8", paramLabel = "MAJOR.MINOR",
      description = "Oldest node kernel the bundle must run on; selects kernel-dependent capabilities. Default: ${DEFAULT-VALUE}.")
  private String oldestKernel;

  @Option(names = "--product-name", description = "Product name used in the statement. Default: the --name.")
  private String productName = "";

  @Option(names = {"--waivers", "--waiver"}, paramLabel = "COLLECTOR:REQUIREMENT=REASON",
      description = "Remove one requirement of one collector, with the reason (repeat for several), "
          + "e.g. 'statsd:hostPort:8125/UDP=Applications use the node-local Service.'")
  private List<String> waivers = new ArrayList<>();

  @Option(names = "--base-template", paramLabel = "FILE",
      description = "A DaemonSet or pod template YAML for everything that is not about privileges.")
  private Path baseTemplate;

  @Option(names = "--namespace-object", arity = "0..1",
      description = "Also emit, first, a Namespace labelled with the Pod Security level the pods meet.")
  private boolean namespaceObject;

  @Option(names = "--statement-template", paramLabel = "FILE",
      description = "A Mustache template that replaces the statement's default wording.")
  private Path statementTemplate;

  @Option(names = "--statement-intro", paramLabel = "MARKDOWN",
      description = "Markdown that replaces the statement's default introduction.")
  private String statementIntro;

  @Option(names = "--statement-mermaid", arity = "0..1",
      description = "Also put the Mermaid source of the features-to-privileges diagram into the statement.")
  private boolean statementMermaid;

  @Option(names = "--statement-collector-limit", paramLabel = "N", defaultValue = "20",
      description = "Beyond this many collectors behind one privilege, the statement lists features and"
          + " counts and points to privileges.json. Default: ${DEFAULT-VALUE}.")
  private int statementCollectorLimit;

  @Option(names = "--statement-item-limit", paramLabel = "N", defaultValue = "50",
      description = "Beyond this many entries in one list of the statement (collectors, host paths, ports,"
          + " writable paths), it groups them and points to privileges.json. Default: ${DEFAULT-VALUE}.")
  private int statementItemLimit;

  @Option(names = "--statement-closing", paramLabel = "MARKDOWN",
      description = "Markdown that replaces the statement's default closing section.")
  private String statementClosing;

  GenerationOptions toEngine() {
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
        .waivers(waivers.stream().map(this::waiver).toList())
        .baseTemplate(Optional.ofNullable(baseTemplate).map(p -> BaseTemplate.read(p, shown(p))))
        .namespaceObject(namespaceObject)
        .statementTemplate(statementTemplate == null ? "" : statementTemplate.toAbsolutePath().toString())
        .statementIntro(statementIntro)
        .statementClosing(statementClosing)
        .statementMermaid(statementMermaid)
        .statementCollectorLimit(statementCollectorLimit)
        .statementItemLimit(statementItemLimit)
        .build();
  }

  /** {@code statsd:hostPort:8125/UDP=reason}: the collector up to the first ':', the reason after the first '='. */
  private Waiver waiver(String text) {
    int colon = text.indexOf(':');
    int equals = text.indexOf('=', colon + 1);
    if (colon <= 0 || equals < 0 || equals == colon + 1) {
      throw new ParameterException(spec.commandLine(), "--waivers '" + text + "' is not"
          + " COLLECTOR:REQUIREMENT=REASON: write e.g. 'statsd:hostPort:8125/UDP=Applications use the"
          + " node-local Service.'");
    }
    return new Waiver(text.substring(0, colon), text.substring(colon + 1, equals), text.substring(equals + 1));
  }

  /** A path as messages show it: relative to the working folder when inside it. */
  static String shown(Path path) {
    return ShownPath.of(Path.of(""), path);
  }
}
