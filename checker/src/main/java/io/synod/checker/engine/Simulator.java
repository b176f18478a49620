package io.synod.checker.engine;

import io.synod.checker.liveness.BehaviorGraph;
import io.synod.checker.liveness.LivenessChecker;
import io.synod.checker.liveness.LivenessException;
import io.synod.checker.liveness.LivenessPlan;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Random simulation ({@code -simulate}), by TLC's rules (its {@code SimulationWorker}): a
 * behaviour starts in a random initial state within the constraints and takes up to
 * {@code depth} steps. Each step tries the actions that have successors in random order; every
 * successor of an action tried is counted and checked (invariants, action properties), even
 * those outside the constraints, and the behaviour goes on to a random one of the tried action's
 * successors that satisfy the constraints. When no action has such a successor the behaviour
 * ends, or, with deadlock checked, that is a deadlock (as in TLC, also when successors exist
 * outside the constraints). The temporal properties are checked on each finished behaviour: its
 * states, each able to stutter but the last, which TLC leaves without successors.
 * Deterministic for a given seed.
 */
public final class Simulator {
  private final SpecModel model;
  private final Output out;
  private final boolean checkDeadlock;
  private volatile boolean cancelled;
  /** Behaviours started and states generated so far, read by TLCGet and on an interruption. */
  private volatile long tracesSoFar;
  private volatile long statesSoFar;
  /**
   * TLC's running mean and M2 of the behaviour lengths (Welford's method in whole numbers, as
   * TLC computes them: its progress line shows these figures).
   */
  private long meanLength;
  private long m2;
  /** The run's settings and counts, for TLCGet (also while its traces are printed). */
  private SearchControl search;

  public Simulator(SpecModel model, boolean deadlockOff, Output out) {
    this.model = model;
    this.out = out;
    this.checkDeadlock = model.checkDeadlock() && !deadlockOff;
  }

  public void cancel() {
    cancelled = true;
  }

  /** How far the run got: behaviours started and states generated (read from any thread). */
  public SimulationResult progress() {
    return new SimulationResult(Verdict.CANCELLED, null, tracesSoFar, statesSoFar, 0, 0, 0);
  }

  /**
   * Outcome: the first failure (or none), how much was simulated ({@code states}: initial states
   * plus every successor generated, as TLC counts them) and TLC's statistics of the behaviour
   * lengths (mean, variance and standard deviation, rounded as TLC prints them).
   */
  public record SimulationResult(Verdict verdict, CheckResult.Failure failure, long traces,
      long states, long meanLength, long variance, long sd) {
    public SimulationResult(Verdict verdict, CheckResult.Failure failure, long traces, long states) {
      this(verdict, failure, traces, states, 0, 0, 0);
    }
  }

  /** A state of the behaviour, the action into it and what TLCDefer kept while generating it. */
  private record Step(Value[] state, ActionLabel action, List<Consumer<Value[]>> deferred) {
    Step(Value[] state, ActionLabel action) {
      this(state, action, List.of());
    }
  }

  /** Runs up to {@code traces} behaviours of up to {@code depth} steps. */
  public SimulationResult run(long traces, int depth, long seed) {
    return run(traces, depth, seed, new EvalContext(0, out));
  }

  /**
   * The same in {@code ctx}, whose registers ({@code TLCSet}) the caller may read afterwards
   * (TLC evaluates a POSTCONDITION with the registers of the simulation).
   */
  public SimulationResult run(long traces, int depth, long seed, EvalContext ctx) {
    try {
      return simulate(traces, depth, seed, ctx);
    } finally {
      // what follows (a POSTCONDITION) is evaluated in no state, as TLC evaluates it
      ctx.action = null;
      ctx.behaviourActions = null;
    }
  }

