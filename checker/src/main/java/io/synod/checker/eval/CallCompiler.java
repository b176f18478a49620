package io.synod.checker.eval;

import static io.synod.checker.eval.Compiler.semantic;
import static io.synod.checker.eval.Compiler.MAX_INLINE_DEPTH;
import static io.synod.checker.eval.Compiler.MAX_INLINED_BODIES;

import io.synod.checker.eval.Compiler.FunDefApp;
import io.synod.checker.eval.Compiler.FunDefValue;
import io.synod.checker.eval.Compiler.LazyFunApp;
import io.synod.checker.eval.Compiler.UserOp;
import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.FunSym;
import io.synod.checker.eval.Symbols.InstSym;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.NativeSym;
import io.synod.checker.eval.Symbols.SiteSubstSym;
import io.synod.checker.eval.Symbols.SubstSym;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.eval.Symbols.UnboundSym;
import io.synod.checker.eval.Symbols.ValueSym;
import io.synod.checker.eval.Symbols.VarSym;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The applications of the compile context: operators and definitions (called or compiled
 * inline), LAMBDA and operator arguments, natives, instances and their substitutions,
 * subexpression names, function definitions applied to arguments.
 */
abstract class CallCompiler extends ExprCompiler {
  CallCompiler(Compiler compiler, ModuleEnv env, Scope scope) {
    super(compiler, env, scope);
  }

  Node funApp(Expr.FunApp fa) {
    Node self = selfPointApp(fa);
    if (self != null) {
      return self;
    }
    Node[] args = exprs(fa.args());
    if (fa.function() instanceof Expr.OpApp op && op.path().isEmpty() && op.args().isEmpty()) {
      Resolved r = resolve(op.name());
      FunRef ref = funRef(r);
      if (ref != null) {
        return new FunDefApp(fa.span(), ref.defn(), args, ref.envDepth());
      }
      if (r != null && r.local == null && r.sym instanceof DefSym d && d.def.params().isEmpty()
          && d.def.body() instanceof Expr.FunCons fc && fc.binders().size() == 1) {
        return new LazyFunApp(fa.span(), lambdaDefn(d, fc), new Nodes.FunApp(fa.span(), expr(fa.function()), args),
            args);
      }
    }
    return new Nodes.FunApp(fa.span(), expr(fa.function()), args);
  }

  /**
   * {@code f[a][b]} inside the definition {@code f[x \in S] == [y \in T |-> e]} itself: TLC's
   * value of {@code f[a]} is a lazy function, so the body reads {@code f[a]} at the single point
   * b (TLC's suite test45: {@code f[i][1]} while {@code f[i]} is being defined), where building
   * {@code f[a]} whole would recurse without end. Null for any other application.
   */
  private Node selfPointApp(Expr.FunApp fa) {
    if (!(fa.function() instanceof Expr.FunApp inner) || !(inner.function() instanceof Expr.OpApp op)
        || !op.path().isEmpty() || !op.args().isEmpty()) {
      return null;
    }
    FunRef ref = funRef(resolve(op.name()));
    FunDefn fd = ref == null ? null : ref.defn();
    int envDepth = ref == null ? -1 : ref.envDepth();
    // the body still being compiled: the application is within the definition
    if (fd == null || fd.body != null || fd.def == null || !(fd.def.body() instanceof Expr.FunCons)) {
      return null;
    }
    Node whole = new Nodes.FunApp(fa.span(), expr(fa.function()), exprs(fa.args()));
    return new Compiler.SelfPointApp(fa.span(), fd, exprs(inner.args()), exprs(fa.args()), envDepth, whole);
  }

  /**
   * A function definition a name refers to, module-level or LET, and the frames between the
   * reference and the LET's ({@code envDepth}, -1 for module level).
   */
  record FunRef(FunDefn defn, int envDepth) {}

  /** The function definition {@code r} names, or null when it names something else. */
  FunRef funRef(Resolved r) {
    if (r != null && r.sym instanceof FunSym fs) {
      return new FunRef(compiler.funDefn(fs), -1);
    }
    if (r != null && r.local != null && r.local.local() instanceof Scope.LetFun lf) {
      return new FunRef(lf.defn, r.local.depth());
    }
    return null;
  }

