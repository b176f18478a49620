package io.synod.checker.eval;

import io.synod.checker.eval.Scope.Found;
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
import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns expressions of resolved modules into {@link Node}s and actions into {@link Act}s. Names
 * are resolved here once: module symbols through the {@link ModuleEnv} tables, bound names
 * through {@link Scope}s to frame slots.
 */
final class Compiler {
  final StringTable strings;
  final Natives natives;
  /** Definitions whose bodies are being compiled inline (innermost last): no recursion through them. */
  private final List<DefSym> inlining = new ArrayList<>();
  /** Conjunctions compiled so far: numbers each {@link Act.And} for its per-context continuation. */
  private int conjunctions;
  /** How many definitions without parameters may lead from a name to the variable it stands for. */
  private static final int MAX_DEF_CHAIN = 20;
  /** How deeply inlined bodies may nest, bounding the growth of the compiled tree. */
  private static final int MAX_INLINE_DEPTH = 4;
  /**
   * How many bodies one spec may have compiled inline. The depth limit alone still lets the tree
   * grow as (calls per body)^4; beyond this budget calls stay calls, which mean the same.
   */
  static final int MAX_INLINED_BODIES = 20_000;
  /** Bodies compiled inline so far. */
  private int inlinedBodies;

  /** Builds the instantiations made where an expression is compiled (parameterised, in LET). */
  Resolver resolver;

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

  private void compileBody(OpDefn defn, List<Param> params, Expr body, ModuleEnv env, Scope parent) {
    Scope s = new Scope(parent);
    bindParams(s, params);
    defn.compiling = true;
    defn.body = new Ctxt(env, s).expr(body);
    defn.compiling = false;
    defn.frameSize = s.size;
  }

  private static void bindParams(Scope s, List<Param> params) {
    for (Param p : params) {
      int slot = s.newSlot();
      s.put(p.name(), p.arity() > 0 ? new Scope.OpParam(slot, p.arity()) : new Scope.ValLocal(slot));
    }
  }

  /** Functions {@code f == [x \in S |-> e]} applied lazily, by definition. */
  private final java.util.IdentityHashMap<DefSym, FunDefn> lambdas = new java.util.IdentityHashMap<>();

  FunDefn funDefn(FunSym f) {
    if (f.defn == null) {
      f.defn = new FunDefn(f.def.name());
      compileFun(f.defn, f.def, f.env, null);
    }
    return f.defn;
  }

  private void compileFun(FunDefn fd, Unit.FunctionDef def, ModuleEnv env, Scope parent) {
    fd.def = def;
    fd.env = env;
    fd.parentScope = parent;
    Scope s = new Scope(parent);
    Ctxt cx = new Ctxt(env, s);
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
    Node n = new Ctxt(env, s).expr(e);
    if (s.size == 0) {
      return n;
    }
    return new FramedNode(n, s.size);
  }

