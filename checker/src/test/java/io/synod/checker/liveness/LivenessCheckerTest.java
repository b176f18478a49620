package io.synod.checker.liveness;

import static io.synod.checker.liveness.Graphs.action;
import static io.synod.checker.liveness.Graphs.always;
import static io.synod.checker.liveness.Graphs.and;
import static io.synod.checker.liveness.Graphs.eventually;
import static io.synod.checker.liveness.Graphs.not;
import static io.synod.checker.liveness.Graphs.or;
import static io.synod.checker.liveness.Graphs.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each temporal form on small graphs whose behaviours are easy to list by hand; the expected
 * verdicts follow from the definitions in Specifying Systems (chapter 8), not from the checker.
 */
class LivenessCheckerTest {
  // A chain 0 -> 1 -> 2; state atom 0 ("done") holds in state 2 only; action atom 0 marks
  // the chain's steps (they are <<Step>>_v steps).
  private static final BehaviorGraph CHAIN = Graphs.of(new long[] {0, 0, 1},
      new int[][] {{1}, {2}, {}}, new long[][] {{1}, {1}, {}}, 0);

  // ENABLED <<Step>>_v as state atom 1 (true in 0 and 1)
  private static final BehaviorGraph CHAIN_EN = Graphs.of(new long[] {2, 2, 1},
      new int[][] {{1}, {2}, {}}, new long[][] {{1}, {1}, {}}, 0);

  private static LiveExpr weakFair() {
    return LiveExpr.weakFairness(state(1), action(0));
  }

  @Test
  void eventuallyFailsWithoutFairnessByStuttering() {
    LivenessChecker.Lasso l = Graphs.counterexample(CHAIN, null, eventually(state(0)));
    assertNotNull(l);
    assertTrue(l.stuttering());
    assertEquals(0, l.states()[0]);
    Graphs.assertPath(CHAIN, l);
    assertEquals(0, CHAIN.stateBits(l.states()[l.states().length - 1]) & 1,
        "the behaviour stutters in a state that is not done");
  }

  @Test
  void weakFairnessForcesTheChainToItsEnd() {
    assertNull(Graphs.counterexample(CHAIN_EN, weakFair(), eventually(state(0))));
  }

  @Test
  void alwaysEventuallyAndEventuallyAlways() {
    // a two-state loop 0 <-> 1 with p (atom 0) only in 1
    BehaviorGraph loop = Graphs.of(new long[] {0, 1}, new int[][] {{1}, {0}},
        new long[][] {{1}, {1}}, 0);
    // without fairness the behaviour may stutter in 0 forever
    assertNotNull(Graphs.counterexample(loop, null, always(eventually(state(0)))));
    // when every step is eventually taken ([]<><<Step>>), p recurs but does not persist
    LiveExpr steps = always(eventually(action(0)));
    assertNull(Graphs.counterexample(loop, steps, always(eventually(state(0)))));
    LivenessChecker.Lasso l = Graphs.counterexample(loop, steps, eventually(always(state(0))));
    assertNotNull(l);
    assertFalse(l.stuttering());
    Graphs.assertPath(loop, l);
  }

  @Test
  void leadsTo() {
    // 0 -> 1 -> 2 -> 0, request (atom 0) in 1, grant (atom 1) in 2
    BehaviorGraph g = Graphs.of(new long[] {0, 1, 2}, new int[][] {{1}, {2}, {0}},
        new long[][] {{1}, {1}, {1}}, 0);
    LiveExpr prop = LiveExpr.leadsTo(state(0), state(1));
    LiveExpr fair = always(eventually(action(0)));
    assertNull(Graphs.counterexample(g, fair, prop));
    LivenessChecker.Lasso l = Graphs.counterexample(g, null, prop);
    assertNotNull(l, "stuttering in the requesting state violates P ~> Q");
    assertEquals(1, l.states()[l.states().length - 1]);
    assertTrue(l.stuttering());
  }

