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

  /** Reads the sources and resolves the grant, without writing anything. */
  public Grant resolve(List<Path> sources, GenerationOptions options) {
    return resolver.resolve(reader.read(sources), options);
  }

  /** Reads, resolves, renders, and writes every output into {@code outputFolder}. */
  public Result generate(List<Path> sources, GenerationOptions options, Path outputFolder, OutputNames names) {
    Grant grant = resolve(sources, options);
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put(names.daemonSet(), daemonSetRenderer.render(grant));
    contents.put(names.statement(), statementRenderer.render(grant));
    return new Result(grant, new OutputWriter(outputFolder).write(contents));
  }
}
