package io.synod.checker.eval;

import io.synod.checker.config.ModuleSymbols;
import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.FunSym;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.NativeSym;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.eval.Symbols.VarSym;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved names of a specification as the configuration checker sees them: declared
 * constants, definitions with their arity and level, variables.
 */
final class SpecSymbols implements ModuleSymbols {
  private final Compiler compiler;
  private final ModuleEnv root;
  private final List<ModuleEnv> envs;
  private final ModuleLoader loader;

  SpecSymbols(Compiler compiler, ModuleEnv root, List<ModuleEnv> envs, ModuleLoader loader) {
    this.compiler = compiler;
    this.root = root;
    this.envs = envs;
    this.loader = loader;
  }

  @Override
  public String rootModule() {
    return root.module.name();
  }

  @Override
  public List<Constant> constants() {
    List<Constant> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ModuleEnv env : envs) {
      for (Unit u : env.module.units()) {
        if (u instanceof Unit.ConstantDecl c && seen.add(c.name())) {
          out.add(new Constant(c.name(), c.arity()));
        }
      }
    }
    return out;
  }

  @Override
  public Optional<Definition> definition(String name) {
    return describe(name, root.table.get(name));
  }

  private Optional<Definition> describe(String name, Sym s) {
    if (s instanceof DefSym d) {
      int level;
      try {
        level = compiler.defn(d).body.level;
      } catch (SpecException e) {
        level = 1;
      }
      return Optional.of(new Definition(name, d.def.params().size(), Level.values()[Math.min(level, 3)]));
    }
    if (s instanceof FunSym) {
      return Optional.of(new Definition(name, 0, Level.CONSTANT));
    }
    if (s instanceof NativeSym n) {
      return Optional.of(new Definition(name, n.impl.arity, Level.CONSTANT));
    }
    return Optional.empty();
  }

  @Override
  public boolean isVariable(String name) {
    return root.table.get(name) instanceof VarSym;
  }

  @Override
  public boolean hasVariables() {
    return root.table.values().stream().anyMatch(s -> s instanceof VarSym);
  }

  @Override
  public Set<String> modules() {
    Set<String> names = new LinkedHashSet<>();
    for (Module m : loader.parseOrder()) {
      names.add(m.name());
    }
    return names;
  }

  @Override
  public Optional<Definition> definitionIn(String module, String name) {
    for (ModuleEnv env : envs) {
      if (env.module.name().equals(module)) {
        return describe(name, env.table.get(name));
      }
    }
    return Optional.empty();
  }
}
