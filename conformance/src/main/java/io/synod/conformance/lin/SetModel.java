package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/** A grow-only set: {@code :add v} and {@code :read} of the whole set. */
final class SetModel implements Model<Set<Object>> {
  private final Set<Object> initial;
  private final boolean strictNil;

  SetModel(Collection<?> initial, boolean strictNil) {
    this.initial = Set.copyOf(initial);
    this.strictNil = strictNil;
  }

  @Override
  public String name() {
    return "set";
  }

  @Override
  public Set<Object> initial() {
    return initial;
  }

  @Override
  public Set<Object> step(Set<Object> state, Operation op) {
    Object v = op.value();
    if (op.f().equals("add")) {
      if (state.contains(v)) {
        return state;
      }
      Set<Object> next = new HashSet<>(state);
      next.add(v);
      return Set.copyOf(next);
    }
    if (v == null) {
      return strictNil ? (state.isEmpty() ? state : null) : state;
    }
    return state.size() == ((Collection<?>) v).size() && state.equals(new HashSet<>((Collection<?>) v))
        ? state
        : null;
  }

  @Override
  public String explain(Set<Object> state, Operation op) {
    return "can't read " + EdnValues.print(op.value()) + " from set " + show(state);
  }

  @Override
  public String validate(Operation op) {
    if (op.f().equals("add")) {
      return op.value() == null ? ":add takes a value, found nil" : null;
    }
    if (op.f().equals("read")) {
      return op.value() == null || op.value() instanceof Collection<?>
          ? null
          : "a set :read returns a collection, found " + EdnValues.print(op.value());
    }
    return "the set model has no operation :" + op.f() + " (expected :add, :read)";
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
  public String show(Set<Object> state) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    state.forEach(v -> sorted.put(EdnValues.print(v), v));
    return "#{" + String.join(" ", sorted.keySet()) + "}";
  }
}
