package io.synod.conformance.lin;

import io.synod.conformance.history.Event;
import io.synod.conformance.history.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the kind of history that makes linearizability checkers slow: many clients whose
 * operations overlap heavily (latencies drawn from a long-tailed distribution, as over an
 * unreliable network), each operation taking effect at one random instant inside its interval
 * against a correct store, so the history is linearizable by construction; optionally one read
 * in the middle of the history is replaced by a stale value that no order can explain.
 * Deterministic for a seed. Used by tests and benchmarks.
 *
 * <p>Two workloads: {@link #kvAppend} (get / put / append of unique strings on a few keys, as in
 * the key-value store labs that Go checkers are measured on), and {@link #register} (one
 * cas-register, unique written values, many concurrent writes and cas).
 */
public final class HardHistories {
  private HardHistories() {}

  /** One generated operation: who, what, when it was invoked, took effect and returned. */
  private static final class Op {
    final int client;
    long process;
    final int key;
    final String f;
    final Object arg;
    final double invoked;
    final double effect;
    final double returned;
    EventType outcome = EventType.OK;
    Object result;

    Op(int client, int key, String f, Object arg, double invoked, double effect, double returned) {
      this.client = client;
      this.key = key;
      this.f = f;
      this.arg = arg;
      this.invoked = invoked;
      this.effect = effect;
      this.returned = returned;
    }
  }

  /** What each client does next; called in each client's own order. */
  private interface Workload {
    Op next(int client, int seq, SplittableRandom rnd, double invoked, double effect, double returned);
  }