  /** {@code f == [x \in S |-> e]} seen as the function definition {@code f[x \in S] == e}. */
  FunDefn lambdaDefn(DefSym d, Expr.FunCons fc) {
    return compiler.lambdas.computeIfAbsent(d, k -> {
      FunDefn fd = new FunDefn(d.def.name());
      compiler.compileFun(fd, new Unit.FunctionDef(fc.span(), d.def.name(), fc.binders(), fc.body(), false), d.env, null);
      return fd;
    });
  }

  // ------------------------------------------------------------ operator applications

  Node opApp(Expr.OpApp op) {
    if (!op.path().isEmpty()) {
      return instanceApp(op);
    }
    String name = op.name();
    List<Expr> args = op.args();
    Node builtin = builtin(op, name, args);
    if (builtin != null) {
      return builtin;
    }
    Resolved r = resolve(name);
    if (r == null) {
      throw semantic(op.span(), "Unknown operator: `" + name + "'.");
    }
    Symbols.Instantiation cutFrom = args.isEmpty() ? phantom(name, r) : null;
    if (cutFrom != null) {
      return new Nodes.CutVar(op.span(), cutFrom, compiler.phantomSlot(name), name,
          apply(op.span(), name, r, args), false);
    }
    return apply(op.span(), name, r, args);
  }

  /**
   * The module one step of an instance path ({@code I!}, {@code I(k)!}) leads to: {@code found}
   * and {@code s} are what the step's name resolves to (the first step) or names among the
   * previous module's exports. An instance written in a LET, or with parameters, is
   * instantiated here; null when the step names no instance usable this way.
   */
  ModuleEnv instanceStep(Expr.InstanceStep step, Resolved found, Sym s) {
    if (found != null && found.local != null && found.local.local() instanceof Scope.LetInstance li) {
      return instantiateHere(step, li.def, env, li.site, false);
    }
    if (s instanceof InstSym is && !is.def.params().isEmpty()) {
      return instantiateHere(step, is.def, is.owner, scope, true);
    }
    if (s instanceof InstSym is && step.args().isEmpty()) {
      return compiler.instanceTarget(is);
    }
    return null;
  }

  Node instanceApp(Expr.OpApp op) {
    ModuleEnv target = env;
    boolean first = true;
    List<Expr.InstanceStep> path = op.path();
    for (int k = 0; k < path.size(); k++) {
      Expr.InstanceStep step = path.get(k);
      Resolved found = first ? resolve(step.name()) : null;
      Sym s = first ? (found == null ? null : found.sym) : target.exported.get(step.name());
      first = false;
      if (s instanceof DefSym d) {
        return subexpression(op, d, k);
      }
      if (s instanceof NativeSym n && n.definition != null) {
        return subexpression(op, n.definition, k);
      }
      if (found != null && found.local != null && found.local.local() instanceof Scope.LetOp lo) {
        return letSubexpression(op, lo.def, k);
      }
      target = instanceStep(step, found, s);
      if (target == null && !step.args().isEmpty()) {
        throw semantic(step.span(), "Parameterized instances are not supported.");
      }
      if (target == null) {
        throw semantic(step.span(), "Unknown instance: `" + step.name() + "'.");
      }
    }
    Sym s = target.exported.get(op.name());
    if (s == null) {
      throw semantic(op.span(), "Unknown operator: `" + op.name() + "' in instance of module "
          + target.module.name() + ".");
    }
    return apply(op.span(), op.name(), new Resolved(null, s), op.args());
  }

