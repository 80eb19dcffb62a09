package dev.privileges.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the CLI in this JVM, as {@code java -jar privileges-cli.jar args...} would. */
record Cli(int exitCode, String out, String err) {

  static Cli run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PrivilegesCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
