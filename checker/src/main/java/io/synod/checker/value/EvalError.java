package io.synod.checker.value;

/**
 * An error raised while computing with TLA+ values, e.g. comparing an integer with a string,
 * enumerating {@code Nat} or dividing by zero. Messages follow TLC's wording where TLC has one.
 * The evaluator catches it to attach source positions; it is unchecked so that the hot path
 * carries no {@code throws} clutter.
 */
public class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvalError(String message) {
    super(message, null, false, false);
  }

  public EvalError(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
