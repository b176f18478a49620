package io.synod.cli;

/** A problem with the user's input, reported as one message and an exit code, no trace. */
public class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