  /**
   * The module of instance {@code def} instantiated for this use, {@code step} giving the
   * arguments of its parameters: its substitutions are compiled where they are read, in the
   * frame of {@code site} (see {@link SiteSubstSym}); {@code hygienic} when they must not see
   * the names bound at the site (an instance defined at module level).
   */
  ModuleEnv instantiateHere(Expr.InstanceStep step, Unit.InstanceDef def, ModuleEnv owner,
      Scope site, boolean hygienic) {
    if (step.args().size() != def.params().size()) {
      throw semantic(step.span(), "The operator " + def.name() + " requires " + def.params().size()
          + " arguments but was given " + step.args().size() + ".");
    }
    for (Param p : def.params()) {
      if (p.arity() > 0) {
        throw semantic(step.span(), "Operator parameters of a parameterised INSTANCE are not supported.");
      }
    }
    for (Unit.Substitution sub : def.substitutions()) {
      if (sub.replacement() instanceof Expr.Lambda l) {
        throw semantic(l.span(), "A LAMBDA substitution in a parameterised or LET INSTANCE is not supported.");
      }
    }
    Node[] args = exprs(step.args());
    return compiler.resolver.instantiateAt(def, owner,
        replacement -> new SiteSubstSym(replacement, owner, def.params(), args, site, hygienic),
        name -> site.find(name) != null);
  }

  /** A substitution of an instance made at a site, compiled for a read here. */
  Node siteSubstitution(Span span, SiteSubstSym s) {
    int up = scope.framesTo(s.site);
    if (up < 0) {
      throw semantic(span, "A definition of a parameterised or LET instance that uses its substitutions "
          + "cannot be a recursive operator or function here.");
    }
    Scope at;
    if (s.hygienic) {
      at = Scope.inlinedIn(s.site);
    } else {
      at = s.site;
      at.push();
    }
    try {
      for (int i = 0; i < s.params.size(); i++) {
        at.put(s.params.get(i).name(), new Scope.InlineArg(s.args[i], -1, false));
      }
      Node n = compiler.at(s.owner, at).expr(s.replacement);
      return up == 0 ? n : new Nodes.Arg(span, up, n, -1, false);
    } finally {
      if (!s.hygienic) {
        at.pop();
      }
    }
  }

  /**
   * A definition of an instance made at a site, compiled inline here: its substitutions are
   * read in the site's frame, which a separately compiled body would not see.
   */
  Node inlineAtSite(Span span, String name, DefSym d, List<Expr> args) {
    return atSite(span, name, d, args, true, "",
        (view, vals) -> new Nodes.Inline(span, compiler.at(d.env, view).expr(d.def.body()), vals,
            view.cacheSlots()));
  }

  /**
   * Compiles {@code d}, a definition of an instance made at a site, in place with its
   * parameters bound to {@code args} ({@code body}: given the scope that binds them and their
   * compiled values): its substitutions are read in the site's frame, which a separately
   * compiled body would not see. {@code cache} as {@link #inlineScope}; {@code use} ends the
   * message refusing a recursive one.
   */
  <T> T atSite(Span span, String name, DefSym d, List<Expr> args, boolean cache, String use,
      java.util.function.BiFunction<Scope, Node[], T> body) {
    requireArity(span, name, d.def.params().size(), args);
    for (Param p : d.def.params()) {
      if (p.arity() > 0) {
        throw semantic(span, "Operator parameters of a definition of a parameterised INSTANCE are not supported.");
      }
    }
    if (compiler.inlining.contains(d)) {
      throw semantic(span, "Recursive operator " + name + " of a parameterised or LET instance is not supported"
          + use + ".");
    }
    Node[] vals = exprs(args);
    Scope view = inlineScope(d, vals, cache);
    compiler.inlining.add(d);
    try {
      return body.apply(view, vals);
    } finally {
      compiler.inlining.remove(d);
    }
  }

  /**
   * {@code Op(args)!sel...} (path step {@code k} names {@code d}): the selected part of
   * {@code d}'s body, applied as an operator with {@code d}'s parameters to the step's arguments.
   */
  Node subexpression(Expr.OpApp op, DefSym d, int k) {
    DefSym part = selectedPart(op, d, k);
    return apply(op.span(), part.def.name(), new Resolved(null, part), op.path().get(k).args());
  }

