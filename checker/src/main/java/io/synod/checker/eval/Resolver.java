package io.synod.checker.eval;

import io.synod.checker.config.CfgValue;
import io.synod.checker.config.ConstantAssignment;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.FunSym;
import io.synod.checker.eval.Symbols.InstSym;
import io.synod.checker.eval.Symbols.Instantiation;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.NativeSym;
import io.synod.checker.eval.Symbols.SubstSym;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.eval.Symbols.UnboundSym;
import io.synod.checker.eval.Symbols.ValueSym;
import io.synod.checker.eval.Symbols.VarSym;
import io.synod.checker.semantic.ResolvedSpec;
import io.synod.checker.semantic.Symbol;
import io.synod.checker.stdlib.StandardModules;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the names of a specification, as {@code synod parse}'s analyzer resolved them, to what
 * they denote in one model: each module gets, per instantiation (the root model, or one INSTANCE
 * with its substitutions), a table whose names are exactly those the analyzer found visible in
 * that module, each mapped to the symbol of the defining unit in the instantiation through which
 * the module sees it. Here the root's constants are bound to the configuration's values, the
 * {@code <-} overrides applied and the ASSUMEs collected. Variables get slots in declaration order.
 */
final class Resolver {
  private final ResolvedSpec spec;
  private final Compiler compiler;
  private final StringTable strings;
  private final ModelConfig config;
  final List<String> variables = new ArrayList<>();
  /** Where each variable is declared (its name in the VARIABLE declaration), by slot. */
  final List<io.synod.checker.syntax.ast.Span> variableSpans = new ArrayList<>();
  final List<Assumption> assumes = new ArrayList<>();
  final List<ModuleEnv> rootEnvs = new ArrayList<>();
  /** Every module environment, instantiated ones included (configuration overrides reach them all). */
  private final List<ModuleEnv> allEnvs = new ArrayList<>();
  /**
   * The configuration's overrides once applied, by name ({@code Name <- Def}, {@code Name = v})
   * and by defining module and name ({@code Name <- [M] Def}, {@code Name = [M] v}): a
   * parameterized INSTANCE is built where it is used, after {@link #applyOverrides}, and its
   * names are bound through these as TLC's overrides reach every use of the definition.
   */
  private final Map<String, Sym> overridden = new HashMap<>();
  /**
   * The declared constants of the root module the configuration binds to a definition without
   * parameters ({@code C <- Def}): constant name, then definition name, in configuration order.
   */
  final List<String[]> constantBindings = new ArrayList<>();
  private final Map<String, Sym> overriddenIn = new HashMap<>();

  /** An ASSUME with the module it belongs to. */
  record Assumption(Unit.Assume unit, ModuleEnv env) {}

  /** Constants given as values by the caller rather than by the configuration (trace validation). */
  private final Map<String, Value> given;

  Resolver(ResolvedSpec spec, Compiler compiler, StringTable strings, ModelConfig config) {
    this(spec, compiler, strings, config, Map.of());
  }

  Resolver(ResolvedSpec spec, Compiler compiler, StringTable strings, ModelConfig config,
      Map<String, Value> given) {
    this.spec = spec;
    this.compiler = compiler;
    this.strings = strings;
    this.config = config;
    this.given = given;
  }

  ModuleEnv resolveRoot() {
    Instantiation inst = new Instantiation(null);
    ModuleEnv env = build(spec.loaded().root(), inst, null);
    applyOverrides(env);
    return env;
  }

  /** TLC's config error for the first declared constant the configuration leaves unassigned. */
  void checkConstants(ModuleEnv root) {
    for (ModuleEnv env : rootEnvs) {
      for (Unit u : env.module.units()) {
        if (u instanceof Unit.ConstantDecl c && env.table.get(c.name()) instanceof UnboundSym) {
          throw new SpecException(SpecException.Kind.CONFIG, "The constant parameter " + c.name()
              + " is not assigned a value by the configuration file.");
        }
      }
    }
  }

