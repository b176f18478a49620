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
  /** Completed writes of a state no operation requires: linearized only right before a blind op. */
  private final boolean[] dead;
  private final int deadTotal;
  /** Operations accepted everywhere with a result independent of the state (writes). */
  private final boolean[] blind;
  private final boolean prunable;
  /** Operations with a {@link Model#fixedResult}, and that result. */
  private final boolean[] fixes;
  private final Object[] fixed;
  private final long[] z1;
  private final long[] z2;
  private final Consistency consistency;
  private final Budget budget;
  private final boolean wantFinalStates;
  private final int maxPaths;

  // State of one pass.
  private boolean reduce;
  private int deadLeft;
  private final int[] due = new int[32];
  private Frontier frontier;
  private final int[] stackOp;
  private final Object[] stackState;
  /** How each stack entry was pushed: {@link #NORMAL}, {@link #FORCED} or {@link #GLUED}. */
  private final byte[] kind;
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
    // States no operation requires: once the object holds one, only a blind op can follow.
    // (Unknown when some non-blind op does not name the one state it needs.)
    Set<Object> required = new java.util.HashSet<>();
    boolean unobservable = !wantFinalStates;
    for (Operation op : kept) {
      if (unobservable && !model.isBlind(op)) {
        S r = model.requiredState(op);
        if (r == null) {
          unobservable = false;
        } else {
          required.add(r);
        }
      }
    }
    List<Operation> searched = new ArrayList<>(kept.size());
    List<Boolean> deadOps = new ArrayList<>(kept.size());
    for (Operation op : kept) {
      boolean leadsNowhere = false;
      if (unobservable) {
        S from = model.isBlind(op) ? model.initial() : model.requiredState(op);
        S after = model.step(from, op);
        leadsNowhere = after != null && !required.contains(after);
      }
      if (leadsNowhere && !op.ok()) {
        // An indeterminate op whose effect nobody could see: "it did not happen" explains
        // whatever "it happened" does.
        continue;
      }
      searched.add(op);
      deadOps.add(leadsNowhere && model.isBlind(op));
    }
    ops = searched.toArray(new Operation[0]);
    int n = ops.length;
    ok = new boolean[n];
    readOnly = new boolean[n];
    dead = new boolean[n];
    blind = new boolean[n];
    z1 = new long[n];
    z2 = new long[n];
    SplittableRandom rnd = new SplittableRandom(0x5EED_1D0L);
    int oks = 0;
    int deads = 0;
    for (int i = 0; i < n; i++) {
      ok[i] = ops[i].ok();
      readOnly[i] = model.isReadOnly(ops[i]);
      blind[i] = model.isBlind(ops[i]);
      dead[i] = deadOps.get(i);
      oks += ok[i] ? 1 : 0;
      deads += dead[i] ? 1 : 0;
      z1[i] = rnd.nextLong();
      z2[i] = rnd.nextLong();
    }
    okTotal = oks;
    deadTotal = deads;
    prunable = model.hasHopelessStates();
    fixes = new boolean[n];
    fixed = new Object[n];
    for (int i = 0; i < n; i++) {
      fixed[i] = model.fixedResult(ops[i]);
      fixes[i] = fixed[i] != null;
    }
    stackOp = new int[n + 1];
    stackState = new Object[n + 1];
    kind = new byte[n + 1];
    stackTried = new int[n + 1];
    cand = new int[n];
    closure = new int[n];
    keys = new long[n];
  }

  PartitionResult run(Object key) {
    boolean reducible = !wantFinalStates;
    if (consistency == Consistency.SEQUENTIAL && !wantFinalStates) {
      // Linearizable implies sequentially consistent, and the real-time search is far more
      // constrained (hence faster): try it first, fall back to the program-order search.
      String stop = pass(Consistency.LINEARIZABLE, true, false, budget);
      if (stop == null && witness != null) {
        return valid(key);
      }
    }
    String stop = pass(consistency, reducible, false, budget);
    if (stop != null) {
      return new PartitionResult(key, all.size(), Verdict.UNKNOWN, configs, List.of(), null, stop, List.of());
    }
    if (witness != null) {
      return valid(key);
    }
    long verdictConfigs = configs;
    int verdictBlocker = bestBlocker;
    // The verdict is settled. The explanation follows Knossos's definition (the configurations
    // that got furthest, searched without the shortcuts of the verdict's pass) within a budget
    // of its own; one that runs out leaves a less exact explanation, never another verdict.
    Budget explaining = new Budget(budget.deadlineNanos(),
        Math.min(budget.maxConfigs(), EXPLAIN_CONFIGS), budget.cancelled());
    pass(consistency, false, true, explaining);
    int blocker = bestBlocker >= 0 && witness == null ? bestBlocker : verdictBlocker;
    configs = verdictConfigs;
    Operation failing = ops[blocker];
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

  /** Configurations the explanation of a violation may explore. */
  static final long EXPLAIN_CONFIGS = 20_000;

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
   *
   * <p>With {@code reduce}, two more shortcuts that keep the verdict but not necessarily the
   * furthest configurations (so explanations are searched without them):
   * <ul>
   *   <li>A {@link #dead} write leaves a state nothing can observe, so in any linearization it
   *       is followed by a blind op or only by other dead writes. Such writes are never tried
   *       on their own: whenever a blind op is linearized, every dead write that is a candidate
   *       (and those that become candidates as these are linearized) goes right before it, and
   *       once only dead writes remain the search succeeds. Linearizing more of them there is
   *       never worse: a completion of the configuration without them, with them removed,
   *       completes the one with them. This removes the exponential branching over subsets
   *       and orders of concurrent writes that nobody read.
   *   <li>A configuration is abandoned as soon as some completed operation can no longer be
   *       accepted whatever comes before it ({@link #hopeless}).
   * </ul>
   */
  @SuppressWarnings("unchecked")
  private String pass(Consistency level, boolean reduce, boolean capture, Budget limit) {
    frontier = level == Consistency.LINEARIZABLE
        ? new RealTimeFrontier(ops)
        : new ProgramOrderFrontier(ops);
    memo = new MemoTable(Math.min(1 << 20, 4 * ops.length + 16));
    this.reduce = reduce;
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
    deadLeft = deadTotal;
    looked = 0;
    pruned = 0;
    skipped = 0;
    if (okLeft == 0 || (reduce && okLeft == deadLeft)) {
      complete();
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
        String stop = limit.exhausted(configs);
        if (stop != null) {
          return stop;
        }
      }
      if (fresh) {
        fresh = false;
        if (reduce && prunable && worthLooking() && hopeless()) {
          j = -1;
        } else {
          int stutter = stutterCandidate();
          if (stutter >= 0) {
            if (push(stutter, state, FORCED)) {
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
      }
      if (j < 0) {
        if (okLeft > 0) {
          int r = frontier.reach(sp);
          if (r > bestReach) {
            bestReach = r;
            bestBlocker = frontier.blocker();
            paths.clear();
          }
          // The first configuration to reach the final best comes after every earlier best,
          // so these are the first maxPaths that got furthest, in search order.
          if (capture && r == bestReach && paths.size() < maxPaths) {
            capturePath();
          }
        }
        if (sp == 0) {
          break;
        }
        pop();
        byte how = kind[sp];
        int resume = stackTried[sp];
        while (sp > 0 && kind[sp - 1] == GLUED) {
          pop();
        }
        // After a forced step there is nothing else to try from this configuration.
        if (how == FORCED) {
          j = -1;
        } else {
          order();
          tried = resume + 1;
          j = tried < candCount ? cand[tried] : -1;
        }
        continue;
      }
      S next = model.step(state, ops[j]);
      if (next != null) {
        int glued = reduce && deadTotal > 0 && blind[j] ? linearizeDead(false) : 0;
        if (memo.add(fp1 ^ z1[j], fp2 ^ z2[j], next)) {
          stackTried[sp] = tried;
          if (push(j, next, NORMAL)) {
            return null;
          }
          fresh = true;
          continue;
        }
        while (glued-- > 0) {
          pop();
        }
      }
      tried++;
      j = tried < candCount ? cand[tried] : -1;
    }
    configs = memo.size();
    return null;
  }

  /**
   * Linearizes, glued to the blind op about to follow, every dead write that is a candidate,
   * and those that become candidates as these are linearized; returns how many. The first
   * call at a configuration (from {@link #order}) finds them and remembers them in {@link
   * #closure}; the calls that follow at the same configuration, one per blind candidate
   * tried, replay that list.
   */
  private int linearizeDead(boolean find) {
    if (!find) {
      for (int i = 0; i < closureLength; i++) {
        push(closure[i], model.step(state, ops[closure[i]]), GLUED);
      }
      return closureLength;
    }
    closureLength = 0;
    int previous = -1;
    int c = frontier.first();
    while (c >= 0) {
      if (dead[c]) {
        push(c, model.step(state, ops[c]), GLUED);
        closure[closureLength++] = c;
        // c's links are gone; go on from the candidate before it, whose links are current
        c = previous < 0 ? frontier.first() : frontier.next(previous);
      } else {
        previous = c;
        c = frontier.next(c);
      }
    }
    return closureLength;
  }

  private final int[] closure;
  private int closureLength;

  /**
   * Whether some completed operation can no longer be accepted: it must be linearized before
   * anything invoked after it completed, so the last op with a {@link Model#fixedResult} before
   * it (if any) is one invoked by then, and from that op's result, or from the current state,
   * only ops without one lead to it. A bounded look ahead, so the cost per configuration stays
   * small.
   */
  @SuppressWarnings("unchecked")
  private boolean hopeless() {
    int n = frontier.upcoming(fixes, due);
    int bases = 0;
    int checked = 0;
    for (int i = 0; i < n && checked < MAX_DUE; i++) {
      int e = due[i];
      if (e < 0) {
        if (bases == base.length) {
          return false;
        }
        base[bases++] = fixed[~e];
        continue;
      }
      checked++;
      Operation op = ops[e];
      boolean possible = model.mayStillAccept(state, op);
      for (int b = 0; b < bases && !possible; b++) {
        possible = model.mayStillAccept((S) base[b], op);
      }
      if (!possible) {
        pruned++;
        return true;
      }
    }
    return false;
  }

  /**
   * Whether to look ahead at this configuration: always while looking ahead pays (at least one
   * look in {@link #PAYS} abandons a configuration), else at one configuration in 16, so that
   * histories where it never helps pay little for it. Depends only on the search so far, so a
   * pass is as deterministic as before.
   */
  private boolean worthLooking() {
    if (pruned * PAYS >= looked || (++skipped & 15) == 0) {
      looked++;
      return true;
    }
    return false;
  }

  private static final int PAYS = 32;
  private long looked;
  private long pruned;
  private long skipped;

  /** Completed operations the look ahead examines. */
  private static final int MAX_DUE = 16;
  private final Object[] base = new Object[16];

  /** Undoes the top of the stack. */
  @SuppressWarnings("unchecked")
  private void pop() {
    int k = stackOp[--sp];
    state = (S) stackState[sp];
    stackState[sp] = null;
    frontier.unlift(k);
    fp1 ^= z1[k];
    fp2 ^= z2[k];
    if (ok[k]) {
      okLeft++;
    }
    if (dead[k]) {
      deadLeft++;
    }
  }

  /**
   * Puts the candidates of the current configuration into {@link #cand}, most promising
   * first: the operation that must be linearized soonest (the blocker, whose completion comes
   * first) if it can go now; then operations after which the blocker can go, by completion;
   * then the rest in invocation order. The order depends only on the configuration, so it is computed
   * again, identically, when the search comes back to the configuration. In a reduced pass
   * dead writes are no candidates of their own (dead writes are blind, so the loops skip them).
   */
  private void order() {
    int b = frontier.blocker();
    candCount = 0;
    if (reduce && deadTotal > 0) {
      // Blind ops go after the dead writes glued to them, so their candidates are those of
      // the configuration with those writes linearized (a superset).
      int glued = linearizeDead(true);
      for (int c = frontier.first(); c >= 0; c = frontier.next(c)) {
        if (blind[c]) {
          rank(c, b, model.step(state, ops[c]));
        }
      }
      while (glued-- > 0) {
        pop();
      }
    }
    for (int c = frontier.first(); c >= 0; c = frontier.next(c)) {
      if (!reduce || deadTotal == 0 || !blind[c]) {
        rank(c, b, model.step(state, ops[c]));
      }
    }
    java.util.Arrays.sort(keys, 0, candCount);
    for (int i = 0; i < candCount; i++) {
      cand[i] = (int) (keys[i] & 0x7FFF_FFFF);
    }
  }

  /** Adds candidate {@code c}, whose next state is {@code next}, to the keys to sort. */
  private void rank(int c, int b, S next) {
    long group;
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

  private final int[] cand;
  private final long[] keys;
  private final int[] stackTried;
  private int candCount;

  private static final int NONE = -1;
  private static final int DEAD = -2;

  private static final byte NORMAL = 0;
  /** A read taken at once: nothing else is tried from the configuration below it. */
  private static final byte FORCED = 1;
  /** A dead write that goes and comes back with the entry above it. */
  private static final byte GLUED = 2;

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
   * Linearizes {@code j} (whose configuration was just added to the memo, unless it is glued
   * to the next step); true if that completes the search.
   */
  private boolean push(int j, S next, byte how) {
    stackOp[sp] = j;
    kind[sp] = how;
    stackState[sp++] = state;
    state = next;
    fp1 ^= z1[j];
    fp2 ^= z2[j];
    frontier.lift(j);
    if (dead[j]) {
      deadLeft--;
    }
    if (ok[j]) {
      okLeft--;
    }
    if (how == GLUED) {
      return false;
    }
    if (okLeft == 0 || (reduce && okLeft == deadLeft)) {
      if (witness == null) {
        complete();
      }
      if (!wantFinalStates) {
        configs = memo.size();
        return true;
      }
      finals.add(state);
    }
    return false;
  }

  /**
   * Records the witness: the stack, then the dead writes still left (none unless reduced) in
   * order of completion, which respects real time among them; nothing else is left to order
   * them against.
   */
  private void complete() {
    witness = new ArrayList<>(sp + deadLeft);
    for (int i = 0; i < sp; i++) {
      witness.add(ops[stackOp[i]]);
    }
    if (deadLeft > 0) {
      boolean[] in = new boolean[ops.length];
      for (int i = 0; i < sp; i++) {
        in[stackOp[i]] = true;
      }
      List<Operation> rest = new ArrayList<>();
      for (int i = 0; i < ops.length; i++) {
        if (dead[i] && !in[i]) {
          rest.add(ops[i]);
        }
      }
      rest.sort(Comparator.comparingInt(Operation::completedAt));
      witness.addAll(rest);
    }
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