  /** The part of {@code d}'s body that {@code op} selects, as a definition with {@code d}'s parameters. */
  DefSym selectedPart(Expr.OpApp op, DefSym d, int k) {
    List<String> selectors = new ArrayList<>();
    for (int j = k + 1; j < op.path().size(); j++) {
      selectors.add(op.path().get(j).name());
    }
    selectors.add(op.name());
    Expr part = io.synod.checker.syntax.ast.Selectors.select(d.def.body(), selectors);
    String shown = d.def.name() + "!" + String.join("!", selectors);
    if (part == null) {
      throw semantic(op.span(), "The subexpression name `" + shown + "' does not name a part of the definition of "
          + d.def.name() + ".");
    }
    Unit.OpDef def = new Unit.OpDef(d.def.span(), shown, d.def.fixity(), d.def.params(), part, false, false);
    return new DefSym(def, d.env);
  }

  /**
   * {@code F(args)!sel...} for an operator {@code F} defined in an enclosing LET: the selected
   * part, defined in a LET of its own here, where the names it may use are visible too.
   */
  Node letSubexpression(Expr.OpApp op, Unit.OpDef def, int k) {
    List<String> selectors = new ArrayList<>();
    for (int j = k + 1; j < op.path().size(); j++) {
      selectors.add(op.path().get(j).name());
    }
    selectors.add(op.name());
    Expr part = io.synod.checker.syntax.ast.Selectors.select(def.body(), selectors);
    String shown = def.name() + "!" + String.join("!", selectors);
    if (part == null) {
      throw semantic(op.span(), "The subexpression name `" + shown + "' does not name a part of the definition of "
          + def.name() + ".");
    }
    Unit.OpDef sel = new Unit.OpDef(def.span(), shown, def.fixity(), def.params(), part, false, false);
    Expr call = new Expr.OpApp(op.span(), List.of(), shown, io.synod.checker.syntax.ast.Fixity.NORMAL,
        op.path().get(k).args());
    return expr(new Expr.Let(op.span(), List.of(sel), call));
  }

  Node apply(Span span, String name, Resolved r, List<Expr> args) {
    if (r.local != null) {
      int depth = r.local.depth();
      Scope.Local l = r.local.local();
      if (l instanceof Scope.ValLocal v) {
        requireArity(span, name, 0, args);
        return new Nodes.Local(span, depth, v.slot);
      } else if (l instanceof Scope.LetVal lv) {
        requireArity(span, name, 0, args);
        Nodes.LetValue n = new Nodes.LetValue(span, depth, lv.slot);
        n.body = lv.body;
        n.level = lv.body.level;
        n.impure = lv.body.impure;
        n.effect = lv.body.effect;
        n.readsSearch = lv.body.readsSearch;
        n.vars = lv.body.vars;
        return n;
      } else if (l instanceof Scope.InlineArg a) {
        requireArity(span, name, 0, args);
        return new Nodes.Arg(span, depth, a.arg, a.cacheSlot, a.located);
      } else if (l instanceof Scope.OpParam p) {
        requireArity(span, name, p.arity, args);
        return new Nodes.ParamCall(span, depth, p.slot, exprs(args));
      } else if (l instanceof Scope.LetOp lo) {
        requireArity(span, name, lo.defn.arity, args);
        return call(span, lo.defn, lo.def.params(), args, depth, null);
      } else if (l instanceof Scope.LetFun lf) {
        requireArity(span, name, 0, args);
        return new FunDefValue(span, lf.defn, depth);
      }
    }
    Sym s = r.sym;
    if (s instanceof VarSym v) {
      requireArity(span, name, 0, args);
      return new Nodes.Var(span, v.slot, v.name);
    } else if (s instanceof ValueSym c) {
      requireArity(span, name, 0, args);
      return new Nodes.Const(span, c.value);
    } else if (s instanceof SubstSym sub) {
      requireArity(span, name, 0, args);
      // a substituted variable or constant stays the node it names (assignments, UNCHANGED)
      Node node = sub.node();
      return node instanceof Nodes.Var || node instanceof Nodes.Const || span == Span.NONE
          ? node : new Nodes.At(span, node);
    } else if (s instanceof SiteSubstSym sub) {
      requireArity(span, name, 0, args);
      return siteSubstitution(span, sub);
    } else if (s instanceof DefSym d && d.env.inst.atSite) {
      return inlineAtSite(span, name, d, args);
    } else if (s instanceof DefSym d) {
      requireArity(span, name, d.def.params().size(), args);
      if (args.isEmpty()) {
        Node value = compiler.defValue(d, span);
        if (value instanceof Nodes.Cached) {
          // constant: evaluated once for all references, as TLC does
          return value;
        }
        Node inline = inline(span, d, compiler.defn(d), new Node[0]);
        return inline != null ? inline : value;
      }
      return call(span, compiler.defn(d), d.def.params(), args, -1, d);
    } else if (s instanceof FunSym f) {
      requireArity(span, name, 0, args);
      return new FunDefValue(span, compiler.funDefn(f), -1);
    } else if (s instanceof NativeSym n) {
      return compiler.natives.compile(this, span, n, args);
    } else if (s instanceof UnboundSym u) {
      // reported before any evaluation by Resolver.checkConstants; kept lazy for name checks
      Node n = new Nodes.Native(span, (c, a) -> {
        throw EvalException.eval("The constant parameter " + u.name
            + " is not assigned a value by the configuration file.");
      }, new Node[0]);
      n.impure = true;
      return n;
    } else if (s instanceof InstSym) {
      throw semantic(span, "Instance " + name + " used as a value.");
    }
    throw semantic(span, "Cannot evaluate `" + name + "'.");
  }

