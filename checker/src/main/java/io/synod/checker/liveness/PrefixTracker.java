package io.synod.checker.liveness;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, during the search, counterexamples that a finite behaviour already settles: a branch
 * without fairness conditions whose tableau reaches a node with nothing left to fulfil (every
 * continuation of the behaviour, stuttering forever included, then satisfies the negated
 * property). {@code [](P => []Q)} is such a property. TLC reports these as soon as the state
 * graph reaches them, with a finite trace and exit code 12; the complete check after the search
 * would find the same behaviour as a lasso.
 *
 * <p>Each state carries the set of tableau nodes it was reached with, as bits (all tracked
 * tableaux share one long, so at most 64 nodes in all). A state's set is read when the state
 * is expanded; nodes that reach it only after that are not propagated further (the final check
 * still covers them).
 */
public final class PrefixTracker {
  private final List<Tableau> tableaux = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  private long sinks;

  /** The tracker for the plan's branches that qualify, or null when none does. */
  public static PrefixTracker of(LivenessPlan plan) {
    PrefixTracker t = new PrefixTracker();
    int bits = 0;
    for (LivenessPlan.Branch b : plan.branches()) {
      if (b.tableau() == null || b.models().stream().noneMatch(
          m -> m.eventuallyAlways().isEmpty() && m.infinitelyOften().isEmpty())) {
        continue;
      }
      Tableau tab = b.tableau();
      if (bits + tab.size() > 64) {
        break;
      }
      for (int i = 0; i < tab.size(); i++) {
        if (tab.node(i).isSink()) {
          t.sinks |= 1L << (bits + i);
        }
      }
      t.tableaux.add(tab);
      t.offsets.add(bits);
      bits += tab.size();
    }
    return t.sinks == 0 ? null : t;
  }

  /** The tableau nodes an initial state with state atoms {@code bits} starts in. */
  public long initial(long bits) {
    long out = 0;
    for (int k = 0; k < tableaux.size(); k++) {
      Tableau tab = tableaux.get(k);
      for (int q : tab.initial()) {
        if (tab.node(q).consistent(bits)) {
          out |= 1L << (offsets.get(k) + q);
        }
      }
    }
    return out;
  }

  /** The tableau nodes a successor with state atoms {@code bits} is reached with from {@code from}. */
  public long successor(long from, long bits) {
    long out = 0;
    for (int k = 0; k < tableaux.size(); k++) {
      Tableau tab = tableaux.get(k);
      int off = offsets.get(k);
      for (int q = 0; q < tab.size(); q++) {
        if ((from >>> (off + q) & 1) == 0) {
          continue;
        }
        for (int q2 : tab.node(q).successors()) {
          if (tab.node(q2).consistent(bits)) {
            out |= 1L << (off + q2);
          }
        }
      }
    }
    return out;
  }

  /**
   * After the search, the shortest behaviour in the recorded graph {@code g} that settles a
   * counterexample, as graph state numbers from an initial state, or null when there is none.
   * The search itself follows a state's tableau nodes only until the state is expanded, so it
   * misses a prefix that passes through a state again with other nodes (x = FALSE, TRUE, FALSE,
   * TRUE against {@code [](x => [](~x => []~x))}); TLC builds the product of states and tableau
   * nodes as it goes and reports such a prefix during its search as well, with exit code 12,
   * before any check of the complete graph. Here every pair (state, tableau node) is visited,
   * breadth first from the initial states, the stuttering steps included.
   */
  public int[] settledPath(BehaviorGraph g) {
    long[] seen = new long[g.size()];
    Pairs q = new Pairs();
    for (int s : g.initialStates()) {
      q.add(s, initial(g.stateBits(s)) & ~seen[s], -1);
      seen[s] |= initial(g.stateBits(s));
    }
    for (int head = 0; head < q.size; head++) {
      int s = q.state[head];
      long one = 1L << q.node[head];
      long self = successor(one, g.stateBits(s));
      if (settled(self)) {
        return q.path(head);
      }
      q.add(s, self & ~seen[s], head);
      seen[s] |= self;
      for (int e = g.edgeStart(s); e < g.edgeEnd(s); e++) {
        int t = g.target(e);
        // the target as this step generated it (under SYMMETRY or VIEW not always the kept one)
        long nodes = successor(one, g.edgeTargetBits(e));
        q.add(t, nodes & ~seen[t], head);
        seen[t] |= nodes;
      }
    }
    return null;
  }

  /** The visited pairs in the order of the walk, each with the index of the pair it came from. */
  private static final class Pairs {
    int[] state = new int[64];
    byte[] node = new byte[64];
    int[] from = new int[64];
    int size;

    void add(int s, long nodes, int parent) {
      for (long b = nodes; b != 0; b &= b - 1) {
        if (size == state.length) {
          state = java.util.Arrays.copyOf(state, size * 2);
          node = java.util.Arrays.copyOf(node, size * 2);
          from = java.util.Arrays.copyOf(from, size * 2);
        }
        state[size] = s;
        node[size] = (byte) Long.numberOfTrailingZeros(b);
        from[size] = parent;
        size++;
      }
    }

    /** The states from the initial pair to pair {@code i}, a stuttering step printed once. */
    int[] path(int i) {
      java.util.ArrayDeque<Integer> out = new java.util.ArrayDeque<>();
      for (int k = i; k >= 0; k = from[k]) {
        if (out.isEmpty() || out.peekFirst() != state[k]) {
          out.addFirst(state[k]);
        }
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Whether a state reached with {@code nodes} ends a counterexample. */
  public boolean settled(long nodes) {
    return (nodes & sinks) != 0;
  }
}
