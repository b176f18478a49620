package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;

/**
 * A temporal operator ({@code [] <> ~> WF SF}) compiled for the liveness checker, which reads
 * its structure ({@link TemporalLowering}); it has no value as an expression. For fairness,
 * {@link #a} is {@code ENABLED <<A>>_v} and {@link #b} is {@code <<A>>_v}.
 */
final class TemporalNode extends Node {
  enum Kind { ALWAYS, EVENTUALLY, LEADS_TO, WEAK_FAIR, STRONG_FAIR }

  final Kind kind;
  final Node a;
  final Node b;

  TemporalNode(Span span, Kind kind, Node a, Node b) {
    super(span);
    this.kind = kind;
    this.a = dep(a);
    this.b = b == null ? null : dep(b);
    this.level = 3;
    this.impure = true;
    this.vars = ALL_VARS;
  }

  @Override
  Value ev(Ctx c, Frame f) {
    throw EvalException.eval("TLC cannot evaluate this temporal formula as an expression.\n"
        + span.describe());
  }
}