  void requireArity(Span span, String name, int arity, List<Expr> args) {
    if (args.size() != arity) {
      Span first = args.isEmpty() ? null : args.get(0).span();
      if (first != null && first.beginLine() == span.beginLine() && first.beginCol() > span.beginCol() + 1) {
        // SANY locates the error at the argument list, from its opening parenthesis
        span = new Span(span.module(), span.file(), span.beginLine(), first.beginCol() - 1, span.endLine(),
            span.endCol());
      }
      // SANY's wording
      throw semantic(span, "The operator " + name + " requires " + arity + " arguments.");
    }
  }

  /**
   * The arguments of a call compiled for its parameters: a value node for each value
   * parameter, an operator for each operator parameter ({@code valuesOnly} when there is none).
   */
  record CallArgs(Node[] vals, Nodes.ArgOp[] ops, boolean valuesOnly) {}

  CallArgs callArgs(List<Param> params, List<Expr> args) {
    Node[] vals = new Node[args.size()];
    Nodes.ArgOp[] ops = new Nodes.ArgOp[args.size()];
    boolean valuesOnly = true;
    for (int i = 0; i < vals.length; i++) {
      if (params.get(i).arity() > 0) {
        ops[i] = opArg(args.get(i), params.get(i).arity());
        valuesOnly = false;
      } else {
        vals[i] = expr(args.get(i));
        if (vals[i].level == 2 && !(vals[i] instanceof Nodes.PrimedVar) && !(vals[i] instanceof Nodes.CutVar)) {
          // an action passed for a value parameter: the body may use it as one (Act.ArgAction)
          try {
            compiler.argActs.put(vals[i], act(args.get(i), false));
          } catch (SpecException e) {
            // not usable as an action: the body evaluates it as a formula
          }
        }
      }
    }
    return new CallArgs(vals, ops, valuesOnly);
  }

  /**
   * An application of {@code defn}; {@code d} is its module-level symbol (null for a LET
   * operator), needed to compile its body inline.
   */
  Node call(Span span, OpDefn defn, List<Param> params, List<Expr> args, int envDepth, DefSym d) {
    CallArgs a = callArgs(params, args);
    Node[] vals = a.vals();
    Nodes.ArgOp[] ops = a.ops();
    boolean valuesOnly = a.valuesOnly();
    if (d != null && valuesOnly) {
      Node inline = inline(span, d, defn, vals);
      if (inline != null) {
        return inline;
      }
    }
    Nodes.Call c = new Nodes.Call(span, defn, vals, ops, envDepth);
    if (defn.body != null) {
      c.level = Math.max(c.level, defn.body.level);
      c.impure |= defn.body.impure;
      c.effect |= defn.body.effect;
      c.readsSearch |= defn.body.readsSearch;
      c.vars |= defn.body.vars;
    } else {
      // a recursive call: be conservative, never fold it
      c.impure = true;
      c.readsSearch = true;
      c.vars = Node.ALL_VARS;
    }
    return c;
  }