  @Test
  void strongFairnessNeedsInfinitelyOftenEnabled() {
    // Toggle steps 0 <-> 1 (action atom 1, enabled in 0 and 1: state atom 2); the Serve step
    // 1 -> 2 (action atom 0) is enabled (state atom 1) only in 1; served (state atom 0) in 2
    BehaviorGraph g = Graphs.of(new long[] {4, 6, 1}, new int[][] {{1}, {0, 2}, {}},
        new long[][] {{2}, {2, 1}, {}}, 0);
    LiveExpr toggle = LiveExpr.weakFairness(state(2), action(1));
    LiveExpr weak = LiveExpr.weakFairness(state(1), action(0));
    LiveExpr strong = LiveExpr.strongFairness(state(1), action(0));
    LiveExpr prop = eventually(state(0));
    // toggling forever leaves Serve enabled only every other state: weak fairness allows it
    LivenessChecker.Lasso l = Graphs.counterexample(g, and(toggle, weak), prop);
    assertNotNull(l);
    assertFalse(l.stuttering());
    Graphs.assertPath(g, l);
    assertNull(Graphs.counterexample(g, and(toggle, strong), prop));
    // without fairness for Toggle, stuttering in 0 keeps Serve disabled: SF holds vacuously
    assertNotNull(Graphs.counterexample(g, strong, prop));
  }

  @Test
  void boxActionAndDiamondAngleAction() {
    // [][A]_v: A (atom 0) fails on the step 1 -> 2
    BehaviorGraph g = Graphs.of(new long[] {0, 0, 0}, new int[][] {{1}, {2}, {}},
        new long[][] {{0}, {1}, {}}, 0);
    LiveExpr notA = not(action(0));
    // <>[][~A]_v holds on every behaviour: after 1 -> 2 there is no A step
    assertNull(Graphs.counterexample(g, null, eventually(always(notA))));
    // <>[]<<A>>_v fails: stuttering forever has no A step
    assertNotNull(Graphs.counterexample(g, null, eventually(always(action(0)))));
    // []<><<A>>_v fails too, even when every step is an A step, by stuttering
    assertNotNull(Graphs.counterexample(g, null, always(eventually(action(0)))));
    // <><<A>>_v alone negates to [][~A]_v, an action formula under []: TLC refuses it
    assertThrows(LivenessException.class,
        () -> Graphs.counterexample(g, null, eventually(action(0))));
  }

  @Test
  void actionsOutsideTheTwoFormsAreRefused() {
    LivenessException e = assertThrows(LivenessException.class,
        () -> new LivenessPlan(or(eventually(state(0)), always(action(0)))));
    assertTrue(e.getMessage().contains("<>[]A or []<>A"));
  }

  @Test
  void branchesAreGroupedByTheirTableauFormula() {
    // ~(<>[]p) with SF: two disjuncts, no tableau: one branch (TLC prints 1 branches)
    LiveExpr sf = LiveExpr.strongFairness(state(1), action(0));
    LivenessPlan plan = new LivenessPlan(and(sf, not(eventually(always(state(0))))));
    assertEquals(1, plan.branches().size());
    assertEquals(2, plan.branches().get(0).models().size());
    // ~(p1 ~> q1 /\ p2 ~> q2): one tableau per conjunct
    LiveExpr two = and(LiveExpr.leadsTo(state(0), state(1)), LiveExpr.leadsTo(state(2), state(3)));
    assertEquals(2, new LivenessPlan(not(two)).branches().size());
  }

  @Test
  void onlyTableauComponentsWithACycleFulfillingEveryPromiseHoldCandidates() {
    // 0 -> {0, 1}, 1 -> 2, 2 -> 2: node 0 loops without fulfilling promise 0, node 1 is on no
    // cycle, node 2 loops and fulfils it
    int[][] succ = {{0, 1}, {2}, {2}};
    java.util.BitSet[] ful = {new java.util.BitSet(), new java.util.BitSet(), bits(0)};
    assertArrayEquals(new boolean[] {false, false, true},
        LivenessChecker.candidateNodes(succ, ful, 1));
    // without promises every node on a cycle is a candidate
    assertArrayEquals(new boolean[] {true, false, true},
        LivenessChecker.candidateNodes(succ, ful, 0));
    // a component 0 <-> 1 whose nodes fulfil one promise each holds both; 2 fulfils only one
    int[][] pair = {{1}, {0, 2}, {2}};
    java.util.BitSet[] each = {bits(0), bits(1), bits(1)};
    assertArrayEquals(new boolean[] {true, true, false},
        LivenessChecker.candidateNodes(pair, each, 2));
    // no cycle at all: no candidate, the branch has no counterexample
    assertArrayEquals(new boolean[] {false, false},
        LivenessChecker.candidateNodes(new int[][] {{1}, {}}, new java.util.BitSet[] {bits(0),
            bits(0)}, 1));
  }

