package io.synod.cli;

import picocli.CommandLine;

/**
 * Last line of defence against stack traces: anything a command did not turn into a located
 * message ends here as one line and TLC's "system error" code. Set SYNOD_DEBUG=1 to see the
 * trace when diagnosing Synod itself.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int SYSTEM_ERROR = ExitCodes.of(io.synod.checker.engine.Verdict.SYSTEM_ERROR);

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    var err = cl.getErr();
    if (ex instanceof UserError ue) {
      err.println("synod " + cl.getCommandName() + ": " + ue.getMessage());
      err.flush();
      return ue.exitCode();
    }
    err.println("synod " + cl.getCommandName() + ": " + describe(ex));
    traceIfDebugging(ex, err);
    err.flush();
    return SYSTEM_ERROR;
  }

  /** One line for something no command turned into a message of its own. */
  static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the input is nested too deeply for Synod to process (stack overflow)";
    }
    return "internal error: " + e;
  }

  static void traceIfDebugging(Throwable e, java.io.PrintWriter err) {
    if (System.getenv("SYNOD_DEBUG") != null) {
      e.printStackTrace(err);
    } else if (!(e instanceof StackOverflowError)) {
      err.println("(set SYNOD_DEBUG=1 to print the stack trace; please report this)");
    }
  }
}