  /**
   * Compiles every definition and ASSUME of the non-standard modules: what the analyzer
   * accepted, the compiler must be able to translate (it refuses only the constructs it does
   * not implement, with their location).
   */
  void compileAll() {
    for (ModuleEnv env : rootEnvs) {
      if (StandardModules.isStandard(env.module.name())) {
        continue;
      }
      for (Unit u : env.module.units()) {
        Sym s = env.own.get(u);
        if (s instanceof DefSym ds && ds.def == u) {
          compiler.defn(ds);
        } else if (s instanceof FunSym fs) {
          compiler.funDefn(fs);
        } else if (u instanceof Unit.Assume a) {
          compiler.expr(env, a.body());
        }
      }
    }
  }

  /** Module {@code m} in instantiation {@code inst}; {@code enclosing} for a module nested in another. */
  private ModuleEnv build(Module m, Instantiation inst, ModuleEnv enclosing) {
    ModuleEnv done = inst.built.get(m.name());
    if (done != null) {
      return done;
    }
    ModuleEnv env = new ModuleEnv(m, inst);
    inst.built.put(m.name(), env);
    if (inst.parent == null) {
      rootEnvs.add(env);
    }
    allEnvs.add(env);
    if (enclosing != null) {
      // a module written inside another sees the names of the enclosing module (SANY)
      enclosing.providers.forEach(env.providers::putIfAbsent);
    }
    for (Name ext : m.extendsList()) {
      ModuleEnv e = build(spec.loaded().module(ext.text()), inst, null);
      e.providers.forEach(env.providers::putIfAbsent);
    }
    env.providers.put(m.name(), env);
    boolean std = StandardModules.isStandard(m.name());
    for (Unit u : m.units()) {
      if (u instanceof Unit.ConstantDecl c) {
        inst.decls.computeIfAbsent(c.name(), n -> declareConstant(inst, n));
      } else if (u instanceof Unit.VariableDecl v) {
        Sym decl = inst.decls.computeIfAbsent(v.name(), n -> declareVariable(inst, n, v.span()));
        if (inst.parent != null && !(decl instanceof VarSym vs && vs.name.equals(v.name()))) {
          inst.phantoms.put(v.name(), decl);
        }
      } else if (u instanceof Unit.OpDef d) {
        Natives.Impl impl = std ? compiler.natives.lookup(m.name(), d.name()) : null;
        if (impl != null) {
          NativeSym n = new NativeSym(d.name(), impl);
          n.definition = new DefSym(d, env);
          env.own.put(d, n);
        } else {
          env.own.put(d, new DefSym(d, env));
        }
      } else if (u instanceof Unit.FunctionDef f) {
        env.own.put(f, new FunSym(f, env));
      } else if (u instanceof Unit.InstanceDef i && i.name() != null) {
        env.own.put(i, new InstSym(i, env));
      } else if (u instanceof Unit.Assume a) {
        if (inst.parent == null) {
          assumes.add(new Assumption(a, env));
        }
        if (a.name() != null) {
          // a named assumption is also an operator of no arguments (SANY)
          env.own.put(a, new DefSym(namedFormula(a.span(), a.name(), a.body()), env));
        }
      } else if (u instanceof Unit.Theorem t && t.name() != null && t.statement() != null) {
        env.own.put(t, new DefSym(namedFormula(t.span(), t.name(), t.statement()), env));
      }
    }
    bindNames(env);
    for (Unit u : m.units()) {
      if (u instanceof Unit.InstanceDef i && i.name() == null) {
        instantiate(i, env).providers.forEach(env.providers::putIfAbsent);
        bindNames(env);
      } else if (u instanceof Unit.InstanceDef i && i.params().isEmpty()) {
        ((InstSym) env.own.get(i)).target = instantiate(i, env);
      }
    }
    return env;
  }

  /** Fills {@code env}'s tables with the analyzer's names of its module that can be bound so far. */
  private void bindNames(ModuleEnv env) {
    String module = env.module.name();
    bind(spec.visible().get(module), env, env.table);
    bind(spec.exported().get(module), env, env.exported);
  }

