package io.synod.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code synod} command. Each subcommand lives in its own class and is
 * registered in {@link #commandLine(PrintWriter, PrintWriter)}, so that tests can run the
 * whole CLI in-process with captured output.
 */
@Command(
    name = "synod",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Model-check TLA+ specifications and test implementations against them.",
      "",
      "Run 'synod <command> --help' for the options of one command."
    },
    subcommands = {CommandLine.HelpCommand.class})
public final class Synod implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // Bare `synod`: show what it can do instead of silently succeeding.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command tree; the caller owns the streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Synod());
    for (Object sub : Commands.all()) {
      cl.addSubcommand(sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code;
    try {
      code = run(out, err, args);
    } catch (OutOfMemoryError e) {
      // Outside a model check's own handling (e.g. while parsing a huge module).
      out.flush();
      err.println("synod: " + io.synod.checker.engine.OutOfMemoryAdvice.text("", null));
      err.flush();
      code = ErrorHandler.SYSTEM_ERROR;
    }
    System.exit(code);
  }
}
