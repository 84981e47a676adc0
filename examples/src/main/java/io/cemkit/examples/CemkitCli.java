package io.cemkit.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cemkit} command-line tool: {@code java -jar cemkit.jar <command>}.
 *
 * <p>Exit codes: 0 success, 1 the command failed (bad input file, failed scenario), 2 bad usage.
 */
@Command(name = "cemkit", mixinStandardHelpOptions = true, versionProvider = CemkitCli.Version.class,
    description = "Customer Experience Management toolkit: demos and reports.",
    subcommands = {DemoCommand.class, NpsCommand.class, JourneyCommand.class, CommandLine.HelpCommand.class})
public final class CemkitCli implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the tool with the given output streams, for tests and embedding.
   *
   * @param out standard output
   * @param err standard error
   * @param args the command line
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new CemkitCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("cemkit: " + e.getMessage());
      return 1;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Without a command: the usage on standard error, and exit code 2 (bad usage). */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("cemkit: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CemkitCli.class.getPackage().getImplementationVersion();
      return new String[] {"cemkit " + (version == null ? "development" : version)};
    }
  }
}
