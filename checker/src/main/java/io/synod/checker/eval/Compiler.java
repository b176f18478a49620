package io.synod.checker.eval;

import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.FunSym;
import io.synod.checker.eval.Symbols.InstSym;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns expressions of resolved modules into {@link Node}s and actions into {@link Act}s. Names
 * are resolved here once: module symbols through the {@link ModuleEnv} tables, bound names
 * through {@link Scope}s to frame slots. This class holds what is shared by the whole spec
 * (module-level definitions compiled once, the inlining budget) and the nodes of definitions;
 * the work is done in a compile context made by {@link #at}, in three layers:
 * {@link ExprCompiler} (expressions), {@link CallCompiler} (operator, definition, LAMBDA,
 * native and instance applications) and {@link ActionCompiler} (actions).
 */
final class Compiler {
  final StringTable strings;
  final Natives natives;
  /** Definitions whose bodies are being compiled inline (innermost last): no recursion through them. */
  final List<DefSym> inlining = new ArrayList<>();
  /** Conjunctions compiled so far: numbers each {@link Act.And} for its per-context continuation. */
  int conjunctions;
  /** How many definitions without parameters may lead from a name to the variable it stands for. */
  static final int MAX_DEF_CHAIN = 20;
  /** How deeply inlined bodies may nest, bounding the growth of the compiled tree. */
  static final int MAX_INLINE_DEPTH = 4;
  /**
   * How many bodies one spec may have compiled inline. The depth limit alone still lets the tree
   * grow as (calls per body)^4; beyond this budget calls stay calls, which mean the same.
   */
  static final int MAX_INLINED_BODIES = 20_000;
  /** Bodies compiled inline so far. */
  int inlinedBodies;
  /** Operators numbered for {@link CallMemo} so far. */
  private int memoIds;
  /** Applications to constant arguments numbered ({@link Act.Memo#site}) so far. */
  private int memoSites;

  /** A new number for an application to constant arguments. */
  int memoSite() {
    return memoSites++;
  }

  /**
   * The actions of the arguments that mention primed variables, by the argument's node: a body
   * may use the parameter as an action ({@link Act.ArgAction}). Filled while compiling (by
   * identity: nodes do not override equals); concurrent, since a replacement compiled at its first
   * use may add to it while workers read it.
   */
  final java.util.Map<Node, Act> argActs = new java.util.concurrent.ConcurrentHashMap<>();

  /** The names of the variables of ENABLED probes that are no variable of the model, by slot beyond them. */
  private final List<String> phantomNames = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * The slot of the probed next state that a primed variable {@code name} cut off from its
   * substitution names (see {@link Symbols.Instantiation#phantoms}): as TLC's state function,
   * keyed by name, that of the model's variable of this name, else one beyond the model's.
   */
  synchronized int phantomSlot(String name) {
    int slot = resolver.variables.indexOf(name);
    if (slot >= 0) {
      return slot;
    }
    int k = phantomNames.indexOf(name);
    if (k < 0) {
      k = phantomNames.size();
      phantomNames.add(name);
    }
    return resolver.variables.size() + k;
  }

  /** How many slots beyond the model's variables the probes of cut ENABLEDs need. */
  int phantomCount() {
    return phantomNames.size();
  }

  /** Builds the instantiations made where an expression is compiled (parameterised, in LET). */
  Resolver resolver;

  /** {@code d}, numbered for {@link CallMemo} if it was not yet. */
  OpDefn memoNumbered(OpDefn d) {
    if (d.memoId < 0) {
      d.memoId = memoIds++;
    }
    return d;
  }

  Compiler(StringTable strings, Natives natives) {
    this.strings = strings;
    this.natives = natives;
  }

  static SpecException semantic(Span span, String msg) {
    return new SpecException(SpecException.Kind.SEMANTIC, msg, span == Span.NONE ? null : span);
  }

  // ---------------------------------------------------------------- module-level symbols

  /** The compiled value of a zero-parameter definition (cached when constant). */
  Node defValue(DefSym d, Span site) {
    if (d.value != null) {
      return d.value;
    }
    if (d.compiling) {
      throw semantic(site, "Circular definition of " + d.def.name() + ".");
    }
    d.compiling = true;
    OpDefn defn = defn(d);
    Node call = new Nodes.Call(d.def.body().span(), defn, new Node[0], new Nodes.ArgOp[0], -1);
    call.level = defn.body.level;
    call.impure = defn.body.impure;
    call.effect = defn.body.effect;
    call.readsSearch = defn.body.readsSearch;
    call.vars = defn.body.vars;
    // TLC evaluates constant-level definitions once, Print and RandomElement included; not
    // those reading the search (TLCGet), whose evaluation ahead of it fails or differs
    d.value = call.level == 0 && !call.readsSearch ? new Nodes.Cached(call) : call;
    d.compiling = false;
    return d.value;
  }

  OpDefn defn(DefSym d) {
    if (d.defn == null) {
      Unit.OpDef def = d.def;
      OpDefn defn = new OpDefn(def.name(), def.body().span(), def.params().size());
      d.defn = defn;
      compileBody(defn, def.params(), def.body(), d.env, null);
    }
    return d.defn;
  }

  void compileBody(OpDefn defn, List<Param> params, Expr body, ModuleEnv env, Scope parent) {
    Scope s = new Scope(parent);
    bindParams(s, params);
    defn.compiling = true;
    defn.body = at(env, s).expr(body);
    defn.compiling = false;
    defn.frameSize = s.size;
  }

  static void bindParams(Scope s, List<Param> params) {
    for (Param p : params) {
      int slot = s.newSlot();
      s.put(p.name(), p.arity() > 0 ? new Scope.OpParam(slot, p.arity()) : new Scope.ValLocal(slot));
    }
  }

  /** Functions {@code f == [x \in S |-> e]} applied lazily, by definition. */
  final java.util.IdentityHashMap<DefSym, FunDefn> lambdas = new java.util.IdentityHashMap<>();

  FunDefn funDefn(FunSym f) {
    if (f.defn == null) {
      f.defn = new FunDefn(f.def.name());
      compileFun(f.defn, f.def, f.env, null);
    }
    return f.defn;
  }

  void compileFun(FunDefn fd, Unit.FunctionDef def, ModuleEnv env, Scope parent) {
    fd.def = def;
    fd.env = env;
    fd.parentScope = parent;
    Scope s = new Scope(parent);
    ActionCompiler cx = at(env, s);
    fd.binders = cx.binders(def.binders());
    fd.body = cx.expr(def.body());
    fd.frameSize = s.size;
    fd.memo = parent == null && fd.body.level == 0 && !fd.body.impure && !fd.body.effect;
  }

  ModuleEnv instanceTarget(InstSym i) {
    if (i.target == null) {
      throw semantic(i.def.span(), "Instance " + i.def.name() + " was not resolved.");
    }
    return i.target;
  }

  /** Compiles a top-level expression of module {@code env} (no bound names). */
  Node expr(ModuleEnv env, Expr e) {
    Scope s = new Scope(null);
    Node n = at(env, s).expr(e);
    if (s.size == 0) {
      return n;
    }
    return new FramedNode(n, s.size);
  }

  /** Compiles a top-level action of module {@code env}; returns it with its frame size. */
  Act action(ModuleEnv env, Expr e, boolean init, int[] frameSize) {
    Scope s = new Scope(null);
    Act a = at(env, s).act(e, init);
    frameSize[0] = s.size;
    return a;
  }

  /** A top-level expression that needs a frame for its bound names. */
  static final class FramedNode extends Node {
    final Node body;
    final int size;

    FramedNode(Node body, int size) {
      super(body.span);
      this.body = dep(body);
      this.size = size;
    }

    @Override
    io.synod.checker.value.Value ev(Ctx c, Frame f) {
      return body.eval(c, new Frame(size, null));
    }
  }

  /** A compile context for module {@code env} with the bound names of {@code scope}. */
  ActionCompiler at(ModuleEnv env, Scope scope) {
    return new ActionCompiler(this, env, scope);
  }

  /** Applies a module-level or LET function definition to arguments without building it. */
  static final class FunDefApp extends Node {
    final FunDefn fd;
    final Node[] args;
    final int envDepth;

    FunDefApp(Span span, FunDefn fd, Node[] args, int envDepth) {
      super(span);
      this.fd = fd;
      this.args = args;
      this.envDepth = envDepth;
      for (Node n : args) {
        dep(n);
      }
      if (fd.body != null) {
        level = Math.max(level, fd.body.level);
        vars |= fd.body.vars;
      } else {
        // a recursive function: its body is still being compiled
        vars = Node.ALL_VARS;
      }
      if (envDepth >= 0) {
        closed = false;
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value arg = Nodes.FunApp.argument(c, f, args);
      return fd.apply(c, envDepth < 0 ? null : f.at(envDepth), arg, this);
    }
  }

  /** {@code f[a][b]} within f's definition {@code f[x \in S] == [y \in T |-> e]}; see CallCompiler. */
  static final class SelfPointApp extends Node {
    final FunDefn fd;
    final Node[] outer;
    final Node[] inner;
    final int envDepth;
    /** The application as usual, for arguments outside the domains (its errors are TLC's). */
    final Node whole;

    SelfPointApp(Span span, FunDefn fd, Node[] outer, Node[] inner, int envDepth, Node whole) {
      super(span);
      this.fd = fd;
      this.outer = depAll(outer);
      this.inner = depAll(inner);
      this.envDepth = envDepth;
      this.whole = dep(whole);
      // a recursive function: its body is still being compiled
      vars = Node.ALL_VARS;
      if (envDepth >= 0) {
        closed = false;
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      if (fd.body instanceof Nodes.FunCons fc) {
        Frame nf = new Frame(fd.frameSize, envDepth < 0 ? null : f.at(envDepth));
        if (FunDefn.bind(c, nf, fd.binders, Nodes.FunApp.argument(c, f, outer))
            && FunDefn.bind(c, nf, fc.binders, Nodes.FunApp.argument(c, f, inner))) {
          c.enter(this);
          try {
            return fc.body.eval(c, nf);
          } finally {
            c.exit();
          }
        }
      }
      return whole.eval(c, f);
    }
  }

  /**
   * {@code f[a]} for {@code f == [x \in S |-> e]}: when S cannot be enumerated (Int, Nat,
   * Seq(T)...) the body is evaluated for {@code a} alone, as TLC applies its lazy functions;
   * otherwise the function value is built and applied as usual.
   */
  static final class LazyFunApp extends Node {
    final FunDefn fd;
    final Node whole;

    LazyFunApp(Span span, FunDefn fd, Node whole, Node[] args) {
      super(span);
      this.fd = fd;
      this.whole = dep(whole);
      for (Node n : args) {
        dep(n);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Binders.One b = fd.binders.items[0];
      if (b.domain.evalSet(c, new Frame(fd.frameSize, null)).isEnumerable()) {
        return whole.eval(c, f);
      }
      Nodes.FunApp app = (Nodes.FunApp) whole;
      return fd.apply(c, null, Nodes.FunApp.argument(c, f, app.args), this);
    }
  }

  /** A function definition used as a value. */
  static final class FunDefValue extends Node {
    final FunDefn fd;
    final int envDepth;

    FunDefValue(Span span, FunDefn fd, int envDepth) {
      super(span);
      this.fd = fd;
      this.envDepth = envDepth;
      if (fd.body != null) {
        level = fd.body.level;
        vars = fd.body.vars;
      } else {
        vars = Node.ALL_VARS;
      }
      closed = envDepth < 0;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return fd.value(c, envDepth < 0 ? null : f.at(envDepth), this);
    }
  }

  /** An operator value for a user definition or LAMBDA closed over its defining frame. */
  static final class UserOp implements OpValue {
    final OpDefn defn;
    final Frame env;

    UserOp(OpDefn defn, Frame env) {
      this.defn = defn;
      this.env = env;
    }

    @Override
    public int arity() {
      return defn.arity;
    }

    @Override
    public Value apply(Ctx c, Value[] args) {
      Frame nf = new Frame(defn.frameSize, env);
      System.arraycopy(args, 0, nf.slots, 0, args.length);
      return defn.body.eval(c, nf);
    }
  }
}