  private void bind(Map<String, Symbol> names, ModuleEnv env, Map<String, Sym> into) {
    if (names == null) {
      return;
    }
    for (Map.Entry<String, Symbol> e : names.entrySet()) {
      if (!into.containsKey(e.getKey())) {
        Sym s = symbolOf(env, e.getValue());
        if (s != null) {
          Sym by = overriddenIn.get(scopedKey(e.getValue().module(), e.getValue().name()));
          if (by == null && !(s instanceof VarSym)) {
            by = overridden.get(e.getKey());
          }
          into.put(e.getKey(), by != null ? by : s);
        }
      }
    }
  }

  private static String scopedKey(String module, String name) {
    return module + "!" + name;
  }

  /** What {@code s}, a name visible in {@code env}'s module, denotes there; null if not (yet) known. */
  private static Sym symbolOf(ModuleEnv env, Symbol s) {
    ModuleEnv from = env.providers.get(s.module());
    if (from == null) {
      return null;
    }
    if (s.kind() == Symbol.Kind.CONSTANT || s.kind() == Symbol.Kind.VARIABLE) {
      return from.inst.decls.get(s.name());
    }
    return from.own.get(s.node());
  }

  /** The name {@code name} in {@code env}, also while its module is being built. */
  private static Sym lookup(ModuleEnv env, String name, ResolvedSpec spec) {
    Sym s = env.table.get(name);
    if (s != null) {
      return s;
    }
    Map<String, Symbol> names = spec.visible().get(env.module.name());
    Symbol sym = names == null ? null : names.get(name);
    return sym == null ? null : symbolOf(env, sym);
  }

  private static Unit.OpDef namedFormula(io.synod.checker.syntax.ast.Span span, String name, Expr body) {
    return new Unit.OpDef(span, name, io.synod.checker.syntax.ast.Fixity.NORMAL, List.of(), body, false, false);
  }

  private ModuleEnv instantiate(Unit.InstanceDef i, ModuleEnv owner) {
    Instantiation inst = new Instantiation(owner);
    inst.def = i;
    for (Unit.Substitution sub : i.substitutions()) {
      inst.decls.put(sub.target(), substitution(sub.replacement(), owner));
    }
    return buildInstance(spec.loaded().module(i.module().text()), inst, owner);
  }

  /** The module {@code target} built for instantiation {@code inst} made in {@code owner}. */
  private ModuleEnv buildInstance(Module target, Instantiation inst, ModuleEnv owner) {
    return build(target, inst, spec.loaded().isNested(target.name()) ? owner : null);
  }

  /**
   * The module of {@code i} instantiated at a place where an expression is being compiled (see
   * {@link Symbols.SiteSubstSym}): each substitution, and each parameter of {@code i} naming a
   * constant or variable of the module, is given by {@code substitute}.
   */
  ModuleEnv instantiateAt(Unit.InstanceDef i, ModuleEnv owner,
      java.util.function.Function<Expr, Sym> substitute, java.util.function.Predicate<String> boundAtSite) {
    Instantiation inst = new Instantiation(owner);
    inst.atSite = true;
    inst.def = i;
    inst.siteNames = name -> boundAtSite.test(name) ? substitute.apply(new Expr.OpApp(i.span(), List.of(), name,
        io.synod.checker.syntax.ast.Fixity.NORMAL, List.of())) : null;
    for (Unit.Substitution sub : i.substitutions()) {
      inst.decls.put(sub.target(), substitute.apply(sub.replacement()));
    }
    for (io.synod.checker.syntax.ast.Param p : i.params()) {
      inst.decls.putIfAbsent(p.name(), substitute.apply(new Expr.OpApp(p.span(), List.of(), p.name(),
          io.synod.checker.syntax.ast.Fixity.NORMAL, List.of())));
    }
    return buildInstance(spec.loaded().module(i.module().text()), inst, owner);
  }

  private Sym substitution(Expr replacement, ModuleEnv owner) {
    if (replacement instanceof Expr.Lambda l) {
      // an operator constant replaced by a LAMBDA: an operator of the instantiating module
      return new DefSym(new Unit.OpDef(l.span(), "LAMBDA", io.synod.checker.syntax.ast.Fixity.NORMAL,
          l.params(), l.body(), false, false), owner);
    }
    if (replacement instanceof Expr.OpApp op && op.path().isEmpty() && op.args().isEmpty()) {
      Sym s = lookup(owner, op.name(), spec);
      if (s instanceof DefSym d && !d.def.params().isEmpty() || s instanceof NativeSym) {
        return s;
      }
      if (s instanceof VarSym || s instanceof ValueSym || s instanceof SubstSym) {
        return s;
      }
    }
    return new SubstSym(() -> compiler.expr(owner, replacement));
  }

