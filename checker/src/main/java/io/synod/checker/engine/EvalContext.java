package io.synod.checker.engine;

/**
 * Per-worker evaluation context the engine passes to every {@link SpecModel} call. One instance
 * belongs to one thread at a time, so its fields need no synchronisation.
 */
public final class EvalContext extends EvalContextPadding {
  /** Worker index, 0-based. */
  public final int worker;

  /** Where {@code Print}/{@code PrintT} output goes (shared, thread-safe). */
  public final Output out;

  /**
   * {@code TLCGet("level")}: 0 while computing initial states; the level of the state being
   * expanded (initial states are level 1) while computing successors; the level of the checked
   * state for invariants and constraints; the position in the trace for ALIAS.
   */
  public int level;

  /** {@code TLCGet("stats")}: the counts so far (at least for POSTCONDITION). */
  public SearchStats stats = new SearchStats(0, 0, 0, 0);

  /**
   * The running check, for {@code TLCGet("stats")}, {@code TLCGet("config")} and
   * {@code TLCSet("exit", TRUE)}; null outside a check (then {@link #stats} is reported).
   */
  public SearchControl search;

  /**
   * The seed random draws are made from when {@link #search} is null: a trace rebuilt outside
   * the search replays the draws of the run's seed (see {@link TraceRebuilder}).
   */
  public long drawSeed;

  /**
   * True in a context that re-executes states a search already generated (a trace being
   * rebuilt): the search's _POSSIBLE counts, which a POSTCONDITION reads, stay as they are.
   */
  public boolean replay;

  /**
   * {@code TLCSet(i, v)} registers of this worker. TLC gives each worker its own; values set
   * while the ASSUMEs are evaluated are copied to every worker, and a POSTCONDITION reads the
   * first worker's.
   */
  public java.util.Map<io.synod.checker.value.Value, io.synod.checker.value.Value> registers =
      new java.util.HashMap<>();

  /**
   * {@code TLCExt!Trace}: the states of the behaviour from an initial state to the state this
   * worker is expanding (empty while the initial states are computed); null outside a search.
   * Rebuilt on demand (BFS re-executes the parent log), so only Trace pays for it.
   */
  public java.util.function.Supplier<java.util.List<io.synod.checker.value.Value[]>> behaviour;

  /**
   * {@code TLCExt!CounterExample} in a POSTCONDITION: the behaviour of the violation found (with
   * {@code -continue}, the first one), or null when none was found.
   */
  public java.util.List<TraceStep> counterExample;
  /** How {@link #counterExample} goes on forever when it is a lasso; null when it is finite. */
  public CheckResult.Loop counterExampleLoop;

  /**
   * {@code TLCExt!TLCDefer} in simulation: the expressions deferred while the successors are
   * generated, each to be evaluated with the successor the simulation goes on with (given as its
   * argument); null where nothing is deferred (breadth-first search, as in TLC).
   */
  public java.util.List<java.util.function.Consumer<io.synod.checker.value.Value[]>> deferred;

  /**
   * {@code TLCGet("action")}: the action that led to the state a formula is evaluated in (its
   * unprimed state), set where the run keeps it, as TLC's simulator does; null elsewhere (then
   * TLC's dummy record is reported). For an initial state it is the initial predicate's last
   * conjunct ({@link SpecModel#initialAction}).
   */
  public ActionLabel action;

  /**
   * {@code TLCGet("stats").behavior.actions} in simulation: how many steps of the behaviour up
   * to the state a formula is evaluated in each action (by name) took; null elsewhere.
   */
  public java.util.function.Supplier<java.util.Map<String, Integer>> behaviourActions;

  /** Free slot for the evaluator's per-worker scratch state (caches...). */
  public Object local;

  public EvalContext(int worker, Output out) {
    this.worker = worker;
    this.out = out;
  }

}
