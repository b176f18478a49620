package io.synod.checker.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.SpillMode;
import io.synod.checker.engine.spill.SpillContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph several search workers record: each state's edges, whoever admitted which state. */
class BehaviorGraphTest {

  @Test
  void statesAndEdgesRecordedByDifferentWorkersMeetInOneGraph() {
    BehaviorGraph g = new BehaviorGraph(true);
    BehaviorGraph.Recorder w0 = g.recorder();
    BehaviorGraph.Recorder w1 = g.recorder();
    g.initialState(10);
    w0.node(10, 1);
    w0.expansion(10, 0);
    w0.edge(20, 5);
    w0.edge(30, 6);
    // worker 1 admitted 20, worker 0 admitted 30; worker 1 expands 30, worker 0 expands 20
    w1.node(20, 2);
    w0.node(30, 3);
    w1.expansion(30, 9);
    w1.edge(10, 7);
    w0.expansion(20, 8);
    w0.edge(20, 0);
    g.freeze();
    assertEquals(3, g.size());
    assertArrayEquals(new int[] {g.index(10)}, g.initialStates());
    assertEquals(List.of(20L, 30L), targets(g, 10));
    assertEquals(List.of(20L), targets(g, 20));
    assertEquals(List.of(10L), targets(g, 30));
    int s30 = g.index(30);
    assertEquals(3, g.stateBits(s30));
    assertEquals(9, g.stutterBits(s30));
    assertEquals(7, g.actionBits(g.edgeStart(s30)));
    assertEquals(-1, g.index(40));
  }

  @Test
  void manyStatesSpanSeveralChunks() {
    BehaviorGraph g = new BehaviorGraph(false);
    BehaviorGraph.Recorder r = g.recorder();
    int n = 100_000;
    g.initialState(1);
    for (int i = 1; i <= n; i++) {
      r.node(i, i & 7);
    }
    for (int i = 1; i <= n; i++) {
      r.expansion(i, 0);
      r.edge(i % n + 1, 0);
    }
    g.freeze();
    assertEquals(n, g.size());
    for (int i = 1; i <= n; i += 997) {
      int s = g.index(i);
      assertEquals(i & 7, g.stateBits(s));
      assertEquals(List.of((long) (i % n + 1)), targets(g, i));
    }
  }

  @TempDir
  Path meta;

  /** Records one random graph of two workers into {@code g} (the same graph for the same seed). */
  private static void recordRandom(BehaviorGraph g, long seed, int n) {
    Random rnd = new Random(seed);
    BehaviorGraph.Recorder[] w = {g.recorder(), g.recorder()};
    g.initialState(1);
    g.initialState(2);
    for (int i = 1; i <= n; i++) {
      w[i % 2].node(i, rnd.nextLong() & 0xff);
    }
    for (int i = 1; i <= n; i++) {
      BehaviorGraph.Recorder r = w[(i / 7) % 2];
      r.expansion(i, rnd.nextLong() & 0xf, rnd.nextLong() & 0x3);
      int k = rnd.nextInt(5);
      for (int j = 0; j < k; j++) {
        r.edge(1 + rnd.nextInt(n), rnd.nextLong() & 0x3);
      }
    }
  }

  @Test
  void aGraphOnDiskIsTheGraphInMemory() throws Exception {
    int n = 20_000;
    BehaviorGraph mem = new BehaviorGraph(true);
    recordRandom(mem, 42, n);
    mem.freeze();
    try (SpillContext spill = SpillContext.create(SpillMode.ALWAYS, 0, meta)) {
      BehaviorGraph disk = new BehaviorGraph(true, spill);
      recordRandom(disk, 42, n);
      disk.freeze();
      assertTrue(disk.onDisk(), "a forced spill keeps the edges in mapped files");
      assertFalse(mem.onDisk());
      assertTrue(spill.bytesSpilled() > (long) n * 16, "recorded chunks went to disk");
      assertSameGraph(mem, disk);
      // the same counterexample from either graph: []<> of state atom 0 under []<> of action 0
      LiveExpr fair = Graphs.always(Graphs.eventually(Graphs.action(0)));
      LiveExpr prop = Graphs.always(Graphs.eventually(Graphs.state(0)));
      LivenessChecker.Lasso a = Graphs.counterexample(mem, fair, prop);
      LivenessChecker.Lasso b = Graphs.counterexample(disk, fair, prop);
      assertEquals(a == null, b == null);
      if (a != null) {
        assertArrayEquals(a.states(), b.states());
        assertEquals(a.loop(), b.loop());
        assertArrayEquals(a.stepBits(), b.stepBits());
      }
    }
    try (Stream<Path> left = Files.list(meta)) {
      assertEquals(List.of(), left.toList(), "spill files left behind");
    }
  }

