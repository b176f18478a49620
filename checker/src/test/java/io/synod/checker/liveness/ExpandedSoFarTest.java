package io.synod.checker.liveness;

import static io.synod.checker.liveness.Graphs.action;
import static io.synod.checker.liveness.Graphs.always;
import static io.synod.checker.liveness.Graphs.eventually;
import static io.synod.checker.liveness.Graphs.not;
import static io.synod.checker.liveness.Graphs.or;
import static io.synod.checker.liveness.Graphs.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.SpillMode;
import io.synod.checker.engine.spill.SpillContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph a check of the graph explored so far sees ({@link BehaviorGraph#expandedSoFar}): the
 * expanded states only, the recording untouched and going on.
 */
class ExpandedSoFarTest {
  /** State atom 0: the goal; 1: ENABLED of the step (decided at the expansion). Action atom 2: the step. */
  private static final LiveExpr GOAL = state(0);

  private static final LiveExpr WEAKLY_FAIR = always(eventually(or(not(state(1)), action(2))));

  @TempDir
  Path meta;

  /** The fingerprints of the targets of state {@code fp}'s edges. */
  private static Set<Long> successors(BehaviorGraph g, long fp) {
    Set<Long> out = new TreeSet<>();
    int s = g.index(fp);
    for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
      out.add(g.fingerprint(g.target(e)));
    }
    return out;
  }

  @Test
  void onlyExpandedStatesAndTheEdgesBetweenThemAreKeptAndTheRecordingGoesOn() {
    BehaviorGraph g = new BehaviorGraph(true);
    BehaviorGraph.Recorder w0 = g.recorder();
    BehaviorGraph.Recorder w1 = g.recorder();
    g.initialState(10);
    g.initialState(40);
    w0.node(10, 1);
    w0.node(40, 4);
    w0.expansion(10, 16, 5);
    w0.edge(20, 6);
    w0.edge(30, 7);
    w1.node(20, 2);
    w0.node(30, 3);
    w1.expansion(20, 0, 8);
    w1.edge(10, 9);
    w1.edge(30, 11);

    BehaviorGraph so = g.expandedSoFar(null);
    assertEquals(2, so.size());
    assertEquals(-1, so.index(30));
    assertEquals(-1, so.index(40));
    assertArrayEquals(new int[] {so.index(10)}, so.initialStates());
    assertEquals(Set.of(20L), successors(so, 10));
    assertEquals(Set.of(10L), successors(so, 20));
    int s10 = so.index(10);
    assertEquals(1 | 16, so.stateBits(s10));
    assertEquals(5, so.stutterBits(s10));
    assertEquals(6, so.actionBits(so.edgeStart(s10)));

    // the workers go on with their next expansions: nothing recorded was cut
    w0.expansion(30, 0, 13);
    w0.edge(40, 12);
    w1.expansion(40, 0, 14);
    g.freeze();
    assertEquals(4, g.size());
    assertEquals(Set.of(10L, 30L), successors(g, 20));
    assertEquals(Set.of(40L), successors(g, 30));
    assertEquals(2, g.initialStates().length);
  }

  /**
   * A chain 1 -> 2 -> 3 -> goal, each step weakly fair; the search has expanded 1 and 2 and
   * admitted 3. Every fair behaviour reaches the goal. Admitting 3 would let a behaviour stutter
   * there forever: with no atoms decided at its expansion, its step looks disabled, so the
   * stuttering looks fair, and a counterexample that is none would be reported.
   */
  /**
   * The chain's first steps as the search records them: 1 and 2 expanded (their step enabled
   * and taken), 3 admitted.
   */
  private static BehaviorGraph.Recorder chainSoFar(BehaviorGraph g) {
    BehaviorGraph.Recorder r = g.recorder();
    g.initialState(1);
    r.node(1, 0);
    r.expansion(1, 2, 0);
    r.edge(2, 4);
    r.node(2, 0);
    r.expansion(2, 2, 0);
    r.edge(3, 4);
    r.node(3, 0);
    return r;
  }

  @Test
  void aStateNotYetExpandedCannotMakeAFairBehaviourLookUnfair() {
    BehaviorGraph g = new BehaviorGraph(true);
    BehaviorGraph.Recorder r = chainSoFar(g);

    assertNull(Graphs.counterexample(g.expandedSoFar(null), WEAKLY_FAIR, eventually(GOAL)));

    // the complete graph: 3 -> 4 (the goal, where the step is disabled)
    r.expansion(3, 2, 0);
    r.edge(4, 4);
    r.node(4, 1);
    r.expansion(4, 0, 0);
    BehaviorGraph done = g.expandedSoFar(null);
    assertNull(Graphs.counterexample(done, WEAKLY_FAIR, eventually(GOAL)));
    // what the naive graph would have said: the recording with 3 unexpanded, frozen whole
    BehaviorGraph naive = new BehaviorGraph(true);
    chainSoFar(naive);
    naive.freeze();
    LivenessChecker.Lasso bogus = Graphs.counterexample(naive, WEAKLY_FAIR, eventually(GOAL));
    assertNotNull(bogus, "the unexpanded state's stuttering looks fair");
    assertEquals(naive.index(3), bogus.states()[bogus.states().length - 1]);
  }

  /** A violation among the expanded states is found, as a path of the graph. */
  @Test
  void aCycleAmongExpandedStatesIsACounterexample() {
    BehaviorGraph g = new BehaviorGraph(true);
    BehaviorGraph.Recorder r = g.recorder();
    g.initialState(1);
    r.node(1, 0);
    r.expansion(1, 2, 0);
    r.edge(2, 4);
    r.edge(3, 4);
    r.node(2, 0);
    r.node(3, 0);
    r.expansion(2, 2, 0);
    r.edge(1, 4);
    BehaviorGraph so = g.expandedSoFar(null);
    LivenessChecker.Lasso l = Graphs.counterexample(so, WEAKLY_FAIR, eventually(GOAL));
    assertNotNull(l);
    Graphs.assertPath(so, l);
    assertEquals(-1, so.index(3));
  }

  @Test
  void aSpilledRecordingGivesTheSameGraphAndLeavesTheCopysFilesToItsOwnContext() throws Exception {
    try (SpillContext spill = SpillContext.create(SpillMode.ALWAYS, 0, meta.resolve("a"));
        SpillContext copy = SpillContext.create(SpillMode.ALWAYS, 0, meta.resolve("b"))) {
      BehaviorGraph g = new BehaviorGraph(true, spill);
      BehaviorGraph.Recorder r = g.recorder();
      int n = 5_000;
      g.initialState(1);
      for (int i = 1; i <= n; i++) {
        r.node(i, i & 3);
        if (i <= n / 2) {
          r.expansion(i, 0, i);
          r.edge(i % n + 1, i * 2L);
          r.edge(1, 0);
        }
      }
      BehaviorGraph so = g.expandedSoFar(copy);
      assertEquals(n / 2, so.size());
      for (int i = 1; i <= n / 2; i++) {
        Set<Long> expect = i == n / 2 ? Set.of(1L) : new TreeSet<>(Set.of((long) i + 1, 1L));
        assertEquals(expect, successors(so, i), "state " + i);
        assertEquals(i & 3, so.stateBits(so.index(i)));
      }
      assertTrue(countFiles(meta.resolve("b")) > 0, "the copy spilled to its own place");
    }
    assertEquals(0, countFiles(meta), "no files left");
  }

  private static long countFiles(Path p) throws Exception {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
