package dev.privileges.cli;

import dev.privileges.engine.policy.LockFile;
import dev.privileges.engine.policy.LockStore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lock", mixinStandardHelpOptions = true,
    description = "Write the lock file from the grant resolved now, to review and commit; check then "
        + "fails whenever the grant differs from it.")
final class LockCommand extends EngineCommand {

  @Option(names = "--lock-file", defaultValue = "privileges.lock.json", paramLabel = "FILE",
      description = "The lock file to write. Default: ${DEFAULT-VALUE}.")
  private Path lockFile;

  @Override
  ExitCode run() {
    LockFile lock = LockFile.of(engine.resolve(bundle(), grantOptions.toEngine()));
    LockStore.write(lock, lockFile);
    out().println("Wrote " + GrantOptions.shown(lockFile) + " (" + lock.granted().size()
        + " granted items): review and commit it.");
    return ExitCode.OK;
  }
}
