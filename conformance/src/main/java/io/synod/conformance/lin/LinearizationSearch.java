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
    z1 = new long[n];
    z2 = new long[n];
    SplittableRandom rnd = new SplittableRandom(0x5EED_1D0L);
    int oks = 0;
    for (int i = 0; i < n; i++) {
      ok[i] = ops[i].ok();
      oks += ok[i] ? 1 : 0;
      z1[i] = rnd.nextLong();
      z2[i] = rnd.nextLong();
    }
    okTotal = oks;
    stackOp = new int[n + 1];
    stackState = new Object[n + 1];
  }

  PartitionResult run(Object key) {
    String stop = pass(false, -1);
    if (stop != null) {
      return new PartitionResult(key, all.size(), Verdict.UNKNOWN, configs, List.of(), null, stop, List.of());
    }
    if (witness != null) {
      List<String> shown = new ArrayList<>();
      if (wantFinalStates) {
        TreeSet<String> sorted = new TreeSet<>();
        finals.forEach(s -> sorted.add(model.show(s)));
        shown.addAll(sorted);
      }
      return new PartitionResult(key, all.size(), Verdict.VALID, configs, completeWitness(), null, null, shown);
    }
    int target = bestReach;
    Operation failing = ops[bestBlocker];
    long firstPassConfigs = configs;
    // Second pass: gather the configurations that got furthest. If the budget runs out here
    // the verdict stands, only with fewer explanations.
    pass(true, target);
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

  /** One depth-first pass; null when it finished, else why it stopped early. */
  @SuppressWarnings("unchecked")
  private String pass(boolean capture, int target) {
    frontier = consistency == Consistency.LINEARIZABLE
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
    long fp1 = 0;
    long fp2 = 0;
    int okLeft = okTotal;
    if (okLeft == 0) {
      witness = List.of();
      finals.add(state);
      if (!wantFinalStates) {
        return null;
      }
    }
    long iterations = 0;
    int j = frontier.first();
    while (true) {
      if ((++iterations & 1023) == 0) {
        configs = memo.size();
        String stop = budget.exhausted(configs);
        if (stop != null) {
          return stop;
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
        j = frontier.next(k);
        continue;
      }
      S next = model.step(state, ops[j]);
      if (next != null) {
        long f1 = fp1 ^ z1[j];
        long f2 = fp2 ^ z2[j];
        if (memo.add(f1, f2, next)) {
          stackOp[sp] = j;
          stackState[sp++] = state;
          state = next;
          fp1 = f1;
          fp2 = f2;
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
              return null;
            }
            finals.add(state);
          } else if (okLeft == 0) {
            finals.add(state);
          }
          j = frontier.first();
          continue;
        }
      }
      j = frontier.next(j);
    }
    configs = memo.size();
    return null;
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
