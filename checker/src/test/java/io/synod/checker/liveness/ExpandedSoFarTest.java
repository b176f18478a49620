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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

  /** A state admitted by {@code worker} (its node record). */
  private record Node(int worker, long fp, long bits) {}

  /** An expansion by {@code worker}: its state, atoms, and edges (targets and action bits). */
  private record Expansion(int worker, long fp, long late, long stutter, long[] targets,
      long[] bits) {}

  /**
   * What two workers recorded, kept by the test: {@code n} states with random fingerprints
   * (0 among them), each admitted by a random worker; a random part of them expanded, in random
   * order by random workers, each with up to 4 edges to any admitted state (duplicates and
   * self-loops included); the initial states some expanded, some not, one twice.
   */
  private static final class Script {
    final List<Long> initial = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Expansion> expansions = new ArrayList<>();
    /** The states of {@link #expansions}; the others are expanded by {@link #rest}. */
    final Set<Long> expanded = new HashSet<>();
    final List<Expansion> rest = new ArrayList<>();

    Script(long seed, int n) {
      Random rnd = new Random(seed);
      List<Long> fps = new ArrayList<>(List.of(0L));
      Set<Long> distinct = new HashSet<>(fps);
      while (fps.size() < n) {
        long fp = rnd.nextLong();
        if (distinct.add(fp)) {
          fps.add(fp);
        }
      }
      for (long fp : fps) {
        nodes.add(new Node(rnd.nextInt(2), fp, rnd.nextLong() & 0xff));
      }
      List<Long> order = new ArrayList<>(fps);
      Collections.shuffle(order, rnd);
      for (long fp : order) {
        int k = rnd.nextInt(5);
        long[] targets = new long[k];
        long[] bits = new long[k];
        for (int j = 0; j < k; j++) {
          targets[j] = rnd.nextInt(8) == 0 ? fp : fps.get(rnd.nextInt(n));
          bits[j] = rnd.nextLong() & 0xf;
        }
        Expansion e = new Expansion(rnd.nextInt(2), fp, rnd.nextLong() & 0xf00,
            rnd.nextLong() & 0x3, targets, bits);
        if (rnd.nextInt(10) < 6) {
          expanded.add(fp);
          expansions.add(e);
        } else {
          rest.add(e);
        }
      }
      for (int j = 0; j < 6; j++) {
        initial.add(fps.get(rnd.nextInt(n)));
      }
      initial.add(initial.get(0));
    }

    /** Records the script's states and first expansions into {@code g}'s two workers. */
    BehaviorGraph.Recorder[] record(BehaviorGraph g) {
      BehaviorGraph.Recorder[] w = {g.recorder(), g.recorder()};
      initial.forEach(g::initialState);
      nodes.forEach(v -> w[v.worker()].node(v.fp(), v.bits()));
      expansions.forEach(e -> expand(w[e.worker()], e, null));
      return w;
    }

    /**
     * The graph of the expanded states as the check of the graph so far saw it before it was
     * built from the recording directly: a second recording of just those states, in the
     * workers' order, and its edges into them, frozen.
     */
    BehaviorGraph expectedSoFar(boolean edgeBits, SpillContext spill) {
      BehaviorGraph g = new BehaviorGraph(edgeBits, spill);
      BehaviorGraph.Recorder to = g.recorder();
      for (int worker = 0; worker < 2; worker++) {
        for (Node v : nodes) {
          if (v.worker() == worker && expanded.contains(v.fp())) {
            to.node(v.fp(), v.bits());
          }
        }
      }
      for (int worker = 0; worker < 2; worker++) {
        for (Expansion e : expansions) {
          if (e.worker() == worker) {
            expand(to, e, expanded);
          }
        }
      }
      initial.stream().filter(expanded::contains).forEach(g::initialState);
      g.freeze();
      return g;
    }

    /**
     * Asserts that {@code g} is the script's graph restricted to {@code states} (expanded by
     * {@code by}), computed here from the definition: the states numbered in the order the
     * workers admitted them (worker 0's, then worker 1's), each with its bits, the atoms of its
     * expansion and its edges into those states, in recording order.
     */
    void assertFrozen(BehaviorGraph g, Set<Long> states, List<Expansion> by, boolean edgeBits,
        boolean recordingOrder) {
      List<Node> kept = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        for (Node v : nodes) {
          if (v.worker() == worker && states.contains(v.fp())) {
            kept.add(v);
          }
        }
      }
      assertEquals(kept.size(), g.size());
      Map<Long, Expansion> expansionOf = new HashMap<>();
      by.forEach(e -> expansionOf.put(e.fp(), e));
      for (int k = 0; k < kept.size(); k++) {
        Node v = kept.get(k);
        Expansion e = expansionOf.get(v.fp());
        // the graph so far keeps recording order; the whole graph of two workers is renumbered
        // breadth-first (BehaviorGraphTest checks that order), so only its contents are compared
        int s = g.index(v.fp());
        if (recordingOrder) {
          assertEquals(k, s);
        }
        assertEquals(v.fp(), g.fingerprint(s));
        assertEquals(v.bits() | e.late(), g.stateBits(s));
        assertEquals(e.stutter(), g.stutterBits(s));
        List<String> want = new ArrayList<>();
        for (int j = 0; j < e.targets().length; j++) {
          if (states.contains(e.targets()[j])) {
            want.add(e.targets()[j] + "/" + (edgeBits ? e.bits()[j] : 0));
          }
        }
        List<String> got = new ArrayList<>();
        for (int x = g.edgeStart(s); x < g.edgeEnd(s); x++) {
          got.add(g.fingerprint(g.target(x)) + "/" + g.actionBits(x));
        }
        assertEquals(want, got, "edges of state " + s);
      }
      assertEquals(initial.stream().filter(states::contains).distinct().toList(),
          Arrays.stream(g.initialStates()).mapToObj(g::fingerprint).toList());
    }

    /** Records {@code e} into {@code r}, with its edges into {@code only} (null: all). */
    static void expand(BehaviorGraph.Recorder r, Expansion e, Set<Long> only) {
      r.expansion(e.fp(), e.late(), e.stutter());
      for (int j = 0; j < e.targets().length; j++) {
        if (only == null || only.contains(e.targets()[j])) {
          r.edge(e.targets()[j], e.bits()[j]);
        }
      }
    }
  }

  /**
   * The graph so far is the one a second recording of the expanded states would freeze to (same
   * states, numbers, atoms, edges, initial states, place of the edges), and the one the
   * definition gives (computed by the test, not by the graph's code), from recordings of two
   * workers on the heap or spilled, with or without action atoms; the recording, untouched,
   * then freezes to the whole graph.
   */
  @Test
  void theGraphSoFarIsTheFrozenSecondRecordingOfTheExpandedStates() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      for (boolean edgeBits : new boolean[] {true, false}) {
        for (int spilled = 0; spilled < 3; spilled++) {
          String where = "seed " + seed + ", edge bits " + edgeBits + ", spilled " + spilled;
          Path dir = meta.resolve(where.replaceAll("[^a-z0-9]+", "-"));
          try (SpillContext a = spillContext(spilled > 0, dir.resolve("a"));
              SpillContext b = spillContext(spilled > 1, dir.resolve("b"));
              SpillContext c = spillContext(spilled > 1, dir.resolve("c"));
              SpillContext d = spillContext(spilled > 0, dir.resolve("d"))) {
            Script script = new Script(seed, 3_000);
            BehaviorGraph g = new BehaviorGraph(edgeBits, a);
            BehaviorGraph.Recorder[] w = script.record(g);
            if (spilled > 0) {
              assertTrue(a.bytesSpilled() > 0, where + ": the recording spilled");
            }
            BehaviorGraph so = g.expandedSoFar(b);
            BehaviorGraph expected = script.expectedSoFar(edgeBits, c);
            script.assertFrozen(so, script.expanded, script.expansions, edgeBits, true);
            BehaviorGraphTest.assertSameGraph(expected, so);
            assertEquals(expected.onDisk(), so.onDisk(), where);
            assertEquals(spilled > 1, so.onDisk(), where);

            // the recording goes on and freezes to the graph of the whole script
            script.rest.forEach(e -> Script.expand(w[e.worker()], e, null));
            g.freeze();
            BehaviorGraph whole = new BehaviorGraph(edgeBits, d);
            BehaviorGraph.Recorder[] v = script.record(whole);
            script.rest.forEach(e -> Script.expand(v[e.worker()], e, null));
            whole.freeze();
            BehaviorGraphTest.assertSameGraph(whole, g);
            List<Expansion> all = new ArrayList<>(script.expansions);
            all.addAll(script.rest);
            script.assertFrozen(g, all.stream().map(Expansion::fp).collect(Collectors.toSet()), all,
                edgeBits, false);
          }
        }
      }
    }
    assertEquals(0, countFiles(meta), "no files left");
  }

  /** A context spilling everything at once to {@code dir}, or null (on the heap). */
  private static SpillContext spillContext(boolean spill, Path dir) {
    return spill ? SpillContext.create(SpillMode.ALWAYS, 0, dir) : null;
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
