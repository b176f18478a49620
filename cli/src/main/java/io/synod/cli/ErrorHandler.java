package io.synod.cli;

import picocli.CommandLine;

/**
 * Last line of defence against stack traces: anything a command did not turn into a located
 * message ends here as one line and TLC's "system error" code. Set SYNOD_DEBUG=1 to see the
 * trace when diagnosing Synod itself.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int SYSTEM_ERROR = 153;

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    var err = cl.getErr();
    if (ex instanceof UserError ue) {
      err.println("synod " + cl.getCommandName() + ": " + ue.getMessage());
      err.flush();
      return ue.exitCode();
    }
    err.println("synod " + cl.getCommandName() + ": internal error: " + ex);
    if (System.getenv("SYNOD_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("(set SYNOD_DEBUG=1 to print the stack trace; please report this)");
    }
    err.flush();
    return SYSTEM_ERROR;
  }
}
