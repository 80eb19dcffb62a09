package dev.privileges.engine;

import dev.privileges.engine.bundle.Waiver;
import dev.privileges.engine.bundle.WaiverApplier;
import dev.privileges.engine.kubernetes.BaseTemplate;
import dev.privileges.engine.statement.Markdown;
import dev.privileges.metadata.KernelVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;


/**
 * What the build decides, as opposed to what collectors declare. Build with {@link #builder()};
 * every field has the documented default.
 *
 * @param enabledCollectors collectors to enable; empty means all in the bundle
 * @param excludedCollectors collectors to leave out
 * @param name DaemonSet (and ServiceAccount, ClusterRole, ...) name
 * @param namespace namespace of the namespaced objects
 * @param image container image
 * @param containerName container name
 * @param labels extra labels for every object and the pod template
 * @param nonRootUid UID used when no collector needs root
 * @param enabledInputsEnv name of the env var that lists the enabled collectors
 * @param privilegedInsteadOfCapabilities grant {@code privileged: true} to collectors that declare
 *     {@code PRIVILEGED}, even when they declared capabilities that could replace it
 * @param portExposure hostPorts or a node-local Service for ports reachable at the node
 * @param oldestKernel the oldest node kernel the bundle must work on
 * @param productName product name used in the statement
 * @param namespaceObject also emit, first, a Namespace object labelled {@code
 *     pod-security.kubernetes.io/enforce} with the Pod Security level the pods meet (default
 *     false: the namespace usually belongs to the cluster operator)
 * @param statementIntro Markdown paragraph(s) after the statement's title; empty for the default
 * @param statementClosing Markdown paragraph(s) that end the statement; empty for the default
 * @param statementTemplate path of a Mustache template that replaces the statement's default
 *     wording; empty for the template shipped with the engine
 * @param waivers requirements the bundle owner removes before resolution (see {@link WaiverApplier})
 * @param baseTemplate the user's DaemonSet or pod template for everything that is not about
 *     privileges; empty for none
 * @param statementCollectorLimit beyond this many collectors behind one privilege, the statement
 *     lists the features with a count instead of every collector, and points to
 *     {@code privileges.json} for the full list (default 20), so it stays readable and small for
 *     bundles of thousands of collectors
 * @param statementMermaid also write the diagram as a Mermaid block into the statement (default
 *     false: the SVG needs no script; Mermaid needs one from the network)
 * @param statementItemLimit beyond this many entries in one bundle-wide list of the statement (the
 *     enabled collectors; the host paths, ports or writable paths of the grant), the statement
 *     groups them: collectors by feature, items with the same risk into one entry that names each
 *     item (high risks keep their own entry), and points to {@code privileges.json} for the rest
 *     (default 50)
 * @param helmChart also write a Helm chart whose values toggle the bundle's features (default
 *     false; see docs/helm-chart.md)
 * @param chartVersion the chart's SemVer version and appVersion, needed when {@code helmChart} is
 *     set (the Maven front end passes the project's version)
 */
