package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.math.BigInteger;

/**
 * A counter: {@code :add n} (n may be negative) and {@code :read}. Exact at every size: the
 * count is a Long while it fits and a BigInteger beyond (the readers' normal form for
 * integers, so a read of 2^63 compares equal to a count that reached it), never wrapping.
 */
final class CounterModel implements Model<Number> {
  private final Number initial;
  private final boolean strictNil;

  CounterModel(Number initial, boolean strictNil) {
    this.initial = normal(initial);
    this.strictNil = strictNil;
  }

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public Number initial() {
    return initial;
  }

  @Override
  public Number step(Number state, Operation op) {
    Object v = op.value();
    if (op.f().equals("add")) {
      return add(state, (Number) v);
    }
    if (v == null) {
      return strictNil ? null : state;
    }
    return state.equals(v) ? state : null;
  }

  private static Number add(Number a, Number b) {
    if (a instanceof Long x && b instanceof Long y) {
      long r = x + y;
      if (((x ^ r) & (y ^ r)) >= 0) {
        return r;
      }
    }
    return normal(big(a).add(big(b)));
  }

  private static BigInteger big(Number n) {
    return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
  }

  /** Long when it fits, as the history readers normalise integers. */
  private static Number normal(Number n) {
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Number) b.longValue() : b;
    }
    return n.longValue();
  }

  @Override
  public String explain(Number state, Operation op) {
    return "can't read " + EdnValues.print(op.value()) + " from counter " + state;
  }

  @Override
  public String validate(Operation op) {
    if (op.f().equals("add")) {
      return op.value() instanceof Long || op.value() instanceof BigInteger
          ? null : ":add takes an integer, found " + EdnValues.print(op.value());
    }
    return op.f().equals("read") ? null : "the counter model has no operation :" + op.f() + " (expected :add, :read)";
  }

  @Override
  public boolean isReadOnly(Operation op) {
    return op.f().equals("read");
  }

  @Override
  public boolean isNoOp(Operation op) {
    return op.f().equals("read") && op.value() == null && !strictNil;
  }
}
