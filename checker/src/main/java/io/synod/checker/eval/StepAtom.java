package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;

/**
 * {@code [A]_v} or {@code <<A>>_v} directly under a temporal operator (or in WF/SF): evaluated
 * as the expression {@link #formula}, but it also carries A compiled as an action, so that the
 * liveness checker can decide it on every step from a state by enumerating A's successors of
 * that state once ({@link TemporalLowering}) instead of evaluating A on each step.
 */
final class StepAtom extends Node {
  final Node formula;
  /** A as a generator; null when it cannot be compiled as one. */
  final Act action;
  /** {@code v' = v} for {@code [A]_v}, {@code v' # v} for {@code <<A>>_v}. */
  final Node subscriptTest;
  final boolean box;

  StepAtom(Span span, Node formula, Act action, Node subscriptTest, boolean box) {
    super(span);
    this.formula = dep(formula);
    this.action = action;
    this.subscriptTest = subscriptTest;
    this.box = box;
  }

  @Override
  Value ev(Ctx c, Frame f) {
    return formula.ev(c, f);
  }
}
