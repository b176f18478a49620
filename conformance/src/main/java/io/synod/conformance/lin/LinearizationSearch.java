package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Searches for a linearization of one partition: Wing and Gong's depth-first search over
 * "which operation takes effect next", with Lowe's memoisation of configurations (set of
 * linearized operations, model state) so that no configuration is explored twice. The search
 * is iterative (no recursion, whatever the history's length) and single-threaded, hence
 * deterministic.
 *
 * <p>When there is no linearization, the configurations that got furthest into the history
 * are those whose next completion is the latest; that completion is the first operation that
 * cannot be linearized, as Knossos's just-in-time linearization defines it. A second pass
 * collects a few of those configurations to explain the failure.
 */
final class LinearizationSearch<S> {
  static final int PATH_TAIL = 12;

  private final Model<S> model;
  private final List<Operation> all;
  private final Operation[] ops;
  private final boolean[] ok;
  private final boolean[] readOnly;
  private final int okTotal;
  private final long[] z1;
  private final long[] z2;
  private final Consistency consistency;
  private final Budget budget;
  private final boolean wantFinalStates;
  private final int maxPaths;

  // State of one pass.
  private Frontier frontier;
  private final int[] stackOp;
  private final Object[] stackState;
  private final boolean[] forced;
  private int sp;
  private S state;
  private MemoTable memo;
  private int bestReach;
  private int bestBlocker;
  private List<Operation> witness;
  private final Set<S> finals = new LinkedHashSet<>();
  private final List<Failure.Path> paths = new ArrayList<>();
  private long configs;

  /**
   * @param all the partition's operations in invocation order (ids 0..n-1)
   */
  LinearizationSearch(
      Model<S> model,
      List<Operation> all,
      Consistency consistency,
      Budget budget,
      boolean wantFinalStates,
      int maxPaths) {
    this.model = model;
    this.all = all;
    this.consistency = consistency;
    this.budget = budget;
    this.wantFinalStates = wantFinalStates;
    this.maxPaths = maxPaths;
    // Reads of unknown value fit anywhere, and indeterminate reads change nothing whether
    // they happened or not: neither can decide the verdict, so neither is searched.
    List<Operation> kept = new ArrayList<>();
    for (Operation op : all) {
      if (!model.isNoOp(op) && (op.ok() || !model.isReadOnly(op))) {
        kept.add(op);
      }
    }
    ops = kept.toArray(new Operation[0]);
    int n = ops.length;
    ok = new boolean[n];
    readOnly = new boolean[n];
    z1 = new long[n];
    z2 = new long[n];
    SplittableRandom rnd = new SplittableRandom(0x5EED_1D0L);
    int oks = 0;
    for (int i = 0; i < n; i++) {
      ok[i] = ops[i].ok();
      readOnly[i] = model.isReadOnly(ops[i]);
      oks += ok[i] ? 1 : 0;
      z1[i] = rnd.nextLong();
      z2[i] = rnd.nextLong();
    }
    okTotal = oks;
    stackOp = new int[n + 1];
    stackState = new Object[n + 1];
    forced = new boolean[n + 1];
    stackTried = new int[n + 1];
    cand = new int[n];
    keys = new long[n];
  }

  PartitionResult run(Object key) {
    if (consistency == Consistency.SEQUENTIAL && !wantFinalStates) {
      // Linearizable implies sequentially consistent, and the real-time search is far more
      // constrained (hence faster): try it first, fall back to the program-order search.
      String stop = pass(Consistency.LINEARIZABLE, false, -1);
      if (stop == null && witness != null) {
        return valid(key);
      }
    }
    String stop = pass(consistency, false, -1);
    if (stop != null) {
      return new PartitionResult(key, all.size(), Verdict.UNKNOWN, configs, List.of(), null, stop, List.of());
    }
    if (witness != null) {
      return valid(key);
    }
    int target = bestReach;
    Operation failing = ops[bestBlocker];
    long firstPassConfigs = configs;
    // Second pass: gather the configurations that got furthest. If the budget runs out here
    // the verdict stands, only with fewer explanations.
    pass(consistency, true, target);
    configs = firstPassConfigs;
    Operation previousOk = null;
    for (Operation o : all) {
      if (o.ok() && o.completedAt() < failing.completedAt()
          && (previousOk == null || o.completedAt() > previousOk.completedAt())) {
        previousOk = o;
      }
    }
    return new PartitionResult(key, all.size(), Verdict.INVALID, configs, List.of(),
        new Failure(failing, previousOk, List.copyOf(paths)), null, List.of());
  }

  private PartitionResult valid(Object key) {
    List<String> shown = new ArrayList<>();
    if (wantFinalStates) {
      TreeSet<String> sorted = new TreeSet<>();
      finals.forEach(s -> sorted.add(model.show(s)));
      shown.addAll(sorted);
    }
    return new PartitionResult(key, all.size(), Verdict.VALID, configs, completeWitness(), null, null, shown);
  }

  /**
   * One depth-first pass; null when it finished, else why it stopped early.
   *
   * <p>Partial-order reduction: if some candidate never changes any state (a read) and is
   * accepted now, it is taken at once and no other candidate is tried from that
   * configuration. This is sound because any order that works from here can be rearranged to
   * take that operation first: it changes no state wherever it stands, and being a candidate,
   * all that must precede it is already linearized. (An operation that merely happens to leave
   * this state unchanged, like a write of the current value, does not qualify: later in the
   * order it might change the state.) The same rearrangement shows that the configurations
   * that get furthest are still found. It removes the branching over reads, which is most of
   * the branching in real histories.
   */
  @SuppressWarnings("unchecked")
  private String pass(Consistency level, boolean capture, int target) {
    frontier = level == Consistency.LINEARIZABLE
        ? new RealTimeFrontier(ops)
        : new ProgramOrderFrontier(ops);
    memo = new MemoTable(Math.min(1 << 20, 4 * ops.length + 16));
    sp = 0;
    state = model.initial();
    bestReach = Integer.MIN_VALUE;
    bestBlocker = -1;
    witness = null;
    finals.clear();
    paths.clear();
    fp1 = 0;
    fp2 = 0;
    okLeft = okTotal;
    if (okLeft == 0) {
      witness = List.of();
      finals.add(state);
      if (!wantFinalStates) {
        return null;
      }
    }
    long iterations = 0;
    boolean fresh = true;
    int j = -1;
    int tried = 0;
    while (true) {
      if ((++iterations & 1023) == 0) {
        configs = memo.size();
        String stop = budget.exhausted(configs);
        if (stop != null) {
          return stop;
        }
      }
      if (fresh) {
        fresh = false;
        int stutter = stutterCandidate();
        if (stutter >= 0) {
          if (push(stutter, state, true)) {
            return null;
          }
          fresh = true;
          continue;
        }
        if (stutter == DEAD) {
          j = -1;
        } else {
          order();
          tried = 0;
          j = candCount > 0 ? cand[0] : -1;
        }
      }
      if (j < 0) {
        if (okLeft > 0) {
          int r = frontier.reach(sp);
          if (r > bestReach) {
            bestReach = r;
            bestBlocker = frontier.blocker();
          }
          if (capture && r == target && paths.size() < maxPaths) {
            capturePath();
          }
        }
        if (sp == 0) {
          break;
        }
        int k = stackOp[--sp];
        state = (S) stackState[sp];
        stackState[sp] = null;
        frontier.unlift(k);
        fp1 ^= z1[k];
        fp2 ^= z2[k];
        if (ok[k]) {
          okLeft++;
        }
        // After a forced step there is nothing else to try from this configuration.
        if (forced[sp]) {
          j = -1;
        } else {
          order();
          tried = stackTried[sp] + 1;
          j = tried < candCount ? cand[tried] : -1;
        }
        continue;
      }
      S next = model.step(state, ops[j]);
      if (next != null && memo.add(fp1 ^ z1[j], fp2 ^ z2[j], next)) {
        stackTried[sp] = tried;
        if (push(j, next, false)) {
          return null;
        }
        fresh = true;
        continue;
      }
      tried++;
      j = tried < candCount ? cand[tried] : -1;
    }
    configs = memo.size();
    return null;
  }

  /**
   * Puts the candidates of the current configuration into {@link #cand}, most promising
   * first: the operation that must be linearized soonest (the blocker, whose completion comes
   * first) if it can go now; then operations after which the blocker can go, by completion;
   * then the rest in invocation order. The order depends only on the configuration, so it is computed
   * again, identically, when the search comes back to the configuration.
   */
  private void order() {
    int b = frontier.blocker();
    candCount = 0;
    for (int c = frontier.first(); c >= 0; c = frontier.next(c)) {
      long group;
      S next = model.step(state, ops[c]);
      if (next == null) {
        group = 3;
      } else if (c == b) {
        group = 0;
      } else if (b >= 0 && model.step(next, ops[b]) != null) {
        group = 1;
      } else {
        group = 2;
      }
      // Urgent groups by completion, the rest in invocation order (measured to explore the
      // fewest configurations on simulated and Knossos histories).
      long done = Math.min(ops[c].completedAt(), (1 << 30) - 1);
      keys[candCount++] = group < 2 ? group << 61 | done << 31 | c : 2L << 61 | c;
    }
    java.util.Arrays.sort(keys, 0, candCount);
    for (int i = 0; i < candCount; i++) {
      cand[i] = (int) (keys[i] & 0x7FFF_FFFF);
    }
  }

  private final int[] cand;
  private final long[] keys;
  private final int[] stackTried;
  private int candCount;

  private static final int NONE = -1;
  private static final int DEAD = -2;

  private long fp1;
  private long fp2;
  private int okLeft;

  /**
   * A read-only candidate accepted in the current state that leads to a new configuration; or
   * {@link #DEAD} if such a step leads to a configuration already explored (so this one
   * can lead nowhere new either); or {@link #NONE}.
   */
  private int stutterCandidate() {
    for (int c = frontier.first(); c >= 0; c = frontier.next(c)) {
      if (!readOnly[c]) {
        continue;
      }
      S next = model.step(state, ops[c]);
      if (next != null) {
        return memo.add(fp1 ^ z1[c], fp2 ^ z2[c], next) ? c : DEAD;
      }
    }
    return NONE;
  }

  /**
   * Linearizes {@code j}, whose configuration was just added to the memo; true if that
   * completes the search.
   */
  private boolean push(int j, S next, boolean isForced) {
    stackOp[sp] = j;
    forced[sp] = isForced;
    stackState[sp++] = state;
    state = next;
    fp1 ^= z1[j];
    fp2 ^= z2[j];
    frontier.lift(j);
    if (ok[j] && --okLeft == 0) {
      if (witness == null) {
        witness = new ArrayList<>(sp);
        for (int i = 0; i < sp; i++) {
          witness.add(ops[stackOp[i]]);
        }
      }
      if (!wantFinalStates) {
        configs = memo.size();
        return true;
      }
      finals.add(state);
    } else if (okLeft == 0) {
      finals.add(state);
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private void capturePath() {
    int blocker = frontier.blocker();
    if (blocker < 0) {
      return;
    }
    List<Failure.Step> tail = new ArrayList<>();
    for (int i = Math.max(0, sp - PATH_TAIL); i < sp; i++) {
      S after = (S) (i + 1 < sp ? stackState[i + 1] : state);
      tail.add(new Failure.Step(ops[stackOp[i]], model.show(after)));
    }
    Operation stuck = ops[blocker];
    paths.add(new Failure.Path(sp, List.copyOf(tail), model.show(state), stuck,
        model.explain(state, stuck)));
  }

  /**
   * The linearization found, with the reads of unknown value put back: each goes right after
   * the last operation that must precede it, which never breaks any other order.
   */
  private List<Operation> completeWitness() {
    Set<Operation> searched = new java.util.HashSet<>(Arrays.asList(ops));
    List<Operation> dropped = new ArrayList<>();
    for (Operation o : all) {
      if (o.ok() && !searched.contains(o)) {
        dropped.add(o);
      }
    }
    if (dropped.isEmpty()) {
      return List.copyOf(witness);
    }
    int[] slot = new int[dropped.size()];
    for (int d = 0; d < dropped.size(); d++) {
      Operation x = dropped.get(d);
      int at = 0;
      for (int i = 0; i < witness.size(); i++) {
        Operation w = witness.get(i);
        boolean before = consistency == Consistency.LINEARIZABLE
            ? w.completedAt() < x.invokedAt()
            : w.process() == x.process() && w.invokedAt() < x.invokedAt();
        if (before) {
          at = i + 1;
        }
      }
      slot[d] = at;
    }
    Integer[] order = new Integer[dropped.size()];
    for (int d = 0; d < order.length; d++) {
      order[d] = d;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(d -> slot[d])
        .thenComparingInt(d -> dropped.get(d).invokedAt()));
    List<Operation> out = new ArrayList<>(witness.size() + dropped.size());
    int w = 0;
    for (int d : order) {
      while (w < slot[d]) {
        out.add(witness.get(w++));
      }
      out.add(dropped.get(d));
    }
    while (w < witness.size()) {
      out.add(witness.get(w++));
    }
    return out;
  }
}
