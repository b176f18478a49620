package io.synod.checker.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * On random small graphs with random fairness and properties, the checker's verdict equals a
 * brute-force oracle's: the oracle enumerates every lasso (path from an initial state, then a
 * step back to one of its states) up to a length bound and evaluates the formula on it by the
 * definitions of {@code [] <> /\ \/ ~}. Every lasso the checker returns is checked the same way
 * (so a counterexample longer than the bound still has to be a real one).
 */
class LivenessOracleProperties {
  private static final int BOUND = 7;

  @Property(tries = 500)
  void verdictEqualsTheOracles(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(4);
    long[] bits = new long[n];
    int[][] edges = new int[n][];
    long[][] eb = new long[n][];
    for (int i = 0; i < n; i++) {
      bits[i] = r.nextInt(8);
      int k = r.nextInt(3);
      edges[i] = new int[k];
      eb[i] = new long[k];
      for (int j = 0; j < k; j++) {
        edges[i][j] = r.nextInt(n);
        // a step to the same state is a stuttering step: it carries no <<A>>_v
        eb[i][j] = edges[i][j] == i ? 0 : r.nextInt(4);
      }
    }
    BehaviorGraph g = Graphs.of(bits, edges, eb, 0);
    LiveExpr fairness = randomFairness(r);
    LiveExpr property = randomTemporal(r, 2);
    LiveExpr neg = new LiveExpr.Not(property);
    LiveExpr f = fairness == null ? neg : LiveExpr.and(List.of(fairness, neg));
    LivenessChecker.Lasso lasso = new LivenessChecker(g).check(new LivenessPlan(f));
    // the component searches run on several threads report the same counterexample
    LivenessChecker.Lasso parallel = new LivenessChecker(g).check(new LivenessPlan(f), 3, 0);
    assertEquals(lasso == null, parallel == null, "threads change the verdict of " + f);
    if (lasso != null) {
      assertArrayEquals(lasso.states(), parallel.states(), "threads change the lasso of " + f);
      assertEquals(lasso.loop(), parallel.loop());
      assertArrayEquals(lasso.stepBits(), parallel.stepBits());
    }
    boolean oracle = oracleFinds(g, f);
    if (oracle) {
      assertNotNull(lasso, "the oracle found a counterexample to " + f);
    }
    if (lasso != null) {
      Graphs.assertPath(g, lasso);
      assertTrue(LiveExpr.holdsOnLasso(f, Graphs.stateBits(g, lasso), lasso.stepBits(),
          lasso.loop()), "the checker's lasso does not satisfy " + f);
      if (lasso.states().length <= BOUND - 1) {
        assertEquals(true, oracle, "a short lasso the oracle missed");
      }
    }
  }

  /** WF/SF over random atoms, or []<> / <>[] of an action, or nothing. */
  private static LiveExpr randomFairness(Random r) {
    List<LiveExpr> parts = new ArrayList<>();
    int k = r.nextInt(3);
    for (int i = 0; i < k; i++) {
      LiveExpr en = Graphs.state(r.nextInt(3));
      LiveExpr act = Graphs.action(r.nextInt(2));
      switch (r.nextInt(4)) {
        case 0 -> parts.add(LiveExpr.weakFairness(en, act));
        case 1 -> parts.add(LiveExpr.strongFairness(en, act));
        case 2 -> parts.add(Graphs.always(Graphs.eventually(act)));
        default -> parts.add(Graphs.eventually(Graphs.always(Graphs.not(act))));
      }
    }
    return parts.isEmpty() ? null : LiveExpr.and(parts);
  }

  /** A random temporal formula over the state atoms (the part a tableau checks). */
  private static LiveExpr randomTemporal(Random r, int depth) {
    if (depth == 0) {
      LiveExpr a = Graphs.state(r.nextInt(3));
      return r.nextBoolean() ? a : Graphs.not(a);
    }
    switch (r.nextInt(7)) {
      case 0:
        return Graphs.always(randomTemporal(r, depth - 1));
      case 1:
        return Graphs.eventually(randomTemporal(r, depth - 1));
      case 2:
        return Graphs.and(randomTemporal(r, depth - 1), randomTemporal(r, depth - 1));
      case 3:
        return Graphs.or(randomTemporal(r, depth - 1), randomTemporal(r, depth - 1));
      case 4:
        return LiveExpr.leadsTo(randomTemporal(r, depth - 1), randomTemporal(r, depth - 1));
      case 5:
        return Graphs.not(randomTemporal(r, depth - 1));
      default:
        return randomTemporal(r, 0);
    }
  }

  /** Whether some lasso of at most {@link #BOUND} states satisfies {@code f}. */
  private static boolean oracleFinds(BehaviorGraph g, LiveExpr f) {
    for (int s0 : g.initialStates()) {
      if (extend(g, f, new int[BOUND], new long[BOUND], 0, s0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean extend(BehaviorGraph g, LiveExpr f, int[] path, long[] stepBits, int len,
      int s) {
    path[len] = s;
    int n = len + 1;
    long[] sb = new long[n];
    for (int i = 0; i < n; i++) {
      sb[i] = g.stateBits(path[i]);
    }
    // close the loop from s back to any state of the path, by a step of the graph
    for (int j = 0; j < n; j++) {
      for (long b : steps(g, s, path[j])) {
        long[] ab = java.util.Arrays.copyOf(stepBits, n);
        ab[n - 1] = b;
        if (LiveExpr.holdsOnLasso(f, sb, ab, j)) {
          return true;
        }
      }
    }
    if (n == BOUND) {
      return false;
    }
    List<int[]> next = new ArrayList<>();
    next.add(new int[] {s, -1});
    for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
      next.add(new int[] {g.target(e), e});
    }
    for (int[] t : next) {
      stepBits[len] = t[1] < 0 ? g.stutterBits(s) : g.actionBits(t[1]);
      if (extend(g, f, path, stepBits, n, t[0])) {
        return true;
      }
    }
    return false;
  }

  /** The action bits of every step from s to t (stuttering included). */
  private static List<Long> steps(BehaviorGraph g, int s, int t) {
    List<Long> out = new ArrayList<>();
    if (s == t) {
      out.add(g.stutterBits(s));
    }
    for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
      if (g.target(e) == t) {
        out.add(g.actionBits(e));
      }
    }
    return out;
  }
}
