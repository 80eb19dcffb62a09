package dev.privileges.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one entry point front ends call: read the metadata, resolve the grant, render every output
 * and write them atomically.
 */
public final class PrivilegesEngine {

  /** The file names of the outputs. */
  public record OutputNames(String daemonSet, String statement) {
    public static OutputNames defaults() {
      return new OutputNames("daemonset.yaml", "SECURITY.md");
    }
  }

  /** What a generation produced. */
  public record Result(Grant grant, Map<String, Path> files) {}

  private final BundleReader reader = new BundleReader();
  private final Resolver resolver = new Resolver();
  private final DaemonSetRenderer daemonSetRenderer = new DaemonSetRenderer();
  private final StatementRenderer statementRenderer = new StatementRenderer();

  /**
   * Reads the sources, applies the waivers and resolves the grant, without writing anything. The
   * grant lists the waivers of its enabled collectors.
   */
  public Grant resolve(List<Path> sources, GenerationOptions options) {
    OptionsValidator.validate(options);
    WaiverApplier.Applied applied = new WaiverApplier().apply(reader.read(sources), options.waivers());
    Grant g = resolver.resolve(applied.bundle(), options);
    List<Waiver> waivers = applied.waivers().stream()
        .filter(w -> g.enabledNames().contains(w.collector())).toList();
    return new Grant(g.options(), g.enabled(), g.privileges(), g.privilegedReplaced(), g.capabilities(),
        g.hostPaths(), g.ports(), g.writablePaths(), g.apiRules(), g.confinement(), waivers);
  }

  /** Reads, resolves, renders, and writes every output into {@code outputFolder}. */
  public Result generate(List<Path> sources, GenerationOptions options, Path outputFolder, OutputNames names) {
    OptionsValidator.fileName("daemonSetFile", names.daemonSet());
    OptionsValidator.fileName("statementFile", names.statement());
    Grant grant = resolve(sources, options);
    List<Map<String, Object>> objects = daemonSetRenderer.documents(grant);
    if (options.baseTemplate().isPresent()) {
      objects = options.baseTemplate().get().apply(objects, grant);
    }
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put(names.daemonSet(), Yaml.dumpAll(objects));
    contents.put(names.statement(), statementRenderer.render(grant));
    return new Result(grant, new OutputWriter(outputFolder).write(contents));
  }
}
