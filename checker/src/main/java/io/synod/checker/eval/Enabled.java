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
  /**
   * The instantiations, from the one ENABLED is written in outwards, whose substitutions of
   * variables ({@link Symbols.Instantiation#phantoms}) were made before it; null when there are
   * none. TLC evaluates ENABLED below a branch of its context that lookups of primed variables
   * stop at: such a variable, primed within A, is not its replacement but a variable of the
   * probed state named as the declared one. So {@code I!F} for {@code F == ENABLED (x' = 0 /\
   * y' = 1)} with {@code x <- z, y <- z} is TRUE, as {@code ENABLED} of {@code F}'s own module
   * substituted afterwards is. Substitutions met inside A (ENABLED I!A) still apply.
   */
  final Symbols.Instantiation[] cut;

  Enabled(Span span, Act action) {
    this(span, action, null);
  }

  Enabled(Span span, Act action, Symbols.Instantiation[] cut) {
    super(span);
    this.action = action;
    this.cut = cut;
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
    Symbols.Instantiation[] savedCut = c.cut;
    c.nxt = new Value[cut == null ? c.spec.variableCount() : c.spec.probeWidth()];
    c.enabledNext = c.nxt;
    c.unassigned = c.nxt.length;
    c.cut = cut;
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
      c.cut = savedCut;
    }
  }
}
