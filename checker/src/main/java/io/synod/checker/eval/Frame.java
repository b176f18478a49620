package io.synod.checker.eval;

/**
 * The slots of one operator, LAMBDA or function-definition activation: its parameters, the
 * variables its quantifiers bind and its cached LET values. Names are resolved at compile time
 * to (frames up, slot) pairs, so evaluation never looks a name up.
 */
final class Frame {
  final Object[] slots;
  final Frame up;

  Frame(int size, Frame up) {
    this.slots = size == 0 ? EMPTY : new Object[size];
    this.up = up;
  }

  private static final Object[] EMPTY = new Object[0];

  Frame at(int depth) {
    Frame f = this;
    for (int i = 0; i < depth; i++) {
      f = f.up;
    }
    return f;
  }

  /** A copy of this frame chain, for lazy values that outlive the evaluation that made them. */
  Frame snapshot(Ctx c) {
    Frame copy = new Frame(slots.length, up == null ? null : up.snapshot(c));
    for (int i = 0; i < slots.length; i++) {
      Object v = slots[i];
      // a PointReads count is private to this frame's evaluation: the copy starts its own
      copy.slots[i] = v instanceof Thunk t ? t.detach(c) : v instanceof PointReads ? null : v;
    }
    return copy;
  }
}
