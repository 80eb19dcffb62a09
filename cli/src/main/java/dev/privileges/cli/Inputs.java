package dev.privileges.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The inputs every command reads: jars, class folders (holding {@code META-INF/dev.privileges/}),
 * and folders or files of hand-written metadata (anything else: {@code *.json} files, searched in
 * subfolders).
 */
final class Inputs {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Parameters(paramLabel = "INPUT", arity = "1..*",
      description = "A jar, a class folder, or a folder (or .json file) of hand-written metadata. "
          + "Read in the order given; the same collector name twice fails.")
  private List<Path> paths = new ArrayList<>();

  /** Jars and class folders, in order. */
  List<Path> compiled() {
    check();
    return paths.stream().filter(Inputs::isCompiled).toList();
  }

  /** Folders and files of hand-written metadata, in order. */
  List<Path> handWritten() {
    check();
    return paths.stream().filter(p -> !isCompiled(p)).toList();
  }

  private static boolean isCompiled(Path p) {
    return p.getFileName() != null && p.getFileName().toString().endsWith(".jar")
        || Files.isDirectory(p.resolve("META-INF").resolve("dev.privileges"));
  }

  private void check() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new ParameterException(spec.commandLine(), "INPUT '" + p + "' does not exist: give a jar,"
            + " a class folder or a folder of hand-written metadata");
      }
      if (Files.isRegularFile(p) && !p.toString().endsWith(".jar") && !p.toString().endsWith(".json")) {
        throw new ParameterException(spec.commandLine(), "INPUT '" + p + "' is neither a jar nor a"
            + " .json metadata file: give a jar, a class folder or a folder of hand-written metadata");
      }
    }
  }
}