  private Sym declareVariable(Instantiation inst, String name, io.synod.checker.syntax.ast.Span span) {
    if (inst.parent != null) {
      return implicit(inst, name);
    }
    variables.add(name);
    variableSpans.add(span);
    return new VarSym(name, variables.size() - 1);
  }

  private Sym declareConstant(Instantiation inst, String name) {
    if (inst.parent != null) {
      return implicit(inst, name);
    }
    Value v = given.get(name);
    if (v != null) {
      return new ValueSym(v);
    }
    Sym table = operatorTable(name);
    if (table != null) {
      return table;
    }
    return config.assignment(name).<Sym>map(a -> new ValueSym(value(a.value())))
        .orElseGet(() -> config.substitution(name).isPresent() ? new UnboundSym(name) : new UnboundSym(name));
  }

  /**
   * An operator constant the configuration defines point by point ({@code F(0) = 1},
   * {@code F(1) = 2}): as TLC, its applications look the arguments up in that table, and one
   * the table does not list is an evaluation error. Null when the configuration has no such line.
   */
  private Sym operatorTable(String name) {
    Map<List<Value>, Value> table = new java.util.HashMap<>();
    int arity = -1;
    for (ConstantAssignment a : config.constants()) {
      if (a.name().equals(name) && a.module().isEmpty() && !a.arguments().isEmpty()) {
        List<Value> args = new ArrayList<>();
        for (CfgValue v : a.arguments()) {
          args.add(value(v));
        }
        table.putIfAbsent(args, value(a.value()));
        arity = args.size();
      }
    }
    if (arity < 0) {
      return null;
    }
    Natives.Impl impl = new Natives.Impl(arity, null, (c, args) -> {
      Value v = table.get(List.of(args));
      if (v == null) {
        StringBuilder shown = new StringBuilder();
        for (Value a : args) {
          shown.append(shown.length() == 0 ? "" : ", ").append(io.synod.checker.value.Pretty.ppr(a));
        }
        throw EvalException.eval("Attempted to apply the operator " + name + ", which the configuration"
            + " defines point by point, to arguments (" + shown + "), which are not among its points.");
      }
      return v;
    }, null, false, false);
    return new NativeSym(name, impl);
  }

  private Sym implicit(Instantiation inst, String name) {
    Sym s = lookup(inst.parent, name, spec);
    if (s == null && inst.siteNames != null) {
      // LET x == .. M == INSTANCE N: N's parameter x is the LET's x (TLC's suite test59)
      s = inst.siteNames.apply(name);
    }
    if (s == null) {
      throw new SpecException(SpecException.Kind.SEMANTIC, "The INSTANCE of a module in "
          + inst.parent.module.name() + " leaves the parameter " + name + " without a substitution.");
    }
    return s;
  }

