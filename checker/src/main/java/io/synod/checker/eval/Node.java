package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.EvalError;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.NonSetOperand;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.Value;

/**
 * A compiled expression. {@link #eval} adds this node's span to errors raised below it, turning
 * value-layer {@link EvalError}s and runaway recursion into {@link EvalException}s, so no raw Java
 * exception escapes evaluation.
 */
abstract class Node {
  final Span span;
  /** 0 constant, 1 state, 2 action (mentions primed variables), 3 temporal. */
  int level;
  /** Whether the node reads no frame slot (free of bound variables and parameters). */
  boolean closed = true;
  /** Whether its result varies between evaluations (TLCGet, RandomElement, JavaTime...). */
  boolean impure;
  /** Whether evaluating it has an effect (Print, PrintT, Assert, TLCSet). */
  boolean effect;
  /**
   * Whether its value depends on the search itself (TLCGet): a constant-level definition reading
   * it is never evaluated once ahead of the search.
   */
  boolean readsSearch;
  /**
   * The state variables its value can depend on: bit {@code i} for the variable in slot
   * {@code i}, {@link #ALL_VARS} when that is not known (operator arguments, recursion,
   * ENABLED...). Propagated like {@link #level}; a state predicate that is pure and reads only
   * variables a successor shares with its parent has the parent's value there.
   */
  long vars;

  static final long ALL_VARS = -1L;

  /** The bit of the variable in {@code slot}; {@link #ALL_VARS} beyond the 63rd variable. */
  static long varBit(int slot) {
    return slot < 63 ? 1L << slot : ALL_VARS;
  }

  Node(Span span) {
    this.span = span;
  }

  abstract Value ev(Ctx c, Frame f);

  final Value eval(Ctx c, Frame f) {
    try {
      return ev(c, f);
    } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
      throw EvalException.located(e, span);
    }
  }

  final boolean evalBool(Ctx c, Frame f) {
    Value v = eval(c, f);
    if (v instanceof BoolValue b) {
      return b.value();
    }
    throw fail("A non-boolean expression (" + v.kind().name().toLowerCase() + ") was used as a "
        + "condition.\n" + Pretty.ppr(v));
  }

  final SetValue evalSet(Ctx c, Frame f) {
    Value v = eval(c, f);
    if (v instanceof SetValue s) {
      return s;
    }
    throw fail("Attempted to use a non-set value as a set:\n" + Pretty.ppr(v));
  }

  /**
   * The argument of a constructor of sets ({@code [D -> R]}, {@code [f : S]}, {@code S \X T}):
   * TLC accepts a value that is no set there and fails only when the set asks it what a set
   * answers.
   */
  final SetValue evalSetOperand(Ctx c, Frame f) {
    return NonSetOperand.of(eval(c, f));
  }

  final long evalInt(Ctx c, Frame f) {
    Value v = eval(c, f);
    if (v instanceof IntValue i) {
      return i.value();
    }
    throw fail("Attempted to use a non-integer value as an integer:\n" + Pretty.ppr(v));
  }

  /** An evaluation error; {@link #eval} locates it at this node. */
  final EvalException fail(String message) {
    return EvalException.eval(message);
  }

  /** Whether the value can be computed once and reused. */
  final boolean foldable() {
    return level == 0 && closed && !impure && !effect;
  }

  /** Evaluates every node of {@code nodes} in order. */
  static Value[] evalAll(Node[] nodes, Ctx c, Frame f) {
    Value[] vs = new Value[nodes.length];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = nodes[i].eval(c, f);
    }
    return vs;
  }

  /** {@link #dep} for each of {@code children}. */
  final Node[] depAll(Node[] children) {
    for (Node n : children) {
      dep(n);
    }
    return children;
  }

  /** Marks this node as depending on {@code child} (level, bound variables, purity). */
  final <N extends Node> N dep(N child) {
    if (child != null) {
      level = Math.max(level, child.level);
      closed &= child.closed;
      impure |= child.impure;
      effect |= child.effect;
      readsSearch |= child.readsSearch;
      vars |= child.vars;
    }
    return child;
  }
}
