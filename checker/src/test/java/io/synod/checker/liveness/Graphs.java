package io.synod.checker.liveness;

import java.util.List;

/** Small behaviour graphs for the liveness tests, built through the recorder as the search does. */
final class Graphs {
  private Graphs() {}

  /**
   * A graph of states 0..n-1 (fingerprint = number + 1) with state atom bits {@code bits[i]},
   * edges {@code edges[i]} out of state i with action atom bits {@code edgeBits[i]} (null: 0),
   * initial states {@code init}; stuttering steps have no action atom set.
   */
  static BehaviorGraph of(long[] bits, int[][] edges, long[][] edgeBits, int... init) {
    BehaviorGraph g = new BehaviorGraph(true);
    BehaviorGraph.Recorder r = g.recorder();
    for (int i : init) {
      g.initialState(i + 1);
    }
    for (int i = 0; i < bits.length; i++) {
      r.node(i + 1, bits[i]);
    }
    for (int i = 0; i < bits.length; i++) {
      r.expansion(i + 1, 0);
      for (int k = 0; k < edges[i].length; k++) {
        r.edge(edges[i][k] + 1, edgeBits == null ? 0 : edgeBits[i][k]);
      }
    }
    g.freeze();
    return g;
  }

  static LiveExpr state(int id) {
    return new LiveExpr.Atom(id, false, "s" + id);
  }

  static LiveExpr action(int id) {
    return new LiveExpr.Atom(id, true, "a" + id);
  }

  static LiveExpr not(LiveExpr e) {
    return new LiveExpr.Not(e);
  }

  static LiveExpr and(LiveExpr... e) {
    return new LiveExpr.And(List.of(e));
  }

  static LiveExpr or(LiveExpr... e) {
    return new LiveExpr.Or(List.of(e));
  }

  static LiveExpr always(LiveExpr e) {
    return new LiveExpr.Always(e);
  }

  static LiveExpr eventually(LiveExpr e) {
    return new LiveExpr.Eventually(e);
  }

  /** Whether the graph has a behaviour satisfying {@code fairness /\ ~property}. */
  static LivenessChecker.Lasso counterexample(BehaviorGraph g, LiveExpr fairness,
      LiveExpr property) {
    LiveExpr neg = new LiveExpr.Not(property);
    LiveExpr f = fairness == null ? neg : LiveExpr.and(List.of(fairness, neg));
    return new LivenessChecker(g).check(new LivenessPlan(f));
  }

  /** Checks that the lasso is a behaviour of the graph (stuttering allowed). */
  static void assertPath(BehaviorGraph g, LivenessChecker.Lasso l) {
    int[] s = l.states();
    boolean init = false;
    for (int i : g.initialStates()) {
      init |= i == s[0];
    }
    if (!init) {
      throw new AssertionError("lasso does not start in an initial state");
    }
    for (int i = 0; i < s.length; i++) {
      int to = i + 1 < s.length ? s[i + 1] : s[l.loop()];
      if (!step(g, s[i], to)) {
        throw new AssertionError("no step " + s[i] + " -> " + to);
      }
    }
  }

  static boolean step(BehaviorGraph g, int from, int to) {
    if (from == to) {
      return true;
    }
    for (int e = g.edgeStart(from); e < g.edgeEnd(from); e++) {
      if (g.target(e) == to) {
        return true;
      }
    }
    return false;
  }

  static long[] stateBits(BehaviorGraph g, LivenessChecker.Lasso l) {
    long[] b = new long[l.states().length];
    for (int i = 0; i < b.length; i++) {
      b[i] = g.stateBits(l.states()[i]);
    }
    return b;
  }
}
