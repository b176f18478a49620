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

  @Test
  void aRecordingWhoseStatesAloneSpilledFreezesToEdgesOnDisk() throws Exception {
    onlyPartOfTheRecordingSpilled(true);
  }

  @Test
  void aRecordingWhoseEdgesAloneSpilledFreezesToEdgesOnDisk() throws Exception {
    onlyPartOfTheRecordingSpilled(false);
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
