package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.Value;

/** {@code ENABLED A}: whether action A has a successor from the current state. */
final class Enabled extends Node {
  private static final RuntimeException FOUND = new RuntimeException("enabled", null, false, false) {
    private static final long serialVersionUID = 1L;
  };

  final Act action;

  Enabled(Span span, Act action) {
    super(span);
    this.action = action;
    this.level = 1;
    this.closed = false;
    // whether an action is enabled depends on the whole state
    this.vars = ALL_VARS;
  }

  @Override
  Value ev(Ctx c, Frame f) {
    Value[] saved = c.nxt;
    int savedUnassigned = c.unassigned;
    Value[] savedProbe = c.enabledNext;
    c.nxt = new Value[c.spec.variableCount()];
    c.enabledNext = c.nxt;
    c.unassigned = c.nxt.length;
    try {
      action.run(c, f, c2 -> {
        throw FOUND;
      });
      return BoolValue.FALSE;
    } catch (RuntimeException e) {
      if (e == FOUND) {
        return BoolValue.TRUE;
      }
      throw e;
    } finally {
      c.nxt = saved;
      c.enabledNext = savedProbe;
      c.unassigned = savedUnassigned;
    }
  }
}
