package io.synod.checker.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Searches the product of the behaviour graph and each branch's tableau for a reachable
 * strongly connected component that satisfies one of the branch's error models: every edge
 * inside it satisfies the {@code <>[]} formulas, some edge satisfies each {@code []<>} formula,
 * and some node fulfils each promise of the tableau. Such a component holds a cycle that is an
 * infinite counterexample; the result is a shortest path to the component's root plus a cycle
 * from the root built as TLC builds its own (see {@code Product.dfsCycle}), or the shortest
 * such cycle where TLC's is longer (see {@code Product.shortestCycle}).
 *
 * <p>Components are found with Tarjan's algorithm run on an explicit stack (deep graphs would
 * exhaust the Java stack), once per error model, on the graph without the edges that break its
 * {@code <>[]} formulas. Every state has a stuttering step to itself, as every TLA+ behaviour
 * may stutter.
 */
public final class LivenessChecker {
  /**
   * A counterexample: the states (graph numbers) of the behaviour, the index the last state
   * loops back to, the action bits of each step (step i goes from state i to state i+1, the
   * last one back to {@code loop}), whether the loop is the last state stuttering, and each
   * state's atoms as the step into it generated it (under SYMMETRY or VIEW not always those of
   * the graph state: see {@link BehaviorGraph#edgeTargetBits}).
   */
  public record Lasso(int[] states, int loop, long[] stepBits, boolean stuttering,
      long[] stateBits) {}

  private final BehaviorGraph g;
  /** The largest product graph's search arrays, in bytes (see {@link #peakBytes}). */
  private final java.util.concurrent.atomic.AtomicLong productBytes =
      new java.util.concurrent.atomic.AtomicLong();
  /** The largest shortest-cycle search of a lasso, in bytes (see {@link #peakBytes}). */
  private final java.util.concurrent.atomic.AtomicLong lassoBytes =
      new java.util.concurrent.atomic.AtomicLong();

  public LivenessChecker(BehaviorGraph g) {
    this.g = g;
  }

  /**
   * Heap bytes the check held at its largest, from the sizes of its arrays: the recording and
   * the frozen graph side by side while freezing, or the frozen graph, the labels, the
   * reachable sets of every branch and the search arrays (index, low link, component: 4 bytes
   * each per product node) of the component searches that ran at once, plus the arrays of the
   * largest shortest-cycle search of a lasso.
   */
  public long peakBytes() {
    Labels l = labels;
    long labelBytes = l == null || !l.ofSlot.onHeap() ? 0
        : 4L * (l.edges + g.size() + (l.ofTarget != null ? l.edges : 0));
    long[] r = reach;
    long checking = g.bytes() + labelBytes + productBytes.get() * concurrent
        + (r == null ? 0 : 8L * r.length) + lassoBytes.get();
    return Math.max(g.recordedBytes() + g.bytes(), checking);
  }

  /** The first counterexample over all branches, or null when every property holds. */
  public Lasso check(LivenessPlan plan) {
    return check(plan, 1);
  }

  /**
   * The same, with up to {@code threads} threads: the unit of work is one component search, of
   * one branch's product graph for one group of its error models (those with the same
   * {@code <>[]} conditions); each finds, for every model of its group, the first accepting
   * component in its own search order, so the result, the first counterexample in plan order
   * (branches, then models), does not depend on the timing.
   */
  public Lasso check(LivenessPlan plan, int threads) {
    return check(plan, threads, PARALLEL_NODES);
  }

  /**
   * Below this many product nodes in all the component searches together (each group of error
   * models searches its branch's product) the searches run one after the other on the calling
   * thread. A check that small is over in tens of milliseconds, before the JIT has compiled it;
   * a second thread then runs the same code interpreted or in profiled form beside the JIT's
   * own threads on the same cores, and the check took longer than on one thread. Measured
   * whole process at 2 workers (the temporal check after the search, wall time): the ticket
   * lock (6 searches, 250,140 product nodes) 52-93 ms on one thread against 79-108 ms on two;
   * raft-liveness-bench (9 searches, 11,173,977 product nodes) 677-832 ms against 495-635 ms.
   * A single search (one branch, one group) never has a second thread to use.
   */
  static final long PARALLEL_NODES = 1 << 20;

