package io.synod.checker.engine;

import io.synod.checker.engine.fp.FingerprintSet;
import io.synod.checker.engine.spill.LevelQueue;
import io.synod.checker.engine.spill.NextLevelBuffer;
import io.synod.checker.engine.spill.Segment;
import io.synod.checker.engine.spill.SpillContext;
import io.synod.checker.engine.spill.SpillFile;
import io.synod.checker.engine.spill.StateBatches;
import io.synod.checker.liveness.BehaviorGraph;
import io.synod.checker.liveness.LivenessPlan;
import io.synod.checker.liveness.PrefixTracker;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Level-synchronous breadth-first search. All workers expand the states of one level, taking
 * chunks from a shared cursor, and collect the new states of the next level in their own
 * buffers; the buffers are concatenated (in worker order) at the barrier. With one worker this is
 * exactly TLC's FIFO order, so counts at a mid-level stop match TLC's; with several the depth and
 * the (shortest) traces are still exact.
 *
 * <p>Per successor, in this order (TLC's): count it; decide whether it is in the model
 * (CONSTRAINT, ACTION_CONSTRAINT); if so, admit it to the seen-set; check the invariants of new
 * and out-of-model states; check action properties on every step; enqueue new in-model states.
 *
 * <p>Levels are queues of segments ({@link LevelQueue}, {@link NextLevelBuffer}) that go to disk
 * when memory is short, and so does the parent log; the order of states does not change.
 */
final class BfsSearch {
  /** How TLC introduces the state an error in an initial state's check happened on. */
  static final String WHILE_INITIAL = "While working on the initial state:";
  private final SpecModel model;
  private final CheckOptions options;
  private final SearchListener listener;
  private final StateFingerprinter fingerprinter;
  private final boolean hasConstraints;
  private final boolean hasActionProperties;
  private final boolean checkDeadlock;
  private final List<String> invariants;
  private final List<String> actionProperties;
  private final List<String> initialProperties;
  private final Worker[] workers;
  /** One per worker; after a recovery with fewer workers also the earlier workers' (read only). */
  private ParentLog[] logs;

  private final StateGraphListener graph;
  /** The temporal properties' atoms and the graph recorded for them; null without liveness. */
  private final LivenessModel live;
  private final BehaviorGraph behavior;
  private final boolean liveActions;
  /** The family of the search's fingerprints when they are of the states themselves, else -1. */
  private final int fpFamily;
  /** Counterexamples a finite behaviour settles, with the tableau nodes each state was reached with. */
  private final PrefixTracker prefix;
  private final java.util.concurrent.ConcurrentHashMap<Long, Long> reached;
  private final FingerprintSet seen;
  private volatile boolean stop;
  private volatile boolean cancelled;
  /**
   * TLCSet("exit", TRUE) was evaluated: as TLC, the state being expanded is finished (its
   * other successors still generated and queued), then no further state is taken from the
   * queue, and the check ends without an error.
   */
  private volatile boolean exit;
  private final List<PendingFailure> failures = new ArrayList<>();
  // Written by the thread that runs the search, read once it returned.
  private final List<CheckResult.Level> levels = new ArrayList<>();
  private final JvmTimes jvm = new JvmTimes();

  private final SpillContext spill;
  // The level being expanded; written only at barriers.
  private volatile LevelQueue levelQueue;
  private int level;

  /** Checkpoints of this search, or null. */
  private Checkpoints checkpoints;
  /** The checks of the graph explored so far, or null. */
  private PeriodicLiveness periodic;
  /** Workers stop at their next claim, so that a checkpoint can be written or the graph checked. */
  private volatile boolean pauseRequested;
  /** The pause is (also) for a checkpoint. */
  private volatile boolean checkpointRequested;
  /** The pause is (also) for a check of the graph explored so far. */
  private volatile boolean livenessRequested;
  /** States expanded since the last checkpoint (counted only with {@code everyStates}). */
  private final java.util.concurrent.atomic.AtomicLong expandedSincePause =
      new java.util.concurrent.atomic.AtomicLong();
  private long pauseEvery;
  /** States of the level being expanded that a recovered checkpoint had already expanded. */
  private long expandedBeforeRecovery;

  BfsSearch(SpecModel model, CheckOptions options, SearchListener listener, Output out,
      StateGraphListener graph, SpillContext spill) {
    this(model, options, listener, out, graph, spill, java.util.Map.of(), 0L, null);
  }

  /**
   * @param registers the TLCSet registers after the ASSUMEs, copied to every worker
   * @param seed the seed of the run, as {@code TLCGet("config").seed} reports it
   * @param plan the temporal properties decided during the search, or null
   */
  BfsSearch(SpecModel model, CheckOptions options, SearchListener listener, Output out,
      StateGraphListener graph, SpillContext spill,
      java.util.Map<Value, Value> registers, long seed, io.synod.checker.liveness.LivenessPlan plan) {
    this.spill = spill;
    this.levelQueue = LevelQueue.empty(spill);
    this.model = model;
    this.graph = graph;
    this.options = options;
    this.listener = listener;
    this.fingerprinter = new StateFingerprinter(model, options.fpIndex());
    this.hasConstraints = model.hasConstraints();
    this.actionProperties = model.actionProperties();
    this.hasActionProperties = !actionProperties.isEmpty();
    this.invariants = model.invariants();
    this.initialProperties = model.initialProperties();
    this.checkDeadlock = model.checkDeadlock() && !options.deadlockOff();
    this.workers = new Worker[options.workers()];
    this.logs = new ParentLog[options.workers()];
    this.live = model.liveness();
    this.liveActions = live != null && live.actionAtomCount() > 0;
    // the atoms index a state's steps by the fingerprints of the states themselves
    this.fpFamily = fingerprinter.stateFamily();
    // under SYMMETRY or VIEW a graph state stands for all states with its fingerprint; TLC
    // decides the tableau on each step's successor as generated, so each edge keeps its atoms
    this.behavior = live == null ? null
        : new BehaviorGraph(liveActions, fpFamily < 0, live.lateStateMask(), spill);
    this.prefix = plan == null ? null : PrefixTracker.of(plan);
    this.reached = prefix == null ? null : new java.util.concurrent.ConcurrentHashMap<>();
    this.seed = seed;
    this.control = new SettingsControl("bfs", workers.length, checkDeadlock, seed, options.fpIndex(), this::stats,
        () -> exit = true);
    for (int i = 0; i < workers.length; i++) {
      logs[i] = new ParentLog(i, spill);
      EvalContext ctx = new EvalContext(i, out);
      ctx.registers = new java.util.HashMap<>(registers);
      ctx.search = control;
      workers[i] = new Worker(i, ctx, logs[i], new NextLevelBuffer(i, spill));
      workers[i].rec = behavior == null ? null : behavior.recorder();
    }
    this.seen = new FingerprintSet(options.fpLog2Slots());
  }

  private final long seed;

  /** The search as TLCGet and TLCSet see it. */
  final SearchControl control;

  void cancel() {
    cancelled = true;
    stop = true;
  }

  /** Whether TLCSet("exit", TRUE) ended the search. */
  boolean exited() {
    return exit;
  }

  /** The TLCSet registers of worker 0 (what a POSTCONDITION reads), once the search returned. */
  java.util.Map<Value, Value> registers() {
    return workers[0].ctx.registers;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** A failure noted during the search; its trace is rebuilt after the workers stopped. */
  record PendingFailure(
      Verdict verdict, String name, String message, long stateId, Value[] last,
      ActionLabel lastAction, List<Span> stack, String afterTrace) {
    PendingFailure(Verdict verdict, String name, String message, long stateId, Value[] last,
        ActionLabel lastAction, List<Span> stack) {
      this(verdict, name, message, stateId, last, lastAction, stack, null);
    }
  }

  /** Runs the search to completion, to the first error, or until cancelled. */
  void run() {
    try {
      search();
    } finally {
      levelQueue.close();
      if (graphCheckpoint != null) {
        graphCheckpoint.close();
      }
    }
  }

  /**
   * The states still to expand in depth-first mode (state, id, level), last-in first-out; null
   * in the level-by-level search.
   */
  private java.util.ArrayDeque<Object[]> stack;

  /**
   * Depth-first exploration with one worker: the initial states and then the successors of each
   * expanded state are pushed in the order they are generated, and the last pushed is expanded
   * next, as TLC does when its state queue is a deque (what users pick for trace validation).
   * Counting, constraints, checks and traces are those of the level-by-level search.
   */
  private void searchDepthFirst() {
    Worker w = workers[0];
    java.util.ArrayDeque<Object[]> st = stack;
    if (st == null) {
      st = new java.util.ArrayDeque<>();
      LevelQueue q = levelQueue;
      LevelQueue.Claim c = new LevelQueue.Claim();
      while (q.claim(c)) {
        Segment seg = c.segment;
        for (int i = c.from; i < c.to; i++) {
          st.addLast(new Object[] {seg.states()[i], seg.ids()[i], 1});
          seg.states()[i] = null;
        }
        seg.expanded(c.to - c.from);
      }
      q.close();
      levelQueue = LevelQueue.empty(spill);
      stack = st;
    }
    while (!st.isEmpty() && !stop && !exit) {
      if (pauseRequested) {
        pausedWork();
        if (stop) {
          break;
        }
      }
      Object[] e = st.pollLast();
      level = (Integer) e[2];
      w.expand((Value[]) e[0], (Long) e[1]);
      w.expandedThisLevel = 0;
      expandedStates(1);
    }
  }

  private void search() {
    if (checkpoints != null && checkpoints.settings().recoverFrom() != null) {
      checkpoints.recover(this);
    } else {
      computeInitialStates();
    }
    if (options.depthFirst()) {
      searchDepthFirst();
      return;
    }
    ExecutorService pool = workers.length > 1
        ? Executors.newFixedThreadPool(workers.length, r -> {
            // as deep a stack as the command's own thread: evaluation recursion follows the spec
            Thread t = new Thread(null, r, "synod-worker", 1L << 30);
            t.setDaemon(true);
            return t;
          })
        : null;
    try {
      while (levelQueue.size() > 0 && !stop && !exit) {
        long levelStart = System.nanoTime();
        long jitStart = jvm.compileMillis();
        long gcStart = jvm.gcMillis();
        long pausedMillis = 0;
        runLevel(pool);
        // workers stopped mid-level for a checkpoint or a liveness check: do it, then go on
        while (!stop && !exit && !levelQueue.exhausted()) {
          pausedMillis += pausedWork();
          if (!stop) {
            runLevel(pool);
          }
        }
        long expanded = expandedBeforeRecovery;
        expandedBeforeRecovery = 0;
        for (Worker w : workers) {
          expanded += w.expandedThisLevel;
        }
        levels.add(new CheckResult.Level(level, expanded,
            (System.nanoTime() - levelStart) / 1_000_000 - pausedMillis,
            jvm.compileMillis() - jitStart, jvm.gcMillis() - gcStart));
        if (stop || exit) {
          break;
        }
        advanceLevel();
        listener.levelDone(stats());
        if (pauseRequested && levelQueue.size() > 0 && !stop) {
          pausedWork();
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Writes checkpoints as {@code c} says (before {@link #run}). */
  void useCheckpoints(Checkpoints c) {
    checkpoints = c;
    pauseEvery = c.settings().everyStates();
  }

  /**
   * After {@code n} more states were expanded: the checkpoint or the check of the graph so far
   * that a count of states makes due.
   */
  private void expandedStates(long n) {
    if (pauseEvery > 0 && expandedSincePause.addAndGet(n) >= pauseEvery) {
      requestCheckpoint();
    }
    if (periodic != null && periodic.expanded(n)) {
      requestLivenessCheck();
    }
  }

  /** Asks the workers to stop at their next claim so that a checkpoint is written. */
  void requestCheckpoint() {
    checkpointRequested = true;
    pauseRequested = true;
  }

  /** Counts each worker's successors by action for TLC's -coverage report. */
  void useCoverage(Coverage c) {
    for (Worker w : workers) {
      w.coverage = c.counter();
    }
  }

  /** Checks the graph explored so far as {@code p} says (before {@link #run}). */
  void usePeriodicLiveness(PeriodicLiveness p) {
    periodic = p;
  }

  /**
   * Asks the workers to stop at their next claim so that the temporal properties are checked on
   * the graph explored so far (TLC suspends its workers for it, too).
   */
  void requestLivenessCheck() {
    livenessRequested = true;
    pauseRequested = true;
  }

  /**
   * What the workers stopped for: a check of the graph explored so far (which ends the search
   * when it finds a counterexample), then a checkpoint (which so holds the schedule after that
   * check); returns the milliseconds it took.
   */
  private long pausedWork() {
    pauseRequested = false;
    long t0 = System.nanoTime();
    if (livenessRequested) {
      livenessRequested = false;
      if (periodic != null && !stop && periodic.check(behavior, stats())) {
        stop = true;
      }
    }
    if (checkpointRequested) {
      checkpointRequested = false;
      expandedSincePause.set(0);
      if (checkpoints != null && !stop) {
        checkpoints.write(this);
      }
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /**
   * Writes what the search needs to go on from here in another process: the level, each
   * worker's counters and TLCSet registers, the levels done, the parent logs (the seen-set is
   * rebuilt from their fingerprints), the unclaimed states of the level and each worker's states
   * of the next level. Call only while no worker runs.
   */
  void writeSnapshot(java.io.DataOutputStream out, io.synod.checker.value.ValueCodec codec)
      throws java.io.IOException {
    out.writeInt(level);
    long expandedNow = expandedBeforeRecovery;
    for (Worker w : workers) {
      expandedNow += w.expandedThisLevel;
    }
    out.writeLong(expandedNow);
    out.writeInt(workers.length);
    for (Worker w : workers) {
      out.writeLong(w.generated);
      out.writeLong(w.distinct);
      out.writeInt(w.maxLevel);
      w.outdegree.writeTo(out);
      io.synod.checker.value.BinaryOut b = new io.synod.checker.value.BinaryOut(256);
      b.writeVarLong(w.ctx.registers.size());
      for (java.util.Map.Entry<Value, Value> e : w.ctx.registers.entrySet()) {
        if (!codec.write(e.getKey(), b) || !codec.write(e.getValue(), b)) {
          throw new CheckpointException("a TLCSet register holds a value with no disk form");
        }
      }
      out.writeInt(b.length());
      out.write(b.array(), 0, b.length());
    }
    out.writeInt(levels.size());
    for (CheckResult.Level l : levels) {
      out.writeInt(l.depth());
      out.writeLong(l.expanded());
      out.writeLong(l.millis());
      out.writeLong(l.jitMillis());
      out.writeLong(l.gcMillis());
    }
    out.writeInt(logs.length);
    for (ParentLog log : logs) {
      log.writeTo(out);
    }
    StateBatches.Writer current = new StateBatches.Writer(codec, out);
    levelQueue.forEachUnclaimed(current);
    current.finish();
    for (Worker w : workers) {
      StateBatches.Writer next = new StateBatches.Writer(codec, out);
      w.next.forEach(next);
      next.finish();
    }
    // depth-first: the stack, bottom first, and the level of each of its states
    java.util.ArrayDeque<Object[]> st = stack;
    out.writeBoolean(st != null);
    if (st != null) {
      StateBatches.Writer onStack = new StateBatches.Writer(codec, out);
      for (Object[] e : st) {
        onStack.visit((Value[]) e[0], (Long) e[1]);
      }
      onStack.finish();
      out.writeInt(st.size());
      for (Object[] e : st) {
        out.writeInt((Integer) e[2]);
      }
    }
  }

  /** The recorded graph's part of the checkpoints (its files), made at the first one. */
  private io.synod.checker.liveness.GraphCheckpoint graphCheckpoint;

  /**
   * Writes what a search with temporal properties needs beyond {@link #writeSnapshot}: the
   * recorded behaviour graph (appending to its files in {@code dir} what was recorded since the
   * last checkpoint), the tableau nodes each state was reached with ({@link PrefixTracker}) and
   * the schedule of the checks of the graph so far. Call only while no worker runs; returns
   * the bytes appended to the graph's files.
   */
  long writeLiveness(java.io.DataOutputStream out, java.nio.file.Path dir) throws java.io.IOException {
    out.writeBoolean(behavior != null);
    if (behavior == null) {
      return 0;
    }
    if (graphCheckpoint == null) {
      graphCheckpoint = new io.synod.checker.liveness.GraphCheckpoint(behavior, CheckpointFile.GRAPH_PREFIX);
    }
    long appended = graphCheckpoint.write(out, dir);
    out.writeBoolean(reached != null);
    if (reached != null) {
      out.writeLong(reached.size());
      long written = 0;
      for (java.util.Map.Entry<Long, Long> e : reached.entrySet()) {
        out.writeLong(e.getKey());
        out.writeLong(e.getValue());
        written++;
      }
      if (written != reached.size()) {
        throw new IllegalStateException("the reached tableau nodes changed while checkpointing");
      }
    }
    out.writeBoolean(periodic != null);
    if (periodic != null) {
      periodic.writeTo(out);
    }
    return appended;
  }

  /**
   * Restores what {@link #writeLiveness} wrote, the graph from its files in {@code dir}.
   *
   * @throws CheckpointException when the checkpoint was written for a model with(out) temporal
   *     properties while this one has none (has some)
   */
  void readLiveness(java.io.DataInputStream in, java.nio.file.Path dir) throws java.io.IOException {
    boolean temporal = in.readBoolean();
    if (temporal != (behavior != null)) {
      throw new CheckpointException("cannot recover from " + dir + ": the checkpoint was written"
          + " by a check " + (temporal ? "with" : "without") + " temporal properties, this model has "
          + (temporal ? "none" : "some"));
    }
    if (!temporal) {
      return;
    }
    graphCheckpoint = new io.synod.checker.liveness.GraphCheckpoint(behavior, CheckpointFile.GRAPH_PREFIX);
    graphCheckpoint.read(in, dir);
    boolean hasReached = in.readBoolean();
    if (hasReached != (reached != null)) {
      throw new IllegalStateException("the tableau nodes of the states do not fit the properties");
    }
    if (hasReached) {
      long n = in.readLong();
      if (n < 0 || n > (1L << 40)) {
        throw new IllegalStateException("implausible number of reached states " + n);
      }
      for (long i = 0; i < n; i++) {
        reached.put(in.readLong(), in.readLong());
      }
    }
    if (in.readBoolean()) {
      // a schedule of a check resumed with another -lncheck is read and dropped
      PeriodicLiveness.State st = PeriodicLiveness.State.readFrom(in);
      if (periodic != null) {
        periodic.restore(st);
      }
    }
  }

  /**
   * Restores what {@link #writeSnapshot} wrote, before the search starts. With fewer workers than
   * the checkpoint's, worker {@code i}'s counters and states go to worker {@code i mod n}; its
   * parent log stays readable for traces.
   */
  void readSnapshot(java.io.DataInputStream in, io.synod.checker.value.ValueCodec codec)
      throws java.io.IOException {
    level = in.readInt();
    expandedBeforeRecovery = in.readLong();
    int n = in.readInt();
    if (n < 1 || n > 255) {
      throw new IllegalStateException("implausible number of workers " + n);
    }
    long distinct = 0;
    for (int i = 0; i < n; i++) {
      Worker w = workers[i % workers.length];
      w.generated += in.readLong();
      long d = in.readLong();
      w.distinct += d;
      distinct += d;
      w.maxLevel = Math.max(w.maxLevel, in.readInt());
      w.outdegree.readFrom(in);
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      io.synod.checker.value.BinaryIn r = new io.synod.checker.value.BinaryIn(b, 0, b.length);
      java.util.Map<Value, Value> regs = new java.util.HashMap<>();
      for (long k = r.readCount(); k > 0; k--) {
        regs.put(codec.read(r), codec.read(r));
      }
      if (i < workers.length) {
        w.ctx.registers = regs;
      }
    }
    for (int i = n; i < workers.length; i++) {
      workers[i].ctx.registers = new java.util.HashMap<>(workers[i % n].ctx.registers);
    }
    int nLevels = in.readInt();
    for (int i = 0; i < nLevels; i++) {
      levels.add(new CheckResult.Level(in.readInt(), in.readLong(), in.readLong(), in.readLong(),
          in.readLong()));
    }
    int nLogs = in.readInt();
    if (nLogs != n) {
      throw new IllegalStateException(nLogs + " parent logs for " + n + " workers");
    }
    if (nLogs > logs.length) {
      ParentLog[] more = java.util.Arrays.copyOf(logs, nLogs);
      for (int i = logs.length; i < nLogs; i++) {
        more[i] = new ParentLog(i, spill);
      }
      logs = more;
    }
    for (int i = 0; i < nLogs; i++) {
      logs[i].readFrom(in, seen::add);
    }
    if (seen.size() != distinct) {
      throw new IllegalStateException("the parent logs hold " + seen.size()
          + " distinct fingerprints, the counters " + distinct);
    }
    NextLevelBuffer rest = new NextLevelBuffer(-1, spill);
    StateBatches.read(codec, in, rest::add);
    List<Segment> segments = new ArrayList<>();
    List<SpillFile> files = new ArrayList<>();
    rest.takeInto(segments, files);
    levelQueue.close();
    levelQueue = new LevelQueue(segments, files, spill);
    for (int i = 0; i < n; i++) {
      StateBatches.read(codec, in, workers[i % workers.length].next::add);
    }
    boolean depthFirst = in.readBoolean();
    if (depthFirst != options.depthFirst()) {
      throw new CheckpointException("cannot recover: the checkpoint was written by a "
          + (depthFirst ? "depth-first" : "breadth-first") + " search; recover "
          + (depthFirst ? "with" : "without") + " -dfs");
    }
    if (depthFirst) {
      List<Object[]> entries = new ArrayList<>();
      StateBatches.read(codec, in, (state, id) -> entries.add(new Object[] {state, id, 0}));
      if (in.readInt() != entries.size()) {
        throw new IllegalStateException("the depth-first stack and its levels disagree");
      }
      for (Object[] e : entries) {
        e[2] = in.readInt();
      }
      stack = new java.util.ArrayDeque<>(entries);
    } else if (levelQueue.size() == 0) {
      advanceLevel();
    }
  }

  /** Lets every worker expand states of the level until it is exhausted or a pause is requested. */
  private void runLevel(ExecutorService pool) {
    if (pool == null) {
      workers[0].runLevel();
      return;
    }
    List<Future<?>> fs = new ArrayList<>();
    for (Worker w : workers) {
      fs.add(pool.submit((Callable<Void>) () -> {
        w.runLevel();
        return null;
      }));
    }
    for (Future<?> f : fs) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
      } catch (ExecutionException e) {
        cancel();
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
          throw re;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      }
    }
  }

  /** Enumerates the initial states into worker 0's next-level buffer, which becomes level 1. */
  private void computeInitialStates() {
    Worker w = workers[0];
    EvalContext ctx = w.ctx;
    listener.computingInitialStates();
    ctx.level = 0;
    long[] enumerated = {0};
    try {
      model.initialStates(ctx, s -> {
        if (stop) {
          return false;
        }
        // As TLC: on meeting a state, report the count before it when that is a power of two
        // above 1 (so two initial states in all report nothing).
        long n = enumerated[0]++;
        if (n >= 2 && (n & (n - 1)) == 0) {
          listener.initialStatesSoFar(n);
        }
        w.pending = s;
        w.offer(null, s, ActionLabel.INITIAL, ParentLog.NO_PARENT, 1);
        w.pending = null;
        ctx.level = 0;
        return !stop;
      });
    } catch (SpecError e) {
      if (w.inLiveness) {
        w.inLiveness = false;
        fail(new PendingFailure(Verdict.TEMPORAL_ERROR, null, e.getMessage(), ParentLog.NO_PARENT,
            null, null, e.stack()));
      } else if (e instanceof UnfingerprintableState u) {
        // TLC's report of the failed initial state prints the state, which fails as its
        // fingerprint did: that second error ends the run, unreported by the checker itself
        fail(new PendingFailure(Verdict.CODED_EVAL_ERROR, null, u.uncaughtReport(),
            ParentLog.NO_PARENT, null, null, List.of()));
      } else {
        // TLC reports every failure while computing the initial states with exit code 75
        Verdict v = e.kind() == SpecError.Kind.ASSERT ? Verdict.ASSERT : Verdict.EVAL_ERROR;
        fail(new PendingFailure(v, null, e.getMessage(), ParentLog.NO_PARENT, w.pending,
            ActionLabel.INITIAL, e.stack()));
      }
    }
    // TLC computes the initial states on its main thread, where a TLCSet is made in every worker
    for (int i = 1; i < workers.length; i++) {
      workers[i].ctx.registers = new java.util.HashMap<>(ctx.registers);
    }
    level = 0;
    advanceLevel();
    if (!stop) {
      listener.initialStatesDone(w.generated, w.distinct);
    }
  }

  /** The verdict of an error raised while computing successors. */
  private static Verdict verdictOf(SpecError e) {
    return switch (e.kind()) {
      case ASSERT -> Verdict.ASSERT;
      case CODED -> Verdict.CODED_EVAL_ERROR;
      case EVALUATION, POSTCONDITION, ASSUMPTION -> Verdict.EVAL_ERROR;
    };
  }

  long fingerprint(Value[] s, EvalContext ctx) {
    return fingerprinter.of(s, ctx);
  }

  private void advanceLevel() {
    List<Segment> segments = new ArrayList<>();
    List<SpillFile> files = new ArrayList<>();
    for (Worker w : workers) {
      w.next.takeInto(segments, files);
      w.expandedThisLevel = 0;
    }
    levelQueue.close();
    levelQueue = new LevelQueue(segments, files, spill);
    level++;
  }

  /**
   * Records a failure. With {@code -continue} TLC goes on after a violated invariant or action
   * property (it prints each with its trace); any other failure ends the search.
   */
  private void fail(PendingFailure f) {
    synchronized (failures) {
      if (stop) {
        return;
      }
      failures.add(f);
      if (!options.continueAfterError() || !continuable(f.verdict())) {
        stop = true;
      }
    }
  }

  /** Whether {@code -continue} lets the search go on after a failure of this kind. */
  static boolean continuable(Verdict v) {
    return v == Verdict.INVARIANT || v == Verdict.ACTION_PROPERTY;
  }

  /** The counts now (exact once the workers stopped). */
  SearchStats stats() {
    long generated = 0;
    long distinct = 0;
    long expanded = 0;
    long queued = 0;
    int depth = 0;
    for (Worker w : workers) {
      generated += w.generated;
      distinct += w.distinct;
      expanded += w.expandedThisLevel;
      queued += w.next.size();
      depth = Math.max(depth, w.maxLevel);
    }
    java.util.ArrayDeque<Object[]> st = stack;
    long left = Math.max(0, levelQueue.size() - expanded) + queued + (st == null ? 0 : st.size());
    return new SearchStats(generated, distinct, left, depth);
  }

  Outdegree outdegree() {
    Outdegree total = new Outdegree();
    for (Worker w : workers) {
      w.outdegree.mergeInto(total);
    }
    return total;
  }

  List<PendingFailure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** The levels expanded so far, each with its wall time (call once the search returned). */
  List<CheckResult.Level> levels() {
    return List.copyOf(levels);
  }

  ParentLog[] logs() {
    return logs;
  }

  /** The graph recorded for the liveness check (null without temporal properties). */
  BehaviorGraph behavior() {
    return behavior;
  }

  /** Smallest gap between two admitted fingerprints (for the second collision estimate). */
  long seenSetBytes() {
    return seen.bytes();
  }

  long minimumGap() {
    return seen.minimumGap();
  }

  /**
   * Cache-line padding before a worker's per-successor fields. Two workers' objects are
   * allocated next to each other; without it the counters one worker writes on every successor
   * share a cache line with the other's and the line bounces between the cores. Superclass
   * fields are laid out first, so the padding classes bracket the fields of {@link WorkerHot}.
   */
  @SuppressWarnings("unused")
  private abstract static class WorkerPadBefore {
    long b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15;
  }

  /** The fields a worker writes for every state and successor. */
  private abstract static class WorkerHot extends WorkerPadBefore {
    long generated;
    long distinct;
    long expandedThisLevel;
    int maxLevel;
    // The state being expanded.
    Value[] current;
    long currentId;
    long currentFp;
    int successors;
    int fresh;
    Value[] pending;
    ActionLabel pendingAction;
  }

  @SuppressWarnings("unused")
  private abstract static class WorkerPadAfter extends WorkerHot {
    long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15;
  }

  /** One search thread: expands states of the current level, one state at a time. */
  private final class Worker extends WorkerPadAfter implements SuccessorSink {
    final int index;
    final EvalContext ctx;
    final ParentLog log;
    final Outdegree outdegree = new Outdegree();
    final NextLevelBuffer next;
    BehaviorGraph.Recorder rec;
    /** Set while the temporal properties' atoms are evaluated (their errors are TLC's 255). */
    boolean inLiveness;
    /** The tableau nodes the state being expanded was reached with ({@link PrefixTracker}). */
    long currentNodes;
    private final LevelQueue.Claim claim = new LevelQueue.Claim();

    /** Re-executes the parent log for {@code TLCExt!Trace}; made on first use. */
    private TraceRebuilder traceRebuilder;

    /** This worker's -coverage counts; null without -coverage. */
    Coverage.Counter coverage;

    Worker(int index, EvalContext ctx, ParentLog log, NextLevelBuffer next) {
      this.index = index;
      this.ctx = ctx;
      this.log = log;
      this.next = next;
      this.currentId = ParentLog.NO_PARENT;
      ctx.behaviour = this::behaviourToCurrent;
    }

    /** The states from an initial state to the one being expanded (none during Init). */
    private List<Value[]> behaviourToCurrent() {
      if (currentId == ParentLog.NO_PARENT) {
        return List.of();
      }
      if (traceRebuilder == null) {
        traceRebuilder = new TraceRebuilder(model, BfsSearch.this::fingerprint, ctx.registers)
            .drawingWith(control);
      }
      List<Value[]> states = new ArrayList<>();
      for (TraceStep step : traceRebuilder.rebuild(TraceRebuilder.chain(logs, currentId))) {
        states.add(step.state());
      }
      return states;
    }

    void runLevel() {
      LevelQueue q = levelQueue;
      LevelQueue.Claim c = claim;
      while (!stop && !exit && !pauseRequested && q.claim(c)) {
        Segment seg = c.segment;
        Value[][] states = seg.states();
        long[] ids = seg.ids();
        int end = c.to;
        for (int i = c.from; i < end && !stop && !exit; i++) {
          Value[] s = states[i];
          states[i] = null;
          expand(s, ids[i]);
        }
        seg.expanded(end - c.from);
        expandedStates(end - c.from);
      }
    }

    private void expand(Value[] s, long id) {
      expandedThisLevel++;
      current = s;
      currentId = id;
      if (graph != null || rec != null) {
        // this worker logged the states it admitted with their fingerprints: read, not computed
        currentFp = log.inMemory(id) ? log.fingerprint(id) : fingerprint(s, ctx);
      }
      successors = 0;
      nSucc = 0;
      fresh = 0;
      pending = null;
      ctx.level = level;
      if (prefix != null) {
        currentNodes = reached.getOrDefault(currentFp, 0L);
      }
      try {
        if (liveActions) {
          live.expanding(s, fpFamily, ctx);
        }
        model.successors(s, ctx, this);
        if (rec != null && !stop) {
          record(s);
        }
      } catch (SpecError e) {
        if (inLiveness) {
          inLiveness = false;
          fail(new PendingFailure(Verdict.TEMPORAL_ERROR, null, e.getMessage(), id, null, null,
              e.stack()));
        } else if (e instanceof IncompleteSuccessor is) {
          fail(new PendingFailure(Verdict.EVAL_ERROR, null, e.getMessage(), id, is.state(),
              is.action(), List.of()));
        } else if (e instanceof UnfingerprintableState u) {
          // TLC's printing of the new state fails as its fingerprint did: the behaviour ends
          // with the state being expanded
          fail(new PendingFailure(Verdict.EVAL_ERROR, null, e.getMessage(), id, null, null,
              List.of(), u.replayReport()));
        } else {
          fail(new PendingFailure(verdictOf(e), null, e.getMessage(), id, pending, pendingAction,
              e.stack()));
        }
        ctx.level = level;
        return;
      } finally {
        if (liveActions) {
          live.expanding(null, ctx);
        }
      }
      if (stop) {
        return;
      }
      if (prefix != null && prefix.settled(currentNodes)) {
        fail(new PendingFailure(Verdict.TEMPORAL_SAFETY, null, null, id, null, null, List.of()));
        return;
      }
      if (prefix != null && !settleSuccessors(s, id)) {
        return;
      }
      outdegree.record(fresh);
      if (successors == 0 && checkDeadlock) {
        fail(new PendingFailure(Verdict.DEADLOCK, null, "Deadlock reached.", id, null, null,
            List.of()));
      }
    }

    /**
     * As TLC adds a state to the behaviour graph once its successors are generated: the state's
     * own atoms and its stuttering step's, then each in-model step's action atoms (the
     * enumerations that decide them may reuse what generating the successors evaluated).
     */
    private void record(Value[] s) {
      inLiveness = true;
      if (liveActions && fpFamily >= 0) {
        live.successors(succFps, succTags, nSucc, fpFamily, ctx);
      }
      long stutter = liveActions ? live.actionAtoms(s, s, currentFp, fpFamily, ctx) : 0;
      rec.expansion(currentFp, live.lateStateAtoms(s, ctx), stutter);
      ctx.level = level + 1;
      for (int k = 0; k < nSucc; k++) {
        long bits = liveActions ? live.actionAtoms(s, succStates[k], succFps[k], fpFamily, ctx) : 0;
        if (behavior.targetBits()) {
          rec.edge(succFps[k], bits, live.stateAtoms(succStates[k], ctx));
        } else {
          rec.edge(succFps[k], bits);
        }
      }
      ctx.level = level;
      inLiveness = false;
      if (prefix == null) {
        java.util.Arrays.fill(succStates, 0, nSucc, null);
        nSucc = 0;
      }
    }

    /** The in-model successors of the state being expanded, for the tableau nodes they reach. */
    private long[] succFps = new long[16];
    private Value[][] succStates = new Value[16][];
    /** Per successor: the tags it was delivered with ({@link LivenessModel#successors}). */
    private long[] succTags = new long[16];
    private int nSucc;
    /** The tags of the successor being accepted. */
    private long pendingTags;

    /**
     * As TLC inserts a state into the behaviour graph once all its successors are generated and
     * queued: the successors' atoms are evaluated now (so that {@code TLCGet("queue")} counts
     * them), and so are the state's own for its stuttering step, which ends a counterexample
     * when it reaches a tableau node with nothing left to fulfil. False when the search stops.
     */
    private boolean settleSuccessors(Value[] s, long id) {
      long self;
      inLiveness = true;
      try {
        for (int k = 0; k < nSucc; k++) {
          ctx.level = level + 1;
          long nodes = prefix.successor(currentNodes, live.stateAtoms(succStates[k], ctx));
          if (nodes != 0) {
            reached.merge(succFps[k], nodes, (a, b) -> a | b);
          }
          succStates[k] = null;
        }
        ctx.level = level;
        self = prefix.successor(currentNodes, live.stateAtoms(s, ctx));
      } catch (SpecError e) {
        fail(new PendingFailure(Verdict.TEMPORAL_ERROR, null, e.getMessage(), id, null, null, e.stack()));
        return false;
      } finally {
        inLiveness = false;
        nSucc = 0;
      }
      if (prefix.settled(self)) {
        fail(new PendingFailure(Verdict.TEMPORAL_SAFETY, null, null, id, null, null, List.of()));
        return false;
      }
      return true;
    }

    @Override
    public boolean accept(Value[] t, ActionLabel action) {
      return accept(t, action, 0);
    }

    @Override
    public boolean accept(Value[] t, ActionLabel action, long tags) {
      pendingTags = tags;
      if (stop) {
        return false;
      }
      successors++;
      pending = t;
      pendingAction = action;
      boolean isNew = offer(current, t, action, currentId, level + 1);
      if (isNew) {
        fresh++;
      }
      if (coverage != null) {
        coverage.count(action, isNew);
      }
      ctx.level = level;
      pending = null;
      return !stop;
    }

    @Override
    public void generatedNotOffered(int count) {
      generated += count;
    }

    @Override
    public void generatedWithin(long count) {
      generated += count;
    }

    /** The ACTION_CONSTRAINTs of the step into {@code t} (of level {@code lvl}), in the step's first state. */
    private boolean satisfiesActionConstraints(Value[] from, Value[] t, int lvl) {
      ctx.level = lvl - 1;
      try {
        return model.satisfiesActionConstraints(from, t, ctx);
      } finally {
        ctx.level = lvl;
      }
    }

    /**
     * Handles one generated state {@code t} of BFS level {@code lvl}, reached from {@code from}
     * (null for an initial state): count, constraints, seen-set, invariants, action properties,
     * enqueue. True if it was admitted as a new state.
     */
    boolean offer(Value[] from, Value[] t, ActionLabel action, long parentId, int lvl) {
      generated++;
      long newFp = 0;
      ctx.level = lvl;
      // a state being expanded is in the model: it satisfies every constraint
      boolean inModel = !hasConstraints || ((from == null ? model.satisfiesConstraints(t, ctx)
              : model.satisfiesConstraints(from, t, ctx))
          && (from == null || satisfiesActionConstraints(from, t, lvl)));
      boolean isNew = false;
      long id = ParentLog.NO_PARENT;
      if (inModel) {
        long fp = fingerprint(t, ctx);
        if (seen.add(fp)) {
          isNew = true;
          distinct++;
          id = log.append(fp, parentId);
          maxLevel = Math.max(maxLevel, lvl);
        }
        if (graph != null && from == null && isNew) {
          graph.initialState(fp, t);
        } else if (graph != null && from != null) {
          graph.step(currentFp, fp, t, action, isNew);
        }
        if (rec != null) {
          if (from != null) {
            // its edge (and the tableau nodes it reaches) are recorded once the expansion is over
            if (nSucc == succFps.length) {
              succFps = java.util.Arrays.copyOf(succFps, nSucc * 2);
              succStates = java.util.Arrays.copyOf(succStates, nSucc * 2);
              succTags = java.util.Arrays.copyOf(succTags, nSucc * 2);
            }
            succTags[nSucc] = pendingTags;
            succFps[nSucc] = fp;
            succStates[nSucc++] = t;
          } else if (isNew) {
            behavior.initialState(fp);
          }
          newFp = fp;
        }
      }
      if (isNew || !inModel) {
        // The state being expanded passed every invariant, unless -continue let a violating
        // state on; only then must an unchanged invariant be evaluated again.
        int inv;
        initialFailure = null;
        try {
          inv = from != null && !options.continueAfterError()
              ? model.firstViolatedInvariant(from, t, ctx) : model.firstViolatedInvariant(t, ctx);
        } catch (SpecError e) {
          invariantFailed(from, t, action, parentId, e);
          inv = -1;
        }
        if (inv >= 0) {
          String name = invariants.get(inv);
          String message = from == null
              ? "Invariant " + name + " is violated by the initial state:"
              : "Invariant " + name + " is violated.";
          fail(new PendingFailure(Verdict.INVARIANT, name, message, parentId, t, action, List.of()));
        }
      }
      if (from == null && isNew && !initialProperties.isEmpty()) {
        int ip = model.firstViolatedInitialProperty(t, ctx);
        if (ip >= 0) {
          String name = initialProperties.get(ip);
          fail(new PendingFailure(Verdict.INVARIANT, name,
              "Property " + name + " is violated by the initial state:", parentId, t, action,
              List.of()));
        }
      }
      if (from != null && hasActionProperties) {
        int ap;
        // a step is evaluated in its first state: TLCGet("level") is that state's level
        ctx.level = lvl - 1;
        try {
          ap = model.firstViolatedActionProperty(from, t, ctx);
        } catch (SpecError e) {
          String name = e.check() >= 0 ? actionProperties.get(e.check()) : "";
          fail(new PendingFailure(Verdict.ACTION_PROPERTY_EVAL_ERROR, null,
              "Evaluating action property " + name + " failed.\n" + e.getMessage(), parentId, t, action,
              List.of()));
          ap = -1;
        } finally {
          ctx.level = lvl;
        }
        if (ap >= 0) {
          String name = actionProperties.get(ap);
          fail(new PendingFailure(Verdict.ACTION_PROPERTY, name,
              "Action property " + name + " is violated.", parentId, t, action, List.of()));
        }
      }
      // TLC queues a new initial state before checking it, a successor only once it passed
      if (isNew && (from == null || !stop)) {
        if (stack != null) {
          stack.addLast(new Object[] {t, id, lvl});
        } else {
          next.add(t, id);
        }
      }
      if (inModel && from == null && prefix != null) {
        // an initial state's tableau nodes, once it is queued (as TLC adds it to the graph)
        inLiveness = true;
        long nodes = prefix.initial(live.stateAtoms(t, ctx));
        inLiveness = false;
        if (nodes != 0) {
          reached.merge(newFp, nodes, (a, b) -> a | b);
        }
      }
      if (isNew && rec != null) {
        inLiveness = true;
        rec.node(newFp, live.stateAtoms(t, ctx));
        inLiveness = false;
      }
      if (initialFailure != null) {
        SpecError e = initialFailure;
        initialFailure = null;
        throw e;
      }
      return isNew;
    }

    /**
     * Evaluating an invariant on {@code t} failed. On a successor TLC reports "Evaluating
     * invariant X failed." (exit 76) with the behaviour up to {@code t}; on an initial state, the
     * error itself "While working on the initial state" (exit 75), raised through the
     * enumeration of the initial states: TLC checks them from within Init, whose positions
     * come first in its report.
     */
    /** An initial state's invariant error, thrown at the end of {@link #offer}. */
    private SpecError initialFailure;

    private void invariantFailed(Value[] from, Value[] t, ActionLabel action, long parentId,
        SpecError e) {
      if (from == null) {
        // raised once the state is queued, as TLC queues an initial state before checking it
        initialFailure = new SpecError(e.kind(), e.getMessage() + "\n" + WHILE_INITIAL, e.stack(),
            e.check());
        return;
      }
      String name = e.check() >= 0 ? invariants.get(e.check()) : "";
      // not a violation: no violated name
      fail(new PendingFailure(Verdict.INVARIANT_EVAL_ERROR, null,
          "Evaluating invariant " + name + " failed.\n" + e.getMessage(), parentId, t, action,
          List.of()));
    }
  }
}
