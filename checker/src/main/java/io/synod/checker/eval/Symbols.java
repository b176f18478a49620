package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a name at module level denotes, after module resolution and config binding. */
final class Symbols {
  private Symbols() {}

  abstract static class Sym {}

  /** A state variable. */
  static final class VarSym extends Sym {
    final String name;
    final int slot;

    VarSym(String name, int slot) {
      this.name = name;
      this.slot = slot;
    }
  }

  /** A constant bound to a value by the configuration. */
  static final class ValueSym extends Sym {
    final Value value;

    ValueSym(Value value) {
      this.value = value;
    }
  }

  /** A user-defined operator (compiled lazily). */
  static final class DefSym extends Sym {
    final Unit.OpDef def;
    final ModuleEnv env;
    OpDefn defn;
    /** For zero-parameter definitions: the compiled body (cached when constant). */
    Node value;
    boolean compiling;

    DefSym(Unit.OpDef def, ModuleEnv env) {
      this.def = def;
      this.env = env;
    }
  }

  /** A module-level function definition. */
  static final class FunSym extends Sym {
    final Unit.FunctionDef def;
    final ModuleEnv env;
    FunDefn defn;

    FunSym(Unit.FunctionDef def, ModuleEnv env) {
      this.def = def;
      this.env = env;
    }
  }

  /** A named instance {@code I == INSTANCE M WITH ...}. */
  static final class InstSym extends Sym {
    final Unit.InstanceDef def;
    final ModuleEnv owner;
    ModuleEnv target;

    InstSym(Unit.InstanceDef def, ModuleEnv owner) {
      this.def = def;
      this.owner = owner;
    }
  }

  /**
   * A constant or variable of an instantiated module, replaced by an expression. The expression
   * is compiled at its first use, not when the instance is built: the model's overrides
   * ({@code C <- Def}) are applied only once every module is built, and what the replacement
   * reads (its definitions, compiled once for the whole spec) must see them.
   */
  static final class SubstSym extends Sym {
    private java.util.function.Supplier<Node> compile;
    private Node node;

    SubstSym(java.util.function.Supplier<Node> compile) {
      this.compile = compile;
    }

    synchronized Node node() {
      if (node == null) {
        node = compile.get();
        compile = null;
      }
      return node;
    }
  }

  /**
   * A constant or variable of a module instantiated where its substitutions may read names bound
   * at that place: a parameterised instance {@code I(x) == INSTANCE M WITH c <- e(x)} applied as
   * {@code I(a)!Op}, or an INSTANCE inside a LET. The replacement is compiled at each use, in the
   * frame of {@link #site}, with the instance's parameters bound to {@link #args}.
   */
  static final class SiteSubstSym extends Sym {
    final Expr replacement;
    final ModuleEnv owner;
    final List<Param> params;
    final Node[] args;
    final Scope site;
    /** Whether the replacement sees only the owner's names and the parameters (module-level instance). */
    final boolean hygienic;

    SiteSubstSym(Expr replacement, ModuleEnv owner, List<Param> params, Node[] args, Scope site,
        boolean hygienic) {
      this.replacement = replacement;
      this.owner = owner;
      this.params = params;
      this.args = args;
      this.site = site;
      this.hygienic = hygienic;
    }
  }

  /** An operator of a standard module that the evaluator implements natively. */
  static final class NativeSym extends Sym {
    final Natives.Impl impl;
    final String name;
    /** The module's own definition, for subexpression names (Len(s)!1); null if none. */
    DefSym definition;

    NativeSym(String name, Natives.Impl impl) {
      this.name = name;
      this.impl = impl;
    }
  }

  /** A declared constant the configuration did not assign (an error when used). */
  static final class UnboundSym extends Sym {
    final String name;

    UnboundSym(String name) {
      this.name = name;
    }
  }

  /** The names visible inside one module of one instantiation. */
  static final class ModuleEnv {
    final Module module;
    final Instantiation inst;
    final Map<String, Sym> table;
    final Map<String, Sym> exported;
    /** The symbols of this module's own units (definitions, named instances...), by unit. */
    final Map<Object, Sym> own;
    /**
     * For each module whose names this one sees (itself, what it extends, what it gets from an
     * unnamed INSTANCE, an enclosing module), the environment of that module they come from.
     */
    final Map<String, ModuleEnv> providers;

    ModuleEnv(Module module, Instantiation inst) {
      this.module = module;
      this.inst = inst;
      this.table = new HashMap<>();
      this.exported = new HashMap<>();
      this.own = new java.util.IdentityHashMap<>();
      this.providers = new HashMap<>();
    }

    private ModuleEnv(ModuleEnv base) {
      this.module = base.module;
      this.inst = base.inst;
      this.table = new HashMap<>(base.table);
      this.exported = base.exported;
      this.own = base.own;
      this.providers = base.providers;
    }

    /**
     * This module's names as they stand, except that {@code name} means {@code sym}: where a
     * configuration's {@code Name <- Def} has Def refer to Name, that reference is the definition
     * Def replaces (TLC's cyclic redefinition), not Def itself.
     */
    ModuleEnv withName(String name, Sym sym) {
      ModuleEnv e = new ModuleEnv(this);
      e.table.put(name, sym);
      return e;
    }
  }

  /**
   * One instantiation of a module and its EXTENDS closure: the root model, or one INSTANCE.
   * Declarations shared through EXTENDS map to one symbol here.
   */
  static final class Instantiation {
    final Map<String, Sym> decls = new HashMap<>();
    final Map<String, ModuleEnv> built = new HashMap<>();
    /** For an INSTANCE: the instantiating module, whose names fill implicit substitutions. */
    final ModuleEnv parent;
    /** For an INSTANCE: the INSTANCE statement (or definition) that made it. */
    Unit.InstanceDef def;
    /**
     * True for an instantiation made where an expression is compiled ({@link SiteSubstSym}): its
     * definitions are compiled inline at each use, in the frame their substitutions read.
     */
    boolean atSite;
    /**
     * For an instantiation made at a site: the names bound there (a LET's definitions), which
     * fill implicit substitutions as the instantiating module's names do; null elsewhere.
     */
    java.util.function.Function<String, Sym> siteNames;
    /**
     * The declared variables of this instantiation that its substitutions replace by something
     * other than the model's variable of the same name, by name. Under an ENABLED written in this
     * instantiation their primed occurrences are not the replacements: TLC's ENABLED cuts the
     * substitutions made before it off from primed variables (its {@code Context.branch}), which
     * then name a variable of their own in the probed next state, by name (see {@link Enabled}).
     */
    final Map<String, Sym> phantoms = new HashMap<>();

    Instantiation(ModuleEnv parent) {
      this.parent = parent;
    }
  }
}