  /** {@link #check(LivenessPlan, int)} with parallel searches from {@code minNodes} on. */
  Lasso check(LivenessPlan plan, int threads, long minNodes) {
    List<LivenessPlan.Branch> branches = plan.branches();
    List<Product> products = new ArrayList<>();
    int bits = 0;
    for (LivenessPlan.Branch b : branches) {
      Product p = new Product(b, bits);
      products.add(p);
      bits += p.t;
    }
    // the reachable sets are numbered by this plan's branches
    synchronized (this) {
      this.products = products;
      this.reachWords = (bits + 63) >>> 6;
      this.reach = null;
    }
    int tasks = 0;
    long nodes = 0;
    for (Product p : products) {
      int groups = p.groups().size();
      tasks += groups;
      nodes += (long) p.size * groups;
    }
    if (threads <= 1 || tasks <= 1 || nodes < minNodes) {
      concurrent = 1;
      for (Product p : products) {
        Lasso l = p.search();
        if (l != null) {
          return l;
        }
      }
      return null;
    }
    concurrent = Math.min(threads, tasks);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        concurrent, r -> {
          Thread th = new Thread(r, "synod-liveness");
          th.setDaemon(true);
          return th;
        });
    try {
      List<List<java.util.concurrent.Future<Lasso[]>>> results = new ArrayList<>();
      for (Product p : products) {
        List<java.util.concurrent.Future<Lasso[]>> mine = new ArrayList<>();
        for (int[] group : p.groups()) {
          mine.add(pool.submit(() -> {
            Lasso[] found = new Lasso[p.branch.models().size()];
            Product.Scratch sc = p.new Scratch();
            try {
              p.searchGroup(group, found, sc);
            } finally {
              sc.release();
            }
            return found;
          }));
        }
        results.add(mine);
      }
      for (List<java.util.concurrent.Future<Lasso[]>> mine : results) {
        Lasso first = null;
        int best = Integer.MAX_VALUE;
        for (java.util.concurrent.Future<Lasso[]> f : mine) {
          Lasso[] found = f.get();
          for (int i = 0; i < found.length && i < best; i++) {
            if (found[i] != null) {
              best = i;
              first = found[i];
            }
          }
        }
        if (first != null) {
          return first;
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LivenessException("because the check was interrupted.");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Steps of a component search per call of {@link Product.Walk#run}: the walk is one long loop,
   * which the JIT would compile only after some 60,000 iterations (on-stack replacement) and a
   * check of a small graph would run interpreted; in calls of this many steps the method is
   * compiled after a few hundred calls, as any method called often.
   */
  private static final int WALK_STEPS = 16;

  /** How many component searches ran at once (for {@link #peakBytes}). */
  private volatile int concurrent = 1;

  /**
   * What every branch needs of an edge: the pair (state atoms of its source, action atoms of the
   * step) it carries, numbered. Conditions on steps are functions of that pair, and the pairs are
   * few, so each condition is decided once per pair instead of once per edge and product node.
   * Edge slot e &lt; E is graph edge e, slot E + s is the stuttering step of state s.
   */
  private volatile Labels labels;

  private static final class Labels {
    /** Per edge slot, its pair's number (where the graph keeps its edges: heap or mapped file). */
    final GraphArrays.Ints ofSlot;
    /** Per state, the number of its state atom bits among the distinct ones. */
    final int[] ofState;
    /**
     * Per edge, the number of its target's state atom bits as the step generated them, when the
     * graph records them ({@link BehaviorGraph#targetBits()}); null: those of the target state.
     */
    final GraphArrays.Ints ofTarget;
    final long[] pairState;
    final long[] pairAction;
    final long[] distinctStateBits;
    final int edges;

    Labels(BehaviorGraph g) {
      int n = g.size();
      edges = n == 0 ? 0 : g.edgeEnd(n - 1);
      ofSlot = g.edgeInts(edges + n, "graph-labels");
      ofState = new int[n];
      ofTarget = g.targetBits() ? g.edgeInts(edges, "graph-target-labels") : null;
      LongPairIndex pairs = new LongPairIndex();
      LongPairIndex states = new LongPairIndex();
      for (int s = 0; s < n; s++) {
        label(g, s, pairs, states);
      }
      pairState = pairs.firsts();
      pairAction = pairs.seconds();
      distinctStateBits = states.firsts();
    }

    /** One state's numbers (a method of its own, which the JIT compiles after a few calls). */
    private void label(BehaviorGraph g, int s, LongPairIndex pairs, LongPairIndex states) {
      long sb = g.stateBits(s);
      ofState[s] = states.id(sb, 0);
      for (int e = g.edgeStart(s), end = g.edgeEnd(s); e < end; e++) {
        ofSlot.set(e, pairs.id(sb, g.actionBits(e)));
        if (ofTarget != null) {
          ofTarget.set(e, states.id(g.edgeTargetBits(e), 0));
        }
      }
      ofSlot.set(edges + s, pairs.id(sb, g.stutterBits(s)));
    }

    /**
     * The number of the state atom bits the tableau is decided on for the target of edge slot
     * {@code slot} (a stuttering step's slot: its state's own).
     */
    int ofTarget(int slot, int target) {
      return ofTarget == null || slot >= edges ? ofState[target] : ofTarget.get(slot);
    }
  }

  private Labels labels() {
    Labels l = labels;
    if (l == null) {
      synchronized (this) {
        l = labels;
        if (l == null) {
          l = new Labels(g);
          labels = l;
        }
      }
    }
    return l;
  }

  /** An error model's step conditions decided per label: allowed by its <>[], and its []<> met. */
  private static final class ModelTable {
    final boolean[] allowed;
    /** Per label, the []<> conditions it meets: {@code words} longs each. */
    final long[] meets;
    final int words;
    final int count;
    /**
     * Whether some label is allowed and each []<> condition is met by an allowed label:
     * otherwise no component can be accepting (the labels inside a component are allowed ones),
     * and the search is skipped.
     */
    final boolean satisfiable;

    ModelTable(LivenessPlan.ErrorModel m, Labels l) {
      int k = l.pairState.length;
      allowed = new boolean[k];
      count = m.infinitelyOften().size();
      words = (count + 63) >>> 6;
      meets = new long[k * words];
      for (int i = 0; i < k; i++) {
        long sb = l.pairState[i];
        long ab = l.pairAction[i];
        boolean ok = true;
        for (LiveExpr ea : m.eventuallyAlways()) {
          if (!LiveExpr.eval(ea, sb, ab)) {
            ok = false;
            break;
          }
        }
        allowed[i] = ok;
        for (int j = 0; j < count; j++) {
          if (LiveExpr.eval(m.infinitelyOften().get(j), sb, ab)) {
            meets[i * words + (j >>> 6)] |= 1L << (j & 63);
          }
        }
      }
      int[] allowedLabels = new int[k];
      int a = 0;
      for (int i = 0; i < k; i++) {
        if (allowed[i]) {
          allowedLabels[a++] = i;
        }
      }
      // a component needs a cycle, and its steps are allowed ones
      satisfiable = a > 0 && metBy(allowedLabels, a);
    }

    /** Whether the labels {@code labels[0..n)} together meet every []<> condition. */
    boolean metBy(int[] labels, int n) {
      if (count == 0) {
        return true;
      }
      if (words == 1) {
        long met = 0;
        for (int i = 0; i < n; i++) {
          met |= meets[labels[i]];
        }
        return Long.bitCount(met) == count;
      }
      long[] met = new long[words];
      for (int i = 0; i < n; i++) {
        for (int w = 0; w < words; w++) {
          met[w] |= meets[labels[i] * words + w];
        }
      }
      int metCount = 0;
      for (long w : met) {
        metCount += Long.bitCount(w);
      }
      return metCount == count;
    }
  }

  /** Numbers distinct pairs of longs (open addressing; no boxing). */
  static final class LongPairIndex {
    private long[] keyA = new long[64];
    private long[] keyB = new long[64];
    private int[] vals = new int[64];
    private long[] firsts = new long[16];
    private long[] seconds = new long[16];
    private int size;

    LongPairIndex() {
      java.util.Arrays.fill(vals, -1);
    }

    int id(long a, long b) {
      int mask = vals.length - 1;
      int h = hash(a, b) & mask;
      while (vals[h] >= 0) {
        if (keyA[h] == a && keyB[h] == b) {
          return vals[h];
        }
        h = (h + 1) & mask;
      }
      if (size == firsts.length) {
        firsts = Arrays.copyOf(firsts, size * 2);
        seconds = Arrays.copyOf(seconds, size * 2);
      }
      firsts[size] = a;
      seconds[size] = b;
      keyA[h] = a;
      keyB[h] = b;
      vals[h] = size;
      size++;
      if (size * 2 > vals.length) {
        grow();
      }
      return size - 1;
    }

    private void grow() {
      int cap = vals.length * 2;
      keyA = new long[cap];
      keyB = new long[cap];
      vals = new int[cap];
      Arrays.fill(vals, -1);
      for (int i = 0; i < size; i++) {
        int h = hash(firsts[i], seconds[i]) & (cap - 1);
        while (vals[h] >= 0) {
          h = (h + 1) & (cap - 1);
        }
        keyA[h] = firsts[i];
        keyB[h] = seconds[i];
        vals[h] = i;
      }
    }

    private static int hash(long a, long b) {
      long x = a * 0x9E3779B97F4A7C15L + b;
      x ^= x >>> 31;
      x *= 0xff51afd7ed558ccdL;
      return (int) (x ^ (x >>> 32));
    }

    long[] firsts() {
      return Arrays.copyOf(firsts, size);
    }

    long[] seconds() {
      return Arrays.copyOf(seconds, size);
    }
  }

  /** Every branch's product, numbered into one bit space for {@link #reachable()}. */
  private List<Product> products = List.of();
  /** Longs per state in {@link #reachable()}'s sets. */
  private int reachWords;
  private volatile long[] reach;

  /**
   * The reachable product nodes of every branch at once, computed when the first search needs
   * them: per state, {@link #reachWords} longs with the bit of (branch, tableau node q) set when
   * (state, q) is reachable in that branch's product. A state goes back on the work list when
   * its set grew and passes to each successor the tableau successors of its set that are
   * consistent with that successor; one walk over the edges serves every branch, and a step
   * costs a few long operations instead of one per product node.
   */
  private synchronized long[] reachable() {
    if (reach != null) {
      return reach;
    }
    int n = g.size();
    int w = reachWords;
    if ((long) n * w > Integer.MAX_VALUE - 8) {
      throw new LivenessException("because the product of the state graph and the tableaux is"
          + " too large.");
    }
    long[] r = new long[n * w];
    Labels l = labels();
    int kinds = l.distinctStateBits.length;
    // per (branch, tableau node), its successors; per distinct state bits, the consistent nodes
    long[] succMask = new long[w * 64 * w];
    long[] consMask = new long[kinds * w];
    boolean[] queued = new boolean[n];
    int[] queue = new int[Math.max(1, n)];
    int count = 0;
    for (Product p : products) {
      for (int q = 0; q < p.t; q++) {
        int bit = p.bitOffset + q;
        for (int q2 : p.tsucc[q]) {
          int to = p.bitOffset + q2;
          succMask[bit * w + (to >>> 6)] |= 1L << to;
        }
        for (int i = 0; i < kinds; i++) {
          if (p.cons[i * p.t + q]) {
            consMask[i * w + (bit >>> 6)] |= 1L << bit;
          }
        }
      }
      for (int u : p.roots()) {
        int s = u / p.t;
        int bit = p.bitOffset + u - s * p.t;
        r[s * w + (bit >>> 6)] |= 1L << bit;
        if (!queued[s]) {
          queued[s] = true;
          queue[count++] = s;
        }
      }
    }
    Spread walk = new Spread(g, l, r, w, succMask, consMask, queued, queue, count);
    while (walk.run(WALK_STEPS)) {
      // in chunks, as the component search (see WALK_STEPS)
    }
    reach = r;
    return r;
  }

  /** The work list of {@link #reachable()}: states whose reachable set grew. */
  private static final class Spread {
    final BehaviorGraph g;
    final Labels labels;
    final int[] ofState;
    final long[] r;
    final int w;
    final long[] succMask;
    final long[] consMask;
    final boolean[] queued;
    /** A ring of the queued states: each is in it at most once. */
    final int[] queue;
    final long[] next;
    int head;
    int count;

    Spread(BehaviorGraph g, Labels labels, long[] r, int w, long[] succMask, long[] consMask,
        boolean[] queued, int[] queue, int count) {
      this.g = g;
      this.labels = labels;
      this.ofState = labels.ofTarget == null ? labels.ofState : null;
      this.r = r;
      this.w = w;
      this.succMask = succMask;
      this.consMask = consMask;
      this.queued = queued;
      this.queue = queue;
      this.count = count;
      this.next = new long[w];
    }

    /** Passes on the sets of up to {@code budget} states of the list; false once it is empty. */
    boolean run(int budget) {
      for (; budget > 0 && count > 0; budget--) {
        int s = queue[head];
        head = head + 1 == queue.length ? 0 : head + 1;
        count--;
        queued[s] = false;
        if (w == 1) {
          spread1(s);
        } else {
          spread(s);
        }
      }
      return count > 0;
    }

    /** {@link #spread} where one long holds a state's set (up to 64 tableau nodes in all). */
    private void spread1(int s) {
      long[] r = this.r;
      long next = 0;
      for (long m = r[s]; m != 0; m &= m - 1) {
        next |= succMask[Long.numberOfTrailingZeros(m)];
      }
      // the stuttering step, then the recorded ones
      int start = g.edgeStart(s);
      for (int e = start - 1, end = g.edgeEnd(s); e < end; e++) {
        int target = e < start ? s : g.target(e);
        long add = next & consMask[targetLabel(e, start, s, target)] & ~r[target];
        if (add != 0) {
          r[target] |= add;
          if (!queued[target]) {
            queued[target] = true;
            queue[(head + count++) % queue.length] = target;
          }
        }
      }
    }

    /** The label of edge e's target ({@code e < start}: state s's stuttering step). */
    private int targetLabel(int e, int start, int s, int target) {
      return ofState != null ? ofState[target]
          : labels.ofTarget(e < start ? labels.edges + s : e, target);
    }

    /** Passes the tableau successors of state s's set to each successor state. */
    private void spread(int s) {
      long[] r = this.r;
      long[] next = this.next;
      int w = this.w;
      Arrays.fill(next, 0);
      for (int x = 0; x < w; x++) {
        for (long m = r[s * w + x]; m != 0; m &= m - 1) {
          int bit = (x << 6) + Long.numberOfTrailingZeros(m);
          for (int y = 0; y < w; y++) {
            next[y] |= succMask[bit * w + y];
          }
        }
      }
      // the stuttering step, then the recorded ones
      int start = g.edgeStart(s);
      for (int e = start - 1, end = g.edgeEnd(s); e < end; e++) {
        int target = e < start ? s : g.target(e);
        int cm = targetLabel(e, start, s, target) * w;
        boolean grew = false;
        for (int y = 0; y < w; y++) {
          long add = next[y] & consMask[cm + y] & ~r[target * w + y];
          if (add != 0) {
            r[target * w + y] |= add;
            grew = true;
          }
        }
        if (grew && !queued[target]) {
          queued[target] = true;
          queue[(head + count++) % queue.length] = target;
        }
      }
    }
  }

  /**
   * The tableau nodes (successor lists {@code succ}) in a strongly connected component that has
   * a cycle and whose nodes together fulfil all {@code promises} promises.
   */
  static boolean[] candidateNodes(int[][] succ, BitSet[] fulfils, int promises) {
    int t = succ.length;
    // reach[q]: the nodes reachable from q in one step or more (tableaux are small)
    BitSet[] reach = new BitSet[t];
    for (int q = 0; q < t; q++) {
      BitSet r = new BitSet(t);
      ArrayDeque<Integer> todo = new ArrayDeque<>();
      for (int x : succ[q]) {
        if (!r.get(x)) {
          r.set(x);
          todo.add(x);
        }
      }
      while (!todo.isEmpty()) {
        for (int x : succ[todo.poll()]) {
          if (!r.get(x)) {
            r.set(x);
            todo.add(x);
          }
        }
      }
      reach[q] = r;
    }
    boolean[] out = new boolean[t];
    for (int q = 0; q < t; q++) {
      if (!reach[q].get(q)) {
        continue;
      }
      BitSet met = new BitSet();
      for (int x = 0; x < t; x++) {
        if (x == q || (reach[q].get(x) && reach[x].get(q))) {
          met.or(fulfils[x]);
        }
      }
      out[q] = met.nextClearBit(0) >= promises;
    }
    return out;
  }

  /**
   * One branch's product graph: node id = state * tableauSize + tableauNode. Its successors are
   * numbered k = edge * (tableau successors) + tableau successor, edge 0 the stuttering step and
   * edge i &gt; 0 the state's i-th recorded step.
   */
  private final class Product {
    final LivenessPlan.Branch branch;
    final Tableau tab;
    final int t;
    final int size;
    final Labels labels;
    /** Per tableau node, its successors. */
    final int[][] tsucc;
    /** Per tableau node, the promises it fulfils. */
    final BitSet[] fulfils;
    /** {@link #fulfils} as one long per node, or null with more than 64 promises. */
    final long[] fulfilsMask;
    /** [distinct state bits * t + q]: whether tableau node q admits states with those bits. */
    final boolean[] cons;
    // the lasso's prefix, computed only for a counterexample
    int[] dist;
    int[] parent;
    /** Per product node, the successor index of the step from its parent (see succ). */
    int[] parentStep;

    /** The first bit of this branch's tableau nodes in {@link #reachable()}'s sets. */
    final int bitOffset;

    Product(LivenessPlan.Branch branch, int bitOffset) {
      this.branch = branch;
      this.tab = branch.tableau();
      this.t = tab == null ? 1 : tab.size();
      long sz = (long) g.size() * t;
      if (sz > Integer.MAX_VALUE - 8) {
        throw new LivenessException("because the product of the state graph and the tableau is"
            + " too large.");
      }
      this.size = (int) sz;
      this.bitOffset = bitOffset;
      // index, low link and component in mapped files when the graph spilled
      productBytes.accumulateAndGet(g.onDisk() ? 0L : 12L * size, Math::max);
      this.labels = labels();
      this.tables = new ModelTable[branch.models().size()];
      this.tsucc = new int[t][];
      for (int q = 0; q < t; q++) {
        tsucc[q] = tab == null ? new int[] {0} : tab.node(q).successorArray();
      }
      int promises = tab == null ? 0 : tab.promiseCount();
      this.fulfils = new BitSet[t];
      for (int q = 0; q < t; q++) {
        fulfils[q] = new BitSet();
        for (int i = 0; i < promises; i++) {
          if (tab.node(q).fulfils(i)) {
            fulfils[q].set(i);
          }
        }
      }
      this.fulfilsMask = promises > 64 ? null : new long[t];
      for (int q = 0; q < t && fulfilsMask != null; q++) {
        long[] words = fulfils[q].toLongArray();
        fulfilsMask[q] = words.length == 0 ? 0 : words[0];
      }
      long[] distinct = labels.distinctStateBits;
      this.cons = new boolean[distinct.length * t];
      for (int i = 0; i < distinct.length; i++) {
        for (int q = 0; q < t; q++) {
          cons[i * t + q] = tab == null || tab.node(q).consistent(distinct[i]);
        }
      }
      boolean[] cand = candidateNodes(tsucc, fulfils, promises);
      this.candidate = cand;
      int candidates = 0;
      for (boolean c : cand) {
        candidates += c ? 1 : 0;
      }
      this.candidates = candidates;
      if (candidates > 0 && candidates < t) {
        consInLayer = cons.clone();
        for (int i = 0; i < consInLayer.length; i++) {
          consInLayer[i] &= cand[i % t];
        }
      } else {
        consInLayer = null;
      }
    }

    /**
     * How many tableau nodes lie in a component of the tableau that can hold an accepting
     * cycle: one with a cycle whose nodes together fulfil every promise. A product cycle
     * projects onto a cycle of the tableau, so every accepting product component lies in the
     * layer of such a component (0: the branch has no counterexample).
     */
    final int candidates;
    final boolean[] candidate;
    /**
     * {@link #cons} restricted to the candidate layer, or null when every node is a candidate.
     * The components of the product restricted to the layer are exactly the components of the
     * whole product that lie in it (a path between two members of a component stays in it).
     */
    final boolean[] consInLayer;

    boolean consistent(int s, int q) {
      return cons[labels.ofState[s] * t + q];
    }

    int degree(int s) {
      return g.edgeEnd(s) - g.edgeStart(s) + 1;
    }

    int succCount(int q) {
      return tsucc[q].length;
    }

    /** The k-th candidate successor of product node u (-1 when the tableau rules it out). */
    int succ(int u, int k) {
      int s = u / t;
      int q = u % t;
      int sc = tsucc[q].length;
      int ei = k / sc;
      int slot = ei == 0 ? labels.edges + s : g.edgeStart(s) + ei - 1;
      int target = ei == 0 ? s : g.target(slot);
      int q2 = tsucc[q][k % sc];
      return cons[labels.ofTarget(slot, target) * t + q2] ? target * t + q2 : -1;
    }

    /**
     * The state atoms of the target of product node u's k-th candidate step as that step
     * generated it (under SYMMETRY or VIEW, not always those of the graph state).
     */
    long targetBits(int u, int k) {
      int s = u / t;
      int ei = k / succCount(u % t);
      return ei == 0 ? g.stateBits(s) : g.edgeTargetBits(g.edgeStart(s) + ei - 1);
    }

    long bits(int u, int k) {
      int s = u / t;
      int ei = k / succCount(u % t);
      return ei == 0 ? g.stutterBits(s) : g.actionBits(g.edgeStart(s) + ei - 1);
    }

    int candidates(int u) {
      return degree(u / t) * succCount(u % t);
    }

    boolean allowed(LivenessPlan.ErrorModel m, int u, long bits) {
      long sb = g.stateBits(u / t);
      for (LiveExpr ea : m.eventuallyAlways()) {
        if (!LiveExpr.eval(ea, sb, bits)) {
          return false;
        }
      }
      return true;
    }

    /** Per error model (index into the branch's), its table once a search needed it. */
    private final ModelTable[] tables;

    synchronized ModelTable table(int model) {
      ModelTable mt = tables[model];
      if (mt == null) {
        mt = new ModelTable(branch.models().get(model), labels);
        tables[model] = mt;
      }
      return mt;
    }

    /** The initial product nodes, in the order of the initial states. */
    int[] roots() {
      int[] states = g.initialStates();
      List<Integer> init = tab == null ? List.of(0) : tab.initial();
      int[] out = new int[states.length * init.size()];
      int k = 0;
      for (int s : states) {
        for (int q : init) {
          if (consistent(s, q)) {
            out[k++] = s * t + q;
          }
        }
      }
      return Arrays.copyOf(out, k);
    }

    /**
     * The first error model (in plan order) with an accepting component, and its first
     * component in the search's order. Error models with the same {@code <>[]} conditions see
     * the same graph, so one component search serves all of them: each component is tested
     * against every model of the group still able to come first.
     */
    Lasso search() {
      List<LivenessPlan.ErrorModel> models = branch.models();
      Lasso[] found = new Lasso[models.size()];
      int best = models.size();
      Scratch sc = new Scratch();
      try {
        for (int[] group : groups()) {
          // a group whose models all come after a counterexample found cannot change it
          if (group[0] < best) {
            int hit = searchGroup(group, found, sc);
            if (hit >= 0 && hit < best) {
              best = hit;
            }
          }
        }
      } finally {
        sc.release();
      }
      return best < models.size() ? found[best] : null;
    }

    /** The error models (indices) grouped by their {@code <>[]} conditions, in plan order. */
    List<int[]> groups() {
      List<LivenessPlan.ErrorModel> models = branch.models();
      List<int[]> out = new ArrayList<>();
      boolean[] done = new boolean[models.size()];
      for (int i = 0; i < models.size(); i++) {
        if (done[i]) {
          continue;
        }
        List<LiveExpr> ea = models.get(i).eventuallyAlways();
        int[] group = new int[models.size() - i];
        int k = 0;
        for (int j = i; j < models.size(); j++) {
          if (!done[j] && models.get(j).eventuallyAlways().equals(ea)) {
            done[j] = true;
            group[k++] = j;
          }
        }
        out.add(Arrays.copyOf(group, k));
      }
      return out;
    }

    /**
     * The arrays of one component search, reused for the next group searched by the same
     * thread: per product node, 0 while unset, the visit number + 1, the low link + 1, the
     * component + 1 (zeroes, so that fresh mapped files need no filling); and the distinct
     * labels of the steps inside the last component tested.
     */
    final class Scratch {
      GraphArrays.Ints index;
      GraphArrays.Ints low;
      GraphArrays.Ints comp;
      int[] inner = new int[16];
      int innerCount;
      /** Per label, the call of {@link #internalLabels} that last entered it into inner. */
      int[] innerMark;
      int innerStamp;

      void reset() {
        if (index == null || index.onHeap()) {
          // new heap arrays come zeroed (by the collector's bulk clearing, which a check just
          // started would otherwise do in an interpreted loop); the old ones are garbage
          index = g.edgeInts(size, "tarjan-index");
          low = g.edgeInts(size, "tarjan-low");
          comp = g.edgeInts(size, "tarjan-comp");
        } else {
          index.clear();
          low.clear();
          comp.clear();
        }
      }

      /** Frees the mapped files, if any (the heap arrays go with the object). */
      void release() {
        for (GraphArrays.Ints x : new GraphArrays.Ints[] {index, low, comp}) {
          if (x != null) {
            x.release();
          }
        }
      }
    }

    /** This branch's bits in {@link #reachable()}'s sets: every node, or the candidate layer. */
    long[] rootMask(boolean inLayer) {
      long[] mask = new long[reachWords];
      for (int q = 0; q < t; q++) {
        if (!inLayer || candidate[q]) {
          int bit = bitOffset + q;
          mask[bit >>> 6] |= 1L << bit;
        }
      }
      return mask;
    }

    /**
     * The first product node from {@code u} on that is reachable (in {@link #reachable()}'s
     * sets) and among the tableau nodes of {@code mask} (see {@link #rootMask});
     * {@link #size} when there is none. States none of whose nodes qualify are passed over a
     * word at a time.
     */
    int nextReached(long[] r, int u, long[] mask) {
      int w = reachWords;
      int n = g.size();
      int s = u / t;
      int q = u - s * t;
      for (; s < n; s++, q = 0) {
        boolean any = false;
        for (int y = 0; y < w && !any; y++) {
          any = (r[s * w + y] & mask[y]) != 0;
        }
        for (; any && q < t; q++) {
          int bit = bitOffset + q;
          if ((r[s * w + (bit >>> 6)] & mask[bit >>> 6] & (1L << bit)) != 0) {
            return s * t + q;
          }
        }
      }
      return size;
    }

    /** Shortest distances (and parents) from the initial product nodes: the lasso's prefix. */
    void distances() {
      dist = new int[size];
      parent = new int[size];
      parentStep = new int[size];
      Arrays.fill(dist, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int u : roots()) {
        if (dist[u] < 0) {
          dist[u] = 0;
          parent[u] = -1;
          queue.add(u);
        }
      }
      while (!queue.isEmpty()) {
        int u = queue.poll();
        int c = candidates(u);
        for (int k = 0; k < c; k++) {
          int v = succ(u, k);
          if (v >= 0 && dist[v] < 0) {
            dist[v] = dist[u] + 1;
            parent[v] = u;
            parentStep[v] = k;
            queue.add(v);
          }
        }
      }
    }

    /**
     * {@link #tarjan} for one group; where the tableau confines accepting components to a layer
     * of the product, the layer is searched first, and the whole product (whose search order
     * decides which lasso is printed) only when the layer holds an accepting component.
     */
    int searchGroup(int[] group, Lasso[] found, Scratch sc) {
      boolean any = false;
      for (int i : group) {
        any |= table(i).satisfiable;
      }
      if (!any || candidates == 0
          || (consInLayer != null && tarjan(group, found, sc, true) < 0)) {
        return -1;
      }
      return tarjan(group, found, sc, false);
    }

    /**
     * Tarjan's search for the error models {@code group} (indices into the branch's models, in
     * plan order, all with the same {@code <>[]} conditions); each model's first accepting
     * component becomes its lasso in {@code found}. Stops once the group's first model has one
     * (no later model can come before it). Returns the lowest index with a lasso, or -1. With
     * {@code inLayer}, searches only the reachable nodes of the candidate layer and returns 0 at
     * the first accepting component, leaving {@code found} untouched.
     */
    int tarjan(int[] group, Lasso[] found, Scratch sc, boolean inLayer) {
      Walk w = new Walk(group, found, sc, inLayer);
      while (w.run(WALK_STEPS)) {
        // the walk goes on in chunks (see WALK_STEPS)
      }
      return w.hit;
    }

    /**
     * One run of {@link #tarjan}: Tarjan's algorithm on an explicit stack, its state in fields
     * so that it can stop after any step and go on with the next call of {@link #run}.
     */
    final class Walk {
      final int[] group;
      final Lasso[] found;
      final Scratch sc;
      final boolean inLayer;
      final ModelTable[] mts;
      /** The <>[] conditions, hence which steps are allowed, are the same for the whole group. */
      final boolean[] allowedByLabel;
      final boolean[] cons;
      final GraphArrays.Ints index;
      final GraphArrays.Ints low;
      final GraphArrays.Ints comp;
      final int[] starts;
      final long[] reachable;
      final long[] rootMask;
      /** On the stack: visited (index set) and not yet in a component. */
      int[] stack = new int[16];
      int sp;
      int[] callNode = new int[16];
      int[] callCursor = new int[16];
      int csp;
      int next;
      int comps;
      int open;
      int hit = -1;
      /** The next root: starts[r], then the reachable nodes from next0 on. */
      int r;
      int next0;

      Walk(int[] group, Lasso[] found, Scratch sc, boolean inLayer) {
        this.group = group;
        this.found = found;
        this.sc = sc;
        this.inLayer = inLayer;
        List<LivenessPlan.ErrorModel> models = branch.models();
        mts = new ModelTable[group.length];
        for (int i = 0; i < group.length; i++) {
          mts[i] = table(group[i]);
        }
        allowedByLabel = mts[0].allowed;
        sc.reset();
        index = sc.index;
        low = sc.low;
        comp = sc.comp;
        open = group.length;
        // Every reachable node may start a component: a <>[] condition restricts the cycle, not
        // the way to it, so nodes reached only through steps the condition forbids count too.
        starts = inLayer ? new int[0] : roots();
        reachable = models.get(group[0]).eventuallyAlways().isEmpty() && !inLayer
            ? null : reachable();
        cons = inLayer ? consInLayer : Product.this.cons;
        rootMask = rootMask(inLayer);
      }

      /** The next root to start from, or -1 when there is none left. */
      int nextRoot() {
        if (r < starts.length) {
          return starts[r++];
        }
        if (reachable == null) {
          return -1;
        }
        next0 = nextReached(reachable, next0, rootMask);
        return next0 == size ? -1 : next0++;
      }

      /**
       * Goes on with the search for at most {@code budget} steps (a step: a new root, a descent
       * to a successor, or a node done); false once it is over.
       */
      boolean run(int budget) {
        int[] stack = this.stack;
        int sp = this.sp;
        int[] callNode = this.callNode;
        int[] callCursor = this.callCursor;
        int csp = this.csp;
        int next = this.next;
        boolean[] cons = this.cons;
        boolean[] allowedByLabel = this.allowedByLabel;
        GraphArrays.Ints index = this.index;
        GraphArrays.Ints low = this.low;
        GraphArrays.Ints comp = this.comp;
        GraphArrays.Ints ofSlot = labels.ofSlot;
        int[] ofState = labels.ofState;
        GraphArrays.Ints ofTarget = labels.ofTarget;
        int edges = labels.edges;
        int t = Product.this.t;
        boolean more = true;
        for (; budget > 0; budget--) {
          if (csp == 0) {
            int root = open > 0 ? nextRoot() : -1;
            if (root < 0) {
              more = false;
              break;
            }
            if (index.get(root) != 0) {
              continue;
            }
            callNode[0] = root;
            callCursor[0] = 0;
            next++;
            index.set(root, next);
            low.set(root, next);
            if (sp == stack.length) {
              stack = Arrays.copyOf(stack, sp * 2);
            }
            stack[sp++] = root;
            csp = 1;
            continue;
          }
          int u = callNode[csp - 1];
          int k = callCursor[csp - 1];
          int s = t == 1 ? u : u / t;
          int[] qs = tsucc[u - s * t];
          int tn = qs.length;
          int start = g.edgeStart(s);
          int deg = g.edgeEnd(s) - start + 1;
          // TLC stacks every successor and explores the topmost first: the last one generated
          // first, the stuttering step last (the tableau successors of each in their order);
          // cursor k = (deg - 1 - ei) * tn + j for edge ei (0: stuttering) and successor j
          int done = tn == 1 ? k : k / tn;
          int ei = deg - 1 - done;
          int j = k - done * tn;
          int lowU = low.get(u);
          boolean descended = false;
          for (; ei >= 0; ei--, j = 0) {
            int slot;
            int target;
            if (ei == 0) {
              slot = edges + s;
              target = s;
            } else {
              slot = start + ei - 1;
              target = g.target(slot);
            }
            if (!allowedByLabel[ofSlot.get(slot)]) {
              k += tn - j;
              continue;
            }
            int base = (ofTarget == null ? ofState[target] : labels.ofTarget(slot, target)) * t;
            for (; j < tn; j++) {
              int q2 = qs[j];
              k++;
              if (!cons[base + q2]) {
                continue;
              }
              int v = target * t + q2;
              int iv = index.get(v);
              if (iv == 0) {
                callCursor[csp - 1] = k;
                if (csp == callNode.length) {
                  callNode = Arrays.copyOf(callNode, csp * 2);
                  callCursor = Arrays.copyOf(callCursor, csp * 2);
                }
                callNode[csp] = v;
                callCursor[csp] = 0;
                csp++;
                next++;
                index.set(v, next);
                low.set(v, next);
                if (sp == stack.length) {
                  stack = Arrays.copyOf(stack, sp * 2);
                }
                stack[sp++] = v;
                descended = true;
                break;
              } else if (iv < lowU && comp.get(v) == 0) {
                lowU = iv;
              }
            }
            if (descended) {
              break;
            }
          }
          low.set(u, lowU);
          if (descended) {
            continue;
          }
          callCursor[csp - 1] = k;
          if (lowU == index.get(u)) {
            int from = sp;
            do {
              from--;
            } while (stack[from] != u);
            boolean stop = component(stack, from, sp);
            sp = from;
            if (stop) {
              more = false;
              break;
            }
          }
          csp--;
          if (csp > 0) {
            int p = callNode[csp - 1];
            if (lowU < low.get(p)) {
              low.set(p, lowU);
            }
          }
        }
        this.stack = stack;
        this.sp = sp;
        this.callNode = callNode;
        this.callCursor = callCursor;
        this.csp = csp;
        this.next = next;
        return more;
      }

      /**
       * Numbers the component {@code stack[from..to)} and tests it against the group's models;
       * true when the search is over.
       */
      boolean component(int[] stack, int from, int to) {
        for (int i = from; i < to; i++) {
          comp.set(stack[i], comps + 1);
        }
        // the first component found, as TLC's search reports the first one it meets
        if (internalLabels(sc, stack, from, to, comps, allowedByLabel) > 0
            && fulfilsPromises(stack, from, to)) {
          if (inLayer) {
            for (ModelTable mt : mts) {
              if (meetsAll(mt, sc)) {
                hit = 0;
                return true;
              }
            }
          }
          int[] members = null;
          for (int i = 0; i < group.length; i++) {
            if (found[group[i]] != null || !meetsAll(mts[i], sc)) {
              continue;
            }
            if (members == null) {
              members = Arrays.copyOfRange(stack, from, to);
            }
            found[group[i]] = lasso(branch.models().get(group[i]), members, comp, comps);
            open--;
            if (hit < 0 || group[i] < hit) {
              hit = group[i];
            }
          }
          // no later model of the group can come before the first one
          if (found[group[0]] != null) {
            open = 0;
          }
        }
        comps++;
        return open == 0;
      }
    }

    /**
     * Collects the labels of the allowed steps between members {@code stack[from..to)} of
     * component {@code id}; returns how many distinct ones (0: no cycle inside it).
     */
    int internalLabels(Scratch sc, int[] stack, int from, int to, int id, boolean[] allowed) {
      if (sc.innerMark == null) {
        sc.innerMark = new int[allowed.length];
      }
      GraphArrays.Ints comp = sc.comp;
      int[] innerMark = sc.innerMark;
      sc.innerCount = 0;
      int stamp = ++sc.innerStamp;
      GraphArrays.Ints ofSlot = labels.ofSlot;
      int edges = labels.edges;
      for (int i = from; i < to; i++) {
        int u = stack[i];
        int s = u / t;
        int[] qs = tsucc[u - s * t];
        int start = g.edgeStart(s);
        int end = g.edgeEnd(s);
        // the stuttering step, then the recorded ones
        for (int e = start - 1; e < end; e++) {
          int target;
          int slot;
          if (e < start) {
            target = s;
            slot = edges + s;
          } else {
            target = g.target(e);
            slot = e;
          }
          int label = ofSlot.get(slot);
          if (!allowed[label] || innerMark[label] == stamp) {
            continue;
          }
          int base = labels.ofTarget(slot, target) * t;
          for (int q2 : qs) {
            if (cons[base + q2] && comp.get(target * t + q2) == id + 1) {
              innerMark[label] = stamp;
              if (sc.innerCount == sc.inner.length) {
                sc.inner = Arrays.copyOf(sc.inner, sc.innerCount * 2);
              }
              sc.inner[sc.innerCount++] = label;
              break;
            }
          }
        }
      }
      return sc.innerCount;
    }

    /** Whether the members {@code stack[from..to)} fulfil every promise of the tableau. */
    boolean fulfilsPromises(int[] stack, int from, int to) {
      if (tab == null || tab.promiseCount() == 0) {
        return true;
      }
      int promises = tab.promiseCount();
      if (fulfilsMask != null) {
        long all = promises == 64 ? -1L : (1L << promises) - 1;
        long met = 0;
        for (int i = from; i < to; i++) {
          met |= fulfilsMask[stack[i] % t];
          if (met == all) {
            return true;
          }
        }
        return false;
      }
      BitSet fulfilled = new BitSet();
      for (int i = from; i < to; i++) {
        fulfilled.or(fulfils[stack[i] % t]);
        if (fulfilled.cardinality() == promises) {
          return true;
        }
      }
      return false;
    }

    /** Whether the labels {@link #internalLabels} collected meet every []<> condition of a model. */
    boolean meetsAll(ModelTable mt, Scratch sc) {
      return mt.metBy(sc.inner, sc.innerCount);
    }

    /**
     * The counterexample for the accepting component {@code id} ({@code members}, its root
     * first) of error model {@code m}: a shortest path from an initial node to the root, then a
     * cycle from the root back to it that meets every promise and []<> condition. The cycle is
     * TLC's (a greedy walk, closed by a shortest path over the component's states) unless a
     * strictly shorter one exists, which is then printed instead.
     */
    synchronized Lasso lasso(LivenessPlan.ErrorModel m, int[] members, GraphArrays.Ints comp,
        int id) {
      distances();
      // TLC starts the cycle at the component's root (where Tarjan's search entered it)
      int entry = members[0];
      List<int[]> steps = new ArrayList<>();
      int cur = dfsCycle(m, comp, id, entry, steps);
      if (cur != entry || steps.isEmpty()) {
        int[] back = cur == entry ? null : stateBfs(m, comp, id, cur, entry);
        if (back == null) {
          back = bfs(m, comp, id, cur, entry);
        }
        for (int i = 0; i < back.length; i += 3) {
          steps.add(new int[] {back[i], back[i + 1], back[i + 2]});
        }
      }
      List<int[]> shortest = shortestCycle(m, comp, id, members, entry);
      if (shortest != null && printedLength(shortest) < printedLength(steps)) {
        // TLC's walk wanders where the tableau has many nodes over the same few states; a
        // strictly shorter cycle through the same root is printed instead (on a tie, TLC's)
        steps = shortest;
      }
      List<Integer> nodes = new ArrayList<>();
      List<Long> bits = new ArrayList<>();
      List<Long> reached = new ArrayList<>();
      if (initialState(entry / t) && firstLapFromInitial(m, steps, entry)) {
        // TLC's prefix is the root's state alone when that state is initial; allowed here only
        // when a run of the tableau from an initial node of that state follows the cycle's
        // states once and arrives at the root, so that the printed lasso is a run of the product
        nodes.add(entry);
      } else {
        for (int u = entry; u >= 0; u = parent[u]) {
          nodes.add(0, u);
          if (parent[u] >= 0) {
            bits.add(0, bits(parent[u], parentStep[u]));
            reached.add(0, targetBits(parent[u], parentStep[u]));
          }
        }
      }
      int loopAt = nodes.size() - 1;
      // the cycle ends with entry again
      for (int i = 0; i < steps.size(); i++) {
        int[] s = steps.get(i);
        bits.add(bits(s[0], s[1]));
        reached.add(targetBits(s[0], s[1]));
        if (i < steps.size() - 1) {
          nodes.add(s[2]);
        }
      }
      return collapse(nodes, bits, reached, loopAt);
    }

    /**
     * Above this many (component node, conditions met) pairs the shortest cycle is not searched
     * and TLC's construction alone decides the lasso.
     */
    static final long SHORTEST_PAIRS = 1 << 22;

    /** At most this many ints of component steps are kept by {@link #shortestCycle}. */
    static final long SHORTEST_CACHED_INTS = 1 << 24;

    /**
     * The cycle through {@code entry} with the fewest changes of state that meets every promise
     * and every []<> condition of {@code m}: a breadth-first search over pairs (product node of
     * the component, conditions met so far) in which a step that keeps the state (stuttering,
     * only the tableau node changes) costs nothing, as the printed lasso drops it. Returns its
     * steps ([u, k, v] each), or null when there are too many pairs to search.
     */
    List<int[]> shortestCycle(LivenessPlan.ErrorModel m, GraphArrays.Ints comp, int id,
        int[] members, int entry) {
      List<LiveExpr> ae = m.infinitelyOften();
      int promises = tab == null ? 0 : tab.promiseCount();
      int conds = promises + ae.size();
      if (conds > 20 || (long) members.length << conds > SHORTEST_PAIRS) {
        return null;
      }
      java.util.HashMap<Integer, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < members.length; i++) {
        index.put(members[i], i);
      }
      int full = (1 << conds) - 1;
      int pairs = members.length << conds;
      int[] dist = new int[pairs + 1];
      Arrays.fill(dist, Integer.MAX_VALUE);
      int[] from = new int[pairs + 1];
      int[] via = new int[pairs + 1];
      boolean[] done = new boolean[pairs + 1];
      // pair `pairs` stands for entry reached again with every condition met
      int goal = pairs;
      int start = (index.get(entry) << conds) | nodeConds(m, entry, promises);
      dist[start] = 0;
      from[start] = -1;
      java.util.ArrayDeque<Integer> deque = new java.util.ArrayDeque<>();
      deque.add(start);
      // per member, its steps inside the component once first needed: successor member,
      // candidate k, conditions the step meets (its target's and its own), state change (1 or 0)
      int[][] adj = new int[members.length][];
      long cached = 0;
      while (!deque.isEmpty()) {
        int p = deque.pollFirst();
        if (done[p]) {
          continue;
        }
        done[p] = true;
        if (p == goal) {
          break;
        }
        int ui = p >>> conds;
        int mask = p & full;
        int[] out = adj[ui];
        if (out == null) {
          out = steps(m, comp, id, members[ui], index, promises);
          // a node is expanded once per set of conditions met: its steps are kept for the next
          // time, up to a bound on the memory they take (then worked out again each time)
          if (cached + out.length <= SHORTEST_CACHED_INTS) {
            adj[ui] = out;
            cached += out.length;
          }
        }
        for (int e = 0; e < out.length; e += 4) {
          int vi = out[e];
          int mv = mask | out[e + 2];
          int w = out[e + 3];
          int q = members[vi] == entry && mv == full ? goal : (vi << conds) | mv;
          if (dist[p] + w < dist[q]) {
            dist[q] = dist[p] + w;
            from[q] = p;
            via[q] = out[e + 1];
            if (w == 0) {
              deque.addFirst(q);
            } else {
              deque.addLast(q);
            }
          }
        }
      }
      // dist, from, via and done per pair, and the steps kept
      lassoBytes.accumulateAndGet(13L * (pairs + 1) + 4L * cached, Math::max);
      if (!done[goal]) {
        return null;
      }
      List<int[]> steps = new ArrayList<>();
      for (int q = goal; from[q] >= 0; q = from[q]) {
        int u = members[from[q] >>> conds];
        int v = q == goal ? entry : members[q >>> conds];
        steps.add(0, new int[] {u, via[q], v});
      }
      return steps;
    }

    /**
     * The target of candidate {@code k} of {@code u} when it stays in component {@code id} and
     * the error model allows the step, else -1.
     */
    int stepInComponent(LivenessPlan.ErrorModel m, GraphArrays.Ints comp, int id, int u, int k) {
      int v = succ(u, k);
      return v >= 0 && comp.get(v) == id + 1 && allowed(m, u, bits(u, k)) ? v : -1;
    }

    /**
     * The allowed steps from component member {@code u} to members, as quadruples (index of the
     * target in the members, candidate k, conditions met by the target node and the step,
     * 1 when the step changes the state and 0 when it keeps it).
     */
    int[] steps(LivenessPlan.ErrorModel m, GraphArrays.Ints comp, int id, int u,
        java.util.Map<Integer, Integer> index, int promises) {
      List<LiveExpr> ae = m.infinitelyOften();
      long sb = g.stateBits(u / t);
      int c = candidates(u);
      int[] out = new int[16];
      int n = 0;
      for (int k = 0; k < c; k++) {
        int v = stepInComponent(m, comp, id, u, k);
        if (v < 0) {
          continue;
        }
        long b = bits(u, k);
        int mv = nodeConds(m, v, promises);
        for (int i = 0; i < ae.size(); i++) {
          if (LiveExpr.eval(ae.get(i), sb, b)) {
            mv |= 1 << (promises + i);
          }
        }
        if (n + 4 > out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[n++] = index.get(v);
        out[n++] = k;
        out[n++] = mv;
        out[n++] = v / t == u / t ? 0 : 1;
      }
      return Arrays.copyOf(out, n);
    }

    /**
     * The promises and []<> state conditions of {@code m} product node {@code v} meets (callers
     * keep the conditions within an int, so the promises fit {@link #fulfilsMask}).
     */
    int nodeConds(LivenessPlan.ErrorModel m, int v, int promises) {
      int mask = (int) fulfilsMask[v % t];
      List<LiveExpr> ae = m.infinitelyOften();
      long sb = g.stateBits(v / t);
      for (int i = 0; i < ae.size(); i++) {
        if (!ae.get(i).containsAction() && LiveExpr.eval(ae.get(i), sb, 0L)) {
          mask |= 1 << (promises + i);
        }
      }
      return mask;
    }

    /** How many states the printed cycle of {@code steps} has (steps keeping the state drop). */
    int printedLength(List<int[]> steps) {
      int n = 0;
      for (int[] s : steps) {
        if (s[0] / t != s[2] / t) {
          n++;
        }
      }
      return n;
    }

    /** Whether state {@code s} is an initial state. */
    boolean initialState(int s) {
      for (int i : g.initialStates()) {
        if (i == s) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether the states of the cycle {@code steps} (from the state of {@code entry} back to it)
     * are the states of a path of allowed product steps from an initial product node of that
     * state to {@code entry} itself.
     */
    boolean firstLapFromInitial(LivenessPlan.ErrorModel m, List<int[]> steps, int entry) {
      int s0 = entry / t;
      java.util.Set<Integer> at = new java.util.LinkedHashSet<>();
      for (int r : roots()) {
        if (r / t == s0) {
          at.add(r);
        }
      }
      if (at.contains(entry) && steps.isEmpty()) {
        return true;
      }
      for (int[] step : steps) {
        int target = step[2] / t;
        java.util.Set<Integer> next = new java.util.LinkedHashSet<>();
        for (int u : at) {
          int c = candidates(u);
          for (int k = 0; k < c; k++) {
            int v = succ(u, k);
            if (v >= 0 && v / t == target && allowed(m, u, bits(u, k))) {
              next.add(v);
            }
          }
        }
        at = next;
      }
      return at.contains(entry);
    }

    /**
     * Phase one of TLC's cycle: a depth-first walk inside the component from {@code entry} that
     * stops once every promise and every []<> condition has been met, its steps appended to
     * {@code steps} ([u, k, v] each); returns the node where it stopped. A step that meets an
     * open action condition is taken at once; a node that met a condition itself (a promise of
     * its tableau node, a []<> state condition) is left by its last successor in the component;
     * otherwise the walk goes to the last successor not yet visited, backing up to the latest
     * node on the walk that still has one (its first one then). Meeting a condition forgets the
     * visited marks, and the node reached by that step is not marked.
     */
    int dfsCycle(LivenessPlan.ErrorModel m, GraphArrays.Ints comp, int id, int entry,
        List<int[]> steps) {
      List<LiveExpr> ae = m.infinitelyOften();
      int promises = tab == null ? 0 : tab.promiseCount();
      BitSet needP = new BitSet();
      needP.set(0, promises);
      BitSet needS = new BitSet();
      BitSet needA = new BitSet();
      for (int i = 0; i < ae.size(); i++) {
        (ae.get(i).containsAction() ? needA : needS).set(i);
      }
      java.util.HashSet<Integer> seen = new java.util.HashSet<>();
      seen.add(entry);
      int cur = entry;
      int open0 = open(needP, needS, needA);
      while (true) {
        long sb = g.stateBits(cur / t);
        markNode(cur, needP);
        for (int i = needS.nextSetBit(0); i >= 0; i = needS.nextSetBit(i + 1)) {
          if (LiveExpr.eval(ae.get(i), sb, 0L)) {
            needS.clear(i);
          }
        }
        int open1 = open(needP, needS, needA);
        if (open1 == 0) {
          return cur;
        }
        int c = candidates(cur);
        int last = -1;
        int unvisited = -1;
        int met = -1;
        for (int k = 0; k < c && met < 0; k++) {
          int v = stepInComponent(m, comp, id, cur, k);
          if (v < 0) {
            continue;
          }
          long b = bits(cur, k);
          last = k;
          for (int i = needA.nextSetBit(0); i >= 0; i = needA.nextSetBit(i + 1)) {
            if (LiveExpr.eval(ae.get(i), sb, b)) {
              needA.clear(i);
              met = k;
            }
          }
          if (met < 0 && !seen.contains(v)) {
            unvisited = k;
          }
        }
        int k;
        if (met >= 0 || open1 < open0) {
          k = met >= 0 ? met : last;
          seen.clear();
          open0 = open(needP, needS, needA);
        } else {
          while (unvisited < 0) {
            // back up to the latest node on the walk that still has an unvisited successor
            int[] back = steps.remove(steps.size() - 1);
            cur = back[0];
            int cc = candidates(cur);
            for (int j = 0; j < cc && unvisited < 0; j++) {
              int v = succ(cur, j);
              if (v >= 0 && comp.get(v) == id + 1 && allowed(m, cur, bits(cur, j))
                  && !seen.contains(v)) {
                unvisited = j;
              }
            }
          }
          k = unvisited;
          seen.add(succ(cur, k));
        }
        int v = succ(cur, k);
        steps.add(new int[] {cur, k, v});
        cur = v;
      }
    }

    static int open(BitSet a, BitSet b, BitSet c) {
      return a.cardinality() + b.cardinality() + c.cardinality();
    }

    /**
     * Phase two of TLC's cycle, closing it: a breadth-first search from the state of
     * {@code from} to the product node {@code goal} over the states of the component, each state
     * expanded through all its product nodes in the component at once (shortest in states, as
     * TLC's). The states found are then followed by product steps from {@code from}; returns
     * those steps ([u, k, v] each), or null when the states admit no such path to {@code goal}
     * (the caller then searches the product itself).
     */
    int[] stateBfs(LivenessPlan.ErrorModel m, GraphArrays.Ints comp, int id, int from, int goal) {
      int fs = from / t;
      java.util.HashMap<Integer, Integer> prev = new java.util.HashMap<>();
      prev.put(fs, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(fs);
      List<Integer> states = null;
      search:
      while (!queue.isEmpty()) {
        int s = queue.poll();
        for (int q = 0; q < t; q++) {
          int u = s * t + q;
          if (comp.get(u) != id + 1) {
            continue;
          }
          int c = candidates(u);
          for (int k = 0; k < c; k++) {
            int v = succ(u, k);
            if (v < 0 || v == u || !allowed(m, u, bits(u, k))) {
              continue;
            }
            if (v == goal) {
              states = new ArrayList<>();
              states.add(v / t);
              for (int x = s; x >= 0; x = prev.get(x)) {
                states.add(0, x);
              }
              break search;
            }
            int vs = v / t;
            if (!prev.containsKey(vs) && inComponent(vs, comp, id)) {
              prev.put(vs, s);
              queue.add(vs);
            }
          }
        }
      }
      if (states == null) {
        return null;
      }
      // product nodes along the states: per position, each node reached and how
      List<java.util.Map<Integer, int[]>> layers = new ArrayList<>();
      java.util.Map<Integer, int[]> at = new java.util.LinkedHashMap<>();
      at.put(from, null);
      layers.add(at);
      for (int i = 1; i < states.size(); i++) {
        boolean lastStep = i == states.size() - 1;
        java.util.Map<Integer, int[]> next = new java.util.LinkedHashMap<>();
        for (int u : at.keySet()) {
          int c = candidates(u);
          for (int k = 0; k < c; k++) {
            int v = succ(u, k);
            if (v < 0 || v / t != states.get(i) || !allowed(m, u, bits(u, k))) {
              continue;
            }
            if (lastStep ? v == goal : comp.get(v) == id + 1) {
              next.putIfAbsent(v, new int[] {u, k});
            }
          }
        }
        at = next;
        layers.add(at);
      }
      if (!at.containsKey(goal)) {
        return null;
      }
      int n = states.size() - 1;
      int[] out = new int[3 * n];
      int v = goal;
      for (int i = n; i >= 1; i--) {
        int[] how = layers.get(i).get(v);
        out[3 * (i - 1)] = how[0];
        out[3 * (i - 1) + 1] = how[1];
        out[3 * (i - 1) + 2] = v;
        v = how[0];
      }
      return out;
    }

    boolean inComponent(int s, GraphArrays.Ints comp, int id) {
      for (int q = 0; q < t; q++) {
        if (comp.get(s * t + q) == id + 1) {
          return true;
        }
      }
      return false;
    }

    void markNode(int u, BitSet needP) {
      if (tab != null) {
        Tableau.Node node = tab.node(u % t);
        for (int i = needP.nextSetBit(0); i >= 0; i = needP.nextSetBit(i + 1)) {
          if (node.fulfils(i)) {
            needP.clear(i);
          }
        }
      }
    }

    /**
     * Breadth-first search inside the component from {@code from} (at least one step) to
     * {@code goal}; returns the steps ([u, k, v] each).
     */
    int[] bfs(LivenessPlan.ErrorModel m, GraphArrays.Ints comp, int id, int from, int goal) {
      java.util.HashMap<Integer, int[]> prev = new java.util.HashMap<>();
      ArrayDeque<Integer> q = new ArrayDeque<>();
      q.add(from);
      java.util.HashSet<Integer> seen = new java.util.HashSet<>();
      while (!q.isEmpty()) {
        int u = q.poll();
        int c = candidates(u);
        for (int k = 0; k < c; k++) {
          int v = stepInComponent(m, comp, id, u, k);
          if (v < 0) {
            continue;
          }
          if (v == goal) {
            return path(prev, from, u, k, v);
          }
          if (seen.add(v)) {
            prev.put(v, new int[] {u, k});
            q.add(v);
          }
        }
      }
      throw new IllegalStateException("no cycle inside a component");
    }

    int[] path(java.util.Map<Integer, int[]> prev, int from, int u, int k, int v) {
      List<int[]> steps = new ArrayList<>();
      steps.add(new int[] {u, k, v});
      int x = u;
      while (x != from) {
        int[] p = prev.get(x);
        steps.add(0, new int[] {p[0], p[1], x});
        x = p[0];
      }
      int[] out = new int[steps.size() * 3];
      for (int i = 0; i < steps.size(); i++) {
        out[3 * i] = steps.get(i)[0];
        out[3 * i + 1] = steps.get(i)[1];
        out[3 * i + 2] = steps.get(i)[2];
      }
      return out;
    }
    /**
     * Product nodes to states: steps that stay in the same state (stuttering) are dropped;
     * {@code reached}: per step, its target's atoms as generated (a state keeps those of the
     * step that first reached it, the first state its own).
     */
    Lasso collapse(List<Integer> nodes, List<Long> bits, List<Long> reached, int loopAt) {
      List<Integer> states = new ArrayList<>();
      List<Long> stepBits = new ArrayList<>();
      List<Long> atoms = new ArrayList<>();
      int loop = -1;
      for (int i = 0; i < nodes.size(); i++) {
        int s = nodes.get(i) / t;
        if (!states.isEmpty() && states.get(states.size() - 1) == s) {
          if (i == loopAt) {
            loop = states.size() - 1;
          }
          continue;
        }
        if (i > 0) {
          stepBits.add(bits.get(i - 1));
        }
        states.add(s);
        atoms.add(i == 0 ? g.stateBits(s) : reached.get(i - 1));
        if (i == loopAt) {
          loop = states.size() - 1;
        }
      }
      int last = states.get(states.size() - 1);
      boolean stuttering;
      long closing = bits.get(bits.size() - 1);
      if (states.size() - 1 == loop) {
        stuttering = true;
        closing = g.stutterBits(last);
      } else if (last == states.get(loop)) {
        // the last step only stutters: the step into the last state closes the loop instead
        states.remove(states.size() - 1);
        atoms.remove(atoms.size() - 1);
        closing = stepBits.remove(stepBits.size() - 1);
        stuttering = states.size() - 1 == loop;
        if (stuttering) {
          closing = g.stutterBits(states.get(loop));
        }
      } else {
        stuttering = false;
      }
      stepBits.add(closing);
      return new Lasso(states.stream().mapToInt(Integer::intValue).toArray(), loop,
          stepBits.stream().mapToLong(Long::longValue).toArray(), stuttering,
          atoms.stream().mapToLong(Long::longValue).toArray());
    }
  }
}
