package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.util.List;
import java.util.Objects;

/**
 * A single register: {@code :read}, {@code :write v} and, for the cas-register, {@code :cas
 * [expected new]}. The state is the value itself (nil as {@link Nil#NIL}), so stepping
 * allocates nothing.
 */
final class RegisterModel implements Model<Object> {
  private final boolean cas;
  private final Object initial;
  private final boolean strictNil;

  RegisterModel(boolean cas, Object initial, boolean strictNil) {
    this.cas = cas;
    this.initial = Nil.wrap(initial);
    this.strictNil = strictNil;
  }

  @Override
  public String name() {
    return cas ? "cas-register" : "register";
  }

  @Override
  public Object initial() {
    return initial;
  }

  @Override
  public Object step(Object state, Operation op) {
    Object v = op.value();
    switch (op.f()) {
      case "read":
        if (v == null && !strictNil) {
          return state;
        }
        return Objects.equals(Nil.unwrap(state), v) ? state : null;
      case "write":
        return Nil.wrap(v);
      case "cas":
        List<?> pair = (List<?>) v;
        return Objects.equals(Nil.unwrap(state), pair.get(0)) ? Nil.wrap(pair.get(1)) : null;
      default:
        return null;
    }
  }

  @Override
  public String explain(Object state, Operation op) {
    String cur = show(state);
    return switch (op.f()) {
      case "read" -> "can't read " + EdnValues.print(op.value()) + " from register " + cur;
      case "cas" -> {
        List<?> pair = (List<?>) op.value();
        yield "can't CAS " + cur + " from " + EdnValues.print(pair.get(0)) + " to "
            + EdnValues.print(pair.get(1));
      }
      default -> name() + " has no operation :" + op.f();
    };
  }

  @Override
  public String validate(Operation op) {
    switch (op.f()) {
      case "read":
      case "write":
        return null;
      case "cas":
        if (!cas) {
          return "the register model has no :cas; use --model cas-register";
        }
        if (op.value() instanceof List<?> l && l.size() == 2) {
          return null;
        }
        return ":cas takes [expected new], found " + EdnValues.print(op.value());
      default:
        return "the " + name() + " model has no operation :" + op.f() + " (expected :read, :write"
            + (cas ? ", :cas)" : ")");
    }
  }

  @Override
  public boolean isReadOnly(Operation op) {
    return op.f().equals("read");
  }

  @Override
  public boolean isNoOp(Operation op) {
    return op.f().equals("read") && op.value() == null && !strictNil;
  }

  @Override
  public boolean isBlind(Operation op) {
    return op.f().equals("write");
  }

  @Override
  public Object fixedResult(Operation op) {
    return switch (op.f()) {
      case "write" -> Nil.wrap(op.value());
      case "cas" -> Nil.wrap(((List<?>) op.value()).get(1));
      default -> null;
    };
  }

  @Override
  public boolean hasHopelessStates() {
    return true;
  }

  @Override
  public boolean mayStillAccept(Object state, Operation op) {
    // only writes and cas change a register
    return step(state, op) != null;
  }

  @Override
  public Object requiredState(Operation op) {
    return switch (op.f()) {
      case "read" -> op.value() == null && !strictNil ? null : Nil.wrap(op.value());
      case "cas" -> Nil.wrap(((List<?>) op.value()).get(0));
      default -> null;
    };
  }

  @Override
  public String show(Object state) {
    return EdnValues.print(Nil.unwrap(state));
  }
}
