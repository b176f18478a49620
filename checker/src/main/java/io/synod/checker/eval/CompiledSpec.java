package io.synod.checker.eval;

import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import io.synod.checker.semantic.ResolvedSpec;
import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A specification compiled for one model: the entry point of the evaluator.
 *
 * <pre>{@code
 * ResolvedSpec resolved = SemanticAnalyzer.analyze(specFile, ModuleLocator.forSpec(specFile));
 * CompiledSpec spec = CompiledSpec.compile(resolved, config, host);
 * Ctx ctx = spec.newContext(seed, host);
 * spec.initialStates(ctx, (state, action) -> ...);
 * spec.successors(ctx, state, (next, action) -> ...);
 * boolean ok = spec.holds(spec.definition("TypeOK"), ctx, state, null);
 * }</pre>
 *
 * <p>A state is a {@code Value[]} indexed by variable slot ({@link #variables()} order). The
 * compiled spec is immutable and shared by all workers; each worker evaluates with its own
 * {@link Ctx}.
 */
public final class CompiledSpec {

  /**
   * Whether some evaluation made a set literal TLC cannot sort ({@link Values#unsortable}): until
   * then no state can hold one, and fingerprinting a state need not look for it.
   */
  private volatile boolean unsortableMade;

  void madeUnsortable(io.synod.checker.value.SetValue literal, Object source) {
    io.synod.checker.value.Values.noteSource(literal, source);
    unsortableMade = true;
  }

  /** See {@link #unsortableMade}. */
  public boolean unsortableMade() {
    return unsortableMade;
  }

  /** Receives generated states; the array is fresh and owned by the receiver. */
  @FunctionalInterface
  public interface StateSink {
    void accept(Value[] state, ActionInfo action);
  }

  /** A compiled expression: a named definition or a formula from the configuration. */
  public static final class Expression {
    final Node node;
    final String name;

    Expression(Node node, String name) {
      this.node = node;
      this.name = name;
    }

    public String name() {
      return name;
    }

    /** 0 constant, 1 state, 2 action level. */
    public int level() {
      return node.level;
    }

    public Span span() {
      return node.span;
    }

    /**
     * The slots of the state variables the expression lists, when it is a variable or a tuple
     * of variables (possibly through a definition without parameters); null otherwise.
     */
    int[] variableSlots() {
      Node n = node;
      while (true) {
        if (n instanceof Nodes.Cached c) {
          n = c.body;
        } else if (n instanceof Nodes.Call call && call.args.length == 0 && call.envDepth < 0) {
          n = call.def.body;
        } else {
          break;
        }
      }
      if (ActionCompiler.replaced(n) instanceof Nodes.Var v) {
        return new int[] {v.slot};
      }
      if (n instanceof Nodes.Tuple t && t.elems.length > 0) {
        int[] slots = new int[t.elems.length];
        for (int i = 0; i < slots.length; i++) {
          if (!(ActionCompiler.replaced(t.elems[i]) instanceof Nodes.Var v)) {
            return null;
          }
          slots[i] = v.slot;
        }
        return slots;
      }
      return null;
    }
  }

  /** An ASSUME of the root module or a module it extends. */
  public record Assumption(String name, Span span, Expression expression) {}

  final StringTable strings;
  final EvalHost host;
  private final Compiler compiler;
  private final ModuleEnv root;
  private final List<String> variables;
  private final List<Assumption> assumptions = new ArrayList<>();
  private Act init;
  private int initFrame;
  /** The operator that is the whole initial predicate, if one is (for TLC's coverage report). */
  private DefSym initDef;
  private final List<ActionSplitter.Split> actions = new ArrayList<>();
  /** The temporal conjuncts of the SPECIFICATION besides {@code [][Next]_v} (its fairness). */
  private final List<Expr> fairness = new ArrayList<>();
  private final List<ModuleEnv> fairnessEnvs = new ArrayList<>();

  /**
   * The root module's folder: a relative file name the spec reads (ndJsonDeserialize...) that
   * is not found from the working directory (where TLC looks) is looked up there. Null if unknown.
   */
  Path specFolder;

  private CompiledSpec(StringTable strings, EvalHost host, Compiler compiler, ModuleEnv root,
      List<String> variables) {
    this.strings = strings;
    this.host = host;
    this.compiler = compiler;
    this.root = root;
    this.variables = List.copyOf(variables);
  }

  /**
   * Compiles the root module (loaded with its dependencies and resolved by the semantic
   * analyzer, whose names it uses) for the model {@code config}. INIT/NEXT come from the config's INIT and NEXT
   * or from its SPECIFICATION formula {@code Init /\ [][Next]_v /\ ...}.
   *
   * @throws SpecException for unknown names, unassigned constants and unsupported constructs
   */
  public static CompiledSpec compile(ResolvedSpec resolved, ModelConfig config, EvalHost host) {
    return compile(resolved, config, host, t -> java.util.Map.of());
  }

  /**
   * The same, with the values of some constants computed by the caller in this check's intern
   * table (they take precedence over the configuration's).
   */
  static CompiledSpec compile(ResolvedSpec resolved, ModelConfig config, EvalHost host,
      java.util.function.Function<StringTable, java.util.Map<String, Value>> constants) {
    StringTable strings = new StringTable();
    Interning.internModules(resolved.loaded().parsed(), strings);
    Interning.internConfig(config, strings);
    Compiler compiler = new Compiler(strings, new Natives());
    Resolver resolver = new Resolver(resolved, compiler, strings, config, constants.apply(strings));
    compiler.resolver = resolver;
    ModuleEnv root = resolver.resolveRoot();
    resolver.checkConstants(root);
    CompiledSpec spec = new CompiledSpec(strings, host, compiler, root, resolver.variables);
    spec.variableSpans = List.copyOf(resolver.variableSpans);
    String rootFile = resolved.loaded().root().span().file();
    spec.specFolder = rootFile == null ? null : Path.of(rootFile).toAbsolutePath().getParent();
    for (Resolver.Assumption a : resolver.assumes) {
      spec.assumptions.add(new Assumption(a.unit().name(), a.unit().span(),
          new Expression(compiler.expr(a.env(), a.unit().body()), a.unit().name())));
    }
    spec.compileBehavior(config);
    for (String[] b : resolver.constantBindings) {
      spec.constantBindings.add(new ConstantBinding(b[0], b[1], spec.definition(b[0])));
    }
    return spec;
  }

  /** A declared constant the configuration binds to a definition ({@code C <- Def}). */
  public record ConstantBinding(String constant, String definition, Expression value) {}

  private final List<ConstantBinding> constantBindings = new ArrayList<>();

  /** The configuration's {@code C <- Def} of the root module's constants, in order. */
  public List<ConstantBinding> constantBindings() {
    return constantBindings;
  }

  /**
   * Compiles every definition and ASSUME of the spec's own modules (standard modules excepted),
   * without a model, so that a construct the evaluator does not implement is refused when the
   * spec is loaded, at its location, rather than in the middle of a search.
   *
   * @throws SpecException naming the construct and its location
   */
  public static void compileDefinitions(ResolvedSpec resolved) {
    StringTable strings = new StringTable();
    Compiler compiler = new Compiler(strings, new Natives());
    Resolver resolver = new Resolver(resolved, compiler, strings, ModelConfig.builder("").build());
    compiler.resolver = resolver;
    resolver.resolveRoot();
    resolver.compileAll();
  }

  private void compileBehavior(ModelConfig config) {
    List<Expr> initExprs = new ArrayList<>();
    List<ModuleEnv> initEnvs = new ArrayList<>();
    DefSym nextDef = null;
    Expr nextExpr = null;
    ModuleEnv nextEnv = root;
    if (config.init().isPresent()) {
      DefSym d = def(config.init().get());
      initExprs.add(d.def.body());
      initEnvs.add(d.env);
      initParts.add(new SpecPart(d.def.name(), d.def.body().span()));
    }
    if (config.next().isPresent()) {
      nextDef = def(config.next().get());
    }
    if (config.specification().isPresent()) {
      // As TLC: the conjuncts (through definitions) of level at most 1 are the initial
      // predicate, in order; exactly one [][A]_v is the next-state relation; the temporal
      // conjuncts are checked as properties of the behaviours.
      DefSym spec = def(config.specification().get());
      List<Expr> conjuncts = new ArrayList<>();
      conjuncts(spec.def.body(), spec.env, conjuncts, 0);
      int boxes = 0;
      for (Expr c : conjuncts) {
        if (c instanceof Expr.OpApp op && op.name().equals(Operators.ALWAYS) && op.args().size() == 1
            && op.args().get(0) instanceof Expr.BoxAction box) {
          boxes++;
          warnUnsubscripted(box.subscript(), envOf(c, spec.env), boxes == 1);
          nextExpr = box.action();
          nextEnv = envOf(c, spec.env);
        } else if (c instanceof Expr.Fairness || isTemporal(c) || temporalLevel(c, envOf(c, spec.env))) {
          fairness.add(c);
          fairnessEnvs.add(envOf(c, spec.env));
          temporalParts.add(new SpecPart(null, c.span()));
        } else {
          initExprs.add(c);
          initEnvs.add(envOf(c, spec.env));
          // as TLC: a conjunct naming a definition is an initial predicate of that name, its
          // location the definition's body; any other conjunct is an unnamed one
          DefSym named = c instanceof Expr.OpApp op && op.args().isEmpty()
              ? zeroArityDef(op, envOf(c, spec.env)) : null;
          initParts.add(named != null ? new SpecPart(named.def.name(), named.def.body().span())
              : new SpecPart(null, c.span()));
        }
      }
      if (boxes > 1) {
        throw new SpecException(SpecException.Kind.CONFIG, "The specification contains more than one "
            + "conjunct of the form [][Next]_v,\nbut TLC can handle only specifications with one "
            + "next-state relation.");
      }
      // As TLC, a specification without an initial predicate or a next-state relation is fine
      // as long as nothing needs one: a module without variables (Spec == [][TRUE]_<<>>) whose
      // config checks nothing has no state, and only its ASSUMEs are evaluated.
      boolean checksSomething = !config.invariants().isEmpty() || !config.properties().isEmpty();
      if (initExprs.isEmpty() && (checksSomething || !variables.isEmpty())) {
        throw new SpecException(SpecException.Kind.CONFIG, "The specification " + spec.def.name()
            + " is not of the form Init /\\ [][Next]_vars /\\ Fairness.");
      }
      if (nextExpr == null && nextDef == null && checksSomething) {
        throw new SpecException(SpecException.Kind.CONFIG, "The specification " + spec.def.name()
            + " is not of the form Init /\\ [][Next]_vars /\\ Fairness.");
      }
    }
    // No initial predicate is allowed when the config checks nothing of a module without
    // variables (ConfigChecker refuses the rest): TLC then only evaluates the ASSUMEs and finds
    // no state at all.
    if (!initExprs.isEmpty()) {
      Act[] parts = new Act[initExprs.size()];
      int[] frames = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        int[] size = new int[1];
        parts[i] = compiler.action(initEnvs.get(i), initExprs.get(i), true, size);
        frames[i] = size[0];
      }
      if (parts.length == 1) {
        init = parts[0];
        initFrame = frames[0];
      } else {
        init = new InitConjuncts(parts, frames);
        initFrame = 0;
      }
    }
    if (config.init().isPresent()) {
      initDef = def(config.init().get());
    } else if (initExprs.size() == 1) {
      initDef = namedAction(initExprs.get(0), initEnvs.get(0));
    }
    ActionSplitter splitter = new ActionSplitter(compiler, newContext(0, host));
    if (nextDef != null) {
      splitter.split(nextDef);
    } else if (nextExpr != null) {
      DefSym named = namedAction(nextExpr, nextEnv);
      if (named != null) {
        splitter.split(named);
      } else {
        splitter.split(nextExpr, nextEnv);
      }
    }
    actions.addAll(splitter.out);
  }

  /**
   * TLC's warning for each state variable the subscript of {@code [][A]_v} does not read (so
   * that a step changing only it would count as stuttering), printed as TLC prints it: the
   * -nowarning hint follows the first subscript's warnings only.
   */
  private void warnUnsubscripted(Expr subscript, ModuleEnv env, boolean first) {
    long read;
    try {
      read = compiler.at(env, new Scope(null)).expr(subscript).vars;
    } catch (SpecException e) {
      return;
    }
    if (read == Node.ALL_VARS) {
      return;
    }
    for (int i = 0; i < variables.size() && i < 63; i++) {
      if ((read & (1L << i)) == 0) {
        host.print("Warning: The subscript of the next-state relation specified by the specification\n"
            + "does not seem to contain the state variable " + variables.get(i)
            + (first ? "\n(Use the -nowarning option to disable this warning.)" : ""));
      }
    }
  }

  /**
   * Whether {@code e} is a temporal formula however it is written (a quantifier over fairness
   * conditions {@code \\A p \\in S : WF_v(A(p))}, an operator whose body is temporal): its
   * compiled level says so.
   */
  private boolean temporalLevel(Expr e, ModuleEnv env) {
    try {
      return compiler.at(env, new Scope(null)).expr(e).level >= 3;
    } catch (SpecException | EvalException ex) {
      return false;
    }
  }

  /**
   * An initial predicate given as several conjuncts of a SPECIFICATION, possibly of different
   * modules: each compiled on its own, run left to right as one conjunction.
   */
  private static final class InitConjuncts extends Act {
    private final Act[] parts;
    private final int[] frames;

    InitConjuncts(Act[] parts, int[] frames) {
      super(parts[0].span, false);
      this.parts = parts;
      this.frames = frames;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      from(0, c, k);
    }

    private void from(int i, Ctx c, Cont k) {
      if (i == parts.length) {
        k.go(c);
        return;
      }
      parts[i].run(c, new Frame(frames[i], null), c2 -> from(i + 1, c2, k));
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].holds(c, new Frame(frames[i], null))) {
          return false;
        }
      }
      return true;
    }
  }

  private final java.util.IdentityHashMap<Expr, ModuleEnv> exprEnvs = new java.util.IdentityHashMap<>();

  private ModuleEnv envOf(Expr e, ModuleEnv fallback) {
    return exprEnvs.getOrDefault(e, fallback);
  }

  /** Flattens the conjunction of a SPECIFICATION through zero-parameter definitions. */
  private void conjuncts(Expr e, ModuleEnv env, List<Expr> out, int depth) {
    if (depth > 30) {
      return;
    }
    if (e instanceof Expr.Junction j && j.kind() == Expr.JunctionKind.AND) {
      j.items().forEach(x -> conjuncts(x, env, out, depth + 1));
    } else if (e instanceof Expr.OpApp op && op.name().equals(Operators.AND) && op.args().size() == 2) {
      op.args().forEach(x -> conjuncts(x, env, out, depth + 1));
    } else if (e instanceof Expr.Label l) {
      conjuncts(l.body(), env, out, depth + 1);
    } else {
      DefSym d = e instanceof Expr.OpApp op && op.args().isEmpty() ? zeroArityDef(op, env) : null;
      if (d != null && isTemporalDef(d, 0)) {
        conjuncts(d.def.body(), d.env, out, depth + 1);
      } else {
        exprEnvs.put(e, env);
        out.add(e);
      }
    }
  }

  private boolean isTemporalDef(DefSym d, int depth) {
    return hasTemporal(d.def.body(), d.env, depth);
  }

  /** Whether a conjunct of {@code e} (through definitions) is a temporal formula. */
  private boolean hasTemporal(Expr e, ModuleEnv env, int depth) {
    if (depth > 30) {
      return false;
    }
    if (isTemporal(e)) {
      return true;
    }
    if (e instanceof Expr.Junction j && j.kind() == Expr.JunctionKind.AND) {
      return j.items().stream().anyMatch(x -> hasTemporal(x, env, depth + 1));
    }
    if (e instanceof Expr.OpApp op && op.name().equals(Operators.AND) && op.args().size() == 2) {
      return op.args().stream().anyMatch(x -> hasTemporal(x, env, depth + 1));
    }
    if (e instanceof Expr.OpApp op && op.path().isEmpty() && op.args().isEmpty()
        && env.table.get(op.name()) instanceof DefSym d) {
      return hasTemporal(d.def.body(), d.env, depth + 1);
    }
    if (e instanceof Expr.OpApp op && op.path().size() == 1 && op.args().isEmpty()
        && env.table.get(op.path().get(0).name()) instanceof Symbols.InstSym inst && inst.target != null
        && inst.target.exported.get(op.name()) instanceof DefSym d) {
      return hasTemporal(d.def.body(), d.env, depth + 1);
    }
    DefSym part = e instanceof Expr.OpApp op ? selectedDef(op, env) : null;
    if (part != null) {
      return hasTemporal(part.def.body(), part.env, depth + 1);
    }
    return false;
  }

  private static boolean isTemporal(Expr e) {
    return e instanceof Expr.Fairness
        || e instanceof Expr.OpApp op && (op.name().equals(Operators.ALWAYS) || op.name().equals(Operators.EVENTUALLY)
        || op.name().equals(Operators.LEADS_TO));
  }

  private DefSym namedAction(Expr e, ModuleEnv env) {
    if (e instanceof Expr.OpApp op && op.args().isEmpty()) {
      return zeroArityDef(op, env);
    }
    return null;
  }

  /** The definition {@code op} names, directly or as {@code I!Op} of an instance, if any. */
  private static DefSym zeroArityDef(Expr.OpApp op, ModuleEnv env) {
    if (op.path().isEmpty() && env.table.get(op.name()) instanceof DefSym d) {
      return d;
    }
    if (op.path().size() == 1 && op.path().get(0).args().isEmpty()
        && env.table.get(op.path().get(0).name()) instanceof Symbols.InstSym inst && inst.target != null
        && inst.target.exported.get(op.name()) instanceof DefSym d) {
      return d;
    }
    return selectedDef(op, env);
  }

  /**
   * {@code Def!1!2} or {@code I!Def!1} with no arguments anywhere: the selected part of the
   * zero-parameter definition (a theorem's, say) as a definition of its own, so that a
   * specification or property written as a part of one (TLC suite test216: Spec1 == Thm!1, where
   * Thm == Spec => []Inv) is analysed like the part itself. Null for anything else.
   */
  private static DefSym selectedDef(Expr.OpApp op, ModuleEnv env) {
    if (op.path().isEmpty() || !op.args().isEmpty()) {
      return null;
    }
    for (Expr.InstanceStep step : op.path()) {
      if (!step.args().isEmpty()) {
        return null;
      }
    }
    Sym s = env.table.get(op.path().get(0).name());
    int k = 0;
    while (s instanceof Symbols.InstSym inst && inst.target != null && k + 1 < op.path().size()) {
      k++;
      s = inst.target.exported.get(op.path().get(k).name());
    }
    if (!(s instanceof DefSym d) || !d.def.params().isEmpty()) {
      return null;
    }
    List<String> selectors = new ArrayList<>();
    for (int j = k + 1; j < op.path().size(); j++) {
      selectors.add(op.path().get(j).name());
    }
    selectors.add(op.name());
    Expr part = io.synod.checker.syntax.ast.Selectors.select(d.def.body(), selectors);
    if (part == null) {
      return null;
    }
    String shown = d.def.name() + "!" + String.join("!", selectors);
    return new DefSym(new Unit.OpDef(d.def.span(), shown, d.def.fixity(), List.of(), part, false, false), d.env);
  }

  private DefSym def(NamedEntry entry) {
    Sym s = root.table.get(entry.name());
    if (s instanceof DefSym d) {
      return d;
    }
    throw new SpecException(SpecException.Kind.CONFIG, "The operator " + entry.name()
        + " named in the configuration file is not defined by the specification.");
  }

  // ------------------------------------------------------------------ public API

  /**
   * A part of the behaviour specification as TLC's {@code TLCGet("spec")} lists it: the name of
   * the definition it comes from (null when it is not a definition's) and its formula's span.
   */
  public record SpecPart(String name, Span span) {}

  private final List<SpecPart> initParts = new ArrayList<>();
  private final List<SpecPart> temporalParts = new ArrayList<>();
  private List<Span> variableSpans = List.of();

  /** The conjuncts of the initial predicate, in order, as TLC splits it. */
  public List<SpecPart> initParts() {
    return initParts;
  }

  /** The temporal conjuncts of the SPECIFICATION besides {@code [][Next]_v} (fairness...). */
  public List<SpecPart> temporalParts() {
    return temporalParts;
  }

  /** Where each variable is declared (its name in the VARIABLE declaration), by slot. */
  public List<Span> variableSpans() {
    return variableSpans;
  }

  /** The root module's definition {@code name}: its whole span and its body's, or null. */
  public Span[] definitionSpans(String name) {
    return root.table.get(name) instanceof DefSym d
        ? new Span[] {d.def.span(), d.def.body().span()} : null;
  }

  /** Variable names by slot (declaration order). */
  public List<String> variables() {
    return variables;
  }

  public int variableCount() {
    return variables.size();
  }

  /** The width of the next state an ENABLED that cuts substitutions off builds (see {@link Enabled}). */
  int probeWidth() {
    return variables.size() + compiler.phantomCount();
  }

  /** The intern table of this check: strings, record fields and model values are ordered by it. */
  public StringTable strings() {
    return strings;
  }

  public EvalHost host() {
    return host;
  }

  /** A fresh evaluation context for one worker; {@code seed} drives RandomElement. */
  public Ctx newContext(long seed, EvalHost host) {
    return new Ctx(this, seed, host);
  }

  /** The number of actions of the next-state relation. */
  public int actionCount() {
    return actions.size();
  }

  /**
   * TLC's name of the initial predicate in its coverage report ({@code Init line 12, col 1 to line
   * 12, col 4 of module M}: the operator and where its name is declared), or null when the
   * initial predicate is not one operator.
   */
  public String initCoverageName() {
    return initDef == null ? null : initDef.def.name() + " " + declaration(initDef).describe();
  }

  /**
   * For each action (by index), TLC's name of it in the coverage report, and the key of the line
   * it counts into: the actions of one formula (e.g. {@code \E p \in P : A(p)}) share a line.
   * An action that is all of an operator's body is named by the operator's declaration; one that
   * is a part of it (a disjunct) adds where that part is, as {@code (line col line col)}.
   */
  public List<String[]> actionCoverageNames() {
    List<String[]> out = new ArrayList<>();
    for (ActionSplitter.Split s : actions) {
      Span at = s.info().span();
      String key = at == null ? s.info().name() : String.format("%s\u0000%09d%09d%09d%09d", at.module(),
          at.beginLine(), at.beginCol(), at.endLine(), at.endCol());
      String name;
      if (s.def() == null || at == null) {
        name = s.info().name() + (at == null ? "" : " " + at.describe());
      } else if (s.whole()) {
        name = s.def().def.name() + " " + declaration(s.def()).describe();
      } else {
        name = s.def().def.name() + " " + declaration(s.def()).describe() + " (" + at.beginLine() + " "
            + at.beginCol() + " " + at.endLine() + " " + at.endCol() + ")";
      }
      out.add(new String[] {name, key});
    }
    return out;
  }

  /** Where an operator's name is written in its definition (SANY's location of the declaration). */
  private static Span declaration(DefSym d) {
    Span sp = d.def.span();
    return new Span(sp.module(), sp.file(), sp.beginLine(), sp.beginCol(), sp.beginLine(),
        sp.beginCol() + d.def.name().length() - 1);
  }

  /** The actions of the next-state relation, in TLC's order. */
  public List<ActionInfo> actions() {
    List<ActionInfo> l = new ArrayList<>();
    for (ActionSplitter.Split s : actions) {
      l.add(s.info());
    }
    return l;
  }

  /**
   * The fairness conjuncts of the SPECIFICATION (temporal formulas besides {@code [][Next]_v}),
   * compiled (only a check with temporal properties needs them).
   */
  public List<Expression> fairness() {
    List<Expression> out = new ArrayList<>();
    for (int i = 0; i < fairness.size(); i++) {
      out.add(new Expression(compiler.expr(fairnessEnvs.get(i), fairness.get(i)), null));
    }
    return out;
  }

  /** The ASSUMEs in module order. */
  public List<Assumption> assumptions() {
    return List.copyOf(assumptions);
  }

  /** The zero-parameter definition {@code name} of the root module, compiled. */
  public Expression definition(String name) {
    Sym s = root.table.get(name);
    if (s instanceof DefSym d) {
      if (!d.def.params().isEmpty()) {
        throw new SpecException(SpecException.Kind.CONFIG, "The operator " + name + " takes arguments.");
      }
      return new Expression(compiler.defValue(d, d.def.span()), name);
    }
    if (s != null) {
      Expr ref = new Expr.OpApp(Span.NONE, List.of(), name, io.synod.checker.syntax.ast.Fixity.NORMAL, List.of());
      return new Expression(compiler.expr(root, ref), name);
    }
    throw new SpecException(SpecException.Kind.CONFIG, "The operator " + name
        + " named in the configuration file is not defined by the specification.");
  }

  /**
   * A PROPERTY split the way TLC checks it: {@code []P} conjuncts with a state predicate P are
   * invariants, {@code [][A]_v} conjuncts are action properties (checked on every step), state
   * predicates are checked on initial states, anything else needs the liveness checker.
   */
  public record PropertyParts(List<Expression> invariants, List<Expression> actionProperties,
      List<Expression> initPredicates, List<Expression> liveness) {}

  /** Splits the root-module property {@code name}. */
  public PropertyParts property(String name) {
    Sym s = root.table.get(name);
    if (!(s instanceof DefSym d)) {
      throw new SpecException(SpecException.Kind.CONFIG, "The property " + name
          + " specified in the configuration file\nis not defined in the specification.");
    }
    List<Expression> invs = new ArrayList<>();
    List<Expression> acts = new ArrayList<>();
    List<Expression> inits = new ArrayList<>();
    List<Expression> live = new ArrayList<>();
    List<Object[]> parts = new ArrayList<>();
    flatten(d.def.body(), d.env, name, parts, 0);
    for (Object[] part : parts) {
      Expr e = (Expr) part[0];
      ModuleEnv env = (ModuleEnv) part[1];
      String partName = (String) part[2];
      if (e instanceof Expr.OpApp op && op.name().equals(Operators.ALWAYS) && op.args().size() == 1) {
        Expr arg = op.args().get(0);
        if (arg instanceof Expr.BoxAction) {
          acts.add(new Expression(compiler.expr(env, arg), partName));
          continue;
        }
        Node n = compiler.expr(env, arg);
        if (n.level <= 1) {
          invs.add(new Expression(n, partName));
          continue;
        }
      } else if (!hasTemporal(e, env, 0)) {
        Node n = compiler.expr(env, e);
        if (n.level <= 1) {
          inits.add(new Expression(n, name));
          continue;
        }
      }
      live.add(new Expression(compiler.expr(env, e), name));
    }
    return new PropertyParts(invs, acts, inits, live);
  }

  /**
   * Conjuncts of {@code e} through zero-parameter definitions, also of instances, each with the
   * name TLC reports it by: that of the definition it is the body of, else (a conjunct) its
   * location.
   */
  private void flatten(Expr e, ModuleEnv env, String name, List<Object[]> out, int depth) {
    if (depth < 40) {
      if (e instanceof Expr.Junction j && j.kind() == Expr.JunctionKind.AND) {
        j.items().forEach(x -> flatten(x, env, x.span().describe(), out, depth + 1));
        return;
      }
      if (e instanceof Expr.OpApp op && op.name().equals(Operators.AND) && op.args().size() == 2) {
        op.args().forEach(x -> flatten(x, env, x.span().describe(), out, depth + 1));
        return;
      }
      if (e instanceof Expr.Label l) {
        flatten(l.body(), env, name, out, depth + 1);
        return;
      }
      if (e instanceof Expr.OpApp op && op.args().isEmpty()) {
        ModuleEnv target = env;
        boolean ok = true;
        for (Expr.InstanceStep step : op.path()) {
          Sym is = target == env && step == op.path().get(0) ? env.table.get(step.name())
              : target.exported.get(step.name());
          if (!(is instanceof Symbols.InstSym inst) || inst.target == null || !step.args().isEmpty()) {
            ok = false;
            break;
          }
          target = inst.target;
        }
        Sym s = ok ? (op.path().isEmpty() ? env.table.get(op.name()) : target.exported.get(op.name())) : null;
        if (s instanceof DefSym d && d.def.params().isEmpty() && hasTemporal(d.def.body(), d.env, 0)) {
          flatten(d.def.body(), d.env, op.name(), out, depth + 1);
          return;
        }
        DefSym part = ok ? null : selectedDef(op, env);
        if (part != null && hasTemporal(part.def.body(), part.env, 0)) {
          flatten(part.def.body(), part.env, name, out, depth + 1);
          return;
        }
      }
    }
    out.add(new Object[] {e, env, name});
  }

  /** The names of the root module's zero-parameter definitions (its own and those it extends). */
  java.util.Map<String, String> zeroArityDefinitionFiles() {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    root.table.forEach((n, s) -> {
      if (s instanceof DefSym d && d.def.params().isEmpty() && d.def.span().file() != null) {
        out.put(n, d.def.span().file());
      }
    });
    return out;
  }

  /** Whether the root module defines {@code name} (as anything). */
  public boolean isDefined(String name) {
    return root.table.containsKey(name);
  }

  /** The body expression of the zero-parameter definition {@code name}, if it is one (for temporal formulas). */
  public Optional<Expr> definitionBody(String name) {
    return root.table.get(name) instanceof DefSym d ? Optional.of(d.def.body()) : Optional.empty();
  }

  /** Generates the initial states in TLC's order ({@code TLCGet("level")} is 0 meanwhile). */
  public void initialStates(Ctx c, StateSink sink) {
    if (init == null) {
      return;
    }
    Value[] savedCur = c.cur;
    Value[] savedNxt = c.nxt;
    int savedLevel = c.level;
    int savedUnassigned = c.unassigned;
    c.level = 0;
    c.cur = new Value[variables.size()];
    c.nxt = null;
    c.unassigned = variables.size();
    try {
      init.run(c, new Frame(initFrame, null), c2 -> {
        Value[] s = c2.cur;
        for (int i = 0; i < s.length; i++) {
          if (s[i] == null) {
            throw EvalException.eval("State is not completely specified by the initial predicate (the "
                + "following variable is not assigned: " + variables.get(i) + ").");
          }
        }
        deliver(c2, sink, s.clone(), ActionInfo.INITIAL);
      });
    } catch (SinkFailure f) {
      if (f.initSpans.isEmpty()) {
        throw f.cause;
      }
      List<Span> outermostFirst = new ArrayList<>(f.initSpans);
      java.util.Collections.reverse(outermostFirst);
      throw new InitialStateFailure(f.cause, outermostFirst);
    } finally {
      c.cur = savedCur;
      c.nxt = savedNxt;
      c.level = savedLevel;
      c.unassigned = savedUnassigned;
    }
  }

  /**
   * Generates the successors of {@code state} action by action, in TLC's order (duplicates
   * included). {@code c.level()} should be the BFS level of {@code state}.
   */
  public void successors(Ctx c, Value[] state, StateSink sink) {
    for (ActionSplitter.Split a : actions) {
      successors(c, state, a, sink);
    }
  }

  /** The successors of {@code state} by the action with the given index. */
  public void successors(Ctx c, Value[] state, int actionIndex, StateSink sink) {
    successors(c, state, actions.get(actionIndex), sink);
  }

  private void successors(Ctx c, Value[] state, ActionSplitter.Split a, StateSink sink) {
    Ctx.Scratch scratch = c.takeScratch(a.info().index(), a.frameSize(), state.length);
    Frame f = scratch.frame;
    System.arraycopy(a.bound(), 0, f.slots, 0, Math.min(a.bound().length, f.slots.length));
    try {
      run(c, state, a.act(), f, scratch.next, scratch.delivery, a.info(), sink);
    } finally {
      c.giveBack(a.info().index(), scratch);
    }
  }

  /**
   * Runs {@code act} from {@code state} in frame {@code f}, building successors in {@code next},
   * each complete one to {@code sink}; the context's current and next state are restored after.
   */
  private static void run(Ctx c, Value[] state, Act act, Frame f, Value[] next, Delivery d,
      ActionInfo info, StateSink sink) {
    Value[] savedCur = c.cur;
    Value[] savedNxt = c.nxt;
    Value[] savedDelivery = c.deliveryNext;
    int savedUnassigned = c.unassigned;
    c.cur = state;
    c.nxt = next;
    c.deliveryNext = next;
    c.unassigned = state.length;
    d.info = info;
    d.sink = sink;
    try {
      act.run(c, f, d);
    } catch (SinkFailure sf) {
      throw sf.cause;
    } finally {
      c.cur = savedCur;
      c.nxt = savedNxt;
      c.deliveryNext = savedDelivery;
      c.unassigned = savedUnassigned;
    }
  }

  /** Hands each complete successor of an action to the sink. */
  final class Delivery implements Act.Cont {
    ActionInfo info;
    StateSink sink;

    @Override
    public void go(Ctx c) {
      Value[] t = c.nxt;
      List<String> missing = null;
      for (int i = 0; c.unassigned != 0 && i < t.length; i++) {
        if (t[i] == null) {
          if (missing == null) {
            missing = new ArrayList<>();
          }
          missing.add(variables.get(i));
        }
      }
      if (missing != null) {
        throw EvalException.incompleteSuccessor(t.clone(), info, missing);
      }
      c.delivered++;
      deliver(c, sink, t.clone(), info);
    }
  }

  private static void deliver(Ctx c, StateSink sink, Value[] s, ActionInfo info) {
    // the receiver may evaluate (invariants...) with this very context: keep our level
    int level = c.level;
    try {
      sink.accept(s, info);
    } catch (RuntimeException e) {
      // keep the action's spans off errors raised by the receiver
      throw new SinkFailure(e, info == ActionInfo.INITIAL);
    } finally {
      c.level = level;
    }
  }

  /**
   * Carries an exception thrown by a sink through the action's error handling unchanged. For an
   * initial state it also gathers the initial predicate's positions it unwinds through: TLC
   * checks an initial state's invariants while still inside the evaluation of Init, so its
   * error reports list where in Init it was before the invariant's own positions.
   */
  static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RuntimeException cause;
    /** Innermost first; stays empty unless {@link #inInit}. */
    final transient List<Span> initSpans = new ArrayList<>();
    private final boolean inInit;

    SinkFailure(RuntimeException cause, boolean inInit) {
      super(null, null, false, false);
      this.cause = cause;
      this.inInit = inInit;
    }

    void passing(Span s) {
      if (inInit && s != null && s != Span.NONE
          && (initSpans.isEmpty() || !initSpans.get(initSpans.size() - 1).equals(s))) {
        initSpans.add(s);
      }
    }
  }

  /**
   * An exception thrown by the receiver of an initial state, with the positions of the initial
   * predicate under evaluation when it was delivered (outermost first).
   */
  public static final class InitialStateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final transient RuntimeException cause;
    public final transient List<Span> initStack;

    InitialStateFailure(RuntimeException cause, List<Span> initStack) {
      super(null, null, false, false);
      this.cause = cause;
      this.initStack = List.copyOf(initStack);
    }
  }

  /**
   * Evaluates {@code e} in state {@code s} (and next state {@code t} for action-level
   * expressions; null otherwise).
   */
  public Value evaluate(Expression e, Ctx c, Value[] s, Value[] t) {
    Value[] savedCur = c.cur;
    Value[] savedNxt = c.nxt;
    c.cur = s;
    c.nxt = t;
    try {
      return e.node.eval(c, null);
    } finally {
      c.cur = savedCur;
      c.nxt = savedNxt;
    }
  }

  /** Evaluates a boolean expression; a non-boolean value is an evaluation error. */
  public boolean holds(Expression e, Ctx c, Value[] s, Value[] t) {
    Value v = evaluate(e, c, s, t);
    if (v instanceof io.synod.checker.value.BoolValue b) {
      return b.value();
    }
    EvalException x = EvalException.eval("The formula " + (e.name == null ? "" : e.name + " ")
        + "evaluated to a non-boolean value:\n" + io.synod.checker.value.Pretty.ppr(v));
    x.push(e.span());
    throw x;
  }

  /**
   * The root module's operator {@code name} applied to {@code arity} value parameters, compiled
   * as an action (for trace validation, which runs one action with arguments taken from a log).
   *
   * @throws SpecException when there is no such operator or it takes another number of arguments
   */
  Act applied(String name, int arity, int[] frameSize) {
    Sym s = root.table.get(name);
    if (!(s instanceof DefSym d)) {
      throw new SpecException(SpecException.Kind.CONFIG, "The specification defines no operator " + name + ".");
    }
    if (d.def.params().size() != arity) {
      throw new SpecException(SpecException.Kind.CONFIG, "The operator " + name + " takes "
          + d.def.params().size() + " argument(s), the mapping gives " + arity + ".");
    }
    Scope scope = new Scope(null);
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      String p = "synod$arg" + i;
      scope.put(p, new Scope.ValLocal(scope.newSlot()));
      args.add(new Expr.OpApp(Span.NONE, List.of(), p, io.synod.checker.syntax.ast.Fixity.NORMAL, List.of()));
    }
    Expr call = new Expr.OpApp(d.def.span(), List.of(), name, io.synod.checker.syntax.ast.Fixity.NORMAL, args);
    Act a = compiler.at(root, scope).act(call, false);
    frameSize[0] = Math.max(scope.size, arity);
    return a;
  }

  /**
   * Runs {@code act} from {@code state} with {@code args} in the first slots of its frame, each
   * complete successor to {@code sink} (as {@link #successors(Ctx, Value[], StateSink)} does for
   * the actions of the next-state relation).
   */
  void run(Ctx c, Value[] state, Act act, int frameSize, Value[] args, ActionInfo info, StateSink sink) {
    Frame f = new Frame(Math.max(frameSize, args.length), null);
    System.arraycopy(args, 0, f.slots, 0, args.length);
    run(c, state, act, f, new Value[state.length], new Delivery(), info, sink);
  }

  /** Compiles an arbitrary expression of the root module (e.g. a VIEW or a test formula). */
  public Expression compileExpression(Expr e) {
    return new Expression(compiler.expr(root, e), null);
  }
}
