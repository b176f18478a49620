package io.synod.checker.engine;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongBiFunction;

/**
 * Rebuilds a behaviour from the parent log by re-execution: the log keeps only fingerprints, so
 * the states are recomputed from the initial states, at each step taking the first successor
 * whose fingerprint is the logged one. BFS admitted each state by a shortest path, so the
 * behaviour is a shortest one. {@code Print} output of the re-execution is discarded.
 */
public final class TraceRebuilder {
  private final SpecModel model;
  private final ToLongBiFunction<Value[], EvalContext> fingerprint;
  private final EvalContext ctx = new EvalContext(0, Output.NONE);

  TraceRebuilder(SpecModel model, ToLongBiFunction<Value[], EvalContext> fingerprint) {
    this(model, fingerprint, java.util.Map.of());
  }

  /** @param registers the TLCSet registers the search started with (re-execution reads them) */
  public TraceRebuilder(SpecModel model, ToLongBiFunction<Value[], EvalContext> fingerprint,
      java.util.Map<Value, Value> registers) {
    this.model = model;
    this.fingerprint = fingerprint;
    this.ctx.registers = new java.util.HashMap<>(registers);
    this.ctx.replay = true;
  }

  /** Replays random draws as a search with seed {@code seed} made them. */
  public TraceRebuilder drawingWith(SearchControl search) {
    ctx.drawSeed = search == null ? 0 : search.seed();
    // an ALIAS may read the run's settings (TLCGet("config")), as TLC prints traces in the run
    ctx.search = search;
    return this;
  }

  /**
   * Lets an ALIAS read the action into each state ({@code TLCGet("action")}, and the actions so
   * far in {@code TLCGet("stats")}), as TLC's simulator keeps them with its states; model
   * checking does not, and reports TLC's dummy action.
   */
  public TraceRebuilder withActions() {
    tracksActions = true;
    return this;
  }

  private boolean tracksActions;

  /** The fingerprints from an initial state to {@code id}, in behaviour order. */
  static long[] chain(ParentLog[] logs, long id) {
    List<Long> rev = new ArrayList<>();
    long cur = id;
    while (cur != ParentLog.NO_PARENT) {
      ParentLog log = logs[ParentLog.workerOf(cur)];
      rev.add(log.fingerprint(cur));
      cur = log.parent(cur);
    }
    long[] out = new long[rev.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rev.get(out.length - 1 - i);
    }
    return out;
  }

  /** The states and actions along {@code chain}. */
  public List<TraceStep> rebuild(long[] chain) {
    List<TraceStep> steps = new ArrayList<>();
    if (chain.length == 0) {
      return steps;
    }
    // re-execution sees the behaviour rebuilt so far, as the search did (TLCExt!Trace)
    ctx.behaviour = () -> steps.stream().map(TraceStep::state).toList();
    Value[][] found = new Value[1][];
    ActionLabel[] label = new ActionLabel[1];
    ctx.level = 0;
    long want0 = chain[0];
    model.initialStates(ctx, s -> {
      ctx.level = 1;
      boolean hit = fingerprint.applyAsLong(s, ctx) == want0;
      ctx.level = 0;
      if (hit) {
        found[0] = s;
        return false;
      }
      return true;
    });
    if (found[0] == null) {
      throw new IllegalStateException("cannot rebuild the trace: initial state not found again"
          + " (is the spec deterministic?)");
    }
    steps.add(new TraceStep(found[0], ActionLabel.INITIAL, null));
    for (int i = 1; i < chain.length; i++) {
      Value[] prev = found[0];
      found[0] = null;
      long want = chain[i];
      int lvl = i;
      ctx.level = lvl;
      model.successors(prev, ctx, (t, a) -> {
        ctx.level = lvl + 1;
        boolean hit = fingerprint.applyAsLong(t, ctx) == want;
        ctx.level = lvl;
        if (hit) {
          found[0] = t;
          label[0] = a;
          return false;
        }
        return true;
      });
      if (found[0] == null) {
        throw new IllegalStateException("cannot rebuild the trace: state " + (i + 1)
            + " not found again (is the spec deterministic?)");
      }
      steps.add(new TraceStep(found[0], label[0], null));
    }
    return steps;
  }

  /** The action of the first step from {@code s} (state number {@code pos}) to fingerprint {@code to}. */
  ActionLabel actionBetween(Value[] s, long to, int pos) {
    ActionLabel[] label = new ActionLabel[1];
    ctx.level = pos;
    model.successors(s, ctx, (t, a) -> {
      ctx.level = pos + 1;
      boolean hit = fingerprint.applyAsLong(t, ctx) == to;
      ctx.level = pos;
      if (hit) {
        label[0] = a;
        return false;
      }
      return true;
    });
    if (label[0] == null) {
      throw new IllegalStateException("cannot rebuild the loop of the counterexample");
    }
    return label[0];
  }

  /**
   * Adds what each state prints: the variables in print order (those of the VIEW under -view),
   * or the ALIAS record's fields.
   */
  public List<TraceStep> withBindings(List<TraceStep> steps) {
    List<String> names = model.variables();
    int[] view = model.printedViewSlots();
    int[] order = view != null ? view : model.printOrder();
    List<TraceStep> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      TraceStep st = steps.get(i);
      List<TraceStep.Binding> b = new ArrayList<>();
      Value alias = null;
      ctx.level = i + 1;
      if (tracksActions) {
        ctx.action = i == 0 || st.action() == ActionLabel.INITIAL ? model.initialAction() : st.action();
        int upTo = i;
        ctx.behaviourActions = () -> {
          java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
          for (TraceStep t : steps.subList(1, upTo + 1)) {
            counts.merge(t.action().name(), 1, Integer::sum);
          }
          return counts;
        };
      }
      try {
        // an incomplete successor (unassigned variables) is printed as it is, as TLC does
        Value[] next = i + 1 < steps.size() ? steps.get(i + 1).state() : st.state();
        alias = java.util.Arrays.asList(st.state()).contains(null) || java.util.Arrays.asList(next).contains(null)
            ? null : model.alias(st.state(), next, ctx);
      } catch (SpecError e) {
        alias = null;
      }
      if (alias instanceof FcnValue rec) {
        for (int k = 0; k < rec.size(); k++) {
          Value key = rec.domainAt(k);
          String name = key instanceof StringValue sv ? sv.text() : key.toString();
          b.add(new TraceStep.Binding(name, rec.valueAt(k)));
        }
      } else {
        for (int slot : order) {
          b.add(new TraceStep.Binding(names.get(slot), st.state()[slot]));
        }
      }
      out.add(new TraceStep(st.state(), st.action(), List.copyOf(b)));
    }
    return out;
  }
}
