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
import java.util.List;
import java.util.Map;

/**
 * Module resolution: builds the symbol tables of the root module and everything it EXTENDS or
 * INSTANCEs, binds the root's constants to the configuration's values, applies {@code <-}
 * overrides, and collects the ASSUMEs. Variables get slots in declaration order.
 */
final class Resolver {
  private final ModuleLoader loader;
  private final Compiler compiler;
  private final StringTable strings;
  private final ModelConfig config;
  final List<String> variables = new ArrayList<>();
  final List<Assumption> assumes = new ArrayList<>();
  final List<ModuleEnv> rootEnvs = new ArrayList<>();

  /** An ASSUME with the module it belongs to. */
  record Assumption(Unit.Assume unit, ModuleEnv env) {}

  /** Constants given as values by the caller rather than by the configuration (trace validation). */
  private final Map<String, Value> given;

  Resolver(ModuleLoader loader, Compiler compiler, StringTable strings, ModelConfig config) {
    this(loader, compiler, strings, config, Map.of());
  }

  Resolver(ModuleLoader loader, Compiler compiler, StringTable strings, ModelConfig config,
      Map<String, Value> given) {
    this.loader = loader;
    this.compiler = compiler;
    this.strings = strings;
    this.config = config;
    this.given = given;
  }

  ModuleEnv resolveRoot(Module root) {
    Instantiation inst = new Instantiation(null);
    ModuleEnv env = build(root, inst);
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

  /** Compiles every definition of the non-standard modules, reporting unknown names. */
  void checkNames() {
    for (ModuleEnv env : rootEnvs) {
      if (StandardModules.isStandard(env.module.name())) {
        continue;
      }
      for (Unit u : env.module.units()) {
        if (u instanceof Unit.OpDef d && env.table.get(d.name()) instanceof DefSym ds && ds.def == d) {
          compiler.defn(ds);
        } else if (u instanceof Unit.FunctionDef f && env.table.get(f.name()) instanceof FunSym fs) {
          compiler.funDefn(fs);
        } else if (u instanceof Unit.Assume a) {
          compiler.expr(env, a.body());
        }
      }
    }
  }

  private ModuleEnv build(Module m, Instantiation inst) {
    ModuleEnv done = inst.built.get(m.name());
    if (done != null) {
      return done;
    }
    ModuleEnv env = new ModuleEnv(m, inst);
    inst.built.put(m.name(), env);
    return fill(env, m, inst);
  }

  private ModuleEnv fill(ModuleEnv env, Module m, Instantiation inst) {
    if (inst.parent == null) {
      rootEnvs.add(env);
    }
    boolean std = StandardModules.isStandard(m.name());
    for (Name ext : m.extendsList()) {
      ModuleEnv e = build(loader.get(ext.text()), inst);
      // a name that two extended modules both define keeps the first one's meaning (SANY)
      e.exported.forEach(env.table::putIfAbsent);
      e.exported.forEach(env.exported::putIfAbsent);
    }
    for (Unit u : m.units()) {
      if (u instanceof Unit.ConstantDecl c) {
        Sym s = inst.decls.computeIfAbsent(c.name(), n -> declareConstant(inst, n));
        put(env, c.name(), s, false);
      } else if (u instanceof Unit.VariableDecl v) {
        Sym s = inst.decls.computeIfAbsent(v.name(), n -> declareVariable(inst, n));
        put(env, v.name(), s, false);
      } else if (u instanceof Unit.OpDef d) {
        Natives.Impl impl = std ? compiler.natives.lookup(m.name(), d.name()) : null;
        Sym s = impl != null ? new NativeSym(d.name(), impl) : new DefSym(d, env);
        if (s instanceof NativeSym n) {
          n.definition = new DefSym(d, env);
        }
        put(env, d.name(), s, d.local());
      } else if (u instanceof Unit.FunctionDef f) {
        put(env, f.name(), new FunSym(f, env), f.local());
      } else if (u instanceof Unit.InstanceDef i) {
        if (i.name() == null) {
          ModuleEnv target = instantiate(i, env);
          for (Map.Entry<String, Sym> e : target.exported.entrySet()) {
            put(env, e.getKey(), e.getValue(), i.local());
          }
        } else {
          InstSym s = new InstSym(i, env);
          if (!i.params().isEmpty()) {
            put(env, i.name(), s, i.local());
            continue;
          }
          s.target = instantiate(i, env);
          put(env, i.name(), s, i.local());
        }
      } else if (u instanceof Unit.Assume a) {
        if (inst.parent == null) {
          assumes.add(new Assumption(a, env));
        }
        if (a.name() != null) {
          // a named assumption is also an operator of no arguments (SANY)
          put(env, a.name(), new DefSym(namedFormula(a.span(), a.name(), a.body()), env), false);
        }
      } else if (u instanceof Unit.Theorem t && t.name() != null && t.statement() != null) {
        put(env, t.name(), new DefSym(namedFormula(t.span(), t.name(), t.statement()), env), false);
      }
    }
    return env;
  }

  private static Unit.OpDef namedFormula(io.synod.checker.syntax.ast.Span span, String name, Expr body) {
    return new Unit.OpDef(span, name, io.synod.checker.syntax.ast.Fixity.NORMAL, List.of(), body, false, false);
  }

  private static void put(ModuleEnv env, String name, Sym s, boolean local) {
    env.table.put(name, s);
    if (!local) {
      env.exported.put(name, s);
    }
  }

  private ModuleEnv instantiate(Unit.InstanceDef i, ModuleEnv owner) {
    Instantiation inst = new Instantiation(owner);
    for (Unit.Substitution sub : i.substitutions()) {
      inst.decls.put(sub.target(), substitution(sub.replacement(), owner));
    }
    return buildInstance(loader.get(i.module().text()), inst, owner);
  }

  /** The module {@code target} built for instantiation {@code inst} made in {@code owner}. */
  private ModuleEnv buildInstance(Module target, Instantiation inst, ModuleEnv owner) {
    if (loader.isNested(target.name()) && !inst.built.containsKey(target.name())) {
      // a module written inside another sees the names of the enclosing module (SANY)
      ModuleEnv env = new ModuleEnv(target, inst);
      env.table.putAll(owner.table);
      inst.built.put(target.name(), env);
      return fill(env, target, inst);
    }
    return build(target, inst);
  }

  /**
   * The module of {@code i} instantiated at a place where an expression is being compiled (see
   * {@link Symbols.SiteSubstSym}): each substitution, and each parameter of {@code i} naming a
   * constant or variable of the module, is given by {@code substitute}.
   */
  ModuleEnv instantiateAt(Unit.InstanceDef i, ModuleEnv owner,
      java.util.function.Function<Expr, Sym> substitute) {
    Instantiation inst = new Instantiation(owner);
    inst.atSite = true;
    for (Unit.Substitution sub : i.substitutions()) {
      inst.decls.put(sub.target(), substitute.apply(sub.replacement()));
    }
    for (io.synod.checker.syntax.ast.Param p : i.params()) {
      inst.decls.putIfAbsent(p.name(), substitute.apply(new Expr.OpApp(p.span(), List.of(), p.name(),
          io.synod.checker.syntax.ast.Fixity.NORMAL, List.of())));
    }
    return buildInstance(loader.get(i.module().text()), inst, owner);
  }

  private Sym substitution(Expr replacement, ModuleEnv owner) {
    if (replacement instanceof Expr.Lambda l) {
      // an operator constant replaced by a LAMBDA: an operator of the instantiating module
      return new DefSym(new Unit.OpDef(l.span(), "LAMBDA", io.synod.checker.syntax.ast.Fixity.NORMAL,
          l.params(), l.body(), false, false), owner);
    }
    if (replacement instanceof Expr.OpApp op && op.path().isEmpty() && op.args().isEmpty()) {
      Sym s = owner.table.get(op.name());
      if (s instanceof DefSym d && !d.def.params().isEmpty() || s instanceof NativeSym) {
        return s;
      }
      if (s instanceof VarSym || s instanceof ValueSym || s instanceof SubstSym) {
        return s;
      }
    }
    return new SubstSym(compiler.expr(owner, replacement));
  }

  private Sym declareVariable(Instantiation inst, String name) {
    if (inst.parent != null) {
      return implicit(inst, name);
    }
    variables.add(name);
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
    return config.assignment(name).<Sym>map(a -> new ValueSym(value(a.value())))
        .orElseGet(() -> config.substitution(name).isPresent() ? new UnboundSym(name) : new UnboundSym(name));
  }

  private Sym implicit(Instantiation inst, String name) {
    Sym s = inst.parent.table.get(name);
    if (s == null) {
      throw new SpecException(SpecException.Kind.SEMANTIC, "The INSTANCE of a module in "
          + inst.parent.module.name() + " leaves the parameter " + name + " without a substitution.");
    }
    return s;
  }

  /** Applies {@code Name <- Def} and {@code Name = value} for definitions to every root module. */
  private void applyOverrides(ModuleEnv root) {
    for (io.synod.checker.config.Substitution sub : config.substitutions()) {
      Sym target = root.table.get(sub.definition());
      if (target == null) {
        throw new SpecException(SpecException.Kind.CONFIG, "The configuration file substitutes "
            + sub.definition() + " for " + sub.name() + ", but " + sub.definition() + " is not defined.");
      }
      if (root.table.get(sub.name()) == null) {
        throw new SpecException(SpecException.Kind.CONFIG, "The configuration file substitutes for "
            + sub.name() + ", which is not defined by the specification.");
      }
      replace(sub.name(), target);
    }
    for (ConstantAssignment a : config.constants()) {
      if (!a.arguments().isEmpty()) {
        continue;
      }
      Sym s = root.table.get(a.name());
      if (s instanceof DefSym || s instanceof NativeSym || s instanceof FunSym) {
        replace(a.name(), new ValueSym(value(a.value())));
      }
    }
  }

  private void replace(String name, Sym by) {
    for (ModuleEnv env : rootEnvs) {
      env.table.computeIfPresent(name, (k, v) -> by);
      env.exported.computeIfPresent(name, (k, v) -> by);
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
