package io.synod.checker.engine;

import io.synod.checker.engine.fp.FingerprintSetFullException;
import io.synod.checker.engine.spill.SpillContext;
import io.synod.checker.engine.spill.SpillException;
import io.synod.checker.liveness.BehaviorGraph;
import io.synod.checker.liveness.LiveExpr;
import io.synod.checker.liveness.LivenessChecker;
import io.synod.checker.liveness.LivenessException;
import io.synod.checker.liveness.LivenessPlan;
import io.synod.checker.liveness.PrefixTracker;
import io.synod.checker.value.Fingerprints;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks one bound model: ASSUME, breadth-first search with invariants, action properties,
 * deadlock, constraints, VIEW and SYMMETRY (recording the state graph when the model has
 * temporal properties), the liveness check on that graph, then POSTCONDITION. Usable as a library: each
 * instance runs one check, holds no global state (several checks may run in one JVM at once),
 * can be cancelled from another thread, and reports progress to a {@link SearchListener}.
 *
 * <pre>{@code
 * CheckResult r = new ModelChecker(model, CheckOptions.defaults().withWorkers(2),
 *     new SearchListener() {}, Output.NONE).run();
 * if (r.verdict() != Verdict.SUCCESS) { ... r.firstFailure().trace() ... }
 * }</pre>
 */
public final class ModelChecker {
  /**
   * TLC's first progress report comes with its first periodic work, 3 s after the start (then
   * one every progress interval).
   */
  static final long FIRST_PROGRESS_MILLIS = LivenessSchedule.TLC_FIRST_MILLIS;

  private final SpecModel model;
  private final CheckOptions options;
  private final SearchListener listener;
  private final Output out;
  private volatile BfsSearch search;
  private StateGraphListener graph;
  private CheckpointSettings checkpoints;
  private LivenessSchedule liveness = LivenessSchedule.FINAL;
  private volatile boolean cancelled;

  public ModelChecker(SpecModel model, CheckOptions options, SearchListener listener, Output out) {
    this.model = model;
    this.options = options;
    this.listener = listener;
    this.out = out;
  }

  /** Counts successors by action for TLC's -coverage report (off by default: no cost). */
  public ModelChecker withCoverage(Coverage c) {
    this.coverage = c;
    return this;
  }

  private Coverage coverage;

  /** Also report the explored state graph to {@code g} (before {@link #run}). */
  public ModelChecker withGraphListener(StateGraphListener g) {
    this.graph = g;
    return this;
  }

  /**
   * Write checkpoints and/or resume from one as {@code c} says (before {@link #run}). With
   * temporal properties the checkpoints hold the recorded behaviour graph too, and the
   * checkpoint stays until the temporal check after the search has reached its verdict.
   * {@code -continue}, or (when recovering) a state-graph listener get a
   * {@link Verdict#SYSTEM_ERROR} result saying so.
   */
  public ModelChecker withCheckpoints(CheckpointSettings c) {
    this.checkpoints = c;
    return this;
  }

  /**
   * When to check the temporal properties (before {@link #run}); without this call, once on the
   * complete graph ({@link LivenessSchedule#FINAL}), so that a library check's result does not
   * depend on timing.
   */
  public ModelChecker withLiveness(LivenessSchedule schedule) {
    this.liveness = java.util.Objects.requireNonNull(schedule);
    return this;
  }

  /** Why this check cannot use its checkpoint settings, or null. */
  private String checkpointRefusal() {
    String what = checkpoints.recoverFrom() != null ? "-recover" : "-checkpoint";
    if (options.continueAfterError()) {
      return what + " cannot be combined with -continue";
    }
    if (graph != null && checkpoints.recoverFrom() != null) {
      return "-recover cannot be combined with -dump (the states before the checkpoint would be"
          + " missing from the graph)";
    }
    return null;
  }

