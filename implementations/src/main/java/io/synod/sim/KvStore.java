package io.synod.sim;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replicated state machine of the kv protocols: a map from keys to values that applies
 * commands in log order. Applying the same operation twice (a duplicated request that got
 * into the log twice) changes nothing the second time.
 */
public final class KvStore {
  private final TreeMap<Integer, Long> values = new TreeMap<>();
  private final Set<Long> applied = new HashSet<>();

  /** Applies {@code op}; returns its result, or null if it was applied before. */
  public Result apply(Op op) {
    if (!applied.add(op.id())) {
      return null;
    }
    return switch (op.f()) {
      case READ -> Result.ok(op.id(), values.get(op.key()));
      case WRITE -> {
        values.put(op.key(), op.value());
        yield Result.ok(op.id(), null);
      }
      case CAS -> {
        if (Objects.equals(values.get(op.key()), op.expect())) {
          values.put(op.key(), op.value());
          yield Result.ok(op.id(), null);
        }
        yield Result.fail(op.id());
      }
      case TXN -> throw new IllegalArgumentException("kv store cannot run a transaction");
    };
  }

  /** Current value of {@code key}, null if never written. */
  public Long get(int key) {
    return values.get(key);
  }

  /** Name of key {@code k} in traces and histories: k1, k2, ... */
  public static String keyName(int k) {
    return "k" + (k + 1);
  }

  /** A client command as an ITF record, e.g. {@code {"id":7,"f":"cas","key":"k1","old":3,"new":7}}. */
  public static Map<String, Object> itf(Op op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", op.id());
    m.put("f", op.f().edn());
    m.put("key", keyName(op.key()));
    switch (op.f()) {
      case WRITE -> m.put("value", op.value());
      case CAS -> {
        m.put("old", op.expect());
        m.put("new", op.value());
      }
      default -> {}
    }
    return m;
  }
}
