package io.synod.conformance.lin;

import io.synod.conformance.history.Event;
import io.synod.conformance.history.EventType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates histories by running clients concurrently against a correct (atomic) cas-register
 * store: each operation takes effect at one instant between its invocation and completion, so
 * the result is linearizable by construction. Clients crash ({@code :info}, possibly after
 * taking effect; the process is then replaced by a new one, as Jepsen does) and fail ({@code
 * :fail}, without effect; a cas whose expected value does not match also fails). Every write
 * and cas writes a value never written before, which makes stale reads easy to plant. Used by
 * tests and benchmarks; deterministic for a seed.
 */
public final class HistorySimulator {

  /**
   * @param ops operations to invoke in all
   * @param clients concurrent client processes
   * @param keys independent keys; with more than one every value is {@code [key value]}
   * @param crash probability that an operation ends in {@code :info}
   * @param fail probability that an operation fails without effect
   * @param reads fraction of reads; the rest are split between writes and cas
   * @param seed random seed
   */
  public record Config(int ops, int clients, int keys, double crash, double fail, double reads, long seed) {}

  private HistorySimulator() {}

  private enum Phase { IDLE, INVOKED, APPLIED }

  /** The events of one simulated run, in the order they happened. */
  public static List<Event> simulate(Config c) {
    SplittableRandom rnd = new SplittableRandom(c.seed());
    long[] process = new long[c.clients()];
    Phase[] phase = new Phase[c.clients()];
    String[] f = new String[c.clients()];
    Object[] arg = new Object[c.clients()];
    Object[] result = new Object[c.clients()];
    int[] key = new int[c.clients()];
    for (int i = 0; i < c.clients(); i++) {
      process[i] = i;
      phase[i] = Phase.IDLE;
    }
    Map<Integer, Long> store = new HashMap<>();
    long nextValue = 1;
    int invoked = 0;
    int busy = 0;
    List<Event> events = new ArrayList<>();
    while (invoked < c.ops() || busy > 0) {
      int i = rnd.nextInt(c.clients());
      switch (phase[i]) {
        case IDLE -> {
          if (invoked == c.ops()) {
            continue;
          }
          invoked++;
          busy++;
          key[i] = rnd.nextInt(c.keys());
          double r = rnd.nextDouble();
          if (r < c.reads()) {
            f[i] = "read";
            arg[i] = null;
          } else if (r < c.reads() + (1 - c.reads()) / 2) {
            f[i] = "write";
            arg[i] = nextValue++;
          } else {
            f[i] = "cas";
            Long current = store.get(key[i]);
            long expected = rnd.nextInt(3) == 0 || current == null ? nextValue - 1 - rnd.nextInt(2) : current;
            arg[i] = List.of(expected, nextValue++);
          }
          events.add(event(events, process[i], EventType.INVOKE, f[i], wrap(c, key[i], arg[i])));
          phase[i] = Phase.INVOKED;
        }
        case INVOKED -> {
          double r = rnd.nextDouble();
          if (r < c.fail()) {
            finish(events, c, i, process, phase, EventType.FAIL, f, key, arg[i]);
            busy--;
          } else if (r < c.fail() + c.crash() / 2) {
            finish(events, c, i, process, phase, EventType.INFO, f, key, arg[i]);
            busy--;
          } else {
            Long current = store.get(key[i]);
            switch (f[i]) {
              case "read" -> result[i] = current;
              case "write" -> {
                store.put(key[i], (Long) arg[i]);
                result[i] = arg[i];
              }
              default -> {
                List<?> cas = (List<?>) arg[i];
                if (cas.get(0).equals(current)) {
                  store.put(key[i], (Long) cas.get(1));
                  result[i] = arg[i];
                } else {
                  result[i] = null; // did not take effect: the completion will be :fail
                }
              }
            }
            phase[i] = Phase.APPLIED;
          }
        }
        case APPLIED -> {
          busy--;
          if (rnd.nextDouble() < c.crash() / 2) {
            finish(events, c, i, process, phase, EventType.INFO, f, key, arg[i]);
          } else if (f[i].equals("cas") && result[i] == null) {
            finish(events, c, i, process, phase, EventType.FAIL, f, key, arg[i]);
          } else {
            finish(events, c, i, process, phase, EventType.OK, f, key, result[i]);
          }
        }
      }
    }
    return events;
  }

  private static void finish(List<Event> events, Config c, int i, long[] process, Phase[] phase,
      EventType type, String[] f, int[] key, Object value) {
    events.add(event(events, process[i], type, f[i], wrap(c, key[i], value)));
    phase[i] = Phase.IDLE;
    if (type == EventType.INFO) {
      process[i] += c.clients(); // a crashed process never comes back
    }
  }

  private static Object wrap(Config c, int key, Object v) {
    return c.keys() > 1 ? java.util.Arrays.asList((long) key, v) : v;
  }

  private static Event event(List<Event> events, long process, EventType type, String f, Object value) {
    int n = events.size();
    return new Event(n, process, type, f, value, null, (long) n, null, n + 1, 1);
  }

  /** The events as Jepsen EDN, one op map per line. */
  public static String toEdn(List<Event> events) {
    StringBuilder sb = new StringBuilder(events.size() * 64);
    for (Event e : events) {
      sb.append(e.toEdn()).append('\n');
    }
    return sb.toString();
  }
}