  private SimulationResult simulate(long traces, int depth, long seed, EvalContext ctx) {
    SplittableRandom rnd = new SplittableRandom(seed);
    search = new SettingsControl("simulate", 1, checkDeadlock, seed, 0,
        () -> new SearchStats(statesSoFar, statesSoFar, 0, 0), () -> cancelled = true)
        .simulating(depth, traces, () -> tracesSoFar)
        .withLengths(() -> new long[] {meanLength, Math.round(m2 / (tracesSoFar + 1d))});
    ctx.search = search;
    List<String> invariants = model.invariants();
    List<String> props = model.actionProperties();
    LivenessModel live = model.liveness();
    LivenessPlan plan = live == null ? null : new LivenessPlan(live.negatedFormula());
    StateFingerprinter fps = plan == null ? null : new StateFingerprinter(model, 0);
    long done = 0;
    List<Step> trace = new ArrayList<>();
    try {
      List<Value[]> inits = new ArrayList<>();
      // the behaviour being generated, for TLCExt!Trace (none while Init is evaluated)
      List<List<Step>> current = new ArrayList<>(List.of(List.of()));
      ctx.behaviour = () -> current.get(0).stream().map(Step::state).toList();
      // TLCGet("action") and the actions so far in TLCGet("stats"): those into the state a
      // formula is evaluated in, the successor being checked (pending) or the behaviour's last
      ActionLabel initAction = model.initialAction();
      Step[] pending = {null};
      // kept as the behaviour grows: TLCGet("stats") may be read in every state
      Map<String, Integer> taken = new LinkedHashMap<>();
      ctx.behaviourActions = () -> {
        if (pending[0] == null) {
          return java.util.Collections.unmodifiableMap(taken);
        }
        Map<String, Integer> l = new LinkedHashMap<>(taken);
        l.merge(pending[0].action().name(), 1, Integer::sum);
        return l;
      };
      ctx.level = 0;
      ctx.deferred = new ArrayList<>();
      List<Value[]> generated = new ArrayList<>();
      model.initialStates(ctx, generated::add);
      ctx.deferred.clear();
      // TLC counts and checks every initial state, and starts behaviours only in those within
      // the constraints
      statesSoFar = generated.size();
      ctx.level = 1;
      ctx.action = initAction;
      for (Value[] s : generated) {
        int inv = model.firstViolatedInvariant(s, ctx);
        if (inv >= 0) {
          return fail(Verdict.INVARIANT, invariants.get(inv),
              "Invariant " + invariants.get(inv) + " is violated by the initial state:",
              List.of(new Step(s, ActionLabel.INITIAL)), 0);
        }
        if (model.satisfiesConstraints(s, ctx)) {
          inits.add(s);
        }
      }
      for (; done < traces && !cancelled && !inits.isEmpty(); done++) {
        tracesSoFar = done + 1;
        trace = new ArrayList<>();
        current.set(0, trace);
        taken.clear();
        Value[] cur = inits.get(rnd.nextInt(inits.size()));
        trace.add(new Step(cur, ActionLabel.INITIAL));
        ActionLabel into = initAction;
        for (int lvl = 1; lvl <= depth && !cancelled; lvl++) {
          Value[] from = cur;
          ActionLabel fromAction = into;
          ctx.level = lvl;
          ctx.action = fromAction;
          pending[0] = null;
          // the successors of each action, actions in the order they first yield one
          Map<ActionLabel, List<Step>> byAction = new LinkedHashMap<>();
          model.successors(cur, ctx, (t, a) -> {
            List<Consumer<Value[]>> deferred = ctx.deferred.isEmpty() ? List.of() : List.copyOf(ctx.deferred);
            ctx.deferred.clear();
            byAction.computeIfAbsent(a, k -> new ArrayList<>()).add(new Step(t, a, deferred));
            return true;
          });
          List<List<Step>> actions = new ArrayList<>(byAction.values());
          List<Step> candidates = List.of();
          int first = actions.isEmpty() ? 0 : rnd.nextInt(actions.size());
          for (int k = 0; k < actions.size() && candidates.isEmpty(); k++) {
            List<Step> succ = actions.get((first + k) % actions.size());
            List<Step> in = new ArrayList<>();
            for (Step t : succ) {
              statesSoFar++;
              ctx.level = lvl + 1;
              ctx.action = t.action();
              pending[0] = t;
              // cur passed every invariant (else the behaviour ended there)
              int inv = model.firstViolatedInvariant(from, t.state(), ctx);
              if (inv >= 0) {
                trace.add(t);
                return fail(Verdict.INVARIANT, invariants.get(inv),
                    "Invariant " + invariants.get(inv) + " is violated.", trace, done + 1);
              }
              ctx.action = fromAction;
              pending[0] = null;
              int ap = model.firstViolatedActionProperty(from, t.state(), ctx);
              if (ap >= 0) {
                trace.add(t);
                return fail(Verdict.ACTION_PROPERTY, props.get(ap),
                    "Action property " + props.get(ap) + " is violated.", trace, done + 1);
              }
              // TLCGet("level"): the successor's in a CONSTRAINT, the step's first state's in an ACTION_CONSTRAINT
              ctx.action = t.action();
              pending[0] = t;
              boolean inModel = model.satisfiesConstraints(t.state(), ctx);
              ctx.level = lvl;
              ctx.action = fromAction;
              pending[0] = null;
              if (inModel && model.satisfiesActionConstraints(from, t.state(), ctx)) {
                in.add(t);
              }
            }
            candidates = in;
          }
          if (candidates.isEmpty()) {
            if (checkDeadlock) {
              return fail(Verdict.DEADLOCK, null, "Deadlock reached.", trace, done + 1);
            }
            break;
          }
          Step next = candidates.get(rnd.nextInt(candidates.size()));
          trace.add(next);
          ctx.level = lvl + 1;
          into = next.action();
          ctx.action = into;
          taken.merge(into.name(), 1, Integer::sum);
          // TLC evaluates TLCDefer's expressions of the successor it goes on with, after its checks
          for (Consumer<Value[]> d : next.deferred()) {
            d.accept(next.state());
          }
          cur = next.state();
        }
        if (cancelled) {
          // stopped within this behaviour (TLCSet("exit"), an interruption): TLC counts the
          // behaviour but checks nothing more of it
          done++;
          break;
        }
        if (plan != null) {
          CheckResult.Failure f = checkTemporal(trace, plan, live, fps, ctx);
          if (f != null) {
            recordLength(trace.size(), done + 1, depth);
            return result(f.verdict(), f, done + 1);
          }
        }
        recordLength(trace.size(), done + 1, depth);
      }
    } catch (SpecError e) {
      Verdict v = e.kind() == SpecError.Kind.ASSERT ? Verdict.ASSERT : Verdict.EVAL_ERROR;
      return result(v, new CheckResult.Failure(v, null, e.getMessage(), List.of(), e.stack()),
          Math.max(done, tracesSoFar));
    } catch (LivenessException e) {
      CheckResult.Failure f = new CheckResult.Failure(Verdict.TEMPORAL_ERROR, null,
          "TLC cannot handle the temporal formula " + e.getMessage(), List.of(), List.of());
      return result(Verdict.TEMPORAL_ERROR, f, done);
    }
    return result(cancelled ? Verdict.CANCELLED : Verdict.SUCCESS, null, done);
  }

