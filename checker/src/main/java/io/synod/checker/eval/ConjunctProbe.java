package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;

/**
 * Records, while an action is generated, the conjunct furthest along any path of the
 * generation: {@link #depth} counts the conjuncts passed on the current path (nested
 * conjunctions included). When the action has no successor, the furthest conjunct reached is
 * the one that failed on the path that came closest; a conjunct of an operator called by an
 * outer conjunct counts as further than the call, so the innermost conjunct is reported.
 */
final class ConjunctProbe {
  int depth;
  int best = -1;
  Span bestSpan;

  void reached(Span span, int offset) {
    int d = depth + offset;
    if (d >= best) {
      best = d;
      bestSpan = span;
    }
  }
}
