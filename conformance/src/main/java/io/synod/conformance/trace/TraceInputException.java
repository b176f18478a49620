package io.synod.conformance.trace;

/**
 * Bad input for trace validation (a malformed trace line, a mapping that does not fit the spec):
 * a usage error, exit 2. The message starts with {@code file:line:} when the place is known.
 */
public final class TraceInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public TraceInputException(String message) {
    super(message);
  }

  /** {@code file:line: reason}. */
  public static TraceInputException at(String file, int line, String reason) {
    return new TraceInputException(file + ":" + line + ": " + reason);
  }
}
