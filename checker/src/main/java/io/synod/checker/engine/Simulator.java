package io.synod.checker.engine;

import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Random simulation ({@code -simulate}): behaviours of at most {@code depth} states, each step
 * choosing uniformly among the successors that satisfy the constraints, checking invariants,
 * action properties and deadlock along the way. Deterministic for a given seed.
 */
public final class Simulator {
  private final SpecModel model;
  private final Output out;
  private final boolean checkDeadlock;
  private volatile boolean cancelled;
  /** Behaviours finished and states generated so far, for a summary when the run is interrupted. */
  private volatile long tracesSoFar;
  private volatile long statesSoFar;

  public Simulator(SpecModel model, boolean deadlockOff, Output out) {
    this.model = model;
    this.out = out;
    this.checkDeadlock = model.checkDeadlock() && !deadlockOff;
  }

  public void cancel() {
    cancelled = true;
  }

  /** How far the run got: behaviours finished and states generated (read from any thread). */
  public SimulationResult progress() {
    return new SimulationResult(Verdict.CANCELLED, null, tracesSoFar, statesSoFar);
  }

  /** Outcome: the first failure (or none) and how much was simulated. */
  public record SimulationResult(Verdict verdict, CheckResult.Failure failure, long traces, long states) {}

  /** A state of the behaviour, the action into it and what TLCDefer kept while generating it. */
  private record Step(Value[] state, ActionLabel action, List<Consumer<Value[]>> deferred) {
    Step(Value[] state, ActionLabel action) {
      this(state, action, List.of());
    }
  }

  /** Runs up to {@code traces} behaviours of up to {@code depth} states. */
  public SimulationResult run(long traces, int depth, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    EvalContext ctx = new EvalContext(0, out);
    long[] counted = new long[2];
    ctx.search = new SettingsControl("simulate", 1, checkDeadlock, seed, 0,
        () -> new SearchStats(counted[0], counted[0], 0, (int) counted[1]), () -> cancelled = true);
    List<String> invariants = model.invariants();
    List<String> props = model.actionProperties();
    long states = 0;
    long done = 0;
    try {
      List<Value[]> inits = new ArrayList<>();
      // the behaviour being generated, for TLCExt!Trace (none while Init is evaluated)
      List<List<Step>> current = new ArrayList<>(List.of(List.of()));
      ctx.behaviour = () -> current.get(0).stream().map(Step::state).toList();
      ctx.level = 0;
      ctx.deferred = new ArrayList<>();
      model.initialStates(ctx, s -> inits.add(s));
      ctx.deferred.clear();
      for (; done < traces && !cancelled && !inits.isEmpty(); done++) {
        tracesSoFar = done;
        List<Step> trace = new ArrayList<>();
        current.set(0, trace);
        Value[] cur = inits.get(rnd.nextInt(inits.size()));
        trace.add(new Step(cur, ActionLabel.INITIAL));
        states++;
        counted[0] = states;
        statesSoFar = states;
        ctx.level = 1;
        int inv = model.firstViolatedInvariant(cur, ctx);
        if (inv >= 0) {
          return fail(Verdict.INVARIANT, invariants.get(inv),
              "Invariant " + invariants.get(inv) + " is violated.", trace, done, states);
        }
        for (int lvl = 1; lvl < depth; lvl++) {
          List<Step> succ = new ArrayList<>();
          Value[] from = cur;
          ctx.level = lvl;
          int[] any = {0};
          int level = lvl;
          model.successors(cur, ctx, (t, a) -> {
            any[0]++;
            List<Consumer<Value[]>> deferred = ctx.deferred.isEmpty() ? List.of() : List.copyOf(ctx.deferred);
            ctx.deferred.clear();
            // TLCGet("level"): the successor's in a CONSTRAINT, the step's first state's in an ACTION_CONSTRAINT
            ctx.level = level + 1;
            boolean in = model.satisfiesConstraints(t, ctx);
            ctx.level = level;
            if (in && model.satisfiesActionConstraints(from, t, ctx)) {
              succ.add(new Step(t, a, deferred));
            }
            return true;
          });
          if (any[0] == 0) {
            if (checkDeadlock) {
              return fail(Verdict.DEADLOCK, null, "Deadlock reached.", trace, done, states);
            }
            break;
          }
          if (succ.isEmpty()) {
            break;
          }
          Step next = succ.get(rnd.nextInt(succ.size()));
          trace.add(next);
          states++;
          counted[0] = states;
          statesSoFar = states;
          ctx.level = lvl + 1;
          // cur passed every invariant (else the behaviour ended there)
          inv = model.firstViolatedInvariant(cur, next.state(), ctx);
          if (inv >= 0) {
            return fail(Verdict.INVARIANT, invariants.get(inv),
                "Invariant " + invariants.get(inv) + " is violated.", trace, done, states);
          }
          int ap = model.firstViolatedActionProperty(cur, next.state(), ctx);
          if (ap >= 0) {
            return fail(Verdict.ACTION_PROPERTY, props.get(ap),
                "Action property " + props.get(ap) + " is violated.", trace, done, states);
          }
          // TLC evaluates TLCDefer's expressions of the successor it goes on with, after its checks
          for (Consumer<Value[]> d : next.deferred()) {
            d.accept(next.state());
          }
          cur = next.state();
        }
      }
    } catch (SpecError e) {
      Verdict v = e.kind() == SpecError.Kind.ASSERT ? Verdict.ASSERT : Verdict.EVAL_ERROR;
      return new SimulationResult(v, new CheckResult.Failure(v, null, e.getMessage(), List.of(), e.stack()),
          done, states);
    }
    return new SimulationResult(cancelled ? Verdict.CANCELLED : Verdict.SUCCESS, null, done, states);
  }

  private SimulationResult fail(Verdict v, String name, String message, List<Step> trace, long done,
      long states) {
    List<TraceStep> steps = new ArrayList<>();
    for (Step s : trace) {
      steps.add(new TraceStep(s.state(), s.action(), null));
    }
    steps = new TraceRebuilder(model, (s, c) -> 0L).withBindings(steps);
    return new SimulationResult(v, new CheckResult.Failure(v, name, message, steps, List.of()),
        done + 1, states);
  }
}
