package io.synod.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An exact linearizability check for histories of independent registers with read, write
 * and cas, small enough for test histories: for each key a depth-first search over (set of
 * linearized operations, register value), memoized. {@code :fail} operations did not happen;
 * {@code :info} ones may have happened at any point after their invocation, or never.
 */
final class RegisterLinearizability {
  private RegisterLinearizability() {}

  private record Call(long invoke, long ret, Op op, Long read, boolean required) {}

  /** Null if the history is linearizable, else what could not be explained. */
  static String check(List<HistoryEvent> history) {
    Map<Long, Integer> invokedAt = new java.util.HashMap<>();
    Map<Integer, List<Call>> byKey = new TreeMap<>();
    Map<Long, HistoryEvent> invokes = new java.util.HashMap<>();
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent e = history.get(i);
      long id = e.op().id();
      switch (e.type()) {
        case INVOKE -> {
          invokedAt.put(id, i);
          invokes.put(id, e);
        }
        case OK -> add(byKey, new Call(invokedAt.get(id), i, e.op(), e.value(), true));
        case INFO -> {
          if (e.op().f() != Op.Kind.READ) {
            add(byKey, new Call(invokedAt.get(id), Long.MAX_VALUE, e.op(), null, false));
          }
        }
        case FAIL -> {}
        default -> throw new IllegalStateException();
      }
    }
    for (Map.Entry<Integer, List<Call>> k : byKey.entrySet()) {
      String why = checkKey(k.getValue());
      if (why != null) {
        return "key " + KvStore.keyName(k.getKey()) + ": " + why;
      }
    }
    return null;
  }

  private static void add(Map<Integer, List<Call>> byKey, Call c) {
    byKey.computeIfAbsent(c.op().key(), k -> new ArrayList<>()).add(c);
  }

  private static String checkKey(List<Call> all) {
    // Written values are unique, so an :info write or cas whose value nobody ever saw can be
    // left out: linearizing it could only change what later reads return, and none of them
    // returned it. This keeps the search small on faulty runs with many timeouts.
    Set<Long> observed = new HashSet<>();
    for (Call c : all) {
      if (c.op().f() == Op.Kind.READ && c.read() != null) {
        observed.add(c.read());
      } else if (c.op().f() == Op.Kind.CAS) {
        observed.add(c.op().expect());
      }
    }
    List<Call> calls = new ArrayList<>();
    for (Call c : all) {
      if (c.required() || observed.contains(c.op().value())) {
        calls.add(c);
      }
    }
    if (calls.isEmpty()) {
      return null;
    }
    calls.sort((a, b) -> Long.compare(a.invoke(), b.invoke()));
    int n = calls.size();
    int required = 0;
    for (Call c : calls) {
      if (c.required()) {
        required++;
      }
    }
    Search s = new Search(calls.toArray(new Call[0]), required);
    if (s.dfs(new long[(n + 63) / 64], null, 0)) {
      return null;
    }
    Call stuck = calls.get(Math.min(s.deepest, n - 1));
    return "no linearization of " + n + " operations; the search got " + s.deepest
        + " deep; explored " + s.seen.size() + " states; e.g. around op " + stuck.op()
        + " read=" + stuck.read();
  }

  private static final class Search {
    final Call[] calls;
    final int required;
    final Set<State> seen = new HashSet<>();
    int deepest;

    Search(Call[] calls, int required) {
      this.calls = calls;
      this.required = required;
    }

    private record State(long[] done, Long value) {
      @Override
      public boolean equals(Object o) {
        return o instanceof State s && Arrays.equals(done, s.done) && Objects.equals(value, s.value);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(done) * 31 + Objects.hashCode(value);
      }
    }

    boolean dfs(long[] done, Long value, int doneRequired) {
      if (doneRequired == required) {
        return true;
      }
      if (!seen.add(new State(done.clone(), value))) {
        return false;
      }
      deepest = Math.max(deepest, doneRequired);
      long minRet = Long.MAX_VALUE;
      for (int i = 0; i < calls.length; i++) {
        if (!isDone(done, i)) {
          minRet = Math.min(minRet, calls[i].ret());
        }
      }
      // Operations that completed first: an open-ended :info one rarely has to go early,
      // and trying it late keeps the search short on valid histories.
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < calls.length && calls[i].invoke() < minRet; i++) {
          if (isDone(done, i) || calls[i].required() != (pass == 0)) {
            continue;
          }
          Long next = effect(calls[i], value);
          if (next == NO) {
            continue;
          }
          done[i >> 6] |= 1L << i;
          boolean ok = dfs(done, next, doneRequired + (calls[i].required() ? 1 : 0));
          done[i >> 6] &= ~(1L << i);
          if (ok) {
            return true;
          }
        }
      }
      return false;
    }

    /** Marks an operation that cannot take effect in the current state. */
    private static final Long NO = Long.valueOf(Long.MIN_VALUE);

    /** The register value after {@code c}, or {@link #NO} if {@code c} cannot happen now. */
    private static Long effect(Call c, Long value) {
      switch (c.op().f()) {
        case READ -> {
          return Objects.equals(value, c.read()) ? value : NO;
        }
        case WRITE -> {
          return c.op().value();
        }
        case CAS -> {
          return Objects.equals(value, c.op().expect()) ? Long.valueOf(c.op().value()) : NO;
        }
        default -> throw new IllegalStateException();
      }
    }

    private static boolean isDone(long[] done, int i) {
      return (done[i >> 6] & (1L << i)) != 0;
    }
  }
}
