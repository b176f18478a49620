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
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The evaluator seen through the engine's {@link SpecModel}: a compiled spec bound to its
 * configuration's invariants, properties, constraints, VIEW, SYMMETRY, ALIAS and POSTCONDITIONs.
 * Immutable; per-worker state lives in the {@link Ctx} kept in {@link EvalContext#local}.
 */
final class EvalModel implements SpecModel {
  private final CompiledSpec spec;
  private final ModelConfig config;
  private final List<String> invariantNames = new ArrayList<>();
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
  private final CompiledSpec.Expression view;
  private final CompiledSpec.Expression alias;
  private final CompiledSpec.Expression symmetry;
  private final List<String> warnings = new ArrayList<>();
  /** The engine's label of each action, by {@link ActionInfo#index()} (looked up per successor). */
  private final ActionLabel[] labels;
  private volatile List<Map<Value, Value>> permutations;

  EvalModel(CompiledSpec spec, ModelConfig config) {
    this.spec = spec;
    this.config = config;
    for (NamedEntry e : config.invariants()) {
      CompiledSpec.Expression x = spec.definition(e.name());
      invariantNames.add(e.name());
      invariants.add(x);
      if (x.level() == 0) {
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
      for (CompiledSpec.Expression x : parts.invariants()) {
        invariantNames.add(e.name());
        invariants.add(x);
      }
      for (CompiledSpec.Expression x : parts.actionProperties()) {
        actionPropertyNames.add(e.name());
        actionProperties.add(x);
      }
      for (CompiledSpec.Expression x : parts.initPredicates()) {
        initPropertyNames.add(e.name());
        initProperties.add(x);
      }
      for (CompiledSpec.Expression x : parts.liveness()) {
        if (x.node.level == 2) {
          throw actionLevelProperty(e.name(), x.node.span);
        }
        temporalNames.add(e.name());
        temporal.add(x);
      }
    }
    for (NamedEntry e : config.constraints()) {
      constraints.add(spec.definition(e.name()));
      constraintNames.add(e.name());
    }
    for (NamedEntry e : config.actionConstraints()) {
      actionConstraints.add(spec.definition(e.name()));
    }
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
      Ctx c = spec.newContext(0, new WorkerHost(new EvalContext(0, io.synod.checker.engine.Output.NONE)));
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
        public long lateStateAtoms(Value[] s, EvalContext ec) {
          try {
            return lowering(ec).lateStateBits(s);
          } catch (EvalException e) {
            throw error(e);
          }
        }

        @Override
        public long actionAtoms(Value[] s, Value[] t, EvalContext ec) {
          try {
            return lowering(ec).actionBits(s, t);
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

  private static ActionLabel label(ActionInfo a) {
    return a.span() == null ? ActionLabel.INITIAL : new ActionLabel(a.name(), a.arguments(), a.span());
  }

  /** This worker's context, created on first use. */
  private Ctx ctx(EvalContext ec) {
    Ctx c;
    if (ec.local instanceof Ctx existing) {
      c = existing;
    } else {
      c = spec.newContext(ec.worker, new WorkerHost(ec));
      ec.local = c;
    }
    c.level = ec.level;
    return c;
  }

  /** Print output and statistics of one worker. */
  private static final class WorkerHost implements EvalHost {
    private final EvalContext ec;

    WorkerHost(EvalContext ec) {
      this.ec = ec;
    }

    @Override
    public void print(String text) {
      ec.out.println(text);
    }

    @Override
    public Value statistic(String name) {
      return switch (name) {
        case "distinct" -> IntValue.of(ec.stats.distinct());
        case "generated" -> IntValue.of(ec.stats.generated());
        case "queue" -> IntValue.of(ec.stats.queue());
        case "diameter" -> IntValue.of(ec.stats.depth());
        default -> null;
      };
    }
  }

  static SpecError error(EvalException e) {
    return new SpecError(e.kind() == EvalException.Kind.ASSERT ? SpecError.Kind.ASSERT : SpecError.Kind.EVALUATION,
        e.getMessage(), e.stack());
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
    try {
      spec.initialStates(ctx(ctx), (s, a) -> {
        if (!sink.accept(s)) {
          throw Stop.INSTANCE;
        }
      });
    } catch (Stop stop) {
      // the engine wants no more states
    } catch (EvalException e) {
      throw error(e);
    }
  }

  @Override
  public void successors(Value[] state, EvalContext ctx, SuccessorSink sink) {
    try {
      spec.successors(ctx(ctx), state, (s, a) -> {
        if (!sink.accept(s, labelOf(a))) {
          throw Stop.INSTANCE;
        }
      });
    } catch (Stop stop) {
      // the engine wants no more successors of this state
    } catch (EvalException e) {
      throw error(e);
    }
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
    try {
      for (int i = 0; i < parts.length; i++) {
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
      throw error(e);
    }
  }

  private int first(List<CompiledSpec.Expression> exprs, Value[] s, Value[] t, EvalContext ctx) {
    Ctx c = ctx(ctx);
    try {
      for (int i = 0; i < exprs.size(); i++) {
        if (!spec.holds(exprs.get(i), c, s, t)) {
          return i;
        }
      }
      return -1;
    } catch (EvalException e) {
      throw error(e);
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

  @Override
  public boolean satisfiesConstraints(Value[] parent, Value[] state, EvalContext ctx) {
    // the parent is in the model: a constraint reading only unchanged variables holds again
    return firstChanged("constraint", constraintParts, constraintNames, constraintVars,
        changed(parent, state), state, null, false, ctx(ctx)) < 0;
  }

  @Override
  public boolean satisfiesConstraints(Value[] state, EvalContext ctx) {
    return first(constraints, state, null, ctx) < 0;
  }

  @Override
  public boolean satisfiesActionConstraints(Value[] s, Value[] t, EvalContext ctx) {
    return first(actionConstraints, s, t, ctx) < 0;
  }

  @Override
  public boolean hasConstraints() {
    return !constraints.isEmpty() || !actionConstraints.isEmpty();
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
  public Value alias(Value[] state, EvalContext ctx) {
    if (alias == null) {
      return null;
    }
    try {
      return spec.evaluate(alias, ctx(ctx), state, null);
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
    List<Map<Value, Value>> perms = permutations(ctx);
    Value[] best = state;
    long bestKey = key(state);
    for (Map<Value, Value> p : perms) {
      Value[] img = new Value[state.length];
      for (int i = 0; i < img.length; i++) {
        img[i] = permute(state[i], p);
      }
      long k = key(img);
      if (Long.compareUnsigned(k, bestKey) < 0) {
        best = img;
        bestKey = k;
      }
    }
    return best;
  }

  private static long key(Value[] s) {
    long h = 0x9E3779B97F4A7C15L;
    for (Value v : s) {
      h = io.synod.checker.value.Hashing.mix(h, v.fingerprint());
    }
    return h;
  }

  private List<Map<Value, Value>> permutations(EvalContext ctx) {
    List<Map<Value, Value>> p = permutations;
    if (p == null) {
      p = new ArrayList<>();
      Value set;
      try {
        set = spec.evaluate(symmetry, ctx(ctx), null, null);
      } catch (EvalException e) {
        throw error(e);
      }
      if (set instanceof SetValue sv) {
        for (Iterator<Value> it = sv.iterator(); it.hasNext(); ) {
          if (it.next() instanceof FcnValue f) {
            Map<Value, Value> m = new HashMap<>();
            for (int i = 0; i < f.size(); i++) {
              m.put(f.domainAt(i), f.valueAt(i));
            }
            p.add(m);
          }
        }
      }
      permutations = p;
    }
    return p;
  }

  /** Applies a permutation of model values throughout a value. */
  static Value permute(Value v, Map<Value, Value> p) {
    Value direct = p.get(v);
    if (direct != null) {
      return direct;
    }
    if (v instanceof TupleValue t) {
      Value[] out = new Value[t.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = permute(t.get(i + 1), p);
      }
      return Values.tuple(out);
    }
    if (v instanceof FcnValue f) {
      Value[] d = new Value[f.size()];
      Value[] r = new Value[f.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = permute(f.domainAt(i), p);
        r[i] = permute(f.valueAt(i), p);
      }
      return Values.fcn(d, r);
    }
    if (v instanceof SetValue s && s.isEnumerable()) {
      List<Value> out = new ArrayList<>();
      for (Iterator<Value> it = s.iterator(); it.hasNext(); ) {
        out.add(permute(it.next(), p));
      }
      return Values.set(out);
    }
    return v;
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
  public NamedCheck firstFalseAssumption(EvalContext ctx) {
    Ctx c = ctx(ctx);
    try {
      for (CompiledSpec.Assumption a : spec.assumptions()) {
        if (!spec.holds(a.expression(), c, null, null)) {
          return new NamedCheck(a.name(), a.expression().span().describe());
        }
      }
      return null;
    } catch (EvalException e) {
      throw error(e);
    }
  }

  @Override
  public NamedCheck firstFalsePostcondition(EvalContext ctx) {
    Ctx c = ctx(ctx);
    try {
      for (NamedEntry e : config.postconditions()) {
        CompiledSpec.Expression x = spec.definition(e.name());
        if (!spec.holds(x, c, null, null)) {
          return new NamedCheck(e.name(), x.span().describe());
        }
      }
      return null;
    } catch (EvalException e) {
      throw error(e);
    }
  }
}
