package dev.privileges.cli;

import dev.privileges.engine.CheckWorkflow;
import dev.privileges.engine.Option.Syntax;
import dev.privileges.engine.OptionsValidator;
import dev.privileges.engine.policy.PolicyCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Exit 1 when the grant differs from the committed lock file, needs a Pod Security "
        + "level above the maximum, or contains a forbidden privilege.")
final class CheckCommand extends EngineCommand {

  static final String UPDATE = "this command with --update-lock (or privileges lock with the same options)";

  @Option(names = "--lock-file", defaultValue = "privileges.lock.json", paramLabel = "FILE",
      description = "The committed lock file. Default: ${DEFAULT-VALUE}.")
  private Path lockFile;

  @Option(names = "--update-lock", arity = "0..1",
      description = "Rewrite the lock file from the current grant instead of comparing with it.")
  private boolean updateLock;

  @Option(names = "--max-pod-security-level", paramLabel = "PRIVILEGED|BASELINE|RESTRICTED",
      description = "The least strict Pod Security Standards level the pods may need.")
  private String maxPodSecurityLevel;

  @Option(names = {"--forbidden-privileges", "--forbidden-privilege"}, split = ",", paramLabel = "SELECTOR",
      description = "Privileges the grant may not contain, e.g. HOST_IPC,capability:SYS_ADMIN,hostPath:/.")
  private List<String> forbiddenPrivileges = new ArrayList<>();

  @Override
  ExitCode run() {
    PolicyCheck policy = new PolicyCheck(
        Optional.ofNullable(maxPodSecurityLevel).filter(s -> !s.isBlank()).map(OptionsValidator::podSecurityLevel),
        PolicyCheck.parseForbidden(forbiddenPrivileges));
    CheckWorkflow.Outcome outcome = CheckWorkflow.run(engine.resolve(bundle(), grantOptions.toEngine()),
        new CheckWorkflow.Request(lockFile, GrantOptions.shown(lockFile), updateLock, policy, UPDATE));
    if (!outcome.passed()) {
      err().println("privileges check failed:");
      outcome.problems(Syntax.CLI).forEach(err()::println);
      return ExitCode.CHECK_FAILED;
    }
    out().println(outcome.message());
    return ExitCode.OK;
  }
}