  /** How far the search has got (zeros before it starts); safe to call from any thread. */
  public SearchStats stats() {
    BfsSearch s = search;
    return s == null ? new SearchStats(0, 0, 0, 0) : s.stats();
  }

  /** Stops a running check soon; {@link #run} then returns a {@link Verdict#CANCELLED} result. */
  public void cancel() {
    cancelled = true;
    BfsSearch s = search;
    if (s != null) {
      s.cancel();
    }
  }

  /**
   * Runs the check; call once. Errors in the spec are results, not exceptions; so are spill
   * failures (disk full, unwritable {@code metaDir}), as {@link Verdict#SYSTEM_ERROR}. The spill
   * directory is gone when this returns, however the check ended.
   */
  public CheckResult run() {
    long start = System.nanoTime();
    for (String w : model.warnings()) {
      out.println(w);
    }
    EvalContext ctx = new EvalContext(0, out);
    ctx.search = control();
    CheckResult.Failure refused = LoadChecks.firstFailure(model, ctx, out);
    if (refused != null) {
      return result(refused.verdict(), List.of(refused), new SearchStats(0, 0, 0, 0), null, start,
          null, CheckResult.Memory.NONE);
    }
    LivenessPlan plan = null;
    LivenessModel live;
    try {
      live = model.liveness();
    } catch (LivenessException e) {
      CheckResult.Failure f = new CheckResult.Failure(Verdict.TEMPORAL_ERROR, null,
          "TLC cannot handle the temporal formula " + e.getMessage(), List.of(), List.of());
      return result(Verdict.TEMPORAL_ERROR, List.of(f), new SearchStats(0, 0, 0, 0), null, start,
          null, CheckResult.Memory.NONE);
    } catch (SpecError e) {
      CheckResult.Failure f = new CheckResult.Failure(Verdict.TEMPORAL_ERROR, null, e.getMessage(),
          List.of(), e.stack());
      return result(Verdict.TEMPORAL_ERROR, List.of(f), new SearchStats(0, 0, 0, 0), null, start,
          null, CheckResult.Memory.NONE);
    }
    if (live != null) {
      try {
        plan = new LivenessPlan(live.negatedFormula());
      } catch (LivenessException e) {
        CheckResult.Failure f = new CheckResult.Failure(Verdict.TEMPORAL_ERROR, null,
            e.getMessage(), List.of(), List.of());
        return result(Verdict.TEMPORAL_ERROR, List.of(f), new SearchStats(0, 0, 0, 0), null, start,
            null, CheckResult.Memory.NONE);
      }
      listener.livenessBranches(plan.branches().size());
      if (plan.branches().isEmpty()) {
        // every branch of the negation is unsatisfiable, so the properties hold of any behavior;
        // TLC takes this for a mistake in the property and stops before the initial states
        CheckResult.Failure f = new CheckResult.Failure(Verdict.TEMPORAL_TAUTOLOGY, null,
            "Temporal formula is a tautology (its negation is unsatisfiable).", List.of(), List.of());
        return result(Verdict.TEMPORAL_TAUTOLOGY, List.of(f), new SearchStats(0, 0, 0, 0), null,
            start, null, CheckResult.Memory.NONE);
      }
    }
    if (checkpoints != null && (checkpoints.writes() || checkpoints.recoverFrom() != null)) {
      String refusal = checkpointRefusal();
      if (refusal != null) {
        return systemError(refusal, new SearchStats(0, 0, 0, 0), start, CheckResult.Memory.NONE);
      }
    }
    SpillContext spill;
    try {
      spill = SpillContext.create(options.spill(), options.queueMemoryBytes(), options.metaDir());
    } catch (SpillException e) {
      return systemError(e.getMessage(), new SearchStats(0, 0, 0, 0), start, CheckResult.Memory.NONE);
    }
    try (spill) {
      return search(ctx, spill, start, plan);
    }
  }

