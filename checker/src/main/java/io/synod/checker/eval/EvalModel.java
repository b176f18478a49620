package io.synod.checker.eval;

import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.NamedCheck;
import io.synod.checker.engine.SpecError;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.StateSink;
import io.synod.checker.engine.SuccessorSink;
import io.synod.checker.liveness.LiveExpr;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluator seen through the engine's {@link SpecModel}: a compiled spec bound to its
 * configuration's invariants, properties, constraints, VIEW, SYMMETRY, ALIAS and POSTCONDITIONs.
 * Immutable; per-worker state lives in the {@link Ctx} kept in {@link EvalContext#local}.
 */
final class EvalModel implements SpecModel {
  private final CompiledSpec spec;
  private final ModelConfig config;
  private final List<String> invariantNames = new ArrayList<>();
  /** The PROPERTY of the config each reported name (a conjunct's location) belongs to. */
  private final java.util.Map<String, String> configNames = new java.util.HashMap<>();
  private final List<CompiledSpec.Expression> invariants = new ArrayList<>();
  /**
   * Per invariant, the parts checked after a step: its conjuncts when it names a definition
   * whose body is a {@code /\} list, else the whole invariant; and per part the state variables
   * it reads ({@link Node#vars}), or {@link Node#ALL_VARS} when it must be evaluated in every
   * state (impure, with effects, or not known).
   */
  private final CompiledSpec.Expression[][] invariantParts;
  private final long[][] invariantVars;
  /** Test aid: evaluate the invariants that would be skipped and fail if one is false. */
  private final boolean verifySkips = Boolean.getBoolean("synod.verifyInvariantSkips");
  private final List<String> actionPropertyNames = new ArrayList<>();
  /** The state predicates among the PROPERTIES' conjuncts: TLC checks them on initial states. */
  private final List<String> initPropertyNames = new ArrayList<>();
  private final List<CompiledSpec.Expression> initProperties = new ArrayList<>();
  /** The temporal parts of the PROPERTIES (one per conjunct), checked after the search. */
  private final List<String> temporalNames = new ArrayList<>();
  private final List<CompiledSpec.Expression> temporal = new ArrayList<>();
  private io.synod.checker.engine.LivenessModel livenessModel;
  private volatile List<CompiledSpec.Expression> fairnessCompiled;
  private final List<CompiledSpec.Expression> actionProperties = new ArrayList<>();
  /** Per action property (one part each), the variables it reads primed or not, or ALL_VARS. */
  private final CompiledSpec.Expression[][] actionPropertyParts;
  private final long[][] actionPropertyVars;
  private final List<CompiledSpec.Expression> constraints = new ArrayList<>();
  private final List<String> constraintNames = new ArrayList<>();
  /** Per constraint, its parts and the variables each reads (as for invariants). */
  private final CompiledSpec.Expression[][] constraintParts;
  private final long[][] constraintVars;
  private final List<CompiledSpec.Expression> actionConstraints = new ArrayList<>();
  /**
   * TLC's _POSSIBLE: each predicate (or action) must hold in some state (or step) the search
   * admits, else the check fails after the search as a false POSTCONDITION. As TLC, a state
   * predicate is looked at where a CONSTRAINT is (every generated state), an action where an
   * ACTION_CONSTRAINT is (every step into a state within the constraints).
   */
  private final List<CompiledSpec.Expression> possibles = new ArrayList<>();
  private final List<String> possibleNames = new ArrayList<>();
  /** Per _POSSIBLE predicate of this check, whether a state or step satisfied it (1) yet. */
  /** How many times each _POSSIBLE predicate held, over the states (or steps) generated so far. */
  private volatile java.util.concurrent.atomic.AtomicLongArray possibleSeen;
  private volatile java.util.concurrent.atomic.AtomicInteger possiblesUnseen;
  private final CompiledSpec.Expression view;
  /** The variables -view prints of each trace state (TLC's -view), or null: all of them. */
  private int[] printedView;
  private final CompiledSpec.Expression alias;
  private final CompiledSpec.Expression symmetry;
  private final List<String> warnings = new ArrayList<>();
  /** The engine's label of each action, by {@link ActionInfo#index()} (looked up per successor). */
  private final ActionLabel[] labels;
  /** The checks of the model as TLCGet("spec") lists them, in the configuration's order. */
  private final List<CompiledSpec.SpecPart> specInvariants = new ArrayList<>();
  private final List<CompiledSpec.SpecPart> impliedInits = new ArrayList<>();
  private final List<CompiledSpec.SpecPart> impliedActions = new ArrayList<>();
  private final List<CompiledSpec.SpecPart> impliedTemporals = new ArrayList<>();
  private final List<CompiledSpec.SpecPart> specConstraints = new ArrayList<>();
  private final List<CompiledSpec.SpecPart> specActionConstraints = new ArrayList<>();
  /** Whether the root module defines an operator named Action (see {@link #tlcName}). */
  private final boolean definesAction;
  /** TLCGet("spec"), the same throughout the run (built on first use). */
  private volatile Value specRecord;
  /** The group generated by the SYMMETRY set, built on first use. */
  private volatile Symmetry symmetryGroup;

  EvalModel(CompiledSpec spec, ModelConfig config) {
    this.spec = spec;
    this.config = config;
    this.definesAction = spec.definitionSpans("Action") != null;
    for (NamedEntry e : config.invariants()) {
      CompiledSpec.Expression x = spec.definition(e.name());
      Span[] at = spec.definitionSpans(e.name());
      specInvariants.add(new CompiledSpec.SpecPart(e.name(), at == null ? x.node.span : at[1]));
      invariantNames.add(e.name());
      invariants.add(x);
      if (x.level() == 0 && constantEvaluates(spec, x)) {
        warnings.add("Warning: The invariant " + e.name() + " is a constant-level formula (i.e., it contains no "
            + "variables, primes, or temporal operators) and evaluates to TRUE. To assert constant-level "
            + "formulas in your spec, use ASSUME ConstInv. If you optionally want to give the assumption a "
            + "name, write ASSUME YourAssumption == ConstInv instead. See "
            + "https://explain.tlapl.us/assumptions-and-invariants for additional details.\n"
            + "(Use the -nowarning option to disable this warning.)");
      }
    }
    for (NamedEntry e : config.properties()) {
      CompiledSpec.PropertyParts parts = spec.property(e.name());
      // each part reported by TLC's name for it (the property's, or the conjunct's location)
      // TLC names none of a property's parts in TLCGet("spec")
      for (CompiledSpec.Expression x : parts.invariants()) {
        specInvariants.add(new CompiledSpec.SpecPart(null, x.node.span));
        invariantNames.add(x.name);
        invariants.add(x);
        configNames.putIfAbsent(x.name, e.name());
      }
      for (CompiledSpec.Expression x : parts.actionProperties()) {
        impliedActions.add(new CompiledSpec.SpecPart(null, x.node.span));
        actionPropertyNames.add(x.name);
        actionProperties.add(x);
        configNames.putIfAbsent(x.name, e.name());
      }
      for (CompiledSpec.Expression x : parts.initPredicates()) {
        impliedInits.add(new CompiledSpec.SpecPart(null, x.node.span));
        initPropertyNames.add(e.name());
        initProperties.add(x);
      }
      for (CompiledSpec.Expression x : parts.liveness()) {
        if (x.node.level == 2) {
          throw actionLevelProperty(e.name(), x.node.span);
        }
        impliedTemporals.add(new CompiledSpec.SpecPart(null, x.node.span));
        temporalNames.add(e.name());
        temporal.add(x);
      }
    }
    for (NamedEntry e : config.constraints()) {
      specConstraints.add(definitionPart(spec, e.name()));
      constraints.add(spec.definition(e.name()));
      constraintNames.add(e.name());
    }
    for (NamedEntry e : config.actionConstraints()) {
      specActionConstraints.add(definitionPart(spec, e.name()));
      actionConstraints.add(spec.definition(e.name()));
    }
    for (NamedEntry e : config.possibles()) {
      possibles.add(spec.definition(e.name()));
      possibleNames.add(e.name());
    }
    resetPossibles();
    invariantParts = conjuncts(invariants);
    invariantVars = reads(invariantParts, 1);
    constraintParts = conjuncts(constraints);
    constraintVars = reads(constraintParts, 1);
    actionPropertyParts = actionProperties.stream().map(x -> new CompiledSpec.Expression[] {x})
        .toArray(CompiledSpec.Expression[][]::new);
    actionPropertyVars = reads(actionPropertyParts, 2);
    view = config.view().map(e -> spec.definition(e.name())).orElse(null);
    alias = config.alias().map(e -> spec.definition(e.name())).orElse(null);
    symmetry = config.symmetry().map(e -> spec.definition(e.name())).orElse(null);
    if (symmetry != null && !temporal.isEmpty()) {
      // TLC's warning: the liveness check of a symmetry-reduced graph can miss violations
      warnings.add("Warning: Declaring symmetry during liveness checking is dangerous. It might"
          + " cause TLC to miss violations of the stated liveness properties. Please check"
          + " liveness without symmetry defined.");
    }
    int n = 0;
    for (ActionInfo a : spec.actions()) {
      n = Math.max(n, a.index() + 1);
    }
    labels = new ActionLabel[n];
    for (ActionInfo a : spec.actions()) {
      labels[a.index()] = label(a);
    }
  }

  /** TLC's refusal of an action-level formula (no temporal operator) under PROPERTY. */
  private static SpecException actionLevelProperty(String name, io.synod.checker.syntax.ast.Span at) {
    String where = at.describe();
    return new SpecException(SpecException.Kind.CONFIG, "The formula " + name + " at " + where
        + " is an action-level formula (i.e., it contains no temporal operators). Only"
        + " temporal-level (or state-level) formulas are allowed under PROPERTY or PROPERTIES. To"
        + " check that action " + name + " holds in *every* step of the behavior, define a"
        + " temporal property: Let A be the formula at " + where + "; rewrite A as [][A]_v, where"
        + " v is a state function (typically the tuple of variables) (compare page 90 of"
        + " Specifying Systems at https://lamport.azurewebsites.net/tla/book.html).");
  }

  @Override
  public List<String> initialProperties() {
    return List.copyOf(initPropertyNames);
  }

  @Override
  public int firstViolatedInitialProperty(Value[] s, EvalContext ec) {
    Ctx c = ctx(ec);
    try {
      for (int i = 0; i < initProperties.size(); i++) {
        if (!spec.holds(initProperties.get(i), c, s, null)) {
          return i;
        }
      }
      return -1;
    } catch (EvalException e) {
      throw error(e);
    }
  }

  @Override
  public synchronized io.synod.checker.engine.LivenessModel liveness() {
    if (temporal.isEmpty()) {
      return null;
    }
    if (livenessModel == null) {
      Ctx c = spec.newContext(0, new WorkerHost(new EvalContext(0, io.synod.checker.engine.Output.NONE), spec.host(), this));
      TemporalLowering master;
      try {
        master = lowerAll(c);
      } catch (EvalException e) {
        throw error(e);
      }
      List<LiveExpr> fair = master.fairness;
      List<io.synod.checker.engine.LivenessModel.Property> props = new ArrayList<>();
      List<LiveExpr> negs = new ArrayList<>();
      for (int i = 0; i < temporal.size(); i++) {
        props.add(new io.synod.checker.engine.LivenessModel.Property(temporalNames.get(i),
            master.checks.get(i)));
        negs.add(new LiveExpr.Not(master.checks.get(i)));
      }
      LiveExpr neg = negs.size() == 1 ? negs.get(0)
          : new LiveExpr.Or(negs);
      List<LiveExpr> all = new ArrayList<>(fair);
      all.add(neg);
      LiveExpr formula = fair.isEmpty() ? neg
          : LiveExpr.and(all);
      int nState = master.stateAtoms.size();
      int nAction = master.actionAtoms.size();
      long lateMask = master.lateMask();
      livenessModel = new io.synod.checker.engine.LivenessModel() {
        @Override
        public LiveExpr negatedFormula() {
          return formula;
        }

        @Override
        public List<Property> properties() {
          return props;
        }

        @Override
        public int stateAtomCount() {
          return nState;
        }

        @Override
        public int actionAtomCount() {
          return nAction;
        }

        @Override
        public long stateAtoms(Value[] s, EvalContext ec) {
          try {
            return lowering(ec).stateBits(s);
          } catch (EvalException e) {
            throw error(e);
          }
        }

        @Override
        public long lateStateMask() {
          return lateMask;
        }

        @Override
        public long lateStateAtoms(Value[] s, EvalContext ec) {
          try {
            return lowering(ec).lateStateBits(s);
          } catch (EvalException e) {
            throw error(e);
          }
        }

        @Override
        public void expanding(Value[] s, EvalContext ec) {
          expanding(s, -1, ec);
        }

        @Override
        public void expanding(Value[] s, int family, EvalContext ec) {
          Ctx c = ctx(ec);
          if (s == null) {
            if (c.memo != null) {
              c.memo.reset(null);
              c.memo.tags = null;
            }
            return;
          }
          if (c.memo == null) {
            c.memo = new CallMemo();
          }
          c.memo.reset(s);
          try {
            c.memo.tags = family >= 0 ? lowering(ec).apps() : null;
          } catch (EvalException e) {
            throw error(e);
          }
        }

        @Override
        public void successors(long[] fps, long[] tags, int n, int family, EvalContext ec) {
          lowering(ec).successors(fps, tags, n, family);
        }

        @Override
        public long actionAtoms(Value[] s, Value[] t, EvalContext ec) {
          try {
            return lowering(ec).actionBits(s, t);
          } catch (EvalException e) {
            throw error(e);
          }
        }

        @Override
        public long actionAtoms(Value[] s, Value[] t, long tFp, int family, EvalContext ec) {
          try {
            return lowering(ec).actionBits(s, t, tFp, family);
          } catch (EvalException e) {
            throw error(e);
          }
        }
      };
    }
    return livenessModel;
  }

  /** This worker's atoms of the temporal formulas (lowered again in its own context). */
  private TemporalLowering lowering(EvalContext ec) {
    Ctx c = ctx(ec);
    if (c.liveness == null) {
      c.liveness = lowerAll(c);
    }
    return c.liveness;
  }

  /** Lowers the fairness, then the temporal properties, always in this order (atom numbers). */
  private TemporalLowering lowerAll(Ctx c) {
    TemporalLowering l = new TemporalLowering(c);
    for (CompiledSpec.Expression x : fairnessParts()) {
      l.fairness.add(l.lower(x.node));
    }
    for (CompiledSpec.Expression x : temporal) {
      l.checks.add(l.lower(x.node));
    }
    return l;
  }

  private List<CompiledSpec.Expression> fairnessParts() {
    List<CompiledSpec.Expression> f = fairnessCompiled;
    if (f == null) {
      f = spec.fairness();
      fairnessCompiled = f;
    }
    return f;
  }

  private ActionLabel labelOf(ActionInfo a) {
    int i = a.index();
    ActionLabel l = i >= 0 && i < labels.length ? labels[i] : null;
    return l != null ? l : label(a);
  }

  /**
   * Whether a constant-level invariant can be evaluated before the search. TLC evaluates every
   * constant-level definition up front and warns about a constant invariant only when that
   * succeeded; one whose evaluation fails stays a formula, checked (and failing) on each state.
   */
  private static boolean constantEvaluates(CompiledSpec spec, CompiledSpec.Expression x) {
    try {
      spec.evaluate(x, spec.newContext(0, spec.host()), null, null);
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  private static ActionLabel label(ActionInfo a) {
    return a.span() == null ? ActionLabel.INITIAL : new ActionLabel(a.name(), a.arguments(), a.span(), a.params());
  }

  /** A constraint as TLCGet("spec") lists it: by name, at its whole definition. */
  private static CompiledSpec.SpecPart definitionPart(CompiledSpec spec, String name) {
    Span[] at = spec.definitionSpans(name);
    return new CompiledSpec.SpecPart(name, at == null ? Span.NONE : at[0]);
  }

  /**
   * TLC's name of an action: the splitter labels a part of a next-state relation written inline
   * in the SPECIFICATION "Action", as TLC prints it in traces, where TLC's TLCGet names it
   * "UnnamedAction" (unless the spec defines an operator Action).
   */
  private String tlcName(String label) {
    return "Action".equals(label) && !definesAction ? SpecRecords.UNNAMED : label;
  }

  @Override
  public ActionLabel initialAction() {
    List<CompiledSpec.SpecPart> inits = spec.initParts();
    if (inits.isEmpty()) {
      return null;
    }
    CompiledSpec.SpecPart last = inits.get(inits.size() - 1);
    return new ActionLabel(last.name() == null ? SpecRecords.UNNAMED : last.name(), List.of(), last.span());
  }

  /**
   * TLCGet("spec"): the initial predicate's conjuncts, the next-state relation's actions, the
   * SPECIFICATION's temporal conjuncts, the variables and the model's checks, each a set of
   * name/location records (TLC adds coverage figures only when coverage is reported).
   */
  Value specRecord(io.synod.checker.value.StringTable st) {
    Value r = specRecord;
    if (r == null) {
      List<Value> actions = new ArrayList<>();
      for (ActionInfo a : spec.actions()) {
        actions.add(SpecRecords.part(st, tlcName(a.name()), a.span()));
      }
      List<Value> vars = new ArrayList<>();
      List<Span> at = spec.variableSpans();
      for (int i = 0; i < at.size(); i++) {
        vars.add(SpecRecords.part(st, spec.variables().get(i), at.get(i)));
      }
      r = SpecRecords.record(st, new String[] {"inits", "actions", "temporals", "invariants", "impliedinits",
          "impliedtemporals", "variables", "actionconstraints", "constraints", "impliedactions"},
          new Value[] {SpecRecords.parts(st, spec.initParts()), Values.set(actions),
              SpecRecords.parts(st, spec.temporalParts()), SpecRecords.parts(st, specInvariants),
              SpecRecords.parts(st, impliedInits), SpecRecords.parts(st, impliedTemporals), Values.set(vars),
              SpecRecords.parts(st, specActionConstraints), SpecRecords.parts(st, specConstraints),
              SpecRecords.parts(st, impliedActions)});
      specRecord = r;
    }
    return r;
  }

  /** TLCGet("action") for the action {@code a}. */
  Value actionRecord(io.synod.checker.value.StringTable st, ActionLabel a) {
    if (a == null || a.span() == null) {
      return SpecRecords.unknownAction(st);
    }
    return SpecRecords.part(st, tlcName(a.name()), a.span());
  }

  /** The compiled spec (for trace validation's explanations). */
  CompiledSpec compiled() {
    return spec;
  }

  /** This worker's context, created on first use. */
  Ctx context(EvalContext ec) {
    return ctx(ec);
  }

  /** This worker's context, created on first use. */
  private Ctx ctx(EvalContext ec) {
    Ctx c;
    if (ec.local instanceof Ctx existing) {
      c = existing;
    } else {
      c = spec.newContext(ec.worker, new WorkerHost(ec, spec.host(), this));
      ec.local = c;
    }
    c.level = ec.level;
    c.registers = ec.registers;
    c.constantSeed = runSeed(ec);
    return c;
  }

  /** Print output and statistics of one worker. */
  private static final class WorkerHost implements EvalHost {
    private final EvalContext ec;
    /** The host the spec was compiled with: the environment and file reads are the run's, not a worker's. */
    private final EvalHost run;

    private final long started = System.nanoTime();

    private final EvalModel model;

    WorkerHost(EvalContext ec, EvalHost run, EvalModel model) {
      this.ec = ec;
      this.run = run;
      this.model = model;
    }

    @Override
    public Value allNamed(io.synod.checker.value.StringTable strings) {
      return model.allNamed(strings);
    }

    @Override
    public java.util.Map<String, String> environment() {
      return run.environment();
    }

    @Override
    public void reading(String file) {
      run.reading(file);
    }

    @Override
    public void print(String text) {
      ec.out.println(text);
    }

    @Override
    public Value statistic(String name) {
      io.synod.checker.engine.SearchStats s = ec.search == null ? ec.stats : ec.search.stats();
      if (s == null) {
        // no check has started: the statistics are undefined, as in TLC while it loads the spec
        return null;
      }
      return switch (name) {
        case "distinct" -> IntValue.of(s.distinct());
        case "generated" -> IntValue.of(s.generated());
        case "queue" -> IntValue.of(s.queue());
        // TLC's model checking reports the depth of its trace, which is 1 from the start (while
        // the initial states are computed too); simulation's is 0 before the first behaviour
        case "diameter" -> IntValue.of(ec.search != null && "bfs".equals(ec.search.mode())
            ? Math.max(1, s.depth()) : s.depth());
        case "duration" -> IntValue.of((System.nanoTime() - started) / 1_000_000_000L);
        // simulation's behaviours so far, counting the one being generated (TLC's numbering)
        case "traces" -> ec.search != null && ec.search.tracesSoFar() >= 0
            ? IntValue.of((int) Math.min(Integer.MAX_VALUE, ec.search.tracesSoFar())) : null;
        default -> null;
      };
    }

    @Override
    public Value specification(io.synod.checker.value.StringTable strings) {
      return model.specRecord(strings);
    }

    @Override
    public Value action(io.synod.checker.value.StringTable strings) {
      return model.actionRecord(strings, ec.action);
    }

    /**
     * TLC's simulator has its own record: the behaviours and states so far, the behaviour being
     * generated (its number and how often each action occurs in it up to the current state), the
     * worker, the figures of its extended statistics (-1 and an empty record: Synod does not
     * gather them, as TLC by default) and the behaviours' mean length and its variance.
     */
    @Override
    public Value statistics(io.synod.checker.value.StringTable strings) {
      io.synod.checker.engine.SearchControl s = ec.search;
      if (s == null || !"simulate".equals(s.mode())) {
        return null;
      }
      long traces = Math.max(0, s.tracesSoFar());
      java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
      if (ec.behaviourActions != null) {
        ec.behaviourActions.get().forEach((name, n) -> counts.merge(model.tlcName(name), n, Integer::sum));
      }
      String[] names = counts.keySet().toArray(new String[0]);
      Value[] vals = new Value[names.length];
      for (int i = 0; i < names.length; i++) {
        vals[i] = IntValue.of(counts.get(names[i]));
      }
      Value behavior = SpecRecords.record(strings, new String[] {"actions", "id"},
          new Value[] {SpecRecords.record(strings, names, vals), narrow(traces)});
      long[] len = s.lengthStatistics();
      return SpecRecords.record(strings, new String[] {"traces", "duration", "generated", "behavior", "worker",
          "distinct", "distinctvalues", "retries", "actions", "levelmean", "levelvariance"},
          new Value[] {narrow(traces), narrow((System.nanoTime() - started) / 1_000_000_000L),
              narrow(s.stats().generated()), behavior, IntValue.of(ec.worker), IntValue.of(-1), IntValue.of(-1),
              IntValue.of(-1), SpecRecords.record(strings, new String[0], new Value[0]), narrow(len[0]),
              narrow(len[1])});
    }

    /** TLC's narrowing of a count to an int: -1 when it does not fit. */
    private static Value narrow(long v) {
      return IntValue.of((int) v == v ? v : -1);
    }

    @Override
    public Value configuration(io.synod.checker.value.StringTable strings) {
      io.synod.checker.engine.SearchControl s = ec.search;
      if (s == null) {
        return null;
      }
      String[] names = {"mode", "deadlock", "worker", "seed", "fingerprint"};
      Value[] vals = {strings.string(s.mode()), io.synod.checker.value.BoolValue.of(s.checkDeadlock()),
          IntValue.of(s.workers()), strings.string(Long.toString(s.seed())),
          strings.string(Integer.toString(s.fingerprint()))};
      if ("simulate".equals(s.mode())) {
        // TLC's simulator reports its bounds and the aril (always 0 here) instead of the
        // fingerprint family
        names = new String[] {"mode", "depth", "traces", "deadlock", "seed", "aril", "worker"};
        vals = new Value[] {strings.string(s.mode()), IntValue.of(s.depth()), IntValue.of(s.traces()),
            io.synod.checker.value.BoolValue.of(s.checkDeadlock()), strings.string(Long.toString(s.seed())),
            strings.string("0"), IntValue.of(s.workers())};
      }
      io.synod.checker.value.StringValue[] keys = new io.synod.checker.value.StringValue[names.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = strings.string(names[i]);
      }
      return Values.record(keys, vals);
    }

    @Override
    public void exit() {
      if (ec.search != null) {
        ec.search.exit();
      }
    }

    @Override
    public boolean defer(java.util.function.Consumer<Value[]> later) {
      if (ec.deferred == null) {
        return false;
      }
      ec.deferred.add(later);
      return true;
    }

    @Override
    public java.util.List<Step> counterExample() {
      if (ec.counterExample == null) {
        return null;
      }
      // TLC's CounterExample holds the states as its trace prints them: through the ALIAS
      return ec.counterExample.stream().map(t -> {
        Step st = step(t.state(), t.action());
        Value shown = model.alias == null || t.printed() == null ? null : aliasRecord(t.printed());
        return new Step(st.state(), st.action(), st.span(), st.args(), st.params(), shown);
      }).toList();
    }

    @Override
    public Closing counterExampleClosing() {
      var loop = ec.counterExampleLoop;
      var trace = ec.counterExample;
      if (loop == null || trace == null || trace.isEmpty()) {
        return null;
      }
      // TLC labels a stuttering end with the action that led to the last state
      var a = loop.stuttering() ? trace.get(trace.size() - 1).action() : loop.action();
      int target = loop.stuttering() ? trace.size() - 1 : loop.backTo();
      return new Closing(target, step(null, a));
    }

    private Value aliasRecord(java.util.List<io.synod.checker.engine.TraceStep.Binding> printed) {
      io.synod.checker.value.StringValue[] keys = new io.synod.checker.value.StringValue[printed.size()];
      Value[] vals = new Value[printed.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = model.spec.strings.string(printed.get(i).name());
        vals[i] = printed.get(i).value();
      }
      return Values.record(keys, vals);
    }

    private static Step step(Value[] state, ActionLabel a) {
      if (a == null) {
        return new Step(state, null, null);
      }
      return new Step(state, a.span() == null ? null : a.name(), a.span(), a.args(), a.params());
    }

    @Override
    public java.util.List<Value[]> behaviour() {
      return ec.behaviour == null ? null : ec.behaviour.get();
    }

    /** Reads the answer from standard input, as TLC does. */
    private java.io.BufferedReader in;

    @Override
    public String ask(String question) {
      ec.out.println(question);
      try {
        if (in == null) {
          in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
              java.nio.charset.StandardCharsets.UTF_8));
        }
        return in.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }
  }

  static SpecError error(EvalException e) {
    return error(e, -1);
  }

  /** The error {@code e} raised while evaluating the named check number {@code check} (or -1). */
  static SpecError error(EvalException e, int check) {
    SpecError.Kind k = switch (e.kind()) {
      case ASSERT -> SpecError.Kind.ASSERT;
      case CODED -> SpecError.Kind.CODED;
      case EVAL -> SpecError.Kind.EVALUATION;
    };
    return new SpecError(k, e.getMessage(), e.stack(), check);
  }

  @Override
  public io.synod.checker.value.StringTable strings() {
    return spec.strings;
  }

  @Override
  public List<String> variables() {
    return spec.variables();
  }

  /**
   * TLC prints variables in the reverse of the enumeration order of SANY's symbol
   * {@code Hashtable}: buckets from last to first by {@code String.hashCode}, later insertions
   * first within a bucket. The table's capacity is 191 for specs of ordinary size (it matches
   * every fixture); very large modules would grow it.
   */
  @Override
  public int[] printOrder() {
    List<String> vars = spec.variables();
    Integer[] idx = new Integer[vars.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    final int capacity = 191;
    java.util.Arrays.sort(idx, (a, b) -> {
      int ba = (vars.get(a).hashCode() & 0x7FFFFFFF) % capacity;
      int bb = (vars.get(b).hashCode() & 0x7FFFFFFF) % capacity;
      return ba != bb ? Integer.compare(ba, bb) : Integer.compare(a, b);
    });
    int[] order = new int[idx.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = idx[i];
    }
    return order;
  }

  @Override
  public void initialStates(EvalContext ctx, StateSink sink) {
    if (!ctx.replay) {
      // a new search: nothing witnessed yet
      resetPossibles();
    }
    if (reproducibleDraws(ctx)) {
      ctx(ctx).restartDraws(runSeed(ctx));
    }
    try {
      spec.initialStates(ctx(ctx), (s, a) -> {
        if (!sink.accept(s)) {
          throw Stop.INSTANCE;
        }
      });
    } catch (Stop stop) {
      // the engine wants no more states
    } catch (CompiledSpec.InitialStateFailure f) {
      if (f.cause instanceof Stop) {
        return;
      }
      if (f.cause instanceof io.synod.checker.engine.UnfingerprintableState u) {
        throw u; // raised by the engine's fingerprint, not by evaluating Init
      }
      if (f.cause instanceof SpecError e) {
        List<io.synod.checker.syntax.ast.Span> stack = new ArrayList<>(f.initStack);
        stack.addAll(e.stack());
        throw new SpecError(e.kind(), e.getMessage(), stack, e.check());
      }
      throw f.cause;
    } catch (EvalException e) {
      throw error(e);
    }
  }

  @Override
  public void successors(Value[] state, EvalContext ctx, SuccessorSink sink) {
    // As TLC (Tool.getNextStates, then the checks): an action's successors are all computed
    // before the first of them is offered, so its Prints and evaluation errors come before any
    // check of its successors, and when the engine stops at one, the rest were generated too.
    Ctx c = ctx(ctx);
    if (reproducibleDraws(ctx)) {
      c.drawFor(state, runSeed(ctx));
    }
    List<Value[]> states = new ArrayList<>();
    List<ActionInfo> actions = new ArrayList<>();
    // the tags each successor was delivered with (the applications it is a step of)
    long[][] tags = {new long[8]};
    try {
      for (int i = 0, n = spec.actionCount(); i < n; i++) {
        states.clear();
        actions.clear();
        c.countComposed = true;
        c.composedIntermediates = 0;
        EvalException incomplete = null;
        try {
          spec.successors(c, state, i, (s, a) -> {
            int k = states.size();
            if (k == tags[0].length) {
              tags[0] = java.util.Arrays.copyOf(tags[0], k * 2);
            }
            tags[0][k] = c.tag;
            states.add(s);
            actions.add(a);
          });
        } catch (EvalException e) {
          if (e.incompleteState() == null) {
            throw e;
          }
          incomplete = e;
        } finally {
          c.countComposed = false;
        }
        if (c.composedIntermediates > 0) {
          sink.generatedWithin(c.composedIntermediates);
        }
        int offered = incomplete == null ? states.size() : states.size() + 1;
        for (int k = 0; k < states.size(); k++) {
          if (!sink.accept(states.get(k), labelOf(actions.get(k)), tags[0][k])) {
            sink.generatedNotOffered(offered - k - 1);
            return;
          }
        }
        if (incomplete != null) {
          // TLC checks an action's successors in order and stops at the first incomplete one,
          // which counts as generated; the action is named only when Next has several
          sink.generatedNotOffered(1);
          ActionInfo a = incomplete.incompleteAction();
          throw new io.synod.checker.engine.IncompleteSuccessor(
              EvalException.incompleteMessage(n > 1 ? a.name() : null, incomplete.unassigned()),
              incomplete.incompleteState(), labelOf(a));
        }
      }
    } catch (EvalException e) {
      throw error(e);
    }
  }

  /**
   * Whether random draws are made reproducible (by state, as TLC's breadth-first search does, so
   * that its traces can be rebuilt): everywhere but in simulation, where TLC keeps them
   * uncorrelated with the states.
   */
  private static long runSeed(EvalContext ec) {
    return ec.search == null ? ec.drawSeed : ec.search.seed();
  }

  private static boolean reproducibleDraws(EvalContext ec) {
    return ec.search == null || "bfs".equals(ec.search.mode());
  }

  /** Ends an enumeration early; carries no stack trace. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Stop INSTANCE = new Stop();

    private Stop() {
      super(null, null, false, false);
    }
  }

  @Override
  public List<String> invariants() {
    return List.copyOf(invariantNames);
  }

  @Override
  public String configNameOf(String reported) {
    return configNames.getOrDefault(reported, reported);
  }

  @Override
  public int firstViolatedInvariant(Value[] state, EvalContext ctx) {
    return first(invariants, state, null, ctx);
  }

  /**
   * The variables (slots below 63) whose values differ between the two states. Variables a
   * successor shares with its parent are the very same objects (UNCHANGED and EXCEPT-free
   * assignments keep the reference), so comparing references is enough.
   */
  private static long changed(Value[] parent, Value[] state) {
    long changed = 0;
    for (int i = 0, n = Math.min(63, state.length); i < n; i++) {
      if (state[i] != parent[i]) {
        changed |= 1L << i;
      }
    }
    return changed;
  }

  /**
   * Each state predicate as the parts checked after a step: its conjuncts when it names a
   * definition whose body is a {@code /\} list, else the whole predicate.
   */
  private static CompiledSpec.Expression[][] conjuncts(List<CompiledSpec.Expression> exprs) {
    CompiledSpec.Expression[][] parts = new CompiledSpec.Expression[exprs.size()][];
    for (int i = 0; i < parts.length; i++) {
      CompiledSpec.Expression x = exprs.get(i);
      Nodes.Conjunct[] cs = Nodes.Conjunct.split(x.node);
      parts[i] = cs == null ? new CompiledSpec.Expression[] {x}
          : java.util.Arrays.stream(cs).map(n -> new CompiledSpec.Expression(n, x.name))
              .toArray(CompiledSpec.Expression[]::new);
    }
    return parts;
  }

  /** The variables each part reads; ALL_VARS for parts above {@code level}, impure or with effects. */
  private static long[][] reads(CompiledSpec.Expression[][] parts, int level) {
    long[][] r = new long[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      r[i] = new long[parts[i].length];
      for (int j = 0; j < parts[i].length; j++) {
        Node n = parts[i][j].node;
        r[i][j] = n.impure || n.effect || n.level > level ? Node.ALL_VARS : n.vars;
      }
    }
    return r;
  }

  @Override
  public int firstViolatedInvariant(Value[] parent, Value[] state, EvalContext ctx) {
    // the parent passed every invariant: one reading only unchanged variables holds again
    return firstChanged("invariant", invariantParts, invariantNames, invariantVars,
        changed(parent, state), state, null, false, ctx(ctx));
  }

  /**
   * Index of the first expression false on {@code s} (and {@code t}), or -1; each is checked
   * part by part, in order. A part that reads none of the {@code changed} variables is not
   * evaluated: it holds as it did before (invariants), or as on the stuttering step from
   * {@code s} when {@code stuttering} (action properties) and that holds. Under
   * {@code synod.verifyInvariantSkips} it is evaluated anyway and must hold.
   */
  private int firstChanged(String what, CompiledSpec.Expression[][] parts, List<String> names,
      long[][] reads, long changed, Value[] s, Value[] t, boolean stuttering, Ctx c) {
    int i = 0;
    try {
      for (; i < parts.length; i++) {
        for (int j = 0; j < parts[i].length; j++) {
          long r = reads[i][j];
          if (r != Node.ALL_VARS && (r & changed) == 0
              && (!stuttering || holdsWhenStuttering(c, i, s))) {
            if (verifySkips && !spec.holds(parts[i][j], c, s, t)) {
              throw new IllegalStateException(what + " " + names.get(i)
                  + " was skipped as unchanged but is false");
            }
            continue;
          }
          if (!spec.holds(parts[i][j], c, s, t)) {
            return i;
          }
        }
      }
      return -1;
    } catch (EvalException e) {
      throw error(e, i);
    }
  }

  private int first(List<CompiledSpec.Expression> exprs, Value[] s, Value[] t, EvalContext ctx) {
    Ctx c = ctx(ctx);
    int i = 0;
    try {
      for (; i < exprs.size(); i++) {
        if (!spec.holds(exprs.get(i), c, s, t)) {
          return i;
        }
      }
      return -1;
    } catch (EvalException e) {
      throw error(e, i);
    }
  }

  @Override
  public List<String> actionProperties() {
    return List.copyOf(actionPropertyNames);
  }

  /**
   * An action property reading only variables the step {@code s -> t} leaves unchanged has the
   * value it has on the stuttering step {@code s -> s}: the evaluation reads the same objects.
   * That value is computed once per state {@code s} (per worker) and, when true, stands for every
   * such successor; when false or failing, each step is evaluated as usual, so the verdict and any
   * error are exactly those of evaluating every step.
   */
  @Override
  public int firstViolatedActionProperty(Value[] s, Value[] t, EvalContext ctx) {
    return firstChanged("action property", actionPropertyParts, actionPropertyNames,
        actionPropertyVars, changed(s, t), s, t, true, ctx(ctx));
  }

  private boolean holdsWhenStuttering(Ctx c, int i, Value[] s) {
    if (c.stutterState != s) {
      c.stutterState = s;
      if (c.stutterResult.length != actionProperties.size()) {
        c.stutterResult = new byte[actionProperties.size()];
      } else {
        java.util.Arrays.fill(c.stutterResult, (byte) 0);
      }
    }
    if (c.stutterResult[i] == 0) {
      boolean holds;
      try {
        holds = spec.holds(actionProperties.get(i), c, s, s);
      } catch (EvalException e) {
        // the real step fails the same way; let its own evaluation report it
        holds = false;
      }
      c.stutterResult[i] = (byte) (holds ? 1 : 2);
    }
    return c.stutterResult[i] == 1;
  }

  private void resetPossibles() {
    setPossibleCounts(new long[0]);
  }

  @Override
  public long[] possibleCounts() {
    if (possibles.isEmpty()) {
      return null;
    }
    java.util.concurrent.atomic.AtomicLongArray seen = possibleSeen;
    long[] out = new long[possibles.size()];
    for (int i = 0; seen != null && i < out.length; i++) {
      out[i] = seen.get(i);
    }
    return out;
  }

  @Override
  public void setPossibleCounts(long[] counts) {
    java.util.concurrent.atomic.AtomicLongArray seen =
        new java.util.concurrent.atomic.AtomicLongArray(possibles.size());
    int unseen = 0;
    for (int i = 0; i < possibles.size(); i++) {
      seen.set(i, i < counts.length ? counts[i] : 0);
      if (seen.get(i) == 0) {
        unseen++;
      }
    }
    possiblesUnseen = new java.util.concurrent.atomic.AtomicInteger(unseen);
    possibleSeen = seen;
  }

  /**
   * TLCGet("all:named"): TLC keeps the _POSSIBLE counts in the named register "s:_possible", one
   * record (predicate name to count) per worker; here one record for the whole search. Null when
   * the model has no _POSSIBLE.
   */
  Value allNamed(io.synod.checker.value.StringTable strings) {
    java.util.concurrent.atomic.AtomicLongArray seen = possibleSeen;
    if (possibles.isEmpty() || seen == null) {
      return null;
    }
    io.synod.checker.value.StringValue[] names = new io.synod.checker.value.StringValue[possibles.size()];
    Value[] counts = new Value[possibles.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = strings.string(possibleNames.get(i));
      counts[i] = io.synod.checker.value.IntValue.of(seen.get(i));
    }
    Value perWorker = io.synod.checker.value.TupleValue.wrap(new Value[] {Values.record(names, counts)});
    return Values.fcn(new Value[] {strings.string("s:_possible")}, new Value[] {perWorker});
  }

  /** Counts the _POSSIBLE predicates of the given level that {@code s} (or the step s -> t) satisfies. */
  private void witness(Value[] s, Value[] t, EvalContext ctx) {
    java.util.concurrent.atomic.AtomicInteger unseen = possiblesUnseen;
    java.util.concurrent.atomic.AtomicLongArray seen = possibleSeen;
    Ctx c = ctx(ctx);
    // counted every time, as TLC tracks them like constraints (TLCGet("all:named") reads the counts)
    for (int i = 0; i < possibles.size(); i++) {
      CompiledSpec.Expression x = possibles.get(i);
      if ((x.level() == 2) != (t != null)) {
        continue;
      }
      try {
        if (spec.holds(x, c, s, t) && seen.incrementAndGet(i) == 1) {
          unseen.decrementAndGet();
        }
      } catch (EvalException e) {
        throw error(e);
      }
    }
  }

  @Override
  public boolean satisfiesConstraints(Value[] parent, Value[] state, EvalContext ctx) {
    witness(state, null, ctx);
    // the parent is in the model: a constraint reading only unchanged variables holds again
    return firstChanged("constraint", constraintParts, constraintNames, constraintVars,
        changed(parent, state), state, null, false, ctx(ctx)) < 0;
  }

  @Override
  public boolean satisfiesConstraints(Value[] state, EvalContext ctx) {
    witness(state, null, ctx);
    return first(constraints, state, null, ctx) < 0;
  }

  @Override
  public boolean satisfiesActionConstraints(Value[] s, Value[] t, EvalContext ctx) {
    witness(s, t, ctx);
    return first(actionConstraints, s, t, ctx) < 0;
  }

  @Override
  public boolean hasConstraints() {
    return !constraints.isEmpty() || !actionConstraints.isEmpty() || !possibles.isEmpty();
  }

  @Override
  public boolean mayHoldUnsortableSets() {
    return spec.unsortableMade();
  }

  @Override
  public boolean hasView() {
    return view != null;
  }

  @Override
  public Value view(Value[] state, EvalContext ctx) {
    try {
      return spec.evaluate(view, ctx(ctx), state, null);
    } catch (EvalException e) {
      throw error(e);
    }
  }

  @Override
  public void printStatesThroughView() {
    printedView = view == null ? null : view.variableSlots();
  }

  @Override
  public int[] printedViewSlots() {
    return printedView;
  }

  @Override
  public String dumpTrace(String format, String file, EvalContext ec) {
    if (ec.counterExample == null || ec.counterExample.isEmpty()) {
      return null;
    }
    return TraceDump.text(format, file, ctx(ec));
  }

  @Override
  public io.synod.checker.engine.Coverage coverage() {
    return new io.synod.checker.engine.Coverage(spec.initCoverageName(), java.util.Arrays.asList(labels),
        spec.actionCoverageNames());
  }

  @Override
  public boolean hasAlias() {
    return alias != null;
  }

  @Override
  public Value alias(Value[] state, EvalContext ctx) {
    return alias(state, null, ctx);
  }

  @Override
  public Value alias(Value[] state, Value[] next, EvalContext ctx) {
    if (alias == null) {
      return null;
    }
    try {
      return spec.evaluate(alias, ctx(ctx), state, next);
    } catch (EvalException e) {
      throw error(e);
    }
  }

  @Override
  public boolean hasSymmetry() {
    return symmetry != null;
  }

  @Override
  public Value[] symmetryCanonical(Value[] state, EvalContext ctx) {
    Symmetry g = symmetry(ctx);
    Ctx c = ctx(ctx);
    if (c.symmetryImages == null) {
      c.symmetryImages = new Symmetry.Images();
    }
    return g.canonical(state, c.symmetryImages);
  }

  private Symmetry symmetry(EvalContext ctx) {
    Symmetry g = symmetryGroup;
    if (g == null) {
      synchronized (this) {
        g = symmetryGroup;
        if (g == null) {
          try {
            g = Symmetry.generatedBy(spec.evaluate(symmetry, ctx(ctx), null, null));
          } catch (EvalException e) {
            throw error(e);
          } catch (io.synod.checker.value.EvalError e) {
            throw new SpecError(SpecError.Kind.EVALUATION, e.getMessage(), List.of());
          }
          symmetryGroup = g;
        }
      }
    }
    return g;
  }

  @Override
  public boolean checkDeadlock() {
    return config.deadlockChecked();
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public String constantBindingError(EvalContext ctx) {
    Ctx c = ctx(ctx);
    for (CompiledSpec.ConstantBinding b : spec.constantBindings()) {
      try {
        spec.evaluate(b.value(), c, null, null);
      } catch (EvalException e) {
        return "The configuration file substitutes constant " + b.constant() + " with non-constant "
            + b.definition();
      }
    }
    return null;
  }

  @Override
  public NamedCheck firstFalseAssumption(EvalContext ctx) {
    Ctx c = ctx(ctx);
    for (CompiledSpec.Assumption a : spec.assumptions()) {
      try {
        if (!spec.holds(a.expression(), c, null, null)) {
          return new NamedCheck(a.name(), a.expression().span().describe());
        }
      } catch (EvalException e) {
        // TLC catches every error of an ASSUME alike: no nested-expression stack, exit code 10
        throw new SpecError(SpecError.Kind.ASSUMPTION, "Evaluating assumption "
            + a.expression().span().describe() + " failed.\n" + e.getMessage(), List.of());
      }
    }
    return null;
  }

  @Override
  public NamedCheck firstFalsePostcondition(EvalContext ctx) {
    Ctx c = ctx(ctx);
    for (NamedEntry e : config.postconditions()) {
      CompiledSpec.Expression x = spec.definition(e.name());
      try {
        if (!spec.holds(x, c, null, null)) {
          return new NamedCheck(e.name(), x.span().describe());
        }
      } catch (EvalException failed) {
        // TLC's report: the postcondition, the reason, and where in it evaluation failed
        List<io.synod.checker.syntax.ast.Span> at = failed.stack();
        String where = at.isEmpty() ? "" : "\n" + at.get(at.size() - 1).describe();
        throw new SpecError(SpecError.Kind.POSTCONDITION, "Evaluating postcondition " + e.name() + " at "
            + x.span().describe() + " failed.\n" + failed.getMessage() + where, List.of());
      }
    }
    // then the _POSSIBLE predicates, in the configuration's order
    java.util.concurrent.atomic.AtomicLongArray seen = possibleSeen;
    for (int i = 0; i < possibles.size(); i++) {
      if (seen.get(i) == 0) {
        return new NamedCheck(possibleNames.get(i), possibles.get(i).span().describe());
      }
    }
    return null;
  }
}