  /**
   * The body of the non-recursive operator {@code d} compiled in place for arguments
   * {@code vals}, or null when it is not worth it or not possible (recursion, nesting too deep).
   * Saves the frame and the thunks of a call; see {@link Nodes.Inline}.
   */
  Node inline(Span span, DefSym d, OpDefn defn, Node[] vals) {
    if (defn.body == null || defn.compiling || !inlinable(d)) {
      return null;
    }
    Scope view = inlineScope(d, vals, true);
    compiler.inlining.add(d);
    Node body;
    try {
      body = compiler.at(d.env, view).expr(d.def.body());
    } catch (SpecException e) {
      return null;
    } finally {
      compiler.inlining.remove(d);
    }
    compiler.inlinedBodies++;
    return new Nodes.Inline(span, body, vals, view.cacheSlots());
  }

  /**
   * Whether {@code d} may be compiled inline here: not through itself, not too deep, and the
   * spec's budget of inlined bodies not spent.
   */
  boolean inlinable(DefSym d) {
    return !compiler.inlining.contains(d) && compiler.inlining.size() < MAX_INLINE_DEPTH
        && compiler.inlinedBodies < MAX_INLINED_BODIES;
  }

  /**
   * The scope of {@code d}'s body inlined in this one, its parameters bound to the arguments
   * {@code vals} as a call would pass them: constants, bound names and parameters are passed
   * on as they are (read in place); other arguments are evaluated at each read, or, when
   * {@code cache} (expression-level calls) and a thunk would cache them, through two cache
   * slots listed by {@link Scope#cacheSlots}.
   */
  Scope inlineScope(DefSym d, Node[] vals, boolean cache) {
    Scope view = Scope.inlinedIn(scope);
    List<Param> params = d.def.params();
    for (int i = 0; i < vals.length; i++) {
      Node a = vals[i];
      Scope.InlineArg arg;
      if (a instanceof Nodes.Const || a instanceof Nodes.Local || a instanceof Nodes.Arg) {
        arg = new Scope.InlineArg(a, -1, false);
      } else if (!cache || a instanceof Nodes.Var || a instanceof Nodes.PrimedVar || a.level > 1) {
        arg = new Scope.InlineArg(a, -1, true);
      } else {
        arg = new Scope.InlineArg(a, view.newCache(), true);
      }
      view.put(params.get(i).name(), arg);
    }
    return view;
  }