public record GenerationOptions(
    List<String> enabledCollectors,
    List<String> excludedCollectors,
    String name,
    String namespace,
    String image,
    String containerName,
    SortedMap<String, String> labels,
    long nonRootUid,
    String enabledInputsEnv,
    boolean privilegedInsteadOfCapabilities,
    PortExposure portExposure,
    KernelVersion oldestKernel,
    String productName,
    boolean namespaceObject,
    String statementIntro,
    String statementClosing,
    String statementTemplate,
    List<Waiver> waivers,
    Optional<BaseTemplate> baseTemplate,
    int statementCollectorLimit,
    boolean statementMermaid,
    int statementItemLimit,
    boolean helmChart,
    String chartVersion) {

  /** The default of {@link #statementCollectorLimit()}. */
  public static final int DEFAULT_STATEMENT_COLLECTOR_LIMIT = 20;

  /** The default of {@link #statementItemLimit()}. */
  public static final int DEFAULT_STATEMENT_ITEM_LIMIT = 50;

  public GenerationOptions {
    waivers = List.copyOf(waivers);
    enabledCollectors = List.copyOf(enabledCollectors);
    excludedCollectors = List.copyOf(excludedCollectors);
    labels = new TreeMap<>(labels);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to derive variants (e.g. without some collectors). */
  public Builder toBuilder() {
    return builder().enabledCollectors(enabledCollectors).excludedCollectors(excludedCollectors)
        .name(name).namespace(namespace).image(image).containerName(containerName).labels(labels)
        .nonRootUid(nonRootUid).enabledInputsEnv(enabledInputsEnv)
        .privilegedInsteadOfCapabilities(privilegedInsteadOfCapabilities).portExposure(portExposure)
        .oldestKernel(oldestKernel).productName(productName).namespaceObject(namespaceObject)
        .statementIntro(statementIntro)
        .statementClosing(statementClosing).statementTemplate(statementTemplate).waivers(waivers)
        .baseTemplate(baseTemplate).statementCollectorLimit(statementCollectorLimit)
        .statementMermaid(statementMermaid).statementItemLimit(statementItemLimit).helmChart(helmChart).chartVersion(chartVersion);
  }

  /** Builder with the documented defaults. */
  public static final class Builder {
    private List<String> enabledCollectors = List.of();
    private List<String> excludedCollectors = List.of();
    private String name = "node-agent";
    private String namespace = "node-agent";
    private String image = "node-agent:latest";
    private String containerName = "";
    private Map<String, String> labels = Map.of();
    private long nonRootUid = 10001;
    private String enabledInputsEnv = "ENV_DEFAULT_ENABLED_INPUTS";
    private boolean privilegedInsteadOfCapabilities;
    private PortExposure portExposure = PortExposure.HOST_PORT;
    private KernelVersion oldestKernel = KernelVersion.parse("5.8");
    private String productName = "";
    private boolean namespaceObject;
    private String statementIntro = "";
    private String statementClosing = "";
    private String statementTemplate = "";
    private List<Waiver> waivers = List.of();
    private Optional<BaseTemplate> baseTemplate = Optional.empty();
    private int statementCollectorLimit = DEFAULT_STATEMENT_COLLECTOR_LIMIT;
    private boolean statementMermaid;
    private int statementItemLimit = DEFAULT_STATEMENT_ITEM_LIMIT;
    private boolean helmChart;
    private String chartVersion = "";

    public Builder enabledCollectors(List<String> v) { enabledCollectors = v; return this; }
    public Builder excludedCollectors(List<String> v) { excludedCollectors = v; return this; }
    public Builder name(String v) { name = v; return this; }
    public Builder namespace(String v) { namespace = v; return this; }
    public Builder image(String v) { image = v; return this; }
    public Builder containerName(String v) { containerName = v; return this; }
    public Builder labels(Map<String, String> v) { labels = v; return this; }
    public Builder nonRootUid(long v) { nonRootUid = v; return this; }
    public Builder enabledInputsEnv(String v) { enabledInputsEnv = v; return this; }
    public Builder privilegedInsteadOfCapabilities(boolean v) { privilegedInsteadOfCapabilities = v; return this; }
    public Builder portExposure(PortExposure v) { portExposure = v; return this; }
    public Builder oldestKernel(KernelVersion v) { oldestKernel = v; return this; }
    public Builder productName(String v) { productName = v; return this; }
    public Builder namespaceObject(boolean v) { namespaceObject = v; return this; }
    public Builder statementIntro(String v) { statementIntro = v == null ? "" : v; return this; }
    public Builder statementClosing(String v) { statementClosing = v == null ? "" : v; return this; }
    public Builder statementTemplate(String v) { statementTemplate = v == null ? "" : v; return this; }
    public Builder waivers(List<Waiver> v) { waivers = v; return this; }
    public Builder baseTemplate(Optional<BaseTemplate> v) { baseTemplate = v; return this; }
    public Builder statementCollectorLimit(int v) { statementCollectorLimit = v; return this; }
    public Builder statementMermaid(boolean v) { statementMermaid = v; return this; }
    public Builder statementItemLimit(int v) { statementItemLimit = v; return this; }
    public Builder helmChart(boolean v) { helmChart = v; return this; }
    public Builder chartVersion(String v) { chartVersion = v == null ? "" : v.strip(); return this; }

    public GenerationOptions build() {
      return new GenerationOptions(
          enabledCollectors, excludedCollectors, name, namespace, image,
          containerName.isEmpty() ? name : containerName, new TreeMap<>(labels), nonRootUid,
          enabledInputsEnv, privilegedInsteadOfCapabilities, portExposure, oldestKernel,
          productName.isEmpty() ? name : productName, namespaceObject, statementIntro,
          statementClosing, statementTemplate, waivers, baseTemplate, statementCollectorLimit,
          statementMermaid, statementItemLimit, helmChart, chartVersion);
    }
  }
}