  /**
   * TLC's statistics of behaviour lengths: a behaviour that took all {@code depth} steps counts
   * as {@code depth} long, others by their number of states (TLC's own off-by-one).
   */
  private void recordLength(int states, long traceNo, int depth) {
    long len = Math.min(depth, states);
    long delta = len - meanLength;
    meanLength += delta / traceNo;
    m2 += delta * (len - meanLength);
  }

  private SimulationResult result(Verdict v, CheckResult.Failure f, long traces) {
    long var = Math.round(m2 / (traces + 1d));
    long sd = Math.round(Math.sqrt(m2 / (traces + 1d)));
    return new SimulationResult(v, f, traces, statesSoFar, meanLength, var, sd);
  }

  /**
   * The temporal properties on one behaviour, as TLC checks them on a simulated trace: a graph
   * of its distinct states, each stuttering and stepping to the next state of the behaviour but
   * the last, which has no successor (so it closes a cycle only when it repeats an earlier
   * state). Returns the counterexample, or null.
   */
  private CheckResult.Failure checkTemporal(List<Step> trace, LivenessPlan plan, LivenessModel live,
      StateFingerprinter fps, EvalContext ctx) {
    int n = trace.size();
    long[] fp = new long[n];
    Map<Long, Integer> firstAt = new HashMap<>();
    // TLCGet("action") in a property: the action into the state it is evaluated in, as TLC
    // checks the behaviour's states that keep their actions
    ActionLabel initAction = model.initialAction();
    for (int i = 0; i < n; i++) {
      ctx.level = i + 1;
      ctx.action = i == 0 ? initAction : trace.get(i).action();
      fp[i] = fps.of(trace.get(i).state(), ctx);
      firstAt.putIfAbsent(fp[i], i);
    }
    // the edges of each distinct state, in the order the behaviour takes them
    Map<Long, LinkedHashSet<Integer>> edges = new LinkedHashMap<>();
    for (int i = 0; i < n - 1; i++) {
      edges.computeIfAbsent(fp[i], k -> new LinkedHashSet<>()).add(i + 1);
    }
    if (edges.isEmpty()) {
      return null; // one state without successors: no infinite behaviour to check
    }
    boolean liveActions = live.actionAtomCount() > 0;
    BehaviorGraph g = new BehaviorGraph(liveActions, false, live.lateStateMask(), null);
    BehaviorGraph.Recorder rec = g.recorder();
    g.initialState(fp[0]);
    for (Map.Entry<Long, LinkedHashSet<Integer>> e : edges.entrySet()) {
      int i = firstAt.get(e.getKey());
      Value[] s = trace.get(i).state();
      ctx.level = i + 1;
      ctx.action = i == 0 ? initAction : trace.get(i).action();
      rec.node(e.getKey(), live.stateAtoms(s, ctx));
    }
    for (Map.Entry<Long, LinkedHashSet<Integer>> e : edges.entrySet()) {
      int i = firstAt.get(e.getKey());
      Value[] s = trace.get(i).state();
      ctx.level = i + 1;
      ctx.action = i == 0 ? initAction : trace.get(i).action();
      long stutter = liveActions ? live.actionAtoms(s, s, ctx) : 0;
      rec.expansion(e.getKey(), live.lateStateAtoms(s, ctx), stutter);
      for (int j : e.getValue()) {
        if (j == n - 1 && !edges.containsKey(fp[j])) {
          continue; // the last state, new: a dead end, on no cycle
        }
        ctx.level = i + 2;
        rec.edge(fp[j], liveActions ? live.actionAtoms(s, trace.get(j).state(), ctx) : 0);
      }
    }
    g.freeze();
    LivenessChecker.Lasso lasso = new LivenessChecker(g).check(plan);
    if (lasso == null) {
      return null;
    }
    int[] states = lasso.states();
    List<TraceStep> steps = new ArrayList<>();
    long prev = 0;
    for (int k = 0; k < states.length; k++) {
      long f = g.fingerprint(states[k]);
      int at = firstAt.get(f);
      ActionLabel a = k == 0 ? ActionLabel.INITIAL : actionBetween(trace, fp, prev, f);
      steps.add(new TraceStep(trace.get(at).state(), a, null));
      prev = f;
    }
    CheckResult.Loop loop = lasso.stuttering() ? new CheckResult.Loop(-1, null)
        : new CheckResult.Loop(lasso.loop(), actionBetween(trace, fp, prev,
            g.fingerprint(states[lasso.loop()])));
    List<String> names = ViolatedProperties.names(live, lasso.stateBits(), lasso.stepBits(),
        lasso.loop());
    steps = new TraceRebuilder(model, (s, c) -> 0L).drawingWith(ctx.search).withActions().withBindings(steps);
    return new CheckResult.Failure(Verdict.LIVENESS, names.isEmpty() ? null : names.get(0),
        ViolatedProperties.message(names), steps, List.of(), loop);
  }

  /** The action of the behaviour's first step from the state with {@code from} to {@code to}. */
  private static ActionLabel actionBetween(List<Step> trace, long[] fp, long from, long to) {
    for (int i = 0; i + 1 < fp.length; i++) {
      if (fp[i] == from && fp[i + 1] == to) {
        return trace.get(i + 1).action();
      }
    }
    throw new IllegalStateException("no step of the behaviour between the lasso's states");
  }

  private SimulationResult fail(Verdict v, String name, String message, List<Step> trace, long traces) {
    List<TraceStep> steps = new ArrayList<>();
    for (Step s : trace) {
      steps.add(new TraceStep(s.state(), s.action(), null));
    }
    steps = new TraceRebuilder(model, (s, c) -> 0L).drawingWith(search).withActions().withBindings(steps);
    return result(v, new CheckResult.Failure(v, name, message, steps, List.of()), traces);
  }
}