  /** Compiles an argument passed for an operator parameter of the given arity. */
  Nodes.ArgOp opArg(Expr arg, int arity) {
    if (arg instanceof Expr.Lambda l) {
      if (l.params().size() != arity) {
        throw semantic(l.span(), "LAMBDA has " + l.params().size() + " parameters, expected " + arity + ".");
      }
      OpDefn defn = new OpDefn("LAMBDA", l.body().span(), arity);
      compiler.compileBody(defn, l.params(), l.body(), env, scope);
      if (defn.body != null && defn.body.level == 2) {
        // an action passed for an operator parameter: its steps, where the parameter is applied
        // as an action (Act.ParamCall)
        Scope s = new Scope(scope);
        Compiler.bindParams(s, l.params());
        defn.act = compiler.at(env, s).act(l.body(), false);
        defn.actFrameSize = s.size;
      }
      Nodes.ArgOp a = new Nodes.ArgOp() {
        @Override
        OpValue make(Ctx c, Frame f) {
          return new UserOp(defn, f);
        }
      };
      a.closed = false;
      return a;
    }
    if (arg instanceof Expr.OpApp op && op.args().isEmpty()) {
      Resolved r = op.path().isEmpty() ? resolve(op.name()) : null;
      if (r != null && r.local != null && r.local.local() instanceof Scope.OpParam p) {
        int depth = r.local.depth();
        Nodes.ArgOp a = new Nodes.ArgOp() {
          @Override
          OpValue make(Ctx c, Frame f) {
            return (OpValue) f.at(depth).slots[p.slot];
          }
        };
        a.closed = false;
        return a;
      }
      if (r != null && r.local != null && r.local.local() instanceof Scope.LetOp lo) {
        int depth = r.local.depth();
        Nodes.ArgOp a = new Nodes.ArgOp() {
          @Override
          OpValue make(Ctx c, Frame f) {
            return new UserOp(lo.defn, f.at(depth));
          }
        };
        a.closed = false;
        return a;
      }
      if (r != null && r.sym instanceof DefSym d) {
        return definitionArg(d);
      }
      if (r != null && r.sym instanceof NativeSym n) {
        return compiler.natives.opArg(this, op.span(), n, arity);
      }
      if (r != null && r.sym instanceof Symbols.UnboundSym u) {
        // a CONSTANT operator the model does not define: fails only when used
        return new Nodes.ArgOp() {
          @Override
          OpValue make(Ctx c, Frame f) {
            throw EvalException.eval("The constant parameter " + u.name
                + " is not assigned a value by the configuration file.");
          }
        };
      }
      if (r == null && (Operators.infix(op.name()) != null || Operators.prefix(op.name()) != null
          || Operators.postfix(op.name()) != null)) {
        // a built-in operator symbol passed as an argument (' too): wrap it in a LAMBDA
        return builtinOpArg(op, arity);
      }
      DefSym viaInstance = instanceOperator(op);
      if (viaInstance != null) {
        // I!Op passed for an operator parameter (SANY allows it): the definition of the
        // instance, its substitutions already in its environment
        return definitionArg(viaInstance);
      }
    }
    throw semantic(arg.span(), "Expected an operator of arity " + arity + " as argument.");
  }

  /** A module-level definition passed for an operator parameter. */
  private Nodes.ArgOp definitionArg(DefSym d) {
    OpDefn defn = compiler.defn(d);
    Nodes.ArgOp a = new Nodes.ArgOp() {
      @Override
      OpValue make(Ctx c, Frame f) {
        return new UserOp(defn, null);
      }
    };
    // the operator's body may read state variables: never fold what uses it
    a.closed = false;
    return a;
  }

  /**
   * The definition {@code I!J!Op} names through instances made once for the model (no
   * parameters, not in a LET), or null.
   */
  private DefSym instanceOperator(Expr.OpApp op) {
    if (op.path().isEmpty()) {
      return null;
    }
    ModuleEnv target = env;
    for (int k = 0; k < op.path().size(); k++) {
      Expr.InstanceStep step = op.path().get(k);
      Resolved found = k == 0 ? resolve(step.name()) : null;
      Sym s = k == 0 ? (found == null ? null : found.sym) : target.exported.get(step.name());
      if (!step.args().isEmpty() || !(s instanceof InstSym is) || !is.def.params().isEmpty()
          || found != null && found.local != null) {
        return null;
      }
      target = instanceStep(step, found, s);
      if (target == null) {
        return null;
      }
    }
    return target.exported.get(op.name()) instanceof DefSym d ? d : null;
  }

  Nodes.ArgOp builtinOpArg(Expr.OpApp op, int arity) {
    List<Param> ps = new ArrayList<>();
    List<Expr> refs = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      ps.add(Param.of(op.span(), "__arg" + i));
      refs.add(new Expr.OpApp(op.span(), List.of(), "__arg" + i, io.synod.checker.syntax.ast.Fixity.NORMAL, List.of()));
    }
    Expr body = new Expr.OpApp(op.span(), List.of(), op.name(), op.fixity(), refs);
    return opArg(new Expr.Lambda(op.span(), ps, body), arity);
  }
}
