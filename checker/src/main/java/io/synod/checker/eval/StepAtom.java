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
  /**
   * When v is a variable or a tuple of them (through definitions), their slots: {@code v' = v}
   * is then the equality of those slots, compared without building v twice. Null otherwise.
   */
  final int[] subscriptSlots;

  StepAtom(Span span, Node formula, Act action, Node subscript, Node subscriptTest, boolean box) {
    super(span);
    this.formula = dep(formula);
    this.action = action;
    this.subscriptTest = subscriptTest;
    this.box = box;
    java.util.List<Integer> slots = new java.util.ArrayList<>();
    this.subscriptSlots = variables(subscript, slots, 0)
        ? slots.stream().mapToInt(Integer::intValue).toArray() : null;
  }

  private static boolean variables(Node n, java.util.List<Integer> out, int depth) {
    if (depth > 64) {
      return false;
    }
    if (n instanceof Nodes.CutVar cv) {
      // steps are never probed by an ENABLED: the variable is its replacement
      return variables(cv.inner, out, depth + 1);
    }
    if (n instanceof Nodes.Var v) {
      out.add(v.slot);
      return true;
    }
    if (n instanceof Nodes.Tuple t) {
      for (Node e : t.elems) {
        if (!variables(e, out, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (n instanceof Nodes.Inline in) {
      return variables(in.body, out, depth + 1);
    }
    if (n instanceof Nodes.Call c && c.args.length == 0 && c.def.body() != null) {
      return variables(c.def.body(), out, depth + 1);
    }
    return false;
  }

  /**
   * Whether the step {@code s -> t} changes v, by the slots of {@link #subscriptSlots} (which
   * must be non-null); null when two values cannot be compared (the test then says why).
   */
  Boolean changes(Value[] s, Value[] t) {
    return changes(subscriptSlots, s, t);
  }

  /**
   * Whether {@code s -> t} changes one of the variables at {@code slots}; null when a comparison
   * fails.
   */
  static Boolean changes(int[] slots, Value[] s, Value[] t) {
    try {
      for (int k : slots) {
        if (!s[k].tlaEquals(t[k])) {
          return Boolean.TRUE;
        }
      }
      return Boolean.FALSE;
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  Value ev(Ctx c, Frame f) {
    return formula.ev(c, f);
  }
}
