package dev.privileges.cli;

import dev.privileges.engine.BuildSummary;
import dev.privileges.engine.PrivilegesEngine;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write the least-privilege DaemonSet, the security statement and the JSON report "
        + "for the enabled collectors of the inputs.")
final class GenerateCommand extends EngineCommand {

  @Option(names = "--output-directory", defaultValue = "privileges", paramLabel = "DIR",
      description = "Where the outputs go; nothing is written outside it. Default: ${DEFAULT-VALUE}.")
  private Path outputDirectory;

  @Option(names = "--daemon-set-file", defaultValue = "daemonset.yaml", paramLabel = "NAME",
      description = "File name of the DaemonSet YAML. Default: ${DEFAULT-VALUE}.")
  private String daemonSetFile;

  @Option(names = "--statement-file", defaultValue = "SECURITY.md", paramLabel = "NAME",
      description = "File name of the security statement. Default: ${DEFAULT-VALUE}.")
  private String statementFile;

  @Option(names = "--report-file", defaultValue = "privileges.json", paramLabel = "NAME",
      description = "File name of the JSON report. Default: ${DEFAULT-VALUE}.")
  private String reportFile;

  @Option(names = "--mkdocs-directory", paramLabel = "DIR",
      description = "An MkDocs docs/ folder (or one inside it) that also receives the statement.")
  private Path mkdocsDirectory;

  @Override
  ExitCode run() {
    PrivilegesEngine.Result result = engine.generate(bundle(), grantOptions.toEngine(), outputDirectory,
        new PrivilegesEngine.OutputNames(daemonSetFile, statementFile, reportFile), mkdocsDirectory);
    for (BuildSummary.Line line : BuildSummary.of(result, GrantOptions.shown(outputDirectory))) {
      (line.warning() ? err() : out()).println((line.warning() ? "warning: " : "") + line.text());
    }
    return ExitCode.OK;
  }
}