  @Test
  void freezingOnSeveralThreadsBuildsTheSameGraph() throws Exception {
    // enough edges (about 2 per state) for the passes over the recordings to use the threads
    int n = 150_000;
    BehaviorGraph one = new BehaviorGraph(true);
    recordRandom(one, 7, n);
    one.freeze(1);
    BehaviorGraph two = new BehaviorGraph(true);
    recordRandom(two, 7, n);
    two.freeze(2);
    assertSameGraph(one, two);
    try (SpillContext spill = SpillContext.create(SpillMode.ALWAYS, 0, meta)) {
      BehaviorGraph disk = new BehaviorGraph(true, spill);
      recordRandom(disk, 7, n);
      disk.freeze(2);
      assertTrue(disk.onDisk());
      assertSameGraph(one, disk);
    }
  }

  /**
   * Records {@code n} states and their expansions (an edge to the next state, one back to the
   * first) into {@code g}, running {@code between} after the states, before the expansions.
   */
  private static void recordChain(BehaviorGraph g, int n, Runnable between) {
    BehaviorGraph.Recorder r = g.recorder();
    g.initialState(1);
    for (int i = 1; i <= n; i++) {
      r.node(i, i & 7);
    }
    between.run();
    for (int i = 1; i <= n; i++) {
      r.expansion(i, i & 0x30, i & 3);
      r.edge(i % n + 1, i & 0xf);
      r.edge(1, 0);
    }
  }

  /**
   * The recording of which only the states ({@code statesSpill}) or only the edges spilled, with
   * spilling left to the governor (not forced), freezes to the graph recorded on the heap, with
   * its edges in mapped files: whether the recording spilled is read before the freezing frees
   * the recorded states, which forgets that they spilled.
   */
  private void onlyPartOfTheRecordingSpilled(boolean statesSpill) throws Exception {
    int n = 40_000;
    BehaviorGraph mem = new BehaviorGraph(true);
    recordChain(mem, n, () -> {});
    mem.freeze();
    // while the governor counts this much more graph than there is, it says memory is short
    long pretend = Long.MAX_VALUE / 4;
    try (SpillContext spill = SpillContext.create(SpillMode.AUTO, 0, meta)) {
      BehaviorGraph g = new BehaviorGraph(true, spill);
      if (statesSpill) {
        spill.governor().graphed(pretend);
      }
      recordChain(g, n, () -> {
        assertEquals(statesSpill, spill.bytesSpilled() > 0, "the states spilled");
        spill.governor().graphed(statesSpill ? -pretend : pretend);
      });
      if (!statesSpill) {
        assertTrue(spill.bytesSpilled() > 0, "the edges spilled");
        spill.governor().graphed(-pretend);
      }
      assertFalse(spill.governor().forced());
      assertFalse(spill.governor().spillGraph(), "only the recording says that memory was short");
      g.freeze();
      assertTrue(g.onDisk(), "the edges of a recording that spilled go to disk");
      assertTrue(Files.exists(spill.directory().resolve("graph-targets")), "the mapped targets");
      assertSameGraph(mem, g);
    }
  }