  private static java.util.BitSet bits(int... set) {
    java.util.BitSet b = new java.util.BitSet();
    for (int i : set) {
      b.set(i);
    }
    return b;
  }

  @Test
  void leadsToViolatedBeyondAPromiseLayerGivesTheLassoOfTheWholeSearch() {
    // 0 -> 1 -> 2 -> 3 -> 1: request (atom 0) in 1 and 3, grant (atom 1) only in 2; state 3
    // may also stay requesting by looping 3 -> 4 -> 3 without a grant
    BehaviorGraph g = Graphs.of(new long[] {0, 1, 2, 1, 1},
        new int[][] {{1}, {2}, {3}, {1, 4}, {3}}, new long[][] {{1}, {1}, {1}, {1, 1}, {1}}, 0);
    LiveExpr prop = LiveExpr.leadsTo(state(0), state(1));
    LiveExpr fair = always(eventually(action(0)));
    LivenessChecker.Lasso l = Graphs.counterexample(g, fair, prop);
    assertNotNull(l, "3 -> 4 -> 3 forever never grants");
    Graphs.assertPath(g, l);
    assertFalse(l.stuttering());
    LivenessChecker.Lasso parallel = new LivenessChecker(g)
        .check(new LivenessPlan(and(fair, not(prop))), 2, 0);
    assertArrayEquals(l.states(), parallel.states());
    assertEquals(l.loop(), parallel.loop());
  }

  @Test
  void fairnessThatOnlyForbiddenStepsMeetLeavesNoCounterexample() {
    // 0 -> 1 is the only <<A>>_v step (action atom 0) and leaves state 0, where p (state atom
    // 0) holds; 1 -> 0 is another step. ~[]<>p needs <>[]~p, which forbids every step from 0,
    // and []<><<A>>_v needs one of them: no fair behaviour violates []<>p
    BehaviorGraph g = Graphs.of(new long[] {1, 0}, new int[][] {{1}, {0}},
        new long[][] {{1}, {0}}, 0);
    LiveExpr fair = always(eventually(action(0)));
    assertNull(Graphs.counterexample(g, fair, always(eventually(state(0)))));
    // without fairness, stuttering in 1 violates it
    LivenessChecker.Lasso l = Graphs.counterexample(g, null, always(eventually(state(0))));
    assertNotNull(l);
    assertTrue(l.stuttering());
    assertEquals(1, l.states()[l.states().length - 1]);
  }

  @Test
  void oneCheckerChecksSeveralPlansInTurn() {
    // 0 -> 1 -> 2 -> 0, request (atom 0) in 1, grant (atom 1) in 2: P ~> Q holds under
    // []<><<Step>>, fails without it (stuttering in 1); the reachable sets of one plan's
    // branches must not serve the next plan's
    BehaviorGraph g = Graphs.of(new long[] {0, 1, 2}, new int[][] {{1}, {2}, {0}},
        new long[][] {{1}, {1}, {1}}, 0);
    LiveExpr prop = LiveExpr.leadsTo(state(0), state(1));
    LiveExpr fair = always(eventually(action(0)));
    LivenessChecker checker = new LivenessChecker(g);
    for (int threads = 1; threads <= 2; threads++) {
      assertNull(checker.check(new LivenessPlan(and(fair, not(prop))), threads));
      LivenessChecker.Lasso l = checker.check(new LivenessPlan(and(not(prop),
          not(always(eventually(state(1)))))), threads);
      assertNotNull(l);
      assertTrue(l.stuttering());
      assertNull(checker.check(new LivenessPlan(and(fair, not(prop))), threads));
    }
  }

  @Test
  void deepChainsDoNotExhaustTheStack() {
    int n = 200_000;
    long[] bits = new long[n];
    int[][] edges = new int[n][];
    long[][] eb = new long[n][];
    for (int i = 0; i < n; i++) {
      edges[i] = i + 1 < n ? new int[] {i + 1} : new int[] {0};
      eb[i] = new long[] {1};
    }
    bits[n - 1] = 1;
    BehaviorGraph g = Graphs.of(bits, edges, eb, 0);
    assertNull(Graphs.counterexample(g, always(eventually(action(0))),
        always(eventually(state(0)))));
    assertNotNull(Graphs.counterexample(g, always(eventually(action(0))),
        eventually(always(state(0)))));
  }
}
