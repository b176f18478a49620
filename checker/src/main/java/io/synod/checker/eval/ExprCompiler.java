package io.synod.checker.eval;

import static io.synod.checker.eval.Compiler.semantic;

import io.synod.checker.eval.Scope.Found;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.eval.Symbols.VarSym;
import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The compile context: a module's names ({@link ModuleEnv}) plus the bound names in scope
 * ({@link Scope}), with the spec-wide {@link Compiler} behind it. This layer compiles
 * expressions (literals, binders, sets, records, EXCEPT, LET, built-in operators) into
 * {@link Node}s; {@link CallCompiler} adds operator and definition applications and
 * {@link ActionCompiler} actions. {@link Compiler#at} makes a context.
 */
abstract class ExprCompiler {
  /** The spec-wide state: strings, natives, definitions compiled so far, the inlining budget. */
  final Compiler compiler;
  final ModuleEnv env;
  Scope scope;

  ExprCompiler(Compiler compiler, ModuleEnv env, Scope scope) {
    this.compiler = compiler;
    this.env = env;
    this.scope = scope;
  }

  /** Resolution result for a name: a bound name in scope, or else a module symbol. */
  static final class Resolved {
    final Found local;
    final Sym sym;

    Resolved(Found local, Sym sym) {
      this.local = local;
      this.sym = sym;
    }
  }

  Resolved resolve(String name) {
    Found f = scope.find(name);
    if (f != null) {
      return new Resolved(f, null);
    }
    Sym s = env.table.get(name);
    return s == null ? null : new Resolved(null, s);
  }

  /**
   * The instantiation of this module when {@code name}, resolved to {@code r}, is one of its
   * variables replaced by a substitution that an ENABLED written here cuts off from primed
   * occurrences ({@link Symbols.Instantiation#phantoms}); null for any other name.
   */
  Symbols.Instantiation phantom(String name, Resolved r) {
    if (r == null || r.local != null || env.inst.phantoms.isEmpty()) {
      return null;
    }
    return env.inst.phantoms.get(name) == r.sym ? env.inst : null;
  }

  /**
   * The instantiations whose substitutions an ENABLED written here cuts off (see
   * {@link Enabled#cut}): this module's and those of the modules instantiating it, as far as
   * they replace variables; null when none does.
   */
  Symbols.Instantiation[] enabledCut() {
    List<Symbols.Instantiation> out = new java.util.ArrayList<>();
    for (Symbols.Instantiation i = env.inst; i != null; i = i.parent == null ? null : i.parent.inst) {
      if (!i.phantoms.isEmpty()) {
        out.add(i);
      }
    }
    return out.isEmpty() ? null : out.toArray(new Symbols.Instantiation[0]);
  }

  // ------------------------------------------------------------ expressions

  Node expr(Expr e) {
    if (e instanceof Expr.NumberLit n) {
      if (!io.synod.checker.value.Arith.inRange(n.value())) {
        throw semantic(n.span(), "TLC can't handle a number this big.\n" + n.value());
      }
      return new Nodes.Const(n.span(), IntValue.of(n.value()));
    } else if (e instanceof Expr.StringLit s) {
      return new Nodes.Const(s.span(), compiler.strings.string(s.value()));
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
      // a constant literal ({}, {2, 3}) is built once, not at each evaluation
      return fold(new Nodes.SetEnum(se.span(), exprs(se.elements())));
    } else if (e instanceof Expr.SetFilter sf) {
      return withBinders(List.of(sf.binder()), b -> new Nodes.SetFilter(sf.span(), b, expr(sf.predicate()),
          lazyInTlc(sf.binder().domain())));
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
      return new Nodes.FieldAccess(fa.span(), expr(fa.record()), compiler.strings.string(fa.field()));
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
      // TLC's error stack for ENABLED <<A>>_v names A where WF_v(A) writes it, then v: the
      // parts of the fairness formula carry the spans of A and v, not the whole formula's
      Span a = fr.action().span();
      Span v = fr.subscript().span();
      Node sub = expr(fr.subscript());
      // v # v' with the current state's value on the left, as TLC compares them (its error
      // for values it cannot compare names that one first)
      Node changed = new Nodes.Eq(v, sub, new Nodes.Prime(v, sub), true);
      Act enabledAct = new Act.And(a, new Act[] {act(fr.action(), false),
          new Act.Guard(changed)}, compiler.conjunctions++);
      Node angle = stepAtom(new Expr.AngleAction(fr.span(), fr.action(), fr.subscript()));
      return new TemporalNode(fr.span(), fr.strong() ? TemporalNode.Kind.STRONG_FAIR
          : TemporalNode.Kind.WEAK_FAIR, new Enabled(a, enabledAct, enabledCut()), angle);
    }
    return failing(e.span(), "TLC cannot evaluate this temporal formula as an expression.");
  }

  /**
   * Whether TLC keeps the set {@code e} in a lazy form even when it is small: UNION and the
   * binary set operators (explicit sets, intervals, set constructors and names of them are
   * computed). TLC filters {@code {x \in e : P}} at once only from a computed set.
   */
  private boolean lazyInTlc(Expr e) {
    return e instanceof Expr.OpApp op && op.path().isEmpty() && resolve(op.name()) == null
        && (op.args().size() == 1 && op.name().equals(Operators.UNION)
            || op.args().size() == 2 && (op.name().equals(Operators.CUP) || op.name().equals(Operators.CAP)
                || op.name().equals(Operators.SETMINUS)));
  }

  /** The operand of {@code []} or {@code <>}: a step formula keeps its action (see {@link StepAtom}). */
  Node temporalOperand(Expr e) {
    return e instanceof Expr.BoxAction || e instanceof Expr.AngleAction ? stepAtom(e) : expr(e);
  }

  /** {@code [A]_v} or {@code <<A>>_v} with A also compiled as an action. */
  Node stepAtom(Expr e) {
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

  StringValue[] fieldNames(List<Expr.Field> fields) {
    StringValue[] names = new StringValue[fields.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = compiler.strings.string(fields.get(i).name());
    }
    return names;
  }

  Node[] fieldValues(List<Expr.Field> fields) {
    return exprs(fields.stream().map(Expr.Field::value).toList());
  }

  Node[] exprs(List<Expr> es) {
    Node[] out = new Node[es.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = expr(es.get(i));
    }
    return out;
  }

  Node fold(Node n) {
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

  Node quant(Expr.Quant q) {
    if (q.kind() != Expr.QuantKind.FORALL && q.kind() != Expr.QuantKind.EXISTS) {
      return failing(q.span(), "TLC cannot evaluate temporal quantifiers \\AA and \\EE.");
    }
    return withBinders(q.binders(),
        b -> new Nodes.Quant(q.span(), q.kind() == Expr.QuantKind.FORALL, b, expr(q.body())));
  }

  /** Compiles a binding form: its names are visible only while {@code make} compiles the body. */
  <T> T withBinders(List<Binder> bs, java.util.function.Function<Binders, T> make) {
    scope.push();
    try {
      return make.apply(binders(bs));
    } finally {
      scope.pop();
    }
  }

  int atSlot = -1;
  Scope atScope;

  int atDepth() {
    int d = 0;
    for (Scope s = scope; s != atScope; s = s.parent) {
      d++;
    }
    return d;
  }

  Node except(Expr.Except ex) {
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
              ? new Nodes.Except.Step(compiler.strings.string(fs.name()), null)
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


  /**
   * A zero-parameter LET definition that names nothing local (no parameter, bound variable or
   * other LET definition) and is constant and pure ({@code LET nbrs == {x \in {-1, 0, 1} \X
   * {-1, 0, 1} : x # <<0, 0>>} IN ...} inside {@code score(p)}): compiled as a module-level
   * definition would be and evaluated once, on first use, instead of once per evaluation of the
   * enclosing expression. Null otherwise: the body then compiles in place. Whether it names
   * something local is told by compiling it without the enclosing scope, where such a name does
   * not resolve (TLA+ forbids a local name that hides a module-level one).
   */
  private Node constantLetBody(Unit.OpDef od) {
    OpDefn defn = new OpDefn(od.name(), od.body().span(), 0);
    try {
      compiler.compileBody(defn, List.of(), od.body(), env, null);
    } catch (RuntimeException e) {
      return null;
    }
    Node b = defn.body;
    if (b.level != 0 || b.impure || b.effect || b.readsSearch) {
      return null;
    }
    Node call = new Nodes.Call(od.body().span(), defn, new Node[0], new Nodes.ArgOp[0], -1);
    call.level = 0;
    call.vars = b.vars;
    return new Nodes.Cached(call);
  }

  int[] letDefs(List<Unit.Definition> defs) {
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
          Node hoisted = constantLetBody(od);
          lv.body = hoisted != null ? hoisted : expr(od.body());
          scope.put(od.name(), lv);
        } else {
          Scope.LetOp lo = (Scope.LetOp) scope.find(od.name()).local();
          compiler.compileBody(lo.defn, od.params(), od.body(), env, scope);
        }
      } else if (d instanceof Unit.FunctionDef fd) {
        Scope.LetFun lf = (Scope.LetFun) scope.find(fd.name()).local();
        compiler.compileFun(lf.defn, fd, env, scope);
      } else if (d instanceof Unit.InstanceDef id) {
        if (id.name() == null) {
          throw semantic(id.span(), "An unnamed INSTANCE inside LET is not supported.");
        }
        scope.put(id.name(), new Scope.LetInstance(id, scope));
      }
    }
    return slots.stream().mapToInt(Integer::intValue).toArray();
  }

  // ------------------------------------------------------------ built-in keywords

  Node builtin(Expr.OpApp op, String name, List<Expr> args) {
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
      // the next-state action generates compositions (Act.Compose); as a formula, on a step
      return new Composition(sp, new Act.Compose(sp, act(args.get(0), false), act(args.get(1), false)));
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
        case Operators.CUP:
        case Operators.CAP:
        case Operators.SETMINUS:
          return compiler.natives.setOp(sp, name, expr(args.get(0)), expr(args.get(1)));
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
          return compiler.natives.not(sp, expr(args.get(0)));
        case Operators.SUBSET:
        case Operators.UNION:
        case Operators.DOMAIN:
          return compiler.natives.setOp(sp, name, expr(args.get(0)), null);
        case Operators.PRIME:
          return prime(sp, args.get(0));
        case Operators.UNCHANGED: {
          Node sub = expr(args.get(0));
          return new Nodes.Eq(sp, new Nodes.Prime(sp, sub), sub, false);
        }
        case Operators.ENABLED:
          return new Enabled(sp, enabledArgument(args.get(0)), enabledCut());
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

  Node prime(Span sp, Expr arg) {
    if (arg instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty()) {
      Resolved r = resolve(v.name());
      Symbols.Instantiation cutFrom = phantom(v.name(), r);
      if (cutFrom != null) {
        Node replaced = r.sym instanceof VarSym vs ? new Nodes.PrimedVar(sp, vs.slot, vs.name)
            : new Nodes.Prime(sp, ((Nodes.CutVar) expr(arg)).inner);
        return new Nodes.CutVar(sp, cutFrom, compiler.phantomSlot(v.name()), v.name(), replaced, true);
      }
      if (r != null && r.sym instanceof VarSym vs) {
        return new Nodes.PrimedVar(sp, vs.slot, vs.name);
      }
    }
    return new Nodes.Prime(sp, expr(arg));
  }

  // ------------------------------------------------------------ compiled by the other layers

  /** An operator application (see {@link CallCompiler}). */
  abstract Node opApp(Expr.OpApp op);

  /** A function application {@code f[a]} (see {@link CallCompiler}). */
  abstract Node funApp(Expr.FunApp fa);

  /** {@code e} as an action (see {@link ActionCompiler}). */
  abstract Act act(Expr e, boolean init);

  /** The action under ENABLED (see {@link ActionCompiler}). */
  abstract Act enabledArgument(Expr arg);
}