  /**
   * A random graph of states 1..n (a few initial ones, 0 to 5 successors each) explored
   * breadth-first as the search does with {@code workers} workers: each level's queue is cut
   * into claims of random length handed to random workers, the claims' states are expanded in a
   * random interleaving, a state is admitted (recorded as a node) by the worker that meets it
   * first, and the next level's queue is the workers' admissions, worker after worker. One
   * worker records in plain breadth-first order.
   */
  private static void recordSearch(BehaviorGraph g, long graphSeed, long timingSeed, int n,
      int workers) {
    Random shape = new Random(graphSeed);
    long[][] succ = new long[n + 1][];
    long[] bits = new long[n + 1];
    for (int i = 1; i <= n; i++) {
      succ[i] = new long[shape.nextInt(6)];
      for (int j = 0; j < succ[i].length; j++) {
        succ[i][j] = 1 + shape.nextInt(n);
      }
      bits[i] = shape.nextLong();
    }
    Random timing = new Random(timingSeed);
    BehaviorGraph.Recorder[] w = new BehaviorGraph.Recorder[workers];
    for (int i = 0; i < workers; i++) {
      w[i] = g.recorder();
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    List<Long> level = new ArrayList<>();
    for (long init : new long[] {3, 1, 3, 2}) {
      g.initialState(init);
      if (seen.add(init)) {
        w[0].node(init, bits[(int) init]);
        level.add(init);
      }
    }
    while (!level.isEmpty()) {
      // the claims of each worker, in claim order
      List<List<Long>> todo = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        todo.add(new ArrayList<>());
      }
      for (int at = 0; at < level.size(); ) {
        int len = 1 + timing.nextInt(16);
        todo.get(timing.nextInt(workers)).addAll(level.subList(at, Math.min(level.size(),
            at + len)));
        at += len;
      }
      List<List<Long>> admitted = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        admitted.add(new ArrayList<>());
      }
      while (todo.stream().anyMatch(l -> !l.isEmpty())) {
        int i = timing.nextInt(workers);
        if (todo.get(i).isEmpty()) {
          continue;
        }
        long s = todo.get(i).remove(0);
        for (long t : succ[(int) s]) {
          if (seen.add(t)) {
            w[i].node(t, bits[(int) t]);
            admitted.get(i).add(t);
          }
        }
        w[i].expansion(s, bits[(int) s] & 0xf, bits[(int) s] >>> 60);
        for (long t : succ[(int) s]) {
          w[i].edge(t, t * 31 + s);
        }
      }
      level = new ArrayList<>();
      for (List<Long> a : admitted) {
        level.addAll(a);
      }
    }
  }

  @Test
  void aRecordingWhoseStatesAloneSpilledFreezesToEdgesOnDisk() throws Exception {
    onlyPartOfTheRecordingSpilled(true);
  }

  @Test
  void aRecordingWhoseEdgesAloneSpilledFreezesToEdgesOnDisk() throws Exception {
    onlyPartOfTheRecordingSpilled(false);
  }

  @Test
  void severalWorkersGiveTheGraphOfOneWhateverTheTiming() throws Exception {
    int n = 3_000;
    for (long graph = 1; graph <= 3; graph++) {
      BehaviorGraph one = new BehaviorGraph(true);
      recordSearch(one, graph, 0, n, 1);
      one.freeze();
      for (int workers = 2; workers <= 4; workers++) {
        for (long timing = 1; timing <= 3; timing++) {
          BehaviorGraph several = new BehaviorGraph(true);
          recordSearch(several, graph, timing, n, workers);
          several.freeze(workers);
          assertSameGraph(one, several);
        }
      }
      try (SpillContext spill = SpillContext.create(SpillMode.ALWAYS, 0, meta)) {
        BehaviorGraph disk = new BehaviorGraph(true, spill);
        recordSearch(disk, graph, 9, n, 3);
        disk.freeze(3);
        assertTrue(disk.onDisk());
        assertSameGraph(one, disk);
      }
    }
  }

  @Test
  void aGraphLeftInRecordingOrderHoldsTheSameGraphAndRenumbersWhenAsked() throws Exception {
    int n = 2_000;
    BehaviorGraph one = new BehaviorGraph(true);
    recordSearch(one, 7, 0, n, 1);
    one.freeze(1, false);
    // one recorder's order is one worker's order: nothing to renumber
    assertTrue(one.numberedAsOneWorker());
    for (int workers = 2; workers <= 3; workers++) {
      for (long timing = 1; timing <= 3; timing++) {
        BehaviorGraph several = new BehaviorGraph(true);
        recordSearch(several, 7, timing, n, workers);
        several.freeze(workers, false);
        assertFalse(several.numberedAsOneWorker());
        assertSameContents(one, several);
        several.numberAsOneWorker();
        assertTrue(several.numberedAsOneWorker());
        assertSameGraph(one, several);
        several.numberAsOneWorker();
        assertSameGraph(one, several);
      }
    }
    try (SpillContext spill = SpillContext.create(SpillMode.ALWAYS, 0, meta)) {
      BehaviorGraph disk = new BehaviorGraph(true, spill);
      recordSearch(disk, 7, 5, n, 2);
      disk.freeze(2, false);
      assertTrue(disk.onDisk());
      assertSameContents(one, disk);
      disk.numberAsOneWorker();
      assertSameGraph(one, disk);
    }
  }

  /**
   * Asserts that {@code b} is {@code a} up to the numbering: per fingerprint the same bits and
   * the same edges (target fingerprints and action bits) in the same order, and the same
   * initial states in the same order.
   */
  static void assertSameContents(BehaviorGraph a, BehaviorGraph b) {
    assertEquals(a.size(), b.size());
    assertEquals(Arrays.stream(a.initialStates()).mapToObj(a::fingerprint).toList(),
        Arrays.stream(b.initialStates()).mapToObj(b::fingerprint).toList());
    for (int s = 0; s < a.size(); s++) {
      long fp = a.fingerprint(s);
      int t = b.index(fp);
      assertTrue(t >= 0, "state " + fp + " is missing");
      assertEquals(a.stateBits(s), b.stateBits(t));
      assertEquals(a.stutterBits(s), b.stutterBits(t));
      assertEquals(edges(a, s), edges(b, t), "edges of " + fp);
    }
  }

  private static List<String> edges(BehaviorGraph g, int s) {
    List<String> out = new ArrayList<>();
    for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
      out.add(g.fingerprint(g.target(e)) + "/" + g.actionBits(e));
    }
    return out;
  }

  @Test
  void statesNoEdgeReachesFollowInRecordingOrder() {
    BehaviorGraph g = new BehaviorGraph(false);
    BehaviorGraph.Recorder w0 = g.recorder();
    BehaviorGraph.Recorder w1 = g.recorder();
    g.initialState(10);
    w1.node(50, 0);
    w0.node(10, 0);
    w1.node(40, 0);
    w0.node(30, 0);
    w1.expansion(40, 0);
    w1.edge(30, 0);
    w0.expansion(10, 0);
    w0.edge(20, 0);
    w1.node(20, 0);
    g.freeze();
    // 10 and its successor 20; then the states no edge from them reaches (none after a
    // complete search) in recording order: worker 0's 30, worker 1's 50 and 40
    List<Long> order = new ArrayList<>();
    for (int s = 0; s < g.size(); s++) {
      order.add(g.fingerprint(s));
    }
    assertEquals(List.of(10L, 20L, 30L, 50L, 40L), order);
    assertEquals(List.of(30L), targets(g, 40));
    assertArrayEquals(new int[] {0}, g.initialStates());
  }

  /** Asserts that {@code b} is {@code a}: the same states, numbering, bits and edges. */
  static void assertSameGraph(BehaviorGraph a, BehaviorGraph b) {
    int n = a.size();
    assertEquals(n, b.size());
    assertArrayEquals(a.initialStates(), b.initialStates());
    for (int s = 0; s < n; s++) {
      assertEquals(a.fingerprint(s), b.fingerprint(s));
      assertEquals(a.stateBits(s), b.stateBits(s));
      assertEquals(a.stutterBits(s), b.stutterBits(s));
      assertEquals(a.edgeStart(s), b.edgeStart(s));
      assertEquals(a.edgeEnd(s), b.edgeEnd(s));
    }
    for (int e = 0; n > 0 && e < a.edgeEnd(n - 1); e++) {
      assertEquals(a.target(e), b.target(e));
      assertEquals(a.actionBits(e), b.actionBits(e));
    }
  }

  private static List<Long> targets(BehaviorGraph g, long fp) {
    int s = g.index(fp);
    List<Long> out = new ArrayList<>();
    for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
      out.add(g.fingerprint(g.target(e)));
    }
    return out;
  }
}