  /**
   * The check as TLCGet sees it from ASSUMEs and POSTCONDITIONs: the settings of the run and the
   * counts of the search (none before it starts); TLCSet("exit") has nothing to stop there.
   */
  private SearchControl control() {
    return new SettingsControl("bfs", options.workers(), model.checkDeadlock() && !options.deadlockOff(),
        options.seed(), options.fpIndex(), () -> {
          BfsSearch s = search;
          return s == null ? new SearchStats(0, 0, 0, 0) : s.stats();
        }, () -> { });
  }

  private CheckResult systemError(String message, SearchStats stats, long start,
      CheckResult.Memory memory) {
    CheckResult.Failure f = new CheckResult.Failure(Verdict.SYSTEM_ERROR, null, message,
        List.of(), List.of());
    return result(Verdict.SYSTEM_ERROR, List.of(f), stats, null, start, null, memory);
  }

  /** What to do about a full heap; the search's memory is unreachable once this returns. */
  private String outOfMemory(SearchStats at) {
    return OutOfMemoryAdvice.text(" after " + at.distinct() + " distinct states",
        options.spill() == SpillMode.NEVER ? "let the state queue spill to disk (-spill auto)" : null);
  }

  private CheckResult search(EvalContext ctx, SpillContext spill, long start,
      io.synod.checker.liveness.LivenessPlan plan) {
    BfsSearch s = new BfsSearch(model, options, listener, out, graph, spill, ctx.registers,
        options.seed(), plan);
    search = s;
    Checkpoints ckpt = null;
    if (checkpoints != null && (checkpoints.writes() || checkpoints.recoverFrom() != null)) {
      ckpt = new Checkpoints(checkpoints, model, listener, options.seed());
      s.useCheckpoints(ckpt);
    }
    PeriodicLiveness periodic = plan != null && liveness.periodic()
        ? new PeriodicLiveness(plan, liveness, options, listener) : null;
    if (periodic != null) {
      s.usePeriodicLiveness(periodic);
    }
    if (coverage != null) {
      s.useCoverage(coverage);
    }
    if (cancelled) {
      s.cancel();
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "synod-progress");
      t.setDaemon(true);
      return t;
    });
    if (periodic != null && liveness.periodMillis() > 0) {
      // as TLC's periodic work: the time between two looks is counted from the end of the first
      timer.scheduleWithFixedDelay(() -> {
        if (periodic.due(s.stats())) {
          s.requestLivenessCheck();
        }
      }, Math.min(liveness.firstMillis(), liveness.periodMillis()), liveness.periodMillis(),
          TimeUnit.MILLISECONDS);
    }
    long period = options.progressIntervalMillis();
    // TLC reports progress 3 s after the start, then every period; at a moment when its periodic
    // work also checks the graph explored so far, the report follows that check's lines (the
    // task above, scheduled first, runs first at the same moment)
    timer.scheduleAtFixedRate(() -> {
      if (periodic != null && !periodic.awaitPendingCheck()) {
        return;
      }
      listener.progress(s.stats(), (System.nanoTime() - start) / 1_000_000);
    }, Math.min(FIRST_PROGRESS_MILLIS, period), period, TimeUnit.MILLISECONDS);
    if (ckpt != null && checkpoints.writes() && checkpoints.intervalMillis() > 0) {
      long every = checkpoints.intervalMillis();
      timer.scheduleAtFixedRate(s::requestCheckpoint, every, every, TimeUnit.MILLISECONDS);
    }
    try {
      s.run();
    } catch (FingerprintSetFullException | SpillException | CheckpointException e) {
      return systemError(e.getMessage(), s.stats(), start, memory(s, spill));
    } catch (OutOfMemoryError e) {
      SearchStats at = s.stats();
      CheckResult.Memory memory = memory(s, spill);
      search = null;
      return systemError(outOfMemory(at), at, start, memory);
    } finally {
      timer.shutdownNow();
    }
    SearchStats stats = s.stats();
    if (s.cancelled()) {
      return result(Verdict.CANCELLED, List.of(), stats, null, start, null, memory(s, spill));
    }
    if (ckpt != null && plan == null) {
      // the search reached its verdict: nothing is left to resume
      discardCheckpoints(ckpt);
    }
    TraceRebuilder rebuilder = new TraceRebuilder(model, s::fingerprint, ctx.registers)
        .drawingWith(ctx.search);
    List<CheckResult.Failure> failures = new ArrayList<>();
    try {
      for (BfsSearch.PendingFailure p : s.failures()) {
        failures.add(materialize(p, s, rebuilder));
      }
    } catch (SpillException e) {
      return systemError(e.getMessage(), stats, start, memory(s, spill));
    }
    // with -continue, violations TLC printed along the way leave the check successful
    boolean allContinued = options.continueAfterError() && !failures.isEmpty()
        && failures.stream().allMatch(f -> BfsSearch.continuable(f.verdict()));
    if (periodic != null) {
      livenessBytes = periodic.peakBytes();
      if (periodic.lasso() != null) {
        // a check of the graph so far ended the search; the complete graph is not checked
        failures.add(lassoFailure(periodic.lasso(), periodic.graph(), rebuilder));
        allContinued = false;
      }
    }
    // (a counterexample of a check during the search left allContinued false)
    if ((failures.isEmpty() || allContinued) && plan != null) {
      try {
        CheckResult.Failure f = checkLiveness(plan, s, stats, rebuilder);
        if (f != null) {
          failures.add(f);
          allContinued = false;
        }
      } catch (LivenessException e) {
        return systemError("TLC cannot handle the temporal formula " + e.getMessage(), stats,
            start, memory(s, spill));
      } catch (OutOfMemoryError e) {
        return systemError(OutOfMemoryAdvice.text(" while checking the temporal properties", null),
            stats, start, memory(s, spill));
      }
    }
    // TLC evaluates the POSTCONDITION once the search is over, also after a violation (which it
    // reads as CounterExample), as a constant formula: level 0, worker 0's registers
    ctx.stats = stats;
    ctx.level = 0;
    ctx.registers = s.registers();
    ctx.counterExample = failures.isEmpty() ? null : failures.get(0).trace();
    ctx.counterExampleLoop = failures.isEmpty() ? null : failures.get(0).loop();
    CheckResult.Failure post = Postconditions.check(model, ctx);
    if (post != null) {
      failures.add(post);
    }
    if (ckpt != null && plan != null) {
      // the temporal check reached its verdict too (a check that ran out of memory there
      // returned above, keeping the checkpoint to resume with a larger heap)
      discardCheckpoints(ckpt);
    }
    Verdict verdict = failures.stream()
        .filter(f -> !options.continueAfterError() || !BfsSearch.continuable(f.verdict()))
        .map(CheckResult.Failure::verdict).findFirst().orElse(Verdict.SUCCESS);
    CheckResult.OutdegreeStats deg = s.outdegree().stats();
    return result(verdict, failures, stats, deg, start, s, memory(s, spill));
  }

  private void discardCheckpoints(Checkpoints ckpt) {
    if (ckpt.written() > 0) {
      CheckpointFile.discard(checkpoints.dir());
    }
    if (checkpoints.recoverFrom() != null) {
      CheckpointFile.discard(checkpoints.recoverFrom());
    }
  }

  /**
   * The liveness check on the graph the search recorded: the first counterexample as a lasso,
   * named after the properties it violates, or null.
   */
  private CheckResult.Failure checkLiveness(LivenessPlan plan,
      BfsSearch s, SearchStats stats, TraceRebuilder rebuilder) {
    long t0 = System.nanoTime();
    BehaviorGraph g = s.behavior();
    // several workers' recording order depends on the timing, the verdict does not: the graph is
    // renumbered as one worker's (a copy of the edge arrays) only for a counterexample, which is
    // then looked for again so that it is the one a check on one worker reports
    g.freeze(options.workers(), false);
    CheckResult.Failure prefixFound = settledPrefix(plan, g, rebuilder);
    if (prefixFound != null) {
      // TLC finds it during its search: it announces no check of the complete graph
      return prefixFound;
    }
    listener.checkingLiveness(stats, plan.branches().size());
    int threads = liveness.finalThreads(options.workers());
    LivenessChecker checker = new LivenessChecker(g);
    LivenessChecker.Lasso lasso = checker.check(plan, threads);
    livenessBytes = Math.max(livenessBytes, checker.peakBytes());
    if (lasso != null && !g.numberedAsOneWorker()) {
      checker = null; // its per-edge labels may go while the edge arrays are copied
      g.numberAsOneWorker();
      checker = new LivenessChecker(g);
      lasso = checker.check(plan, threads);
      livenessBytes = Math.max(livenessBytes, checker.peakBytes());
      if (lasso == null) {
        throw new IllegalStateException("renumbering the state graph lost its counterexample");
      }
    }
    CheckResult.Failure f = null;
    if (lasso != null) {
      f = lassoFailure(lasso, g, rebuilder);
    }
    listener.livenessChecked((System.nanoTime() - t0) / 1_000_000);
    return f;
  }

  /**
   * A finite counterexample the search's own tracking missed (see
   * {@link PrefixTracker#settledPath}), reported as TLC reports it
   * during its search: exit 12, no check of the complete graph announced; or null.
   */
  private CheckResult.Failure settledPrefix(LivenessPlan plan, BehaviorGraph g,
      TraceRebuilder rebuilder) {
    PrefixTracker prefix = PrefixTracker.of(plan);
    if (prefix == null) {
      return null;
    }
    int[] path = prefix.settledPath(g);
    if (path != null && !g.numberedAsOneWorker()) {
      // the walk follows the edges in recording order, which several workers' timing decides
      g.numberAsOneWorker();
      path = prefix.settledPath(g);
    }
    if (path == null) {
      return null;
    }
    long[] chain = new long[path.length];
    for (int i = 0; i < path.length; i++) {
      chain[i] = g.fingerprint(path[i]);
    }
    try {
      return prefixFailure(rebuilder.rebuild(chain), rebuilder);
    } catch (SpecError | IllegalStateException e) {
      return new CheckResult.Failure(Verdict.TEMPORAL_SAFETY, null,
          "Temporal properties were violated.", List.of(), List.of());
    }
  }

  private CheckResult.Failure lassoFailure(LivenessChecker.Lasso lasso,
      BehaviorGraph g, TraceRebuilder rebuilder) {
    int[] states = lasso.states();
    long[] chain = new long[states.length];
    long[] bits = new long[states.length];
    for (int i = 0; i < states.length; i++) {
      chain[i] = g.fingerprint(states[i]);
      bits[i] = lasso.stateBits()[i];
    }
    String message = violatedMessage(model.liveness(), bits, lasso.stepBits(), lasso.loop());
    List<TraceStep> steps;
    CheckResult.Loop loop;
    try {
      steps = rebuilder.rebuild(chain);
      ActionLabel back = lasso.stuttering() ? null
          : rebuilder.actionBetween(steps.get(steps.size() - 1).state(), chain[lasso.loop()],
              steps.size());
      loop = new CheckResult.Loop(lasso.stuttering() ? -1 : lasso.loop(), back);
    } catch (SpecError | IllegalStateException e) {
      steps = List.of();
      loop = null;
    }
    return new CheckResult.Failure(Verdict.LIVENESS, firstViolated, message,
        rebuilder.withBindings(steps), List.of(), loop);
  }

  /** The first property {@link #violatedMessage} named (null when none could be named). */
  private String firstViolated;

  /**
   * TLC's message naming the properties the lasso violates: each property is evaluated on the
   * lasso (the counterexample was found for their disjunction).
   */
  private String violatedMessage(LivenessModel live, long[] stateBits, long[] actionBits,
      int loop) {
    List<String> names = ViolatedProperties.names(live, stateBits, actionBits, loop);
    firstViolated = names.isEmpty() ? null : names.get(0);
    return ViolatedProperties.message(names);
  }


  private CheckResult.Memory memory(BfsSearch s, SpillContext spill) {
    return new CheckResult.Memory(s.seenSetBytes(), spill.bytesSpilled(), livenessBytes);
  }

  /** What the liveness check held on the heap at its largest (0 before it ran). */
  private long livenessBytes;

  /**
   * A counterexample the search settled with a finite behaviour (see
   * {@link io.synod.checker.liveness.PrefixTracker}): the behaviour stuttering in its last state
   * names the properties it violates.
   */
  private CheckResult.Failure prefixFailure(BfsSearch.PendingFailure p, BfsSearch s,
      TraceRebuilder rebuilder) {
    return prefixFailure(rebuilder.rebuild(TraceRebuilder.chain(s.logs(), p.stateId())),
        rebuilder);
  }

  private CheckResult.Failure prefixFailure(List<TraceStep> steps, TraceRebuilder rebuilder) {
    LivenessModel live = model.liveness();
    EvalContext ctx = new EvalContext(0, Output.NONE);
    int n = steps.size();
    long[] stateBits = new long[n];
    long[] actionBits = new long[n];
    for (int i = 0; i < n; i++) {
      Value[] st = steps.get(i).state();
      Value[] next = i + 1 < n ? steps.get(i + 1).state() : st;
      ctx.level = i + 1;
      stateBits[i] = live.allStateAtoms(st, ctx);
      actionBits[i] = live.actionAtoms(st, next, ctx);
    }
    String message = violatedMessage(live, stateBits, actionBits, n - 1);
    return new CheckResult.Failure(Verdict.TEMPORAL_SAFETY, firstViolated, message,
        rebuilder.withBindings(steps), List.of());
  }

  private CheckResult.Failure materialize(
      BfsSearch.PendingFailure p, BfsSearch s, TraceRebuilder rebuilder) {
    if (p.verdict() == Verdict.TEMPORAL_SAFETY) {
      try {
        return prefixFailure(p, s, rebuilder);
      } catch (SpecError | IllegalStateException e) {
        return new CheckResult.Failure(Verdict.TEMPORAL_SAFETY, null,
            "Temporal properties were violated.", List.of(), List.of());
      }
    }
    List<TraceStep> steps;
    try {
      steps = new ArrayList<>(rebuilder.rebuild(TraceRebuilder.chain(s.logs(), p.stateId())));
    } catch (SpecError | IllegalStateException e) {
      steps = new ArrayList<>();
    }
    if (p.last() != null) {
      steps.add(new TraceStep(p.last(), p.lastAction(), null));
    }
    return new CheckResult.Failure(p.verdict(), p.name(), p.message(),
        rebuilder.withBindings(steps), p.stack(), null, p.afterTrace());
  }

  private CheckResult result(Verdict v, List<CheckResult.Failure> failures, SearchStats stats,
      CheckResult.OutdegreeStats deg, long start, BfsSearch s, CheckResult.Memory memory) {
    double optimistic = Fingerprints.optimisticCollisionProbability(stats.distinct(), stats.generated());
    double actual = Double.NaN;
    if (s != null && Fingerprints.reportsActualEstimate(optimistic)) {
      actual = Fingerprints.actualCollisionProbability(s.minimumGap());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult(v, failures, stats,
        deg == null ? new CheckResult.OutdegreeStats(0, 0, 0, 0) : deg, optimistic, actual, millis,
        memory, s == null ? List.of() : s.levels(), s != null);
  }
}
