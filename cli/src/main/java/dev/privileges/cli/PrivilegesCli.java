package dev.privileges.cli;

import dev.privileges.engine.EngineException;
import dev.privileges.engine.EngineIoException;
import dev.privileges.engine.Option;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code generate}, {@code check}, {@code lock} and {@code explain} on the
 * engine the Maven plugin uses. It only maps options onto the engine and the engine's exceptions
 * onto exit codes ({@link ExitCode}); a user's mistake is one message, never a stack trace.
 */
@Command(name = "privileges", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Least-privilege DaemonSets and security statements from collector metadata.",
    subcommands = {GenerateCommand.class, CheckCommand.class, LockCommand.class, ExplainCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:check or policy failure", "2:usage error (options, inputs, metadata)",
        "3:I/O error (a file cannot be read or written)"})
public final class PrivilegesCli implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Without a command: the usage, and a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: generate, check, lock or explain");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /** Runs one command line and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PrivilegesCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      String command = "privileges " + commandLine.getCommandName();
      if (e instanceof EngineIoException) {
        commandLine.getErr().println(command + ": I/O error: " + ((EngineIoException) e).message(Option.Syntax.CLI));
        return ExitCode.IO.code();
      }
      if (e instanceof EngineException) {
        commandLine.getErr().println(command + ": error: " + ((EngineException) e).message(Option.Syntax.CLI));
        return ExitCode.USAGE.code();
      }
      if (e instanceof CommandLine.ParameterException p) {
        // thrown while running (an input that does not exist, a bad --waivers): a usage error
        commandLine.getErr().println(command + ": " + p.getMessage());
        commandLine.getErr().println("Run '" + command + " --help' for the options.");
        return ExitCode.USAGE.code();
      }
      throw e; // a bug: let picocli show it with its stack trace
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
