package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;

/** A counter: {@code :add n} (n may be negative) and {@code :read}. */
final class CounterModel implements Model<Long> {
  private final long initial;
  private final boolean strictNil;

  CounterModel(long initial, boolean strictNil) {
    this.initial = initial;
    this.strictNil = strictNil;
  }

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public Long initial() {
    return initial;
  }

  @Override
  public Long step(Long state, Operation op) {
    Object v = op.value();
    if (op.f().equals("add")) {
      return state + (Long) v;
    }
    if (v == null) {
      return strictNil ? null : state;
    }
    return state.equals(v) ? state : null;
  }

  @Override
  public String explain(Long state, Operation op) {
    return "can't read " + EdnValues.print(op.value()) + " from counter " + state;
  }

  @Override
  public String validate(Operation op) {
    if (op.f().equals("add")) {
      return op.value() instanceof Long ? null : ":add takes an integer, found " + EdnValues.print(op.value());
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
