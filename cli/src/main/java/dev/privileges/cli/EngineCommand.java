package dev.privileges.cli;

import dev.privileges.engine.bundle.Bundle;
import dev.privileges.engine.PrivilegesEngine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the inputs, the grant options and {@code --skip}. */
abstract class EngineCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Mixin
  GrantOptions grantOptions;

  final PrivilegesEngine engine = new PrivilegesEngine();

  @Override
  public final Integer call() {
    if (grantOptions.skip) {
      out().println("Skipping privileges " + spec.name() + " because --skip is set.");
      return ExitCode.OK.code();
    }
    return run().code();
  }

  abstract ExitCode run();

  Bundle bundle() {
    return engine.read(inputs.compiled(), inputs.handWritten());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
