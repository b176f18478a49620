package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Several named registers changed by transactions: {@code :txn} with a value such as {@code
 * [[:read :x 1] [:write :y 2]]}, applied atomically in order. A register never written holds
 * nil unless {@code --init} gives a map of initial values.
 */
final class MultiRegisterModel implements Model<Map<Object, Object>> {
  private final Map<Object, Object> initial;
  private final boolean strictNil;

  MultiRegisterModel(Map<?, ?> initial, boolean strictNil) {
    this.initial = Map.copyOf(initial);
    this.strictNil = strictNil;
  }

  @Override
  public String name() {
    return "multi-register";
  }

  @Override
  public Map<Object, Object> initial() {
    return initial;
  }

  @Override
  public Map<Object, Object> step(Map<Object, Object> state, Operation op) {
    Map<Object, Object> next = null;
    for (Object m : (List<?>) op.value()) {
      List<?> micro = (List<?>) m;
      Object key = micro.get(1);
      Object v = micro.get(2);
      Map<Object, Object> cur = next == null ? state : next;
      if (isRead(micro)) {
        if ((v != null || strictNil) && !Objects.equals(cur.get(key), v)) {
          return null;
        }
      } else {
        if (next == null) {
          next = new HashMap<>(state);
        }
        if (v == null) {
          next.remove(key);
        } else {
          next.put(key, v);
        }
      }
    }
    return next == null ? state : Map.copyOf(next);
  }

  private static boolean isRead(List<?> micro) {
    return "read".equals(EdnValues.name(micro.get(0)));
  }

  @Override
  public String explain(Map<Object, Object> state, Operation op) {
    Map<Object, Object> cur = new HashMap<>(state);
    for (Object m : (List<?>) op.value()) {
      List<?> micro = (List<?>) m;
      Object key = micro.get(1);
      Object v = micro.get(2);
      if (isRead(micro)) {
        if ((v != null || strictNil) && !Objects.equals(cur.get(key), v)) {
          return "can't read " + EdnValues.print(key) + " as " + EdnValues.print(v) + ": it is "
              + EdnValues.print(cur.get(key)) + " in " + show(state);
        }
      } else if (v == null) {
        cur.remove(key);
      } else {
        cur.put(key, v);
      }
    }
    return "transaction applies";
  }

  @Override
  public String validate(Operation op) {
    if (!op.f().equals("txn")) {
      return "the multi-register model has no operation :" + op.f() + " (expected :txn)";
    }
    if (!(op.value() instanceof List<?> txn)) {
      return ":txn takes a vector of [:read k v] / [:write k v], found " + EdnValues.print(op.value());
    }
    for (Object m : txn) {
      if (!(m instanceof List<?> micro) || micro.size() != 3
          || !List.of("read", "write").contains(String.valueOf(EdnValues.name(micro.get(0))))) {
        return "expected [:read k v] or [:write k v] in a :txn, found " + EdnValues.print(m);
      }
    }
    return null;
  }

  @Override
  public boolean isReadOnly(Operation op) {
    for (Object m : (List<?>) op.value()) {
      if (!isRead((List<?>) m)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isNoOp(Operation op) {
    if (strictNil) {
      return false;
    }
    for (Object m : (List<?>) op.value()) {
      List<?> micro = (List<?>) m;
      if (!isRead(micro) || micro.get(2) != null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String show(Map<Object, Object> state) {
    Map<String, Object> sorted = new TreeMap<>();
    state.forEach((k, v) -> sorted.put(EdnValues.print(k), v));
    StringBuilder sb = new StringBuilder("{");
    sorted.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(k).append(' ').append(EdnValues.print(v));
    });
    return sb.append('}').toString();
  }
}