  /**
   * Clients' operation timings. Latency is exponential with mean 1, one operation in ten
   * twenty times slower; think time between a client's operations is short (mean 0.1), so with
   * many clients nearly all of them have an operation outstanding at any moment.
   */
  private static List<Op> schedule(int clients, int ops, long seed, Workload w) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] clock = new double[clients];
    int[] seq = new int[clients];
    List<Op> out = new ArrayList<>(ops);
    for (int i = 0; i < ops; i++) {
      // the client whose clock is earliest invokes next, so all clients progress together
      int c = 0;
      for (int k = 1; k < clients; k++) {
        if (clock[k] < clock[c]) {
          c = k;
        }
      }
      double inv = clock[c] + exp(rnd, 0.1);
      double lat = exp(rnd, 1.0) * (rnd.nextInt(10) == 0 ? 20 : 1);
      double eff = inv + rnd.nextDouble() * lat;
      double ret = inv + lat;
      out.add(w.next(c, seq[c]++, rnd, inv, eff, ret));
      clock[c] = ret;
    }
    return out;
  }

  private static double exp(SplittableRandom rnd, double mean) {
    return -Math.log(1 - rnd.nextDouble()) * mean;
  }

  /**
   * A key-value store of strings: {@code :get}, {@code :put}, {@code :append} on {@code keys}
   * keys, values {@code "x <client> <seq> y"} (unique), gets 45%, appends 45%, puts 10%. Events
   * carry {@code :value [key value]}, keys are strings. Check with {@code --model kv}.
   *
   * @param badRead replace the result of one get in the middle by a stale value
   */
  public static List<Event> kvAppend(int clients, int keys, int ops, boolean badRead, long seed) {
    List<Op> all = schedule(clients, ops, seed, (c, s, rnd, inv, eff, ret) -> {
      int key = rnd.nextInt(keys);
      double r = rnd.nextDouble();
      String v = "x " + c + " " + s + " y";
      return r < 0.45 ? new Op(c, key, "get", null, inv, eff, ret)
          : r < 0.9 ? new Op(c, key, "append", v, inv, eff, ret)
          : new Op(c, key, "put", v, inv, eff, ret);
    });
    Op[] byEffect = all.toArray(new Op[0]);
    Arrays.sort(byEffect, Comparator.comparingDouble(o -> o.effect));
    Map<Integer, String> store = new HashMap<>();
    // per key, the store's successive values and the operations that built each one
    Map<Integer, List<String>> states = new HashMap<>();
    Map<Integer, List<Op>> writers = new HashMap<>();
    for (Op o : byEffect) {
      String cur = store.getOrDefault(o.key, "");
      switch (o.f) {
        case "get" -> o.result = cur;
        case "append" -> store.put(o.key, cur + o.arg);
        default -> store.put(o.key, (String) o.arg);
      }
      if (!o.f.equals("get")) {
        o.result = o.arg;
        states.computeIfAbsent(o.key, k -> new ArrayList<>()).add(store.get(o.key));
        writers.computeIfAbsent(o.key, k -> new ArrayList<>()).add(o);
      }
    }
    if (badRead) {
      plantStaleGet(all, states, writers);
    }
    return events(all, clients, true);
  }

  /**
   * The first get after the middle whose key was changed by an operation X completed before
   * the get began: it now returns a value the key held before X, built only by operations that
   * completed before X began, or the empty string. In every order those operations precede X,
   * X precedes the get, and after X the key never again holds that value (values are unique and
   * only grow until a put of a new unique value), so the history is not linearizable.
   */
  private static void plantStaleGet(List<Op> all, Map<Integer, List<String>> states,
      Map<Integer, List<Op>> writers) {
    for (int i = all.size() / 2; i < all.size(); i++) {
      Op g = all.get(i);
      if (!g.f.equals("get")) {
        continue;
      }
      List<Op> ws = writers.getOrDefault(g.key, List.of());
      Op x = null;
      for (Op w : ws) {
        if (w.returned < g.invoked && (x == null || w.effect > x.effect)) {
          x = w;
        }
      }
      if (x == null) {
        continue;
      }
      String stale = "";
      for (int j = 0; j < ws.size(); j++) {
        boolean allBefore = true;
        for (int k = 0; k <= j; k++) {
          allBefore &= ws.get(k).returned < x.invoked;
        }
        if (!allBefore) {
          break;
        }
        stale = states.get(g.key).get(j);
      }
      g.result = stale;
      return;
    }
    throw new IllegalArgumentException("no get to plant a stale value in; generate more operations");
  }

  /**
   * One cas-register starting at 0: reads 30%, writes 40%, cas 30%, every write and cas
   * writing a new unique value; a cas expects the value the register holds when it is invoked
   * half the time (else the one before), and fails with {@code :fail} if that is not the
   * value when it takes effect. One operation in 500 crashes ({@code
   * :info}, taking effect or not). Check with {@code --model cas-register --init 0}.
   *
   * @param badRead replace the result of one read in the middle by a stale value
   */
  public static List<Event> register(int clients, int ops, boolean badRead, long seed) {
    long[] next = {1};
    List<Op> all = schedule(clients, ops, seed, (c, s, rnd, inv, eff, ret) -> {
      double r = rnd.nextDouble();
      if (r < 0.3) {
        return new Op(c, 0, "read", null, inv, eff, ret);
      }
      if (r < 0.7) {
        return new Op(c, 0, "write", next[0]++, inv, eff, ret);
      }
      // the expected value is fixed at invocation (below), from this draw
      return new Op(c, 0, "cas", new long[] {rnd.nextInt(2), next[0]++}, inv, eff, ret);
    });
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x7A11L);
    // effects in time order, with each cas's expected value read off the register when the
    // cas is invoked (so under contention it often fails)
    List<Stamp> moments = new ArrayList<>();
    for (Op o : all) {
      moments.add(new Stamp(o.effect, o, false));
      if (o.f.equals("cas")) {
        moments.add(new Stamp(o.invoked, o, true));
      }
    }
    moments.sort(Comparator.comparingDouble(Stamp::time));
    long reg = 0;
    long previous = 0;
    List<Op> changers = new ArrayList<>();
    for (Stamp m : moments) {
      Op o = m.op();
      if (m.invoke()) {
        long[] a = (long[]) o.arg;
        a[0] = a[0] == 0 ? reg : previous;
        continue;
      }
      boolean crash = rnd.nextInt(500) == 0;
      switch (o.f) {
        case "read" -> o.result = reg;
        case "write" -> {
          if (!crash || rnd.nextBoolean()) {
            previous = reg;
            reg = (Long) o.arg;
            changers.add(o);
          }
          o.result = o.arg;
        }
        default -> {
          long[] a = (long[]) o.arg;
          o.result = List.of(a[0], a[1]);
          if (a[0] == reg && (!crash || rnd.nextBoolean())) {
            previous = reg;
            reg = a[1];
            changers.add(o);
          } else if (!crash) {
            o.outcome = EventType.FAIL;
          }
        }
      }
      if (crash) {
        o.outcome = EventType.INFO;
      }
    }
    if (badRead) {
      plantStaleRead(all, changers);
    }
    return events(all, clients, false);
  }

  /**
   * The first ok read after the middle that has a W2 (a write or successful cas, completed
   * before the read began) and a W1 completed before W2 began: the read now returns W1's
   * value. Values are unique, so after W2 the register never holds it again.
   */
  private static void plantStaleRead(List<Op> all, List<Op> changers) {
    for (int i = all.size() / 2; i < all.size(); i++) {
      Op r = all.get(i);
      if (!r.f.equals("read") || r.outcome != EventType.OK) {
        continue;
      }
      Op w2 = null;
      for (Op w : changers) {
        if (w.outcome == EventType.OK && w.returned < r.invoked && (w2 == null || w.returned > w2.returned)) {
          w2 = w;
        }
      }
      if (w2 == null) {
        continue;
      }
      Op w1 = null;
      for (Op w : changers) {
        if (w.outcome == EventType.OK && w.returned < w2.invoked && (w1 == null || w.returned > w1.returned)) {
          w1 = w;
        }
      }
      if (w1 == null) {
        continue;
      }
      r.result = written(w1);
      return;
    }
    throw new IllegalArgumentException("no read to plant a stale value in; generate more operations");
  }

  private static long written(Op w) {
    return w.f.equals("write") ? (Long) w.arg : ((long[]) w.arg)[1];
  }

  private record Stamp(double time, Op op, boolean invoke) {}

  private static List<Event> events(List<Op> all, int clients, boolean keyed) {
    List<Stamp> stamps = new ArrayList<>(2 * all.size());
    for (Op o : all) {
      stamps.add(new Stamp(o.invoked, o, true));
      stamps.add(new Stamp(o.returned, o, false));
    }
    stamps.sort(Comparator.comparingDouble(Stamp::time));
    long[] process = new long[clients];
    for (int i = 0; i < clients; i++) {
      process[i] = i;
    }
    List<Event> events = new ArrayList<>(stamps.size());
    for (Stamp s : stamps) {
      Op o = s.op();
      if (s.invoke()) {
        o.process = process[o.client];
        events.add(event(events, o.process, EventType.INVOKE, o.f, value(o, argument(o), keyed)));
      } else {
        Object v = o.outcome == EventType.OK ? o.result : argument(o);
        events.add(event(events, o.process, o.outcome, o.f, value(o, v, keyed)));
        if (o.outcome == EventType.INFO) {
          process[o.client] += clients; // a crashed process never comes back
        }
      }
    }
    return events;
  }

  private static Object argument(Op o) {
    return o.f.equals("cas") ? List.of(((long[]) o.arg)[0], ((long[]) o.arg)[1]) : o.arg;
  }

  private static Object value(Op o, Object v, boolean keyed) {
    return keyed ? Arrays.asList(String.valueOf(o.key), v) : v;
  }

  private static Event event(List<Event> events, long process, EventType type, String f, Object value) {
    int n = events.size();
    return new Event(n, process, type, f, value, null, (long) n, null, n + 1, 1);
  }
}