  /** Compiles a top-level action of module {@code env}; returns it with its frame size. */
  Act action(ModuleEnv env, Expr e, boolean init, int[] frameSize) {
    Scope s = new Scope(null);
    Act a = new Ctxt(env, s).act(e, init);
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

  /** Resolution result for a name. */
  private record Resolved(Found local, Sym sym) {}

  /** Compilation context: a module's names plus the bound names in scope. */
  final class Ctxt {
    final ModuleEnv env;
    Scope scope;

    Ctxt(ModuleEnv env, Scope scope) {
      this.env = env;
      this.scope = scope;
    }

    private Resolved resolve(String name) {
      Found f = scope.find(name);
      if (f != null) {
        return new Resolved(f, null);
      }
      Sym s = env.table.get(name);
      return s == null ? null : new Resolved(null, s);
    }

    // ------------------------------------------------------------ expressions

    Node expr(Expr e) {
      if (e instanceof Expr.NumberLit n) {
        if (!io.synod.checker.value.Arith.inRange(n.value())) {
          throw semantic(n.span(), "TLC can't handle a number this big.\n" + n.value());
        }
        return new Nodes.Const(n.span(), IntValue.of(n.value()));
      } else if (e instanceof Expr.StringLit s) {
        return new Nodes.Const(s.span(), strings.string(s.value()));
      } else if (e instanceof Expr.BoolLit b) {
        return new Nodes.Const(b.span(), BoolValue.of(b.value()));
      } else if (e instanceof Expr.OpApp op) {
        return opApp(op);
      } else if (e instanceof Expr.At at) {
        if (atSlot < 0) {
          throw semantic(at.span(), "@ used outside an EXCEPT.");
        }
        return new Nodes.Local(at.span(), atDepth(), atSlot);
      } else if (e instanceof Expr.Quant q) {
        return quant(q);
      } else if (e instanceof Expr.Choose ch) {
        return withBinders(List.of(ch.binder()), b -> new Nodes.Choose(ch.span(), b, expr(ch.body())));
      } else if (e instanceof Expr.SetEnum se) {
        return new Nodes.SetEnum(se.span(), exprs(se.elements()));
      } else if (e instanceof Expr.SetFilter sf) {
        return withBinders(List.of(sf.binder()), b -> new Nodes.SetFilter(sf.span(), b, expr(sf.predicate())));
      } else if (e instanceof Expr.SetMap sm) {
        return withBinders(sm.binders(), b -> new Nodes.SetMap(sm.span(), b, expr(sm.body())));
      } else if (e instanceof Expr.FunCons fc) {
        return withBinders(fc.binders(), b -> new Nodes.FunCons(fc.span(), b, expr(fc.body())));
      } else if (e instanceof Expr.FunApp fa) {
        return funApp(fa);
      } else if (e instanceof Expr.FunSet fs) {
        return new Nodes.FunSet(fs.span(), expr(fs.domain()), expr(fs.range()));
      } else if (e instanceof Expr.RecordCons rc) {
        return new Nodes.RecordCons(rc.span(), fieldNames(rc.fields()), fieldValues(rc.fields()));
      } else if (e instanceof Expr.RecordSet rs) {
        return new Nodes.RecordSet(rs.span(), fieldNames(rs.fields()), fieldValues(rs.fields()));
      } else if (e instanceof Expr.FieldAccess fa) {
        return new Nodes.FieldAccess(fa.span(), expr(fa.record()), strings.string(fa.field()));
      } else if (e instanceof Expr.Except ex) {
        return except(ex);
      } else if (e instanceof Expr.Tuple t) {
        return new Nodes.Tuple(t.span(), exprs(t.elements()));
      } else if (e instanceof Expr.Product p) {
        return new Nodes.Product(p.span(), exprs(p.factors()));
      } else if (e instanceof Expr.If i) {
        return new Nodes.If(i.span(), expr(i.condition()), expr(i.then()), expr(i.otherwise()));
      } else if (e instanceof Expr.Case cs) {
        Node[] guards = new Node[cs.arms().size()];
        Node[] vals = new Node[guards.length];
        for (int i = 0; i < guards.length; i++) {
          guards[i] = expr(cs.arms().get(i).guard());
          vals[i] = expr(cs.arms().get(i).value());
        }
        return new Nodes.Case(cs.span(), guards, vals, cs.other() == null ? null : expr(cs.other()));
      } else if (e instanceof Expr.Let let) {
        scope.push();
        try {
          int[] slots = letDefs(let.definitions());
          return new Nodes.Let(let.span(), slots, expr(let.body()));
        } finally {
          scope.pop();
        }
      } else if (e instanceof Expr.Junction j) {
        Node[] items = exprs(j.items());
        return j.kind() == Expr.JunctionKind.AND ? new Nodes.And(j.span(), items) : new Nodes.Or(j.span(), items);
      } else if (e instanceof Expr.Label l) {
        return expr(l.body());
      } else if (e instanceof Expr.Lambda l) {
        throw semantic(l.span(), "LAMBDA can only be used as an operator argument.");
      } else if (e instanceof Expr.BoxAction b) {
        // [A]_v as a formula over a step: A \/ v' = v
        Node sub = expr(b.subscript());
        return new Nodes.Or(b.span(), new Node[] {expr(b.action()),
            new Nodes.Eq(b.span(), new Nodes.Prime(b.span(), sub), sub, false)});
      } else if (e instanceof Expr.AngleAction a) {
        Node sub = expr(a.subscript());
        return new Nodes.And(a.span(), new Node[] {expr(a.action()),
            new Nodes.Eq(a.span(), new Nodes.Prime(a.span(), sub), sub, true)});
      }
      if (e instanceof Expr.Fairness fr) {
        // WF_v(A) and SF_v(A) speak of ENABLED <<A>>_v and of <<A>>_v steps
        Node sub = expr(fr.subscript());
        Node changed = new Nodes.Eq(fr.span(), new Nodes.Prime(fr.span(), sub), sub, true);
        Act enabledAct = new Act.And(fr.span(), new Act[] {act(fr.action(), false),
            new Act.Guard(changed)}, conjunctions++);
        Node angle = stepAtom(new Expr.AngleAction(fr.span(), fr.action(), fr.subscript()));
        return new TemporalNode(fr.span(), fr.strong() ? TemporalNode.Kind.STRONG_FAIR
            : TemporalNode.Kind.WEAK_FAIR, new Enabled(fr.span(), enabledAct), angle);
      }
      return failing(e.span(), "TLC cannot evaluate this temporal formula as an expression.");
    }

    /** The operand of {@code []} or {@code <>}: a step formula keeps its action (see {@link StepAtom}). */
    private Node temporalOperand(Expr e) {
      return e instanceof Expr.BoxAction || e instanceof Expr.AngleAction ? stepAtom(e) : expr(e);
    }

    /** {@code [A]_v} or {@code <<A>>_v} with A also compiled as an action. */
    private Node stepAtom(Expr e) {
      boolean box = e instanceof Expr.BoxAction;
      Expr action = box ? ((Expr.BoxAction) e).action() : ((Expr.AngleAction) e).action();
      Expr subscript = box ? ((Expr.BoxAction) e).subscript() : ((Expr.AngleAction) e).subscript();
      Node formula = expr(e);
      Node sub = expr(subscript);
      Node test = new Nodes.Eq(e.span(), new Nodes.Prime(e.span(), sub), sub, !box);
      Act act;
      try {
        act = act(action, false);
      } catch (SpecException x) {
        act = null;
      }
      return new StepAtom(e.span(), formula, act, sub, test, box);
    }

    /** A node that fails when evaluated: for formulas only the liveness checker interprets. */
    Node failing(Span span, String message) {
      Node n = new Nodes.Native(span, (c, a) -> {
        throw EvalException.eval(message + "\n" + span.describe());
      }, new Node[0]);
      n.impure = true;
      n.level = 3;
      return n;
    }

    private StringValue[] fieldNames(List<Expr.Field> fields) {
      StringValue[] names = new StringValue[fields.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = strings.string(fields.get(i).name());
      }
      return names;
    }

    private Node[] fieldValues(List<Expr.Field> fields) {
      return exprs(fields.stream().map(Expr.Field::value).toList());
    }

    Node[] exprs(List<Expr> es) {
      Node[] out = new Node[es.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = expr(es.get(i));
      }
      return out;
    }

    private Node fold(Node n) {
      return n.foldable() && !(n instanceof Nodes.Const) && !(n instanceof Nodes.Cached) ? new Nodes.Cached(n) : n;
    }

    /** Declares the binders' names in the current block and compiles their domains. */
    Binders binders(List<Binder> bs) {
      Binders.One[] items = new Binders.One[bs.size()];
      // domains are compiled before the names are visible (x \in S cannot mention x)
      Node[] domains = new Node[bs.size()];
      for (int i = 0; i < items.length; i++) {
        Binder b = bs.get(i);
        if (b.domain() == null) {
          // Fails only if evaluated (a config may replace the definition, as in NoVal == CHOOSE
          // v : v \notin Val); its level is that of the body, as SANY computes it.
          domains[i] = failing(b.span(), "TLC cannot enumerate an unbounded quantifier or CHOOSE.");
          domains[i].level = 0;
        } else {
          domains[i] = fold(expr(b.domain()));
        }
      }
      for (int i = 0; i < items.length; i++) {
        Binder b = bs.get(i);
        int[] slots = new int[b.names().size()];
        for (int k = 0; k < slots.length; k++) {
          slots[k] = scope.newSlot();
          scope.put(b.names().get(k).text(), new Scope.ValLocal(slots[k]));
        }
        items[i] = new Binders.One(slots, b.tuple(), domains[i]);
      }
      return new Binders(items);
    }

    private Node quant(Expr.Quant q) {
      if (q.kind() != Expr.QuantKind.FORALL && q.kind() != Expr.QuantKind.EXISTS) {
        return failing(q.span(), "TLC cannot evaluate temporal quantifiers \\AA and \\EE.");
      }
      return withBinders(q.binders(),
          b -> new Nodes.Quant(q.span(), q.kind() == Expr.QuantKind.FORALL, b, expr(q.body())));
    }

    /** Compiles a binding form: its names are visible only while {@code make} compiles the body. */
    private <T> T withBinders(List<Binder> bs, java.util.function.Function<Binders, T> make) {
      scope.push();
      try {
        return make.apply(binders(bs));
      } finally {
        scope.pop();
      }
    }

    private int atSlot = -1;
    private Scope atScope;

    private int atDepth() {
      int d = 0;
      for (Scope s = scope; s != atScope; s = s.parent) {
        d++;
      }
      return d;
    }

    private Node except(Expr.Except ex) {
      Node fn = expr(ex.function());
      int slot = scope.newSlot();
      Nodes.Except.Step[][] paths = new Nodes.Except.Step[ex.updates().size()][];
      Node[] vals = new Node[paths.length];
      int savedSlot = atSlot;
      Scope savedScope = atScope;
      try {
        for (int u = 0; u < paths.length; u++) {
          Expr.ExceptUpdate up = ex.updates().get(u);
          Nodes.Except.Step[] path = new Nodes.Except.Step[up.path().size()];
          for (int i = 0; i < path.length; i++) {
            Expr.PathElem pe = up.path().get(i);
            path[i] = pe instanceof Expr.FieldSel fs
                ? new Nodes.Except.Step(strings.string(fs.name()), null)
                : new Nodes.Except.Step(null, exprs(((Expr.IndexSel) pe).indices()));
          }
          paths[u] = path;
          atSlot = slot;
          atScope = scope;
          vals[u] = expr(up.value());
          atSlot = savedSlot;
          atScope = savedScope;
        }
      } finally {
        atSlot = savedSlot;
        atScope = savedScope;
      }
      Nodes.Except n = new Nodes.Except(ex.span(), fn, paths, vals, slot);
      n.closed = false;
      return n;
    }

    private Node funApp(Expr.FunApp fa) {
      Node[] args = exprs(fa.args());
      if (fa.function() instanceof Expr.OpApp op && op.path().isEmpty() && op.args().isEmpty()) {
        Resolved r = resolve(op.name());
        FunDefn fd = null;
        int envDepth = -1;
        if (r != null && r.sym instanceof FunSym fs) {
          fd = funDefn(fs);
        } else if (r != null && r.local != null && r.local.local() instanceof Scope.LetFun lf) {
          fd = lf.defn;
          envDepth = r.local.depth();
        }
        if (fd != null) {
          return new FunDefApp(fa.span(), fd, args, envDepth);
        }
        if (r != null && r.local == null && r.sym instanceof DefSym d && d.def.params().isEmpty()
            && d.def.body() instanceof Expr.FunCons fc && fc.binders().size() == 1) {
          return new LazyFunApp(fa.span(), lambdaDefn(d, fc), new Nodes.FunApp(fa.span(), expr(fa.function()), args),
              args);
        }
      }
      return new Nodes.FunApp(fa.span(), expr(fa.function()), args);
    }

    /** {@code f == [x \in S |-> e]} seen as the function definition {@code f[x \in S] == e}. */
    private FunDefn lambdaDefn(DefSym d, Expr.FunCons fc) {
      return lambdas.computeIfAbsent(d, k -> {
        FunDefn fd = new FunDefn(d.def.name());
        compileFun(fd, new Unit.FunctionDef(fc.span(), d.def.name(), fc.binders(), fc.body(), false), d.env, null);
        return fd;
      });
    }

    private int[] letDefs(List<Unit.Definition> defs) {
      List<Integer> slots = new ArrayList<>();
      boolean closures = false;
      // RECURSIVE operators must be visible before their definitions are compiled
      for (Unit.Definition d : defs) {
        if (d instanceof Unit.OpDef od && !od.params().isEmpty()) {
          scope.put(od.name(), new Scope.LetOp(new OpDefn(od.name(), od.body().span(), od.params().size()), od));
          closures = true;
        } else if (d instanceof Unit.FunctionDef fd) {
          scope.put(fd.name(), new Scope.LetFun(new FunDefn(fd.name())));
          closures = true;
        }
      }
      if (closures) {
        // LET operators and functions close over the enclosing frame: make sure there is one,
        // also for a top-level expression that binds nothing else
        scope.newSlot();
      }
      for (Unit.Definition d : defs) {
        if (d instanceof Unit.OpDef od) {
          if (od.params().isEmpty()) {
            int slot = scope.newSlot();
            slots.add(slot);
            Scope.LetVal lv = new Scope.LetVal(slot);
            lv.body = expr(od.body());
            scope.put(od.name(), lv);
          } else {
            Scope.LetOp lo = (Scope.LetOp) scope.find(od.name()).local();
            compileBody(lo.defn, od.params(), od.body(), env, scope);
          }
        } else if (d instanceof Unit.FunctionDef fd) {
          Scope.LetFun lf = (Scope.LetFun) scope.find(fd.name()).local();
          compileFun(lf.defn, fd, env, scope);
        } else if (d instanceof Unit.InstanceDef id) {
          if (id.name() == null) {
            throw semantic(id.span(), "An unnamed INSTANCE inside LET is not supported.");
          }
          scope.put(id.name(), new Scope.LetInstance(id, scope));
        }
      }
      return slots.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------ operator applications

    private Node opApp(Expr.OpApp op) {
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
      return apply(op.span(), name, r, args);
    }

    private Node instanceApp(Expr.OpApp op) {
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
        if (found != null && found.local != null && found.local.local() instanceof Scope.LetInstance li) {
          target = instantiateHere(step, li.def, env, li.site, false);
          continue;
        }
        if (s instanceof InstSym is && !is.def.params().isEmpty()) {
          target = instantiateHere(step, is.def, is.owner, scope, true);
          continue;
        }
        if (!step.args().isEmpty()) {
          throw semantic(step.span(), "Parameterized instances are not supported.");
        }
        if (!(s instanceof InstSym is)) {
          throw semantic(step.span(), "Unknown instance: `" + step.name() + "'.");
        }
        target = instanceTarget(is);
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
    private ModuleEnv instantiateHere(Expr.InstanceStep step, Unit.InstanceDef def, ModuleEnv owner,
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
      return resolver.instantiateAt(def, owner,
          replacement -> new SiteSubstSym(replacement, owner, def.params(), args, site, hygienic));
    }

    /** A substitution of an instance made at a site, compiled for a read here. */
    private Node siteSubstitution(Span span, SiteSubstSym s) {
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
        Node n = new Ctxt(s.owner, at).expr(s.replacement);
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
    private Node inlineAtSite(Span span, String name, DefSym d, List<Expr> args) {
      requireArity(span, name, d.def.params().size(), args);
      for (Param p : d.def.params()) {
        if (p.arity() > 0) {
          throw semantic(span, "Operator parameters of a definition of a parameterised INSTANCE are not supported.");
        }
      }
      if (inlining.contains(d)) {
        throw semantic(span, "Recursive operator " + name + " of a parameterised or LET instance is not supported.");
      }
      Node[] vals = exprs(args);
      Scope view = inlineScope(d, vals, true);
      inlining.add(d);
      Node body;
      try {
        body = new Ctxt(d.env, view).expr(d.def.body());
      } finally {
        inlining.remove(d);
      }
      return new Nodes.Inline(span, body, vals, view.cacheSlots());
    }

    /**
     * {@code Op(args)!sel...} (path step {@code k} names {@code d}): the selected part of
     * {@code d}'s body, applied as an operator with {@code d}'s parameters to the step's arguments.
     */
    private Node subexpression(Expr.OpApp op, DefSym d, int k) {
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
      return apply(op.span(), shown, new Resolved(null, new DefSym(def, d.env)), op.path().get(k).args());
    }

    /**
     * {@code F(args)!sel...} for an operator {@code F} defined in an enclosing LET: the selected
     * part, defined in a LET of its own here, where the names it may use are visible too.
     */
    private Node letSubexpression(Expr.OpApp op, Unit.OpDef def, int k) {
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
        return sub.node instanceof Nodes.Var || sub.node instanceof Nodes.Const || span == Span.NONE
            ? sub.node : new Nodes.At(span, sub.node);
      } else if (s instanceof SiteSubstSym sub) {
        requireArity(span, name, 0, args);
        return siteSubstitution(span, sub);
      } else if (s instanceof DefSym d && d.env.inst.atSite) {
        return inlineAtSite(span, name, d, args);
      } else if (s instanceof DefSym d) {
        requireArity(span, name, d.def.params().size(), args);
        if (args.isEmpty()) {
          Node value = defValue(d, span);
          if (value instanceof Nodes.Cached) {
            // constant: evaluated once for all references, as TLC does
            return value;
          }
          Node inline = inline(span, d, defn(d), new Node[0]);
          return inline != null ? inline : value;
        }
        return call(span, defn(d), d.def.params(), args, -1, d);
      } else if (s instanceof FunSym f) {
        requireArity(span, name, 0, args);
        return new FunDefValue(span, funDefn(f), -1);
      } else if (s instanceof NativeSym n) {
        return natives.compile(this, span, n, args);
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

    private void requireArity(Span span, String name, int arity, List<Expr> args) {
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
    private record CallArgs(Node[] vals, Nodes.ArgOp[] ops, boolean valuesOnly) {}

    private CallArgs callArgs(List<Param> params, List<Expr> args) {
      Node[] vals = new Node[args.size()];
      Nodes.ArgOp[] ops = new Nodes.ArgOp[args.size()];
      boolean valuesOnly = true;
      for (int i = 0; i < vals.length; i++) {
        if (params.get(i).arity() > 0) {
          ops[i] = opArg(args.get(i), params.get(i).arity());
          valuesOnly = false;
        } else {
          vals[i] = expr(args.get(i));
        }
      }
      return new CallArgs(vals, ops, valuesOnly);
    }

    /**
     * An application of {@code defn}; {@code d} is its module-level symbol (null for a LET
     * operator), needed to compile its body inline.
     */
    private Node call(Span span, OpDefn defn, List<Param> params, List<Expr> args, int envDepth, DefSym d) {
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
    private Node inline(Span span, DefSym d, OpDefn defn, Node[] vals) {
      if (defn.body == null || defn.compiling || !inlinable(d)) {
        return null;
      }
      Scope view = inlineScope(d, vals, true);
      inlining.add(d);
      Node body;
      try {
        body = new Ctxt(d.env, view).expr(d.def.body());
      } catch (SpecException e) {
        return null;
      } finally {
        inlining.remove(d);
      }
      inlinedBodies++;
      return new Nodes.Inline(span, body, vals, view.cacheSlots());
    }

    /**
     * Whether {@code d} may be compiled inline here: not through itself, not too deep, and the
     * spec's budget of inlined bodies not spent.
     */
    private boolean inlinable(DefSym d) {
      return !inlining.contains(d) && inlining.size() < MAX_INLINE_DEPTH
          && inlinedBodies < MAX_INLINED_BODIES;
    }

    /**
     * The scope of {@code d}'s body inlined in this one, its parameters bound to the arguments
     * {@code vals} as a call would pass them: constants, bound names and parameters are passed
     * on as they are (read in place); other arguments are evaluated at each read, or, when
     * {@code cache} (expression-level calls) and a thunk would cache them, through two cache
     * slots listed by {@link Scope#cacheSlots}.
     */
    private Scope inlineScope(DefSym d, Node[] vals, boolean cache) {
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
        compileBody(defn, l.params(), l.body(), env, scope);
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
          OpDefn defn = defn(d);
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
        if (r != null && r.sym instanceof NativeSym n) {
          return natives.opArg(this, op.span(), n, arity);
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
        if (r == null && Operators.infix(op.name()) != null || r == null && Operators.prefix(op.name()) != null) {
          // a built-in operator symbol passed as an argument: wrap it in a LAMBDA
          return builtinOpArg(op, arity);
        }
      }
      throw semantic(arg.span(), "Expected an operator of arity " + arity + " as argument.");
    }

    private Nodes.ArgOp builtinOpArg(Expr.OpApp op, int arity) {
      List<Param> ps = new ArrayList<>();
      List<Expr> refs = new ArrayList<>();
      for (int i = 0; i < arity; i++) {
        ps.add(Param.of(op.span(), "__arg" + i));
        refs.add(new Expr.OpApp(op.span(), List.of(), "__arg" + i, io.synod.checker.syntax.ast.Fixity.NORMAL, List.of()));
      }
      Expr body = new Expr.OpApp(op.span(), List.of(), op.name(), op.fixity(), refs);
      return opArg(new Expr.Lambda(op.span(), ps, body), arity);
    }

    // ------------------------------------------------------------ built-in keywords

    private Node builtin(Expr.OpApp op, String name, List<Expr> args) {
      Span sp = op.span();
      int n = args.size();
      switch (name) {
        case "TRUE":
          return n == 0 ? new Nodes.Const(sp, BoolValue.TRUE) : null;
        case "FALSE":
          return n == 0 ? new Nodes.Const(sp, BoolValue.FALSE) : null;
        case "BOOLEAN":
          return n == 0 ? new Nodes.Const(sp, Values.BOOLEAN) : null;
        case "STRING":
          return n == 0 ? new Nodes.Const(sp, io.synod.checker.value.InfiniteSetValue.STRING) : null;
        default:
          break;
      }
      if (n == 2 && name.equals(Operators.CDOT) && resolve(name) == null) {
        // only the next-state action generates compositions (Act.Compose); as a formula it is an
        // action-level expression that cannot be evaluated
        exprs(args);
        Node cdot = failing(sp, "TLC evaluates A \\cdot B only as (part of) the next-state action.");
        cdot.level = 2;
        return cdot;
      }
      if (n == 2) {
        switch (name) {
          case Operators.AND:
            return new Nodes.And(sp, exprs(args));
          case Operators.OR:
            return new Nodes.Or(sp, exprs(args));
          case Operators.IMPLIES:
            return new Nodes.Implies(sp, expr(args.get(0)), expr(args.get(1)));
          case Operators.EQUIV:
            return new Nodes.Eq(sp, expr(args.get(0)), expr(args.get(1)), false);
          case Operators.EQ:
            return new Nodes.Eq(sp, expr(args.get(0)), expr(args.get(1)), false);
          case Operators.NEQ:
            return new Nodes.Eq(sp, expr(args.get(0)), expr(args.get(1)), true);
          case Operators.IN:
            return new Nodes.In(sp, expr(args.get(0)), fold(expr(args.get(1))), false);
          case Operators.NOTIN:
            return new Nodes.In(sp, expr(args.get(0)), fold(expr(args.get(1))), true);
          case Operators.SUBSETEQ:
          case "\\subset":
          case "\\supseteq":
          case "\\supset":
          case Operators.CUP:
          case Operators.CAP:
          case Operators.SETMINUS:
            return natives.setOp(sp, name, expr(args.get(0)), expr(args.get(1)));
          case Operators.LEADS_TO:
            return new TemporalNode(sp, TemporalNode.Kind.LEADS_TO, expr(args.get(0)),
                expr(args.get(1)));
          case Operators.PLUS_ARROW:
            exprs(args);
            return failing(sp, "TLC cannot evaluate the temporal operator " + name + " here.");
          default:
            return null;
        }
      }
      if (n == 1) {
        switch (name) {
          case Operators.NOT:
            return natives.not(sp, expr(args.get(0)));
          case Operators.SUBSET:
          case Operators.UNION:
          case Operators.DOMAIN:
            return natives.setOp(sp, name, expr(args.get(0)), null);
          case Operators.PRIME:
            return prime(sp, args.get(0));
          case Operators.UNCHANGED: {
            Node sub = expr(args.get(0));
            return new Nodes.Eq(sp, new Nodes.Prime(sp, sub), sub, false);
          }
          case Operators.ENABLED:
            return new Enabled(sp, enabledArgument(args.get(0)));
          case Operators.ALWAYS:
            return new TemporalNode(sp, TemporalNode.Kind.ALWAYS, temporalOperand(args.get(0)), null);
          case Operators.EVENTUALLY:
            return new TemporalNode(sp, TemporalNode.Kind.EVENTUALLY, temporalOperand(args.get(0)),
                null);
          default:
            return null;
        }
      }
      return null;
    }

    private Node prime(Span sp, Expr arg) {
      if (arg instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty()) {
        Resolved r = resolve(v.name());
        if (r != null && r.sym instanceof VarSym vs) {
          return new Nodes.PrimedVar(sp, vs.slot, vs.name);
        }
      }
      return new Nodes.Prime(sp, expr(arg));
    }

    // ------------------------------------------------------------ actions

    /** The state-variable slot {@code e} assigns: {@code x'} (next) or {@code x} (init); else -1. */
    private int target(Expr e, boolean init) {
      return init ? varSlot(e, 0) : primedVarSlot(e, 0);
    }

    /**
     * The slot of the variable {@code x} when {@code e} is {@code x'}, also through definitions
     * without parameters ({@code a == x'}, module level or LET), as TLC finds the variable an
     * equation assigns; else -1.
     */
    private int primedVarSlot(Expr e, int depth) {
      if (e instanceof Expr.Label l) {
        return primedVarSlot(l.body(), depth);
      }
      if (e instanceof Expr.Let let && let.body() instanceof Expr.OpApp b && b.path().isEmpty()
          && b.args().isEmpty()) {
        // LET w == x' IN w: the definition the body names
        for (Unit.Definition d : let.definitions()) {
          if (d instanceof Unit.OpDef od && od.params().isEmpty() && od.name().equals(b.name())) {
            return primedVarSlot(od.body(), depth + 1);
          }
        }
        return -1;
      }
      if (!(e instanceof Expr.OpApp p) || depth > MAX_DEF_CHAIN) {
        return -1;
      }
      if (p.path().isEmpty() && Operators.PRIME.equals(p.name()) && p.args().size() == 1) {
        return varSlot(p.args().get(0), depth + 1);
      }
      if (!p.args().isEmpty()) {
        return -1;
      }
      if (!p.path().isEmpty()) {
        DefSym d = instanceDef(p);
        return d == null || !d.def.params().isEmpty() ? -1
            : new Ctxt(d.env, new Scope(null)).primedVarSlot(d.def.body(), depth + 1);
      }
      Resolved r = resolve(p.name());
      if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
        return new Ctxt(d.env, new Scope(null)).primedVarSlot(d.def.body(), depth + 1);
      }
      if (r != null && r.local != null && r.local.local() instanceof Scope.LetVal lv
          && lv.body instanceof Nodes.PrimedVar pv) {
        return pv.slot;
      }
      return -1;
    }

    /** The definition {@code I!J!Op} names through instances without arguments, or null. */
    private DefSym instanceDef(Expr.OpApp op) {
      ModuleEnv target = env;
      for (Expr.InstanceStep step : op.path()) {
        Sym is = target == env && step == op.path().get(0)
            ? (resolve(step.name()) == null ? null : resolve(step.name()).sym)
            : target.exported.get(step.name());
        if (!(is instanceof InstSym inst) || inst.target == null || !step.args().isEmpty()) {
          return null;
        }
        target = inst.target;
      }
      return target.exported.get(op.name()) instanceof DefSym d ? d : null;
    }

    /** The slot of {@code e} when it is a state variable, also through definitions without parameters; else -1. */
    private int varSlot(Expr e, int depth) {
      if (e instanceof Expr.Label l) {
        return varSlot(l.body(), depth);
      }
      if (e instanceof Expr.OpApp v && !v.path().isEmpty() && v.args().isEmpty() && depth <= MAX_DEF_CHAIN) {
        DefSym d = instanceDef(v);
        return d == null || !d.def.params().isEmpty() ? -1
            : new Ctxt(d.env, new Scope(null)).varSlot(d.def.body(), depth + 1);
      }
      if (e instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty() && depth <= MAX_DEF_CHAIN) {
        Resolved r = resolve(v.name());
        if (r != null && r.sym instanceof VarSym vs) {
          return vs.slot;
        }
        if (r != null && r.sym instanceof SubstSym ss && ss.node instanceof Nodes.Var var) {
          return var.slot;
        }
        if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
          return new Ctxt(d.env, new Scope(null)).varSlot(d.def.body(), depth + 1);
        }
        if (r != null && r.local != null && r.local.local() instanceof Scope.LetVal lv
            && lv.body instanceof Nodes.Var var) {
          return var.slot;
        }
      }
      return -1;
    }

    /** The variables of {@code UNCHANGED e} when e is a variable or a tuple of them (via definitions). */
    private List<Integer> unchangedSlots(Expr e, int depth) {
      if (depth > 20) {
        return null;
      }
      int s = varSlot(e, 0);
      if (s >= 0) {
        return List.of(s);
      }
      if (e instanceof Expr.Tuple t) {
        List<Integer> out = new ArrayList<>();
        for (Expr x : t.elements()) {
          List<Integer> sub = unchangedSlots(x, depth + 1);
          if (sub == null) {
            return null;
          }
          out.addAll(sub);
        }
        return out;
      }
      if (e instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty()) {
        Resolved r = resolve(v.name());
        if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
          return new Ctxt(d.env, new Scope(null)).unchangedSlots(d.def.body(), depth + 1);
        }
      }
      return null;
    }

    Act act(Expr e, boolean init) {
      Span sp = e.span();
      if (e instanceof Expr.Junction j) {
        Act[] items = new Act[j.items().size()];
        for (int i = 0; i < items.length; i++) {
          items[i] = act(j.items().get(i), init);
        }
        return j.kind() == Expr.JunctionKind.AND ? new Act.And(sp, items, conjunctions++) : new Act.Or(sp, items);
      }
      if (e instanceof Expr.Label l) {
        return act(l.body(), init);
      }
      if (e instanceof Expr.Quant q && q.kind() == Expr.QuantKind.EXISTS) {
        return withBinders(q.binders(), b -> new Act.Exists(sp, b, act(q.body(), init)));
      }
      // TLC generates states through these too; when the inner step is a mere condition they
      // are one, evaluated as an expression
      if (e instanceof Expr.Quant q && q.kind() == Expr.QuantKind.FORALL
          && q.binders().stream().allMatch(b -> b.domain() != null)) {
        Act a = withBinders(q.binders(), b -> {
          Act body = act(q.body(), init);
          return body instanceof Act.Guard ? body : new Act.ForAll(sp, b, body);
        });
        return a instanceof Act.ForAll ? a : new Act.Guard(expr(e));
      }
      if (e instanceof Expr.FunApp fa) {
        Act a = funApply(fa, init);
        if (a != null) {
          return a;
        }
      }
      if (e instanceof Expr.If i) {
        return new Act.If(sp, expr(i.condition()), act(i.then(), init), act(i.otherwise(), init));
      }
      if (e instanceof Expr.Case cs) {
        Node[] guards = new Node[cs.arms().size()];
        Act[] arms = new Act[guards.length];
        for (int i = 0; i < guards.length; i++) {
          guards[i] = expr(cs.arms().get(i).guard());
          arms[i] = act(cs.arms().get(i).value(), init);
        }
        return new Act.Case(sp, guards, arms, cs.other() == null ? null : act(cs.other(), init));
      }
      if (e instanceof Expr.Let let) {
        scope.push();
        try {
          int[] slots = letDefs(let.definitions());
          return new Act.Let(sp, slots, act(let.body(), init));
        } finally {
          scope.pop();
        }
      }
      if (e instanceof Expr.OpApp op && op.path().isEmpty()) {
        String name = op.name();
        List<Expr> args = op.args();
        if (args.size() == 2 && (name.equals(Operators.AND) || name.equals(Operators.OR))) {
          Act[] items = {act(args.get(0), init), act(args.get(1), init)};
          return name.equals(Operators.AND) ? new Act.And(sp, items, conjunctions++) : new Act.Or(sp, items);
        }
        if (args.size() == 2 && name.equals(Operators.IMPLIES) && resolve(name) == null) {
          Act then = act(args.get(1), init);
          if (!(then instanceof Act.Guard)) {
            // P => A generates A's states when P holds, else goes on as it is (as TLC does)
            return new Act.If(sp, expr(args.get(0)), then, new Act.Guard(new Nodes.Const(sp, BoolValue.TRUE)));
          }
        }
        if (args.size() == 2 && (name.equals(Operators.EQ) || name.equals(Operators.IN))) {
          int slot = target(args.get(0), init);
          if (slot >= 0) {
            Node rhs = expr(args.get(1));
            return name.equals(Operators.EQ) ? new Act.Assign(sp, slot, rhs, init)
                : new Act.InSet(sp, slot, fold(rhs), init);
          }
        }
        if (!init && args.size() == 2 && name.equals(Operators.CDOT)) {
          return new Act.Compose(sp, act(args.get(0), false), act(args.get(1), false));
        }
        if (!init && args.size() == 1 && name.equals(Operators.UNCHANGED)) {
          List<Integer> slots = unchangedSlots(args.get(0), 0);
          if (slots != null) {
            return new Act.Unchanged(sp, slots.stream().mapToInt(Integer::intValue).toArray());
          }
        }
        if (builtinName(name, args.size())) {
          return new Act.Guard(expr(e));
        }
        Resolved r = resolve(name);
        if (r != null && r.sym instanceof DefSym d) {
          return actCall(sp, defn(d), d.def.params(), args, -1, d, init);
        }
        if (r != null && r.local != null && r.local.local() instanceof Scope.LetOp lo) {
          return actCall(sp, lo.defn, lo.def.params(), args, r.local.depth(), null, init);
        }
      }
      if (e instanceof Expr.OpApp op && !op.path().isEmpty()) {
        // I!A as an action: compile the instance's definition as an action
        ModuleEnv target = env;
        boolean ok = true;
        for (Expr.InstanceStep step : op.path()) {
          Sym s = target == env && step == op.path().get(0) ? (resolve(step.name()) == null ? null
              : resolve(step.name()).sym) : target.exported.get(step.name());
          if (!(s instanceof InstSym is) || !step.args().isEmpty()) {
            ok = false;
            break;
          }
          target = instanceTarget(is);
        }
        if (ok && target.exported.get(op.name()) instanceof DefSym d) {
          return actCall(sp, defn(d), d.def.params(), op.args(), -1, d, init);
        }
      }
      return new Act.Guard(expr(e));
    }

    /**
     * The action under ENABLED, listed on errors as TLC's evaluation of ENABLED lists it: its own
     * position, then, for a definition of a module instantiated with substitutions, the INSTANCE
     * that substitutes (the body TLC evaluates is wrapped in those substitutions), then the body.
     */
    private Act enabledArgument(Expr arg) {
      Act a = act(arg, false);
      if (arg instanceof Expr.OpApp op && !op.path().isEmpty() && op.args().isEmpty()) {
        DefSym d = instanceDef(op);
        if (d != null && d.env.inst.def != null && !d.env.inst.decls.isEmpty()) {
          a = new Act.Located(d.env.inst.def.span(), a);
        }
      }
      return new Act.Located(arg.span(), a);
    }

    /**
     * {@code f[a]} as a step when f is a function definition TLC keeps as its definition (a LET
     * or state-dependent one, not a constant TLC computed): the body's step for that argument;
     * null for any other application, or when the body is a mere condition.
     */
    private Act funApply(Expr.FunApp fa, boolean init) {
      if (!(fa.function() instanceof Expr.OpApp op) || !op.path().isEmpty() || !op.args().isEmpty()) {
        return null;
      }
      Resolved r = resolve(op.name());
      FunDefn fd = null;
      int envDepth = -1;
      if (r != null && r.sym instanceof FunSym fs) {
        fd = funDefn(fs);
        if (fd.memo) {
          return null;
        }
      } else if (r != null && r.local != null && r.local.local() instanceof Scope.LetFun lf) {
        fd = lf.defn;
        envDepth = r.local.depth();
      }
      if (fd == null || fd.def == null || init) {
        return null;
      }
      if (fd.act == null && !fd.compilingAct) {
        fd.compilingAct = true;
        try {
          Scope s = new Scope(fd.parentScope);
          Ctxt cx = new Ctxt(fd.env, s);
          fd.actBinders = cx.binders(fd.def.binders());
          Act body = cx.act(fd.def.body(), false);
          fd.actFrameSize = s.size;
          fd.act = body;
        } finally {
          fd.compilingAct = false;
        }
      }
      if (fd.act instanceof Act.Guard) {
        return null;
      }
      Node whole = funApp(fa);
      return new Act.FunApply(fa.span(), fd, exprs(fa.args()), envDepth, whole);
    }

    private boolean builtinName(String name, int arity) {
      return switch (name) {
        case "TRUE", "FALSE", "BOOLEAN", "STRING" -> arity == 0;
        default -> (arity == 2 && Operators.infix(name) != null && resolve(name) == null)
            || (arity == 1 && Operators.prefix(name) != null && resolve(name) == null)
            || (arity == 1 && Operators.postfix(name) != null && resolve(name) == null);
      };
    }

    private Act actCall(Span sp, OpDefn defn, List<Param> params, List<Expr> args, int envDepth, DefSym d,
        boolean init) {
      CallArgs a = callArgs(params, args);
      Node[] vals = a.vals();
      Nodes.ArgOp[] ops = a.ops();
      boolean valuesOnly = a.valuesOnly();
      if ((init ? defn.initAct : defn.act) == null) {
        if (d == null) {
          // LET operators used as actions: compile the body's action form in place
          throw semantic(sp, "A LET-defined operator with parameters cannot be used as an action.");
        }
        Scope s = new Scope(null);
        bindParams(s, params);
        // placeholder guards against recursion through actions
        Act body = new Ctxt(d.env, s).act(d.def.body(), init);
        if (init) {
          defn.initAct = body;
          defn.initFrameSize = s.size;
        } else {
          defn.act = body;
          defn.actFrameSize = s.size;
        }
      }
      if (d != null && valuesOnly && inlinable(d)) {
        Scope view = inlineScope(d, vals, false);
        inlining.add(d);
        try {
          // an action call is not traced itself: its body's action form stands in for it
          Act body = new Ctxt(d.env, view).act(d.def.body(), init);
          inlinedBodies++;
          return init || body instanceof Act.Guard ? body : new Act.Memo(defn, vals, body);
        } catch (SpecException e) {
          // compiled fine as a call: keep the call
        } finally {
          inlining.remove(d);
        }
      }
      Act call = new Act.Call(sp, defn, init, vals, ops, envDepth);
      return init || d == null || !valuesOnly || defn.act instanceof Act.Guard ? call
          : new Act.Memo(defn, vals, call);
    }
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
