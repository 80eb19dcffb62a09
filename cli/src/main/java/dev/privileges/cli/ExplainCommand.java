package dev.privileges.cli;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.Explanation;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Say what one collector brings to the grant (and what excluding it removes), or "
        + "which collectors one privilege is granted for, and why.")
final class ExplainCommand extends EngineCommand {

  static final class Subject {
    @Option(names = "--collector", required = true, paramLabel = "NAME",
        description = "A collector name, as in @Collector.")
    String collector;

    @Option(names = "--privilege", required = true, paramLabel = "SELECTOR",
        description = "A granted item: HOST_PID, capability:NET_RAW, hostPath:/proc, port:8125/UDP, api:apps/daemonsets, ...")
    String privilege;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Subject subject;

  @Override
  ExitCode run() {
    Bundle bundle = bundle();
    Explanation explanation = new Explanation(engine);
    List<String> lines = subject.collector != null
        ? explanation.ofCollector(bundle, grantOptions.toEngine(), subject.collector, "--collector")
        : explanation.ofPrivilege(engine.resolve(bundle, grantOptions.toEngine()), subject.privilege, "--privilege");
    lines.forEach(out()::println);
    return ExitCode.OK;
  }
}
