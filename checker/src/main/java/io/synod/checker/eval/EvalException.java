package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An error raised while evaluating a specification, located in the source. {@link #kind()} tells
 * an {@code Assert} failure (TLC exit code 14) from any other evaluation error (exit code 75).
 * {@link #stack()} lists the spans of the expressions being evaluated when the error happened,
 * outermost first, as TLC prints them after "The error occurred when TLC was evaluating the nested
 * expressions at the following positions".
 */
public final class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** {@code Assert(FALSE, out)} (TLC exit 14). */
    ASSERT,
    /** Any other evaluation error (TLC exit 75). */
    EVAL,
    /** An error TLC raises with its own error code, e.g. a division by zero (see {@link io.synod.checker.value.EvalError#coded}). */
    CODED
  }

  private final Kind kind;
  private final transient List<Span> innermostFirst = new ArrayList<>();

  EvalException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The spans of the nested expressions under evaluation, outermost first. */
  public List<Span> stack() {
    List<Span> l = new ArrayList<>(innermostFirst);
    Collections.reverse(l);
    return l;
  }

  /** The span of the innermost expression under evaluation, or null if unknown. */
  public Span location() {
    return innermostFirst.isEmpty() ? null : innermostFirst.get(0);
  }

  void push(Span s) {
    if (getMessage() == Ctx.TOO_DEEP && s != null && s != Span.NONE) {
      // tens of thousands of positions of one recursion: keep only where it was entered
      if (innermostFirst.isEmpty()) {
        innermostFirst.add(s);
      } else {
        innermostFirst.set(0, s);
      }
      return;
    }
    // a guard conjunct and its expression share a span; TLC lists it once
    boolean repeat = !innermostFirst.isEmpty() && same(innermostFirst.get(innermostFirst.size() - 1), s);
    if (s != null && s != Span.NONE && !repeat) {
      innermostFirst.add(s);
    }
  }

  /**
   * Whether two spans are equal, compared field by field: this runs while a stack overflow
   * unwinds, where the first call of a record's {@code equals} (linked on first use) would fail
   * for want of stack and leave the JVM unable to link it at all.
   */
  private static boolean same(Span a, Span b) {
    return a == b || b != null && a.beginLine() == b.beginLine() && a.beginCol() == b.beginCol()
        && a.endLine() == b.endLine() && a.endCol() == b.endCol() && a.module().equals(b.module())
        && a.file().equals(b.file());
  }

  /**
   * The error {@code e} raised below the expression at {@code span}, as an EvalException with
   * that span added: value-layer errors keep their message, runaway recursion gets a clear one.
   */
  static EvalException located(Throwable e, Span span) {
    EvalException x;
    if (e instanceof EvalException ee) {
      x = ee;
    } else if (e instanceof StackOverflowError) {
      // TLC's own error (exit 255 in the next-state relation), with its explanation
      x = new EvalException(Kind.CODED, STACK_OVERFLOW);
    } else if (e instanceof io.synod.checker.value.EvalError ee && ee.coded()) {
      x = new EvalException(Kind.CODED, ee.getMessage());
    } else if (e instanceof ArithmeticException) {
      x = eval("Arithmetic error: " + e.getMessage());
    } else {
      x = eval(e.getMessage());
    }
    x.push(span);
    return x;
  }

  static final String STACK_OVERFLOW = "This was a Java StackOverflowError. It was probably the result\n"
      + "of an incorrect recursive function definition that caused TLC to enter\n"
      + "an infinite loop when trying to compute the function or its application\n"
      + "to an element in its putative domain.";

  static EvalException eval(String message) {
    return new EvalException(Kind.EVAL, message);
  }

  /** The successor an action left incomplete (null where unassigned), or null for other errors. */
  private transient Value[] incompleteState;
  private transient ActionInfo incompleteAction;
  private transient List<String> unassigned = List.of();

  /**
   * An action that left some variables without a primed value: TLC reports this error of its own
   * (not an evaluation error) with the incomplete state at the end of the trace.
   */
  static EvalException incompleteSuccessor(Value[] state, ActionInfo action, List<String> unassigned) {
    EvalException e = eval(incompleteMessage(action.name(), unassigned));
    e.incompleteState = state;
    e.incompleteAction = action;
    e.unassigned = List.copyOf(unassigned);
    return e;
  }

  /**
   * TLC's text for an incomplete successor: with the action named when the next-state relation
   * has several actions ({@code action} non-null), without when it is a single one.
   */
  public static String incompleteMessage(String action, List<String> unassigned) {
    String vars = (unassigned.size() > 1 ? "s are" : " is") + " not defined: "
        + String.join(", ", unassigned) + ".";
    return action != null
        ? "Successor state is not completely specified by action " + action
            + " of the next-state relation. The following variable" + vars
        : "Successor state is not completely specified by the next-state action. The following variable"
            + vars;
  }

  public Value[] incompleteState() {
    return incompleteState;
  }

  public ActionInfo incompleteAction() {
    return incompleteAction;
  }

  /** The variables the incomplete successor lacks, in declaration order. */
  public List<String> unassigned() {
    return unassigned;
  }
}
