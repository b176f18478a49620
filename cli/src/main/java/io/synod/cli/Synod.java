package io.synod.cli;

import java.io.PrintWriter;
import java.util.List;
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
public final class Synod implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Stack of the thread every command runs on. Parsing, resolving and evaluating follow the
   * nesting of the input (a 3,000-term junction, a recursion 2,000 calls deep) and the JVM's
   * default (a few hundred KB to 8 MB) ends in a StackOverflowError long before TLC gives up. The
   * reservation is virtual: only the pages a deep input touches are ever committed.
   */
  static final long STACK_BYTES = 1L << 30;

  @Override
  public Integer call() {
    // Bare `synod`: show what it can do, on stderr, and fail as any incomplete command line does.
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return 2;
  }

  /** Builds the command tree; the caller owns the streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Commands.all());
  }

  /**
   * The command tree for running {@code args}: when the first argument names a command, only
   * that one is registered. picocli reflects over every option of every registered command (a
   * tenth of a second of a short run such as {@code synod lin}); {@code synod --help}, {@code
   * synod help} and a mistyped name still see them all.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    List<Object> all = Commands.all();
    if (args.length > 0) {
      for (Object sub : all) {
        if (sub.getClass().getAnnotation(Command.class).name().equals(args[0])) {
          return commandLine(out, err, List.of(sub));
        }
      }
    }
    return commandLine(out, err, all);
  }

  private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Object> commands) {
    CommandLine cl = new CommandLine(new Synod());
    for (Object sub : commands) {
      cl.addSubcommand(sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  /**
   * Runs the command line on a thread with a {@link #STACK_BYTES} stack. Whatever escapes the
   * command (an Error, which picocli's handler never sees) ends as one line on {@code err} and
   * exit 153, never as a JVM stack trace (SYNOD_DEBUG=1 prints it).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    int[] code = {ErrorHandler.SYSTEM_ERROR};
    Throwable[] escaped = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        code[0] = commandLine(out, err, args).execute(args);
      } catch (Throwable e) { // NOPMD: the last line of defence, reported below
        escaped[0] = e;
      }
    }, "synod-main", STACK_BYTES);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    if (escaped[0] instanceof OutOfMemoryError oom) {
      throw oom;
    }
    if (escaped[0] != null) {
      err.println("synod: " + ErrorHandler.describe(escaped[0]));
      ErrorHandler.traceIfDebugging(escaped[0], err);
      code[0] = ErrorHandler.SYSTEM_ERROR;
    }
    err.flush();
    return code[0];
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    // a helper thread (progress timer, warm-up) that fails must not print a JVM stack trace either
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      err.println("synod: " + ErrorHandler.describe(e) + " (in " + t.getName() + ")");
      ErrorHandler.traceIfDebugging(e, err);
    });
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
