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

  @Option(names = "--helm-chart", arity = "0..1",
      description = "Also write a Helm chart whose values toggle the bundle's features: the folder NAME/ and"
          + " its package NAME-VERSION.tgz in the output directory; needs --chart-version.")
  private boolean helmChart;

  @Option(names = "--chart-version", paramLabel = "VERSION",
      description = "The chart's version and appVersion, SemVer 2 as Helm requires (1.4.0, 1.4.0-rc.1).")
  private String chartVersion;

  @Override
  ExitCode run() {
    PrivilegesEngine.Result result = engine.generate(bundle(),
        grantOptions.toEngine().toBuilder().helmChart(helmChart).chartVersion(chartVersion).build(), outputDirectory,
        new PrivilegesEngine.OutputNames(daemonSetFile, statementFile, reportFile), mkdocsDirectory);
    for (BuildSummary.Line line : BuildSummary.of(result, GrantOptions.shown(outputDirectory))) {
      (line.warning() ? err() : out()).println((line.warning() ? "warning: " : "") + line.text());
    }
    return ExitCode.OK;
  }
}
