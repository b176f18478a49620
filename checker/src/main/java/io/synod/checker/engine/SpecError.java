package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import java.util.List;

/**
 * An error in the spec found while evaluating it: an evaluation error (TLC exit code 75) or a
 * false {@code Assert} (exit code 14). The engine adds the behaviour that led to it.
 */
public class SpecError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** An expression could not be evaluated (exit code 75). */
    EVALUATION,
    /** The first argument of {@code Assert} was false (exit code 14). */
    ASSERT,
    /**
     * An error TLC raises with an error code of its own, such as a division by zero: printed as
     * it is, without TLC's "unexpected exception" preamble.
     */
    CODED,
    /** A POSTCONDITION could not be evaluated (exit code 10, as a false one). */
    POSTCONDITION,
    /**
     * An ASSUME could not be evaluated: TLC reports any error there, an {@code Assert} included,
     * as "Evaluating assumption ... failed." with the exit code of a false assumption (10).
     */
    ASSUMPTION
  }

  private final Kind kind;
  private final transient List<Span> stack;

  /**
   * @param message TLC's complete error text after {@code "Error: "}, possibly several lines, e.g.
   *     {@code "The first argument of Assert evaluated to FALSE; the second argument was:\n<<1>>"}
   * @param stack the nested expressions being evaluated, outermost first, as TLC lists them after
   *     the trace ("0. Line 12, column 7 to line 16, column 24 in Elevator"); may be empty
   */
  public SpecError(Kind kind, String message, List<Span> stack) {
    this(kind, message, stack, -1);
  }

  /**
   * @param check the index of the invariant (or other named check) whose evaluation failed, or -1
   *     when the error is not in one
   */
  public SpecError(Kind kind, String message, List<Span> stack, int check) {
    super(message, null, false, false);
    this.kind = kind;
    this.stack = List.copyOf(stack);
    this.check = check;
  }

  private final int check;

  /** The index of the named check whose evaluation failed, or -1. */
  public int check() {
    return check;
  }

  public Kind kind() {
    return kind;
  }

  public List<Span> stack() {
    return stack;
  }
}
