package io.synod.checker.eval;

import io.synod.checker.value.Value;

/**
 * An operator argument passed by name, as TLC passes them: it is evaluated only when the
 * operator's body reads the parameter, so an argument the body never reaches (ignored, or behind
 * a false guard) cannot fail. Frame slots of parameters hold either a {@link Value} or a thunk;
 * {@link Nodes.Local} forces it.
 *
 * <p>A cacheable thunk (argument without primes, in an expression-level call) keeps its value
 * for the state it was computed in, so a parameter read twice is evaluated once, as TLC's
 * {@code LazyValue}; the state check keeps {@code p'} in the body correct, which re-evaluates the
 * argument in the next state. Arguments of calls used as actions are never cached, because the
 * state under construction changes while the action runs.
 */
final class Thunk {
  private final Node expr;
  private final Frame frame;
  private final boolean cacheable;
  private Value value;
  private Value[] valueState;
  /** Reads of single points when this argument is a function definition; see {@link PointReads}. */
  private PointReads reads;

  private Thunk(Node expr, Frame frame, boolean cacheable) {
    this.expr = expr;
    this.frame = frame;
    this.cacheable = cacheable;
  }

  /**
   * What a call puts in its parameter slot for argument {@code arg}: literals as they are, a
   * bound name's slot content as it is (a value, or the caller's own thunk, passed on unforced),
   * anything else as a thunk.
   */
  static Object pass(Node arg, Ctx c, Frame f, boolean cache) {
    if (arg instanceof Nodes.Const k) {
      return k.value;
    }
    if (arg instanceof Nodes.Local l) {
      return (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot];
    }
    return new Thunk(arg, f, cache && arg.level <= 1);
  }

  /** The argument expression (for the liveness checker, which reads temporal arguments). */
  Node expr() {
    return expr;
  }

  Frame frame() {
    return frame;
  }

  /** Whether the value for the current state is at hand. */
  boolean forced(Ctx c) {
    return value != null && valueState == c.cur;
  }

  /**
   * {@code f[arg]} where this argument stands for a function definition {@code f}, from its body
   * at {@code arg} alone; null when the caller should apply the forced value instead (see
   * {@link PointReads#apply}). Only a cacheable argument switches to its value after many reads:
   * another would be rebuilt at each read.
   */
  Value applyDefinition(Ctx c, Value arg, Node site) {
    if (forced(c)) {
      return null;
    }
    if (reads == null) {
      reads = PointReads.of(expr, frame, c, cacheable);
    }
    return reads.read(c, arg, site);
  }

  Value force(Ctx c) {
    Value[] state = c.cur;
    if (value != null && valueState == state) {
      return value;
    }
    Value v = expr.eval(c, frame);
    if (cacheable) {
      value = v;
      valueState = state;
    }
    return v;
  }

  /**
   * This argument for a lazy value that outlives the call (a filtered infinite set): evaluated
   * now, while its frame still holds the call's bindings, or, if that fails, kept unevaluated over
   * a copy of the frame so that the error arises only if it is used.
   */
  Object detach(Ctx c) {
    try {
      return force(c);
    } catch (EvalException e) {
      // never caching: a lazy value may be used by several workers at once
      return new Thunk(expr, frame.snapshot(c), false);
    }
  }
}