  /**
   * Applies {@code Name <- Def} and {@code Name = value} for definitions. As in TLC, which
   * overrides by name in every module, they also reach modules the spec instantiates
   * (Toolbox's {@code _TEPosition} reads the trace spec's {@code _TETrace}).
   */
  private void applyOverrides(ModuleEnv root) {
    // Def <-[M] Repl replaces M's own Def (wherever M is extended or instantiated), also when
    // the root does not define Def; a root override of the same name then still wins (below)
    for (io.synod.checker.config.Substitution sub : config.substitutions()) {
      if (sub.module().isPresent()) {
        replaceDefinedIn(sub.module().get(), sub.name(), overrideTarget(root, sub));
      }
    }
    Map<String, Sym> replaced = new LinkedHashMap<>();
    for (io.synod.checker.config.Substitution sub : config.substitutions()) {
      if (sub.module().isPresent()) {
        continue;
      }
      Sym target = overrideTarget(root, sub);
      Sym original = root.table.get(sub.name());
      if (original == null) {
        throw new SpecException(SpecException.Kind.CONFIG, "The configuration file substitutes for "
            + sub.name() + ", which is not defined by the specification.");
      }
      replaced.putIfAbsent(sub.name(), original);
      replace(sub.name(), target);
      if (original instanceof UnboundSym && target instanceof DefSym d && d.def.params().isEmpty()) {
        constantBindings.add(new String[] {sub.name(), sub.definition()});
      }
    }
    for (ConstantAssignment a : config.constants()) {
      if (!a.arguments().isEmpty()) {
        continue;
      }
      if (a.module().isPresent()) {
        replaceDefinedIn(a.module().get(), a.name(), new ValueSym(value(a.value())));
        continue;
      }
      Sym s = root.table.get(a.name());
      if (s instanceof DefSym || s instanceof NativeSym || s instanceof FunSym) {
        replace(a.name(), new ValueSym(value(a.value())));
      }
    }
    // As in TLC, Def of Name <- Def may use Name for the definition it replaces (e.g.
    // ReDefInit == Init /\ x \in BOOLEAN): Def's own body sees Name as the original, every
    // other use of Name (and of the other substituted names) sees the substitutes. Last, as the
    // environment it copies must hold every other override (Name = v of a definition too).
    for (io.synod.checker.config.Substitution sub : config.substitutions()) {
      Sym original = replaced.get(sub.name());
      if (sub.module().isEmpty() && root.table.get(sub.definition()) instanceof DefSym d
          && original != null && d != original) {
        replace(sub.name(), new DefSym(d.def, d.env.withName(sub.name(), original)));
      }
    }
  }

  /** The root's definition a substitution replaces with. */
  private static Sym overrideTarget(ModuleEnv root, io.synod.checker.config.Substitution sub) {
    Sym target = root.table.get(sub.definition());
    if (target == null) {
      throw new SpecException(SpecException.Kind.CONFIG, "The configuration file substitutes "
          + sub.definition() + " for " + sub.name() + ", but " + sub.definition() + " is not defined.");
    }
    return target;
  }

  private void replace(String name, Sym by) {
    overridden.put(name, by);
    for (ModuleEnv env : allEnvs) {
      env.table.computeIfPresent(name, (k, v) -> by);
      env.exported.computeIfPresent(name, (k, v) -> by);
    }
  }

  /**
   * {@code Name <- [M] Def} and {@code Name = [M] v}: TLC replaces the definition of Name that
   * module M makes, wherever it is used (in M, in modules extending M, through M's instances).
   */
  private void replaceDefinedIn(String module, String name, Sym by) {
    overriddenIn.put(scopedKey(module, name), by);
    Set<Sym> defined = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ModuleEnv env : allEnvs) {
      Sym s = env.table.get(name);
      if (env.module.name().equals(module) && (s instanceof DefSym || s instanceof FunSym
          || s instanceof NativeSym)) {
        defined.add(s);
      }
    }
    for (ModuleEnv env : allEnvs) {
      env.table.replaceAll((k, v) -> defined.contains(v) ? by : v);
      env.exported.replaceAll((k, v) -> defined.contains(v) ? by : v);
    }
  }

  Value value(CfgValue v) {
    if (v instanceof CfgValue.Int i) {
      return IntValue.of(i.value());
    } else if (v instanceof CfgValue.Str s) {
      return strings.string(s.value());
    } else if (v instanceof CfgValue.Bool b) {
      return Values.bool(b.value());
    } else if (v instanceof CfgValue.ModelValue mv) {
      return strings.modelValue(mv.name());
    } else if (v instanceof CfgValue.SetOf set) {
      List<Value> vs = new ArrayList<>();
      for (CfgValue e : set.elements()) {
        vs.add(value(e));
      }
      return Values.set(vs);
    } else if (v instanceof CfgValue.TupleOf t) {
      Value[] vs = new Value[t.elements().size()];
      for (int i = 0; i < vs.length; i++) {
        vs[i] = value(t.elements().get(i));
      }
      return Values.tuple(vs);
    }
    throw new IllegalArgumentException(String.valueOf(v));
  }
}
