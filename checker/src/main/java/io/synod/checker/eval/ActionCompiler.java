package io.synod.checker.eval;

import static io.synod.checker.eval.Compiler.semantic;
import static io.synod.checker.eval.Compiler.MAX_DEF_CHAIN;

import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.FunSym;
import io.synod.checker.eval.Symbols.InstSym;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.SubstSym;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.eval.Symbols.VarSym;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import io.synod.checker.value.BoolValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions of the compile context, compiled into {@link Act}s that generate successor
 * states as TLC does: conjunctions and disjunctions, assignments to primed (or, in Init,
 * unprimed) variables, UNCHANGED, {@code \E}/{@code \A} over actions, IF/CASE/LET, calls of
 * definitions as actions, ENABLED's argument.
 */
final class ActionCompiler extends CallCompiler {
  ActionCompiler(Compiler compiler, ModuleEnv env, Scope scope) {
    super(compiler, env, scope);
  }


  /** The state-variable slot {@code e} assigns: {@code x'} (next) or {@code x} (init); else -1. */
  int target(Expr e, boolean init) {
    return init ? varSlot(e, 0) : primedVarSlot(e, 0);
  }

  /**
   * The slot of the variable {@code x} when {@code e} is {@code x'}, also through definitions
   * without parameters ({@code a == x'}, module level or LET), as TLC finds the variable an
   * equation assigns; else -1.
   */
  int primedVarSlot(Expr e, int depth) {
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
          : compiler.at(d.env, new Scope(null)).primedVarSlot(d.def.body(), depth + 1);
    }
    Resolved r = resolve(p.name());
    if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
      return compiler.at(d.env, new Scope(null)).primedVarSlot(d.def.body(), depth + 1);
    }
    if (r != null && r.local != null && r.local.local() instanceof Scope.LetVal lv
        && replaced(lv.body) instanceof Nodes.PrimedVar pv) {
      return pv.slot;
    }
    if (r != null && r.local != null && r.local.local() instanceof Scope.InlineArg ia
        && replaced(ia.arg) instanceof Nodes.PrimedVar pv) {
      // a parameter of a definition inlined here, passed x' (Set(x', e) with Set(v, n) == v = n):
      // TLC looks through the parameter to the variable its argument names
      return pv.slot;
    }
    return -1;
  }

  /** {@code n}, or what it stands for outside the ENABLED probes that cut its substitution off. */
  static Node replaced(Node n) {
    return n instanceof Nodes.CutVar cv ? cv.inner : n;
  }

  /** A variable's own slot in the probe of an ENABLED cutting its instantiation's substitutions off. */
  record CutRef(Symbols.Instantiation inst, int slot) {}

  /**
   * When {@code e} is {@code x'} ({@code primed}) or {@code x} for a variable {@code x} of an
   * instantiated module replaced by a substitution (directly, through definitions without
   * parameters, or through a parameter or LET name standing for it, as {@link #primedVarSlot}
   * looks), where it is cut off: its slot there; else null.
   */
  CutRef cutTarget(Expr e, boolean primed, int depth) {
    if (e instanceof Expr.Label l) {
      return cutTarget(l.body(), primed, depth);
    }
    if (!(e instanceof Expr.OpApp p) || depth > MAX_DEF_CHAIN || !p.path().isEmpty()) {
      return null;
    }
    if (primed && Operators.PRIME.equals(p.name()) && p.args().size() == 1) {
      return cutTarget(p.args().get(0), false, depth + 1);
    }
    if (!p.args().isEmpty()) {
      return null;
    }
    Resolved r = resolve(p.name());
    if (!primed) {
      Symbols.Instantiation from = phantom(p.name(), r);
      if (from != null) {
        return new CutRef(from, compiler.phantomSlot(p.name()));
      }
    }
    if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
      return compiler.at(d.env, new Scope(null)).cutTarget(d.def.body(), primed, depth + 1);
    }
    Node stands = r == null || r.local == null ? null
        : r.local.local() instanceof Scope.LetVal lv ? lv.body
        : r.local.local() instanceof Scope.InlineArg ia ? ia.arg : null;
    if (stands instanceof Nodes.CutVar cv && cv.primed == primed) {
      return new CutRef(cv.inst, cv.slot);
    }
    return null;
  }

  /** Whether {@code UNCHANGED e} names a variable {@link #cutTarget} finds, as a part of a tuple or definition. */
  private boolean unchangesCut(Expr e, int depth) {
    if (depth > 20) {
      return false;
    }
    if (cutTarget(e, false, 0) != null) {
      return true;
    }
    if (e instanceof Expr.Tuple t) {
      for (Expr x : t.elements()) {
        if (unchangesCut(x, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty()) {
      Resolved r = resolve(v.name());
      if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
        return compiler.at(d.env, new Scope(null)).unchangesCut(d.def.body(), depth + 1);
      }
    }
    return false;
  }

  /** The definition {@code I!J!Op} names through instances without arguments, or null. */
  DefSym instanceDef(Expr.OpApp op) {
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
  int varSlot(Expr e, int depth) {
    if (e instanceof Expr.Label l) {
      return varSlot(l.body(), depth);
    }
    if (e instanceof Expr.OpApp v && !v.path().isEmpty() && v.args().isEmpty() && depth <= MAX_DEF_CHAIN) {
      DefSym d = instanceDef(v);
      return d == null || !d.def.params().isEmpty() ? -1
          : compiler.at(d.env, new Scope(null)).varSlot(d.def.body(), depth + 1);
    }
    if (e instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty() && depth <= MAX_DEF_CHAIN) {
      Resolved r = resolve(v.name());
      if (r != null && r.sym instanceof VarSym vs) {
        return vs.slot;
      }
      if (r != null && r.sym instanceof SubstSym ss && ss.node() instanceof Nodes.Var var) {
        return var.slot;
      }
      if (r != null && r.sym instanceof DefSym d && d.def.params().isEmpty()) {
        return compiler.at(d.env, new Scope(null)).varSlot(d.def.body(), depth + 1);
      }
      if (r != null && r.local != null && r.local.local() instanceof Scope.LetVal lv
          && replaced(lv.body) instanceof Nodes.Var var) {
        return var.slot;
      }
      if (r != null && r.local != null && r.local.local() instanceof Scope.InlineArg ia
          && replaced(ia.arg) instanceof Nodes.Var var) {
        // a parameter passed the variable itself (Init == Set(x, 0)), as for x' above
        return var.slot;
      }
    }
    return -1;
  }

  /** The variables of {@code UNCHANGED e} when e is a variable or a tuple of them (via definitions). */
  List<Integer> unchangedSlots(Expr e, int depth) {
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
        return compiler.at(d.env, new Scope(null)).unchangedSlots(d.def.body(), depth + 1);
      }
    }
    return null;
  }

  /**
   * {@code UNCHANGED <<v, e, ...>>} with parts that are not variables, taken part by part as TLC
   * does: each variable is assigned its current value (when not yet assigned), each other
   * expression is compared with its primed value, in the order written.
   */
  private Act unchangedParts(Expr e, int depth) {
    CutRef cut = cutTarget(e, false, 0);
    if (cut != null) {
      // TLC gives the variable cut off its current value, the replacement's
      int slot = varSlot(e, 0);
      Act normal = slot >= 0 ? new Act.Unchanged(e.span(), new int[] {slot})
          : new Act.Guard(expr(new Expr.OpApp(e.span(), List.of(), Operators.UNCHANGED,
              io.synod.checker.syntax.ast.Fixity.PREFIX, List.of(e))));
      return new Act.Cut(e.span(), cut.inst(), new Act.Assign(e.span(), cut.slot(), expr(e), false), normal);
    }
    boolean cutPart = unchangesCut(e, depth);
    List<Integer> slots = cutPart ? null : unchangedSlots(e, 0);
    if (slots != null) {
      return new Act.Unchanged(e.span(), slots.stream().mapToInt(Integer::intValue).toArray());
    }
    if (cutPart && e instanceof Expr.OpApp v && v.path().isEmpty() && v.args().isEmpty() && depth <= 20
        && resolve(v.name()) != null && resolve(v.name()).sym instanceof DefSym d && d.def.params().isEmpty()) {
      // a definition of a tuple with variables cut off: its parts, as TLC looks into it
      return compiler.at(d.env, new Scope(null)).unchangedParts(d.def.body(), depth + 1);
    }
    if (e instanceof Expr.Tuple t && !t.elements().isEmpty() && depth <= 20) {
      Act[] items = new Act[t.elements().size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = unchangedParts(t.elements().get(i), depth + 1);
      }
      return new Act.And(e.span(), items, compiler.conjunctions++);
    }
    return new Act.Guard(expr(new Expr.OpApp(e.span(), List.of(), Operators.UNCHANGED,
        io.synod.checker.syntax.ast.Fixity.PREFIX, List.of(e))));
  }

  Act act(Expr e, boolean init) {
    Span sp = e.span();
    if (e instanceof Expr.Junction j) {
      Act[] items = new Act[j.items().size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = act(j.items().get(i), init);
      }
      return j.kind() == Expr.JunctionKind.AND ? new Act.And(sp, items, compiler.conjunctions++) : new Act.Or(sp, items);
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
    if (!init && e instanceof Expr.AngleAction aa) {
      // <<A>>_v as a step (under ENABLED, in a next-state relation): A's assignments, then
      // v' # v on the step they made, as TLC evaluates it
      Node sub = expr(aa.subscript());
      Node changed = new Nodes.Eq(sp, sub, new Nodes.Prime(sp, sub), true);
      return new Act.And(sp, new Act[] {act(aa.action(), false), new Act.Guard(changed)},
          compiler.conjunctions++);
    }
    if (!init && e instanceof Expr.BoxAction ba) {
      // [A]_v as a step: A, or a step leaving v unchanged
      return new Act.Or(sp, new Act[] {act(ba.action(), false), act(new Expr.OpApp(sp, List.of(),
          Operators.UNCHANGED, io.synod.checker.syntax.ast.Fixity.PREFIX, List.of(ba.subscript())), false)});
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
        return name.equals(Operators.AND) ? new Act.And(sp, items, compiler.conjunctions++) : new Act.Or(sp, items);
      }
      if (args.size() == 2 && name.equals(Operators.IMPLIES) && resolve(name) == null) {
        Act then = act(args.get(1), init);
        if (!(then instanceof Act.Guard)) {
          // P => A generates A's states when P holds, else goes on as it is (as TLC does)
          return new Act.If(sp, expr(args.get(0)), then, new Act.Guard(new Nodes.Const(sp, BoolValue.TRUE)));
        }
      }
      if (args.size() == 2 && (name.equals(Operators.EQ) || name.equals(Operators.IN))) {
        CutRef cut = init ? null : cutTarget(args.get(0), true, 0);
        int slot = target(args.get(0), init);
        if (slot >= 0 || cut != null) {
          Node rhs = expr(args.get(1));
          Act normal = slot < 0 ? new Act.Guard(expr(e)) : name.equals(Operators.EQ)
              ? new Act.Assign(sp, slot, rhs, init) : new Act.InSet(sp, slot, fold(rhs), init);
          return cut == null ? normal : new Act.Cut(sp, cut.inst(), name.equals(Operators.EQ)
              ? new Act.Assign(sp, cut.slot(), rhs, false) : new Act.InSet(sp, cut.slot(), fold(rhs), false),
              normal);
        }
      }
      if (args.size() == 2 && name.equals(Operators.SUBSETEQ) && resolve(name) == null) {
        // as TLC: x \subseteq S (x' \subseteq S) with x not yet assigned enumerates SUBSET S
        int slot = target(args.get(0), init);
        if (slot >= 0) {
          Expr powerset = new Expr.OpApp(args.get(1).span(), List.of(), Operators.SUBSET,
              io.synod.checker.syntax.ast.Fixity.PREFIX, List.of(args.get(1)));
          return new Act.InSet(sp, slot, fold(expr(powerset)), init);
        }
      }
      if (!init && args.size() == 2 && name.equals(Operators.CDOT)) {
        return new Act.Compose(sp, act(args.get(0), false), act(args.get(1), false));
      }
      if (!init && args.size() == 1 && name.equals(Operators.UNCHANGED)) {
        if (unchangesCut(args.get(0), 0)) {
          return unchangedParts(args.get(0), 0);
        }
        List<Integer> slots = unchangedSlots(args.get(0), 0);
        if (slots != null) {
          return new Act.Unchanged(sp, slots.stream().mapToInt(Integer::intValue).toArray());
        }
        if (args.get(0) instanceof Expr.Tuple) {
          return unchangedParts(args.get(0), 0);
        }
      }
      if (builtinName(name, args.size())) {
        return new Act.Guard(expr(e));
      }
      Resolved r = resolve(name);
      if (!init && args.isEmpty() && r != null && r.local != null) {
        // a parameter standing for an action passed to it
        if (r.local.local() instanceof Scope.InlineArg ia && compiler.argActs.get(ia.arg) != null) {
          return new Act.ArgAction(sp, r.local.depth(), -1, compiler.argActs.get(ia.arg), null,
              new Act.Guard(expr(e)));
        }
        if (r.local.local() instanceof Scope.ValLocal v && !compiler.argActs.isEmpty()) {
          return new Act.ArgAction(sp, r.local.depth(), v.slot, null, compiler.argActs, new Act.Guard(expr(e)));
        }
      }
      if (!init && r != null && r.local != null && r.local.local() instanceof Scope.OpParam p && !args.isEmpty()) {
        // A(x) where A is an operator parameter: the action of the operator passed for it
        Node[] vals = new Node[args.size()];
        for (int i = 0; i < vals.length; i++) {
          vals[i] = expr(args.get(i));
        }
        return new Act.ParamCall(sp, r.local.depth(), p.slot, vals, new Act.Guard(expr(e)));
      }
      if (r != null && r.sym instanceof DefSym d && d.env.inst.atSite) {
        return actAtSite(sp, d, args, init);
      }
      if (r != null && r.sym instanceof DefSym d) {
        return actCall(sp, compiler.defn(d), d.def.params(), args, -1, d, init);
      }
      if (r != null && r.local != null && r.local.local() instanceof Scope.LetOp lo) {
        return actCall(sp, lo.defn, lo.def.params(), args, r.local.depth(), null, init);
      }
    }
    if (e instanceof Expr.OpApp op && !op.path().isEmpty() && resolve(op.path().get(0).name()) != null
        && resolve(op.path().get(0).name()).local == null
        && resolve(op.path().get(0).name()).sym instanceof DefSym d0) {
      // Init!1, Next!2!1: the selected part of a definition, as an action (its assignments)
      DefSym part = selectedPart(op, d0, 0);
      return actCall(sp, compiler.defn(part), part.def.params(), op.path().get(0).args(), -1, part, init);
    }
    if (e instanceof Expr.OpApp op && !op.path().isEmpty()) {
      // I!A, I(k)!A as an action: compile the instance's definition as an action; an instance
      // with parameters (or defined in a LET) is instantiated here, as an expression would be
      ModuleEnv target = env;
      for (Expr.InstanceStep step : op.path()) {
        Resolved found = step == op.path().get(0) ? resolve(step.name()) : null;
        Sym s = step == op.path().get(0) ? (found == null ? null : found.sym) : target.exported.get(step.name());
        target = instanceStep(step, found, s);
        if (target == null) {
          break;
        }
      }
      if (target != null && target.exported.get(op.name()) instanceof DefSym d) {
        requireArity(sp, op.name(), d.def.params().size(), op.args());
        if (d.env.inst.atSite) {
          return actAtSite(sp, d, op.args(), init);
        }
        return actCall(sp, compiler.defn(d), d.def.params(), op.args(), -1, d, init);
      }
    }
    return new Act.Guard(expr(e));
  }

  /**
   * The action under ENABLED, listed on errors as TLC's evaluation of ENABLED lists it: its own
   * position, then, for a definition of a module instantiated with substitutions, the INSTANCE
   * that substitutes (the body TLC evaluates is wrapped in those substitutions), then the body.
   */
  Act enabledArgument(Expr arg) {
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
  Act funApply(Expr.FunApp fa, boolean init) {
    if (!(fa.function() instanceof Expr.OpApp op) || !op.path().isEmpty() || !op.args().isEmpty()) {
      return null;
    }
    FunRef ref = funRef(resolve(op.name()));
    FunDefn fd = ref == null ? null : ref.defn();
    int envDepth = ref == null ? -1 : ref.envDepth();
    // a module-level definition TLC computed once is a constant, not a step
    if (fd == null || ref.envDepth() < 0 && fd.memo || fd.def == null || init) {
      return null;
    }
    if (fd.act == null && !fd.compilingAct) {
      fd.compilingAct = true;
      try {
        Scope s = new Scope(fd.parentScope);
        ActionCompiler cx = compiler.at(fd.env, s);
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

  boolean builtinName(String name, int arity) {
    return switch (name) {
      case "TRUE", "FALSE", "BOOLEAN", "STRING" -> arity == 0;
      default -> (arity == 2 && Operators.infix(name) != null && resolve(name) == null)
          || (arity == 1 && Operators.prefix(name) != null && resolve(name) == null)
          || (arity == 1 && Operators.postfix(name) != null && resolve(name) == null);
    };
  }

  /** Compiles the action form of definition {@code d} (its parameters in the first frame slots). */
  private void actionForm(DefSym d, OpDefn defn, boolean init) {
    Scope s = new Scope(null);
    Compiler.bindParams(s, d.def.params());
    Act body = compiler.at(d.env, s).act(d.def.body(), init);
    if (init) {
      defn.initAct = body;
      defn.initFrameSize = s.size;
    } else {
      defn.act = body;
      defn.actFrameSize = s.size;
    }
  }

  /**
   * A definition of an instance made at a site ({@code I(k)!A}, a LET instance) as an action:
   * compiled inline, since its substitutions are read in the site's frame. Never memoised by
   * its own arguments: its steps depend on the instance's arguments too.
   */
  private Act actAtSite(Span sp, DefSym d, List<Expr> args, boolean init) {
    return atSite(sp, d.def.name(), d, args, false, " as an action",
        (view, vals) -> compiler.at(d.env, view).act(d.def.body(), init));
  }

  Act actCall(Span sp, OpDefn defn, List<Param> params, List<Expr> args, int envDepth, DefSym d,
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
      actionForm(d, defn, init);
    }
    if (!init && !valuesOnly) {
      // a definition passed for an operator parameter may be applied as an action in the body
      for (int i = 0; i < args.size(); i++) {
        if (params.get(i).arity() > 0 && args.get(i) instanceof Expr.OpApp op && op.args().isEmpty()
            && op.path().isEmpty() && resolve(op.name()) != null && resolve(op.name()).sym instanceof DefSym od) {
          OpDefn odefn = compiler.defn(od);
          if (odefn.act == null && !odefn.compiling && !compiler.inlining.contains(od)) {
            try {
              actionForm(od, odefn, false);
            } catch (SpecException e) {
              // not usable as an action: applied, it is evaluated as a formula
            }
          }
        }
      }
    }
    if (d != null && valuesOnly && inlinable(d)) {
      Scope view = inlineScope(d, vals, false);
      compiler.inlining.add(d);
      try {
        // an action call is not traced itself: its body's action form stands in for it
        Act body = compiler.at(d.env, view).act(d.def.body(), init);
        compiler.inlinedBodies++;
        return init || body instanceof Act.Guard ? body
            : new Act.Memo(compiler.memoNumbered(defn), vals, body);
      } catch (SpecException e) {
        // compiled fine as a call: keep the call
      } finally {
        compiler.inlining.remove(d);
      }
    }
    Act call = new Act.Call(sp, defn, init, vals, ops, envDepth);
    return init || d == null || !valuesOnly || defn.act instanceof Act.Guard ? call
        : new Act.Memo(compiler.memoNumbered(defn), vals, call);
  }
}
