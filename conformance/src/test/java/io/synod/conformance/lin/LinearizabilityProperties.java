package io.synod.conformance.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.history.Event;
import io.synod.conformance.history.EventType;
import io.synod.conformance.history.History;
import io.synod.conformance.history.OperationPairer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LinearizabilityProperties {

  private static final Model<?> CAS = Models.create("cas-register", null, false, false);

  /**
   * A random small history: up to four processes invoking reads, writes and cas of small values
   * and completing them at random (ok with a random result, fail, info, or never), so that both
   * verdicts occur.
   */
  static History randomHistory(long seed, int maxOps) {
    Random rnd = new Random(seed);
    int procs = 1 + rnd.nextInt(4);
    long[] process = new long[procs];
    String[] pending = new String[procs];
    Object[] arg = new Object[procs];
    for (int i = 0; i < procs; i++) {
      process[i] = i;
    }
    List<Event> events = new ArrayList<>();
    int invoked = 0;
    int steps = 0;
    while (steps++ < 40) {
      int p = rnd.nextInt(procs);
      if (pending[p] == null) {
        if (invoked == maxOps) {
          continue;
        }
        invoked++;
        int k = rnd.nextInt(3);
        pending[p] = k == 0 ? "read" : k == 1 ? "write" : "cas";
        arg[p] = k == 0 ? null : k == 1 ? (Object) (long) rnd.nextInt(3)
            : List.of((long) rnd.nextInt(3), (long) rnd.nextInt(3));
        events.add(event(events, process[p], EventType.INVOKE, pending[p], arg[p]));
      } else {
        int t = rnd.nextInt(10);
        EventType type = t < 7 ? EventType.OK : t < 8 ? EventType.FAIL : EventType.INFO;
        Object value = arg[p];
        if (pending[p].equals("read") && type == EventType.OK) {
          int v = rnd.nextInt(4);
          value = v == 3 ? null : (Object) (long) v;
        }
        events.add(event(events, process[p], type, pending[p], value));
        pending[p] = null;
        if (type == EventType.INFO) {
          process[p] += procs;
        }
      }
    }
    return new OperationPairer().pair("random-" + seed, events);
  }

  private static Event event(List<Event> events, long process, EventType type, String f, Object value) {
    int n = events.size();
    return new Event(n, process, type, f, value, null, null, null, n + 1, 1);
  }

  private static LinResult check(History h, Consistency level) {
    return new LinChecker(LinOptions.defaults().withConsistency(level).withThreads(1).withIndependent(false)).check(h, CAS);
  }

  /** Independent keys detected from the values, as the command line does by default. */
  private static LinResult checkDetectingKeys(History h) {
    return new LinChecker(LinOptions.defaults().withThreads(2)).check(h, CAS);
  }

  @Property(tries = 400)
  void agreesWithBruteForceOnLinearizability(@ForAll long seed) {
    History h = randomHistory(seed, 6);
    LinResult r = check(h, Consistency.LINEARIZABLE);
    boolean expected = BruteForce.check(h.operations(), Consistency.LINEARIZABLE, null);
    assertEquals(expected ? Verdict.VALID : Verdict.INVALID, r.verdict(), "seed " + seed);
    if (expected) {
      var witness = r.partitions().get(0).witness();
      assertTrue(BruteForce.respectsOrder(witness, Consistency.LINEARIZABLE), "witness order");
      assertTrue(BruteForce.accepts(witness, null), "witness accepted by the register");
      assertTrue(witness.containsAll(h.operations().stream().filter(o -> o.ok()).toList()),
          "witness holds every completed op");
    }
  }

  @Property(tries = 300)
  void agreesWithBruteForceOnSequentialConsistency(@ForAll long seed) {
    History h = randomHistory(seed, 6);
    boolean expected = BruteForce.check(h.operations(), Consistency.SEQUENTIAL, null);
    assertEquals(expected ? Verdict.VALID : Verdict.INVALID, check(h, Consistency.SEQUENTIAL).verdict(),
        "seed " + seed);
  }

  @Property(tries = 100)
  void simulatedCorrectStoresAreLinearizable(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int clients,
      @ForAll @IntRange(min = 1, max = 3) int keys) {
    var cfg = new HistorySimulator.Config(150, clients, keys, 0.05, 0.05, 0.4, seed);
    History h = new OperationPairer().pair("sim", HistorySimulator.simulate(cfg));
    LinResult r = checkDetectingKeys(h);
    assertEquals(Verdict.VALID, r.verdict(), "seed " + seed);
    assertEquals(keys == 1 ? 1 : new java.util.HashSet<>(h.operations().stream()
        .map(o -> ((List<?>) o.value()).get(0)).toList()).size(), r.partitionCount());
  }

  @Property(tries = 100)
  void aPlantedStaleReadIsCaught(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int clients) {
    var cfg = new HistorySimulator.Config(120, clients, 1, 0.02, 0.02, 0.5, seed);
    List<Event> events = new ArrayList<>(HistorySimulator.simulate(cfg));
    Assume.that(StaleRead.plant(events));
    History h = new OperationPairer().pair("stale", events);
    assertEquals(Verdict.INVALID, check(h, Consistency.LINEARIZABLE).verdict(), "seed " + seed);
  }

  /**
   * Histories with unique written values, many overlapping clients, crashes: the shortcuts of
   * the verdict's search (unread writes set aside, hopeless reads) change no verdict, and a
   * planted stale read is always caught.
   */
  @Property(tries = 150)
  void shortcutsKeepTheVerdictOnHardHistories(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int clients,
      @ForAll @IntRange(min = 12, max = 60) int ops, @ForAll boolean kv, @ForAll boolean plant) {
    List<Event> events;
    try {
      events = kv ? HardHistories.kvAppend(clients, 2, ops, plant, seed)
          : HardHistories.register(clients, ops, plant, seed);
    } catch (IllegalArgumentException tooShortToPlant) {
      Assume.that(false);
      return;
    }
    History h = new OperationPairer().pair("hard", events);
    Model<?> model = kv ? Models.create("kv", null, false, false) : Models.create("cas-register", 0L, true, false);
    LinOptions o = LinOptions.defaults().withThreads(1);
    Verdict expected = plant ? Verdict.INVALID : Verdict.VALID;
    assertEquals(expected, new LinChecker(o).check(h, model).verdict(), "seed " + seed);
    // --final-states searches without the shortcuts
    assertEquals(expected, new LinChecker(o.withFinalStates(true)).check(h, model).verdict(), "seed " + seed);
  }

  /** The same generator, small enough for the brute-force checker. */
  @Property(tries = 200)
  void agreesWithBruteForceOnUniqueValueRegisters(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int clients,
      @ForAll @IntRange(min = 1, max = 7) int ops) {
    History h = new OperationPairer().pair("hard", HardHistories.register(clients, ops, false, seed));
    boolean expected = BruteForce.check(h.operations(), Consistency.LINEARIZABLE, 0L);
    LinResult r = new LinChecker(LinOptions.defaults().withThreads(1).withIndependent(false))
        .check(h, Models.create("cas-register", 0L, true, false));
    assertEquals(expected ? Verdict.VALID : Verdict.INVALID, r.verdict(), "seed " + seed);
    if (expected) {
      var witness = r.partitions().get(0).witness();
      assertTrue(BruteForce.respectsOrder(witness, Consistency.LINEARIZABLE), "witness order");
      assertTrue(BruteForce.accepts(witness, 0L), "witness accepted by the register");
    }
  }
}
