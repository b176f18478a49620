package io.synod.checker.liveness;

import io.synod.checker.engine.fp.FingerprintSet;
import io.synod.checker.engine.spill.SpillContext;
import io.synod.checker.engine.spill.SpillFile;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state graph the safety search explored, kept for the liveness check in primitive arrays:
 * per state its fingerprint and the bits of its state atoms (and of its stuttering step's
 * action atoms), per edge the target and the bits of its action atoms. Each search worker
 * appends to its own {@link Recorder} (no locking); {@link #freeze} then numbers the states and
 * builds a compressed adjacency (offsets into one target array). The numbering is the one a
 * single worker's recording has, whatever the number of workers (breadth-first, see
 * renumberBreadthFirst), so that the checker's counterexample does not depend on it; a caller
 * that only needs the verdict can leave that to when it has a counterexample.
 *
 * <p>Memory: while recording, 48 bytes per state (a node record of 2 longs, an expansion
 * record of 4) plus 8 bytes per edge (16 with action atoms); frozen, 28 bytes per state
 * (fingerprint, two bit sets, offset) plus 24 to 48 for the fingerprint index (load between
 * 1/4 and 1/2), plus 4 bytes per edge (12 with action atoms). Under SYMMETRY or VIEW with a
 * tableau, each edge also keeps its target's state atoms: 8 more bytes per edge recorded and
 * frozen. Renumbering several workers'
 * recordings holds a second copy of the per-edge arrays and 20 bytes per state for a moment,
 * less than the recording freed when freezing (or the per-edge labels of a checker done with
 * the graph).
 *
 * <p>On disk: with a {@link SpillContext} whose governor says memory is short (or spilling is
 * forced), the recorders' full chunks move to spill files during the search, and the frozen
 * edge arrays (targets, action bits, and the checker's per-edge labels) are memory-mapped files
 * instead of heap arrays; the heap then keeps the per-state arrays only.
 */
public final class BehaviorGraph {
  private final boolean edgeBits;
  /**
   * Whether each edge also carries its target's state atoms as the step generated it: under
   * SYMMETRY or VIEW a graph state stands for every state with its fingerprint, and TLC decides
   * the tableau on the successor each step generated (see {@link #edgeTargetBits}).
   */
  private final boolean targetBits;
  /** The state atoms decided at a state's expansion, taken from the target node for every edge. */
  private final long lateMask;
  private final SpillContext spill;
  /** log2 of the longs per recording chunk: small when spilling is forced, so tests spill. */
  private final int chunkBits;
  private final List<Recorder> recorders = new ArrayList<>();
  private final LongBuf initial = new LongBuf();

  // frozen form
  private int n;
  private long[] fps;
  private long[] stateBits;
  private long[] stutterBits;
  private int[] offsets;
  private GraphArrays.Ints targets;
  private GraphArrays.Longs actionBits;
  private GraphArrays.Longs targetStateBits;
  private boolean onDisk;
  /** Heap bytes of the recorders when the search ended. */
  private long recordedBytes;
  private int[] initialStates;
  private long[] indexKeys;
  /** Per slot of the fingerprint index, the state's number + 1 (0: empty, so no filling). */
  private int[] indexVals;
  /** The numbering is one worker's recording order (see renumberBreadthFirst). */
  private boolean numberedAsOneWorker = true;

  /** A graph recording the action atoms of every edge when {@code edgeBits}. */
  public BehaviorGraph(boolean edgeBits) {
    this(edgeBits, null);
  }

  /** The same, spilling to {@code spill}'s directory when its governor says so (null: never). */
  public BehaviorGraph(boolean edgeBits, SpillContext spill) {
    this(edgeBits, false, 0, spill);
  }

  /**
   * The same; with {@code targetBits} every edge also records the state atoms of its target as
   * generated ({@link Recorder#edge(long, long, long)}), but for those in {@code lateMask},
   * decided when the target is expanded and read from its node.
   */
  public BehaviorGraph(boolean edgeBits, boolean targetBits, long lateMask, SpillContext spill) {
    this.edgeBits = edgeBits;
    this.targetBits = targetBits;
    this.lateMask = lateMask;
    this.spill = spill != null && spill.enabled() ? spill : null;
    this.chunkBits = this.spill != null && this.spill.governor().forced() ? 10 : 16;
  }

  /** A new recorder for one search worker. */
  public synchronized Recorder recorder() {
    Recorder r = new Recorder(recorders.size());
    recorders.add(r);
    return r;
  }

  /** The recorders in the order they were made (a checkpoint writes and restores them). */
  List<Recorder> recorders() {
    return recorders;
  }

  LongBuf initialBuffer() {
    return initial;
  }

  boolean edgeBits() {
    return edgeBits;
  }

  /** Whether edges carry their target's state atoms ({@link #edgeTargetBits}). */
  public boolean targetBits() {
    return targetBits;
  }

  /** Longs per recorded edge: the target, its action atoms, its target's state atoms. */
  private int edgeLongs() {
    return 1 + (edgeBits ? 1 : 0) + (targetBits ? 1 : 0);
  }

  /** Records an initial state (call from one thread, in order). */
  public void initialState(long fp) {
    initial.add(fp);
  }

  /** Appends the states one worker admitted and expanded; not thread-safe. */
  public final class Recorder {
    private final LongBuf nodes;
    private final LongBuf buf;
    private long countAt = -1;
    /**
     * While freezing: the number the next expansion's state most likely has (the one after the
     * last expansion's), tried before the fingerprint index; a worker expands the states it
     * admitted in the order it admitted them when it works alone.
     */
    private int hint;
    private int count;

    Recorder(int id) {
      nodes = new LongBuf(chunkBits, spill, "graph-states-w" + id);
      buf = new LongBuf(chunkBits, spill, "graph-edges-w" + id);
    }

    /** A state admitted to the graph, with the bits of its state atoms. */
    public void node(long fp, long bits) {
      nodes.add(fp);
      nodes.add(bits);
    }

    /** Starts the edges of state {@code fp}, whose stuttering step has {@code stutter}. */
    public void expansion(long fp, long stutter) {
      expansion(fp, 0, stutter);
    }

    /**
     * The same, with state atoms decided at the expansion ({@code late}, added to the bits
     * recorded by {@link #node}).
     */
    public void expansion(long fp, long late, long stutter) {
      close();
      buf.add(fp);
      buf.add(late);
      buf.add(stutter);
      countAt = buf.size();
      buf.add(0);
      count = 0;
    }

    public void edge(long toFp, long bits) {
      if (targetBits) {
        throw new IllegalStateException("this graph records each edge's target atoms");
      }
      buf.add(toFp);
      if (edgeBits) {
        buf.add(bits);
      }
      count++;
    }

    /**
     * An edge of a graph made with {@code targetBits}: {@code target} are the state atoms of
     * the successor the step generated (not of the state with its fingerprint that the graph
     * holds; the late ones are ignored).
     */
    public void edge(long toFp, long bits, long target) {
      if (!targetBits) {
        edge(toFp, bits);
        return;
      }
      buf.add(toFp);
      if (edgeBits) {
        buf.add(bits);
      }
      buf.add(target & ~lateMask);
      count++;
    }

    LongBuf nodes() {
      return nodes;
    }

    LongBuf edges() {
      return buf;
    }

    void close() {
      if (countAt >= 0) {
        buf.set(countAt, count);
        countAt = -1;
      }
    }
  }

  /**
   * Numbers the states (in one worker's recording order) and builds the adjacency; the
   * recorders are freed.
   */
  public void freeze() {
    freeze(1);
  }

  /**
   * Below this many recorded longs (4 per expansion, 1 or 2 per edge: about 2^18 edges) the
   * passes over the recordings stay on one thread: starting a thread costs more than it saves on
   * a small graph, whose passes run before the JIT compiled them.
   */
  private static final long PARALLEL_LONGS = 1 << 19;

  /**
   * The same, with up to {@code threads} threads for the passes over the edges: each worker's
   * recording holds the states that worker expanded, every state is expanded once, so the
   * recordings write disjoint parts of the arrays.
   */
  public void freeze(int threads) {
    freeze(threads, true);
  }

  /**
   * The same; with {@code asOneWorker} false, several workers' recordings are numbered in
   * recording order (worker by worker), which depends on the timing, and not renumbered: a
   * liveness verdict does not depend on the numbering, only the counterexample reported does,
   * so a check can look at the graph as it is and call {@link #numberAsOneWorker} only when it
   * has a counterexample to report (renumbering copies the edge arrays: about 80 ms on two
   * million edges).
   */
  public void freeze(int threads, boolean asOneWorker) {
    freeze(recorders, initial, null, threads);
    if (asOneWorker) {
      numberAsOneWorker();
    }
  }

  /**
   * Whether the frozen graph is numbered as one worker's recording would be (always after
   * {@link #freeze(int)}; after {@code freeze(threads, false)} only if one recorder recorded).
   */
  public boolean numberedAsOneWorker() {
    return numberedAsOneWorker;
  }

  /**
   * Renumbers the frozen graph as one worker's recording, if it is not already (see
   * renumberBreadthFirst): the same graph, its states in another order. A checker made before
   * this must not be used after it.
   */
  public void numberAsOneWorker() {
    if (!numberedAsOneWorker) {
      renumberBreadthFirst();
      numberedAsOneWorker = true;
    }
  }

  /**
   * Builds the frozen form from the recordings {@code from} (this graph's own, or another's for
   * {@link #expandedSoFar}) and their initial states {@code initialFps}. With {@code expanded}
   * null the whole recording is taken and freed as it is read; otherwise only the states in
   * {@code expanded}, and the edges between them, and the recording is left as it was.
   */
  private void freeze(List<Recorder> from, LongBuf initialFps, FingerprintSet expanded,
      int threads) {
    boolean whole = expanded == null;
    // the graph so far keeps recording order, as when it was a copy in one recorder: what it
    // holds depends on the moment of the check anyway, and a check during the search stays cheap
    boolean several = whole && recordersUsed(from) > 1;
    long states = 0;
    long recorded = 0;
    for (Recorder r : from) {
      recordedBytes += r.nodes.heapBytes() + r.buf.heapBytes();
      r.close();
      states += whole ? r.nodes.size() / 2 : kept(r.nodes, expanded);
      recorded += r.buf.size();
    }
    if (states > Integer.MAX_VALUE / 2) {
      throw new LivenessException("because the state graph is too large for the liveness checker.");
    }
    n = (int) states;
    fps = new long[n];
    stateBits = new long[n];
    stutterBits = new long[n];
    offsets = new int[n + 1];
    int[] degree = new int[n + 1];
    // the edges go to mapped files when the recording had to spill (or spilling is forced)
    for (Recorder r : from) {
      onDisk |= r.nodes.spilled() || r.buf.spilled();
    }
    onDisk = spill != null && (onDisk || spill.governor().forced() || spill.governor().spillGraph());
    int cap = Integer.highestOneBit(Math.max(4, n * 2 + 1)) * 2;
    indexKeys = new long[cap];
    indexVals = new int[cap];
    int i = 0;
    for (Recorder r : from) {
      r.hint = i;
      for (long p = 0, size = r.nodes.size(); p < size; p += 2) {
        i = number(r.nodes, p, i, expanded);
      }
      if (whole) {
        r.nodes.clear();
      }
    }
    // the states taken are exactly those the index holds: the edges into them are found through
    // it, and the set may go before the edge arrays are made
    expanded = null;
    int passThreads = recorded < PARALLEL_LONGS ? 1 : threads;
    // first pass: degrees, so that each state's edges are contiguous whatever worker expanded it
    eachRecorder(from, passThreads, r -> {
      int first = r.hint;
      for (long p = 0, size = r.buf.size(); p < size; ) {
        p = degree(r, p, degree, whole);
      }
      r.hint = first;
    });
    long edges = 0;
    for (int s = 0; s < n; s++) {
      edges += degree[s];
      if (edges > Integer.MAX_VALUE - 8) {
        throw new LivenessException("because the state graph is too large for the liveness"
            + " checker.");
      }
      offsets[s + 1] = (int) edges;
    }
    SpillContext mapTo = onDisk ? spill : null;
    targets = new GraphArrays.Ints((int) edges, mapTo, "graph-targets");
    actionBits = edgeBits ? new GraphArrays.Longs((int) edges, mapTo, "graph-action-bits") : null;
    targetStateBits =
        targetBits ? new GraphArrays.Longs((int) edges, mapTo, "graph-target-bits") : null;
    int[] fill = Arrays.copyOf(offsets, n);
    eachRecorder(from, passThreads, r -> {
      for (long p = 0, size = r.buf.size(); p < size; ) {
        p = fill(r, p, fill, whole);
      }
      if (whole) {
        r.buf.clear();
      }
    });
    if (whole) {
      recorders.clear();
    }
    java.util.BitSet seen = new java.util.BitSet(n);
    int[] init = new int[(int) Math.min(initialFps.size(), n)];
    int k = 0;
    for (long q = 0; q < initialFps.size(); q++) {
      int s = index(initialFps.get(q));
      if (s >= 0 && !seen.get(s)) {
        seen.set(s);
        init[k++] = s;
      }
    }
    initialStates = Arrays.copyOf(init, k);
    // renumbered (by the public freeze) only when asked for
    numberedAsOneWorker = !several;
  }

  /** How many recorders recorded a state or an expansion. */
  private static int recordersUsed(List<Recorder> from) {
    int used = 0;
    for (Recorder r : from) {
      used += r.nodes.size() > 0 || r.buf.size() > 0 ? 1 : 0;
    }
    return used;
  }

  /**
   * Renumbers the states as one search worker admits them: the initial states in their order,
   * then, state by state in that numbering, the successors not yet numbered in the order the
   * state's edges were recorded. A search on one worker records in exactly this order (each
   * level's states are expanded in the order they were admitted), so the numbering, and with it
   * the order in which the liveness checker visits states and the counterexample it reports,
   * is the same whatever the number of workers and whichever worker admitted which state (the
   * recording order of several workers depends on the timing). Each state's edges keep their
   * order: the worker that expanded it recorded them in the order its successors were
   * generated. States no edge reaches (none after a complete search) follow in recording order.
   * Called only when several recorders recorded; one recorder's order is kept as it is (a
   * depth-first search records in depth-first order).
   */
  private void renumberBreadthFirst() {
    int[] order = new int[n];
    // per old number, the new one + 1 (0: not numbered yet)
    int[] renumbered = new int[n];
    int count = 0;
    for (int s : initialStates) {
      renumbered[s] = ++count;
      order[count - 1] = s;
    }
    int edges = offsets[n];
    SpillContext mapTo = onDisk ? spill : null;
    GraphArrays.Ints newTargets = new GraphArrays.Ints(edges, mapTo, "graph-targets-bfs");
    GraphArrays.Longs newBits =
        edgeBits ? new GraphArrays.Longs(edges, mapTo, "graph-action-bits-bfs") : null;
    GraphArrays.Longs newTargetBits =
        targetBits ? new GraphArrays.Longs(edges, mapTo, "graph-target-bits-bfs") : null;
    int[] newOffsets = new int[n + 1];
    int unreached = 0;
    int at = 0;
    for (int i = 0; i < n; i++) {
      if (i == count) {
        while (renumbered[unreached] != 0) {
          unreached++;
        }
        renumbered[unreached] = ++count;
        order[i] = unreached;
      }
      newOffsets[i] = at;
      count = copyEdges(order[i], at, renumbered, order, count, newTargets, newBits,
          newTargetBits);
      at += offsets[order[i] + 1] - offsets[order[i]];
    }
    newOffsets[n] = at;
    targets.release();
    targets = newTargets;
    if (actionBits != null) {
      actionBits.release();
      actionBits = newBits;
    }
    if (targetStateBits != null) {
      targetStateBits.release();
      targetStateBits = newTargetBits;
    }
    offsets = newOffsets;
    fps = permuted(fps, order);
    stateBits = permuted(stateBits, order);
    stutterBits = permuted(stutterBits, order);
    for (int h = 0; h < indexVals.length; h++) {
      if (indexVals[h] != 0) {
        indexVals[h] = renumbered[indexVals[h] - 1];
      }
    }
    for (int i = 0; i < initialStates.length; i++) {
      initialStates[i] = renumbered[initialStates[i]] - 1;
    }
  }

  /**
   * Copies the edges of old state {@code s} to {@code at} of the new arrays, numbering the
   * targets met for the first time; returns the count of states numbered (a method of its own,
   * called once per state, which the JIT compiles after a few hundred calls).
   */
  private int copyEdges(int s, int at, int[] renumbered, int[] order, int count,
      GraphArrays.Ints newTargets, GraphArrays.Longs newBits, GraphArrays.Longs newTargetBits) {
    for (int e = offsets[s], end = offsets[s + 1]; e < end; e++, at++) {
      int t = targets.get(e);
      if (renumbered[t] == 0) {
        renumbered[t] = ++count;
        order[count - 1] = t;
      }
      newTargets.set(at, renumbered[t] - 1);
      if (newBits != null) {
        newBits.set(at, actionBits.get(e));
      }
      if (newTargetBits != null) {
        newTargetBits.set(at, targetStateBits.get(e));
      }
    }
    return count;
  }

  private static long[] permuted(long[] a, int[] order) {
    long[] out = new long[a.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = a[order[i]];
    }
    return out;
  }

  /**
   * The graph recorded so far, frozen, restricted to the states already expanded: a state not
   * yet expanded has no recorded successors, no stuttering step and no atoms decided at its
   * expansion (ENABLED), so in a cycle it could make a fair behaviour look unfair; it is left
   * out, with the edges into it. A cycle of what remains is a cycle of the complete graph, every
   * step of its states known, so a counterexample found in it is one of the complete graph.
   * This graph is not changed (the recording goes on); call only while no {@link Recorder} is
   * being written to, between two expansions (the last one is taken as complete). The frozen
   * graph is built straight from the recording, numbered as freezing a recording of just the
   * expanded states would (in recording order, worker by worker), so that the check holds the
   * recording and the frozen graph, no second recording. Its edges go to mapped files, as
   * {@link #freeze} decides for its own, when the recording spilled or {@code spill} says memory
   * is short; they map through {@code spill} (null: on the heap), which must not be this
   * graph's: the file names would clash.
   */
  public BehaviorGraph expandedSoFar(SpillContext spill) {
    BehaviorGraph frozen = new BehaviorGraph(edgeBits, targetBits, lateMask, spill);
    frozen.freeze(recorders, initial, expandedStates(), 1);
    return frozen;
  }

  /** The fingerprints of the states expanded so far. */
  private FingerprintSet expandedStates() {
    // every expanded state was recorded as a node first: sized for those, the set never grows
    long recorded = 0;
    for (Recorder r : recorders) {
      r.close();
      recorded += r.nodes.size() / 2;
    }
    FingerprintSet done = FingerprintSet.forExpected(Math.min(recorded, 1 << 29));
    long count = 0;
    for (Recorder r : recorders) {
      for (long p = 0; p < r.buf.size(); p += 4 + r.buf.get(p + 3) * edgeLongs()) {
        if (++count > 1 << 29) {
          throw new LivenessException(
              "because the state graph is too large for the liveness checker.");
        }
        done.add(r.buf.get(p));
      }
    }
    return done;
  }

  /** How many of the states recorded in {@code nodes} are in {@code expanded}. */
  private static long kept(LongBuf nodes, FingerprintSet expanded) {
    long k = 0;
    for (long p = 0, size = nodes.size(); p < size; p += 2) {
      k += expanded.contains(nodes.get(p)) ? 1 : 0;
    }
    return k;
  }

  // The passes of freeze, one recorded state or expansion per call: methods called once per
  // state, which the JIT compiles after a few hundred calls, where one loop over a recording
  // would run interpreted until it had gone round some 60,000 times.

  /**
   * Numbers the state recorded at {@code p} of {@code nodes} {@code i} if it is taken (all are
   * when {@code expanded} is null); returns the next state's number.
   */
  private int number(LongBuf nodes, long p, int i, FingerprintSet expanded) {
    long fp = nodes.get(p);
    if (expanded != null && !expanded.contains(fp)) {
      return i;
    }
    fps[i] = fp;
    stateBits[i] = nodes.get(p + 1);
    put(fp, i);
    return i + 1;
  }

  /** The number of the state with fingerprint {@code fp} that {@code r} expanded next, or -1. */
  private int expanded(Recorder r, long fp) {
    int h = r.hint;
    int s = h < n && fps[h] == fp ? h : index(fp);
    r.hint = s + 1;
    return s;
  }

  /**
   * Takes in the expansion recorded at {@code p}, but for its edges; returns the next one's.
   * Counts all its edges when {@code whole}, else those into states this graph holds.
   */
  private long degree(Recorder r, long p, int[] degree, boolean whole) {
    LongBuf buf = r.buf;
    int s = expanded(r, buf.get(p));
    int k = (int) buf.get(p + 3);
    int stride = edgeLongs();
    long next = p + 4 + (long) k * stride;
    if (s >= 0) {
      stateBits[s] |= buf.get(p + 1);
      stutterBits[s] = buf.get(p + 2);
      if (whole) {
        degree[s] += k;
      } else {
        for (long q = p + 4; q < next; q += stride) {
          degree[s] += index(buf.get(q)) >= 0 ? 1 : 0;
        }
      }
    }
    return next;
  }

  /**
   * Places the edges of the expansion recorded at {@code p} (all when {@code whole}, else those
   * into states this graph holds); returns the next one's.
   */
  private long fill(Recorder r, long p, int[] fill, boolean whole) {
    LongBuf buf = r.buf;
    int s = expanded(r, buf.get(p));
    int k = (int) buf.get(p + 3);
    p += 4;
    int stride = edgeLongs();
    if (s < 0) {
      return p + (long) k * stride;
    }
    int at = fill[s];
    for (int j = 0; j < k; j++, p += stride) {
      int t = index(buf.get(p));
      if (t < 0 && !whole) {
        continue;
      }
      // in the whole graph an edge to a state it does not hold cannot be: every admitted state
      // is recorded; keep the slot consistent anyway by pointing it at the source
      targets.set(at, t >= 0 ? t : s);
      if (edgeBits) {
        actionBits.set(at, buf.get(p + 1));
      }
      if (targetBits) {
        targetStateBits.set(at, buf.get(p + stride - 1));
      }
      at++;
    }
    fill[s] = at;
    return p;
  }

  /** Runs {@code work} on every recorder of {@code recorders}, over up to {@code threads} threads. */
  private static void eachRecorder(List<Recorder> recorders, int threads,
      java.util.function.Consumer<Recorder> work) {
    int m = Math.min(threads, recorders.size());
    if (m <= 1) {
      recorders.forEach(work);
      return;
    }
    java.util.concurrent.atomic.AtomicReference<Throwable> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread[] helpers = new Thread[m - 1];
    for (int i = 1; i < m; i++) {
      int first = i;
      helpers[i - 1] = new Thread(() -> {
        try {
          for (int j = first; j < recorders.size(); j += m) {
            work.accept(recorders.get(j));
          }
        } catch (Throwable e) {
          failed.compareAndSet(null, e);
        }
      }, "synod-freeze");
      helpers[i - 1].setDaemon(true);
      helpers[i - 1].start();
    }
    try {
      for (int j = 0; j < recorders.size(); j += m) {
        work.accept(recorders.get(j));
      }
    } finally {
      boolean interrupted = false;
      for (Thread h : helpers) {
        while (true) {
          try {
            h.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable e = failed.get();
    if (e instanceof RuntimeException re) {
      throw re;
    }
    if (e instanceof Error err) {
      throw err;
    }
  }

  private void put(long fp, int v) {
    int mask = indexKeys.length - 1;
    int h = (int) (mix(fp) & mask);
    while (indexVals[h] != 0) {
      if (indexKeys[h] == fp) {
        return;
      }
      h = (h + 1) & mask;
    }
    indexKeys[h] = fp;
    indexVals[h] = v + 1;
  }

  /** The number of the state with fingerprint {@code fp}, or -1. */
  public int index(long fp) {
    int mask = indexKeys.length - 1;
    int h = (int) (mix(fp) & mask);
    int v;
    while ((v = indexVals[h]) != 0) {
      if (indexKeys[h] == fp) {
        return v - 1;
      }
      h = (h + 1) & mask;
    }
    return -1;
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  public int size() {
    return n;
  }

  public long fingerprint(int s) {
    return fps[s];
  }

  public long stateBits(int s) {
    return stateBits[s];
  }

  public long stutterBits(int s) {
    return stutterBits[s];
  }

  public int edgeStart(int s) {
    return offsets[s];
  }

  public int edgeEnd(int s) {
    return offsets[s + 1];
  }

  public int target(int e) {
    return targets.get(e);
  }

  public long actionBits(int e) {
    return actionBits == null ? 0 : actionBits.get(e);
  }

  /**
   * The state atoms of edge e's target as the step generated it: the target node's own
   * ({@link #stateBits}) unless the graph records them per edge ({@link #targetBits()}), where
   * the atoms decided at the target's expansion still come from the node.
   */
  public long edgeTargetBits(int e) {
    long node = stateBits[targets.get(e)];
    return targetStateBits == null ? node : targetStateBits.get(e) | (node & lateMask);
  }

  /** Whether the edges are in mapped files rather than on the heap. */
  public boolean onDisk() {
    return onDisk;
  }

  /**
   * An int array for the checker (per edge, per state or per product node), where the graph
   * keeps its edges: on the heap, or in a new mapped file when the graph spilled.
   */
  GraphArrays.Ints edgeInts(int length, String name) {
    return new GraphArrays.Ints(length, onDisk ? spill : null,
        name + "-" + files.incrementAndGet());
  }

  private final java.util.concurrent.atomic.AtomicInteger files =
      new java.util.concurrent.atomic.AtomicInteger();

  public int[] initialStates() {
    return initialStates;
  }

  /**
   * Heap bytes the recorders held when the search ended (before {@link #freeze}); for a graph
   * {@link #expandedSoFar}, those of the recording it was built from, which the check holds too.
   */
  public long recordedBytes() {
    return recordedBytes;
  }

  /** Bytes held by the frozen graph on the heap. */
  public long bytes() {
    long edges = n == 0 ? 0 : offsets[n];
    return (long) n * 28 + (onDisk ? 0 : edges * (4 + (edgeBits ? 8 : 0) + (targetBits ? 8 : 0)))
        + (long) indexKeys.length * 12;
  }

  /**
   * A growable array of longs in chunks (no copying of what was written). With a spill context
   * whose governor says so, full chunks move to a spill file (at a fixed offset per chunk); reads
   * of a chunk on disk load it whole into a one-chunk cache, as {@link #freeze} reads in order.
   */
  static final class LongBuf {
    private final int bits;
    private final int chunk;
    private final SpillContext spill;
    private final String name;
    private long[][] chunks = new long[4][];
    private long size;
    /** Chunks below this index are on disk. */
    private int firstOnHeap;
    private SpillFile file;
    private ByteBuffer io;
    private int cachedChunk = -1;
    private long[] cache;

    LongBuf() {
      this(16, null, null);
    }

    LongBuf(int bits, SpillContext spill, String name) {
      this.bits = bits;
      this.chunk = 1 << bits;
      this.spill = spill;
      this.name = name;
    }

    void add(long v) {
      int c = (int) (size >>> bits);
      int off = (int) (size & (chunk - 1));
      if (off == 0) {
        startChunk(c);
      }
      chunks[c][off] = v;
      size++;
    }

    private void startChunk(int c) {
      if (c == chunks.length) {
        chunks = Arrays.copyOf(chunks, c * 2);
      }
      long bytes = (long) chunk * 8;
      if (c > firstOnHeap && spill != null && spill.governor().spillGraph()) {
        long[] recycled = chunks[c - 1];
        int moved = c - firstOnHeap;
        while (firstOnHeap < c) {
          write(firstOnHeap++);
        }
        spill.governor().graphed(-(moved - 1) * bytes);
        chunks[c] = recycled;
      } else {
        chunks[c] = new long[chunk];
        if (spill != null) {
          spill.governor().graphed(bytes);
        }
      }
    }

    private void write(int c) {
      if (file == null) {
        file = spill.newFile(name);
        io = ByteBuffer.allocate(chunk * 8);
      }
      io.clear();
      io.asLongBuffer().put(chunks[c]);
      io.position(0).limit(chunk * 8);
      file.write((long) c * chunk * 8, io);
      chunks[c] = null;
    }

    private long[] load(int c) {
      if (cachedChunk != c) {
        if (cache == null) {
          cache = new long[chunk];
        }
        io.clear();
        file.read((long) c * chunk * 8, io);
        io.flip();
        io.asLongBuffer().get(cache);
        cachedChunk = c;
      }
      return cache;
    }

    long get(long i) {
      int c = (int) (i >>> bits);
      long[] a = c >= firstOnHeap ? chunks[c] : load(c);
      return a[(int) (i & (chunk - 1))];
    }

    void set(long i, long v) {
      int c = (int) (i >>> bits);
      int off = (int) (i & (chunk - 1));
      if (c >= firstOnHeap) {
        chunks[c][off] = v;
        return;
      }
      ByteBuffer b = ByteBuffer.allocate(8).putLong(0, v);
      file.write(((long) c * chunk + off) * 8, b);
      if (cachedChunk == c) {
        cache[off] = v;
      }
    }

    long size() {
      return size;
    }

    /** Bytes of the chunks on the heap. */
    long heapBytes() {
      long b = 0;
      for (int c = firstOnHeap; c < chunks.length; c++) {
        b += chunks[c] != null ? (long) chunk * 8 : 0;
      }
      return b;
    }

    /** Whether any chunk went to disk. */
    boolean spilled() {
      return file != null;
    }

    void clear() {
      if (spill != null) {
        int onHeap = 0;
        for (int c = firstOnHeap; c < chunks.length; c++) {
          onHeap += chunks[c] != null ? 1 : 0;
        }
        spill.governor().graphed(-(long) onHeap * chunk * 8);
      }
      if (file != null) {
        file.close();
        file = null;
      }
      chunks = new long[4][];
      size = 0;
      firstOnHeap = 0;
      cachedChunk = -1;
      cache = null;
      io = null;
    }
  }
}
