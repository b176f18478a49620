package io.synod.sim.record;

import java.util.List;
import java.util.Map;

/**
 * Values in the Informal Trace Format (ITF) encoding used by trace events: integers are
 * JSON numbers, strings are strings, {@link java.util.Map Map&lt;String, ?&gt;} is a record
 * (JSON object, insertion order kept), and the wrappers below give sets, tuples/sequences and
 * functions.
 */
public final class Itf {
  private Itf() {}

  /** A TLA+ set, written {@code {"#set": [...]}}; elements are written in the given order. */
  public record Set(List<?> elems) {}

  /** A TLA+ tuple or sequence, written {@code {"#tup": [...]}}. */
  public record Tup(List<?> elems) {}

  /** A TLA+ function, written {@code {"#map": [[k, v], ...]}}. */
  public record Fn(List<Map.Entry<?, ?>> pairs) {}

  public static Set set(List<?> elems) {
    return new Set(elems);
  }

  public static Tup tup(List<?> elems) {
    return new Tup(elems);
  }

  /** The set of names of the nodes whose bits are set in {@code mask}, in index order. */
  public static Set nodeSet(long mask, java.util.function.IntFunction<String> name) {
    java.util.List<Object> l = new java.util.ArrayList<>();
    for (int i = 0; i < 64; i++) {
      if ((mask & (1L << i)) != 0) {
        l.add(name.apply(i));
      }
    }
    return set(l);
  }
}
