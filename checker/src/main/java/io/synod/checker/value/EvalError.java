package io.synod.checker.value;

/**
 * An error raised while computing with TLA+ values, e.g. comparing an integer with a string,
 * enumerating {@code Nat} or dividing by zero. Messages follow TLC's wording where TLC has one.
 * The evaluator catches it to attach source positions; it is unchecked so that the hot path
 * carries no {@code throws} clutter.
 */
public class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Whether TLC raises this error with an error code of its own (its {@code EvalException}, as
   * for a division by zero) rather than as a generic failure: TLC then prints the message as it
   * is and ends with a different exit code.
   */
  private final boolean coded;

  public EvalError(String message) {
    this(message, false);
  }

  public EvalError(String message, boolean coded) {
    super(message, null, false, false);
    this.coded = coded;
  }

  public boolean coded() {
    return coded;
  }

  public EvalError(String message, Throwable cause) {
    super(message, cause, false, false);
    this.coded = false;
  }
}
