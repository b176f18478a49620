package io.synod.checker.eval;

import io.synod.checker.eval.Symbols.DefSym;
import io.synod.checker.eval.Symbols.InstSym;
import io.synod.checker.eval.Symbols.ModuleEnv;
import io.synod.checker.eval.Symbols.Sym;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the next-state relation into actions as TLC does before the search: disjunctions into
 * their disjuncts, {@code \E x \in S} with a constant S into one action per element (in
 * canonical order), and applications of defined operators (with constant arguments) into their
 * bodies, named after the operator. Whatever cannot be split further is one action.
 */
final class ActionSplitter {
  /** A split action: its label, compiled body, and the frame holding its bound values. */
  /**
   * One action: {@code def} the operator whose body it comes from (null for a part of an inline
   * next-state relation or an instance application), {@code whole} whether it is all of that body
   * (TLC's coverage names such an action by the operator alone, else adds its position).
   */
  record Split(ActionInfo info, Act act, Object[] bound, int frameSize, DefSym def, boolean whole) {}

  private final Compiler compiler;
  private final Ctx ctx;
  final List<Split> out = new ArrayList<>();

  ActionSplitter(Compiler compiler, Ctx ctx) {
    this.compiler = compiler;
    this.ctx = ctx;
  }

  /** Working state of one operator body being split: its scope and the values bound so far. */
  private static final class Level {
    final ModuleEnv env;
    final Scope scope;
    Object[] values = new Object[16];
    final String name;
    final List<Value> args;
    /** The operator whose body this level splits (null for an inline next-state action). */
    DefSym def;
    /** That body without its labels: a leaf that is all of it is the operator's application. */
    Expr whole;

    Level(ModuleEnv env, Scope scope, String name, List<Value> args) {
      this.env = env;
      this.scope = scope;
      this.name = name;
      this.args = args;
    }

    Frame frame() {
      Frame f = new Frame(Math.max(scope.size, values.length), null);
      System.arraycopy(values, 0, f.slots, 0, values.length);
      return f;
    }

    void grow() {
      if (values.length < scope.size) {
        values = Arrays.copyOf(values, Math.max(scope.size, values.length * 2));
      }
    }
  }

  void split(DefSym next) {
    Scope s = new Scope(null);
    enterDef(next, List.of(), s);
  }

  /**
   * Splits a next-state action written inline in a SPECIFICATION ({@code [][x' = x + 1]_x});
   * its parts that are not under a named operator are labelled {@code Action}, as TLC does.
   */
  void split(Expr next, ModuleEnv env) {
    Level lv = new Level(env, new Scope(null), "Action", List.of());
    lv.grow();
    split(next, lv);
  }

  private void enterDef(DefSym d, List<Value> argValues, Scope s) {
    List<Param> params = d.def.params();
    for (int i = 0; i < params.size(); i++) {
      s.put(params.get(i).name(), new Scope.ValLocal(s.newSlot()));
    }
    Level lv = new Level(d.env, s, d.def.name(), argValues);
    lv.def = d;
    Expr whole = d.def.body();
    while (whole instanceof Expr.Label l) {
      whole = l.body();
    }
    lv.whole = whole;
    lv.grow();
    for (int i = 0; i < argValues.size(); i++) {
      lv.values[i] = argValues.get(i);
    }
    split(d.def.body(), lv);
  }

  private void split(Expr e, Level lv) {
    if (e instanceof Expr.Label l) {
      split(l.body(), lv);
      return;
    }
    if (e instanceof Expr.Junction j && j.kind() == Expr.JunctionKind.OR) {
      for (Expr item : j.items()) {
        split(item, lv);
      }
      return;
    }
    if (e instanceof Expr.OpApp op && op.path().isEmpty() && op.name().equals(Operators.OR)
        && op.args().size() == 2) {
      split(op.args().get(0), lv);
      split(op.args().get(1), lv);
      return;
    }
    if (e instanceof Expr.Quant q && q.kind() == Expr.QuantKind.EXISTS && splitExists(q, lv)) {
      return;
    }
    if (e instanceof Expr.OpApp op && splitCall(op, lv)) {
      return;
    }
    leaf(e, lv);
  }

  private boolean splitExists(Expr.Quant q, Level lv) {
    ActionCompiler cx = compiler.at(lv.env, lv.scope);
    lv.scope.push();
    try {
      Binders b;
      try {
        b = cx.binders(q.binders());
      } catch (SpecException ex) {
        return false;
      }
      for (Binders.One one : b.items) {
        if (one.domain.level > 0 || one.domain.impure) {
          return false;
        }
      }
      lv.grow();
      Frame f = lv.frame();
      List<Object[]> bindings;
      try {
        bindings = b.bindings(ctx, f);
      } catch (EvalException ex) {
        return false;
      }
      Object[] saved = lv.values;
      for (Object[] binding : bindings) {
        lv.values = binding;
        split(q.body(), lv);
        lv.grow();
      }
      lv.values = saved;
      return true;
    } finally {
      lv.scope.pop();
    }
  }

  private boolean splitCall(Expr.OpApp op, Level lv) {
    if (Operators.infix(op.name()) != null && op.args().size() == 2
        || Operators.prefix(op.name()) != null && op.args().size() == 1) {
      if (lv.scope.find(op.name()) == null && lv.env.table.get(op.name()) == null) {
        return false;
      }
    }
    Sym s;
    if (op.path().isEmpty()) {
      if (lv.scope.find(op.name()) != null) {
        return false;
      }
      s = lv.env.table.get(op.name());
    } else {
      if (op.path().stream().anyMatch(step -> !step.args().isEmpty())) {
        return atSite(op, lv);
      }
      ModuleEnv target = lv.env;
      for (Expr.InstanceStep step : op.path()) {
        Sym is = step == op.path().get(0) ? lv.env.table.get(step.name()) : target.exported.get(step.name());
        if (!(is instanceof InstSym inst) || inst.target == null || !step.args().isEmpty()) {
          return false;
        }
        target = inst.target;
      }
      s = target.exported.get(op.name());
    }
    if (!(s instanceof DefSym d)) {
      return false;
    }
    for (Param p : d.def.params()) {
      if (p.arity() > 0) {
        return false;
      }
    }
    List<Value> args = new ArrayList<>();
    ActionCompiler cx = compiler.at(lv.env, lv.scope);
    for (Expr a : op.args()) {
      Node n;
      try {
        n = cx.expr(a);
      } catch (SpecException ex) {
        return false;
      }
      if (n.level > 0 || n.impure) {
        return false;
      }
      lv.grow();
      try {
        args.add(n.eval(ctx, lv.frame()));
      } catch (EvalException ex) {
        return false;
      }
    }
    enterDef(d, args, new Scope(null));
    return true;
  }

  /**
   * {@code I(k)!A(p)} with constant arguments: one action named as TLC names the instantiated
   * definition ({@code I!A}, its parameters the instance's then A's), located at A's body. It is
   * compiled in place, where the instance's arguments are read.
   */
  private boolean atSite(Expr.OpApp op, Level lv) {
    if (lv.scope.find(op.path().get(0).name()) != null) {
      return false;
    }
    ActionCompiler cx = compiler.at(lv.env, lv.scope);
    List<Expr> argExprs = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (Expr.InstanceStep step : op.path()) {
      argExprs.addAll(step.args());
      name.append(step.name()).append('!');
    }
    argExprs.addAll(op.args());
    name.append(op.name());
    List<Value> args = new ArrayList<>();
    Act act;
    try {
      for (Expr a : argExprs) {
        Node n = cx.expr(a);
        if (n.level > 0 || n.impure) {
          return false;
        }
        lv.grow();
        args.add(n.eval(ctx, lv.frame()));
      }
      act = cx.act(op, false);
    } catch (SpecException | EvalException ex) {
      return false;
    }
    if (act instanceof Act.Guard) {
      return false;
    }
    lv.grow();
    ActionInfo info = new ActionInfo(out.size(), name.toString(), args, act.span);
    out.add(new Split(info, act, lv.values.clone(), Math.max(lv.scope.size, lv.values.length), null, false));
    return true;
  }

  private void leaf(Expr e, Level lv) {
    ActionCompiler cx = compiler.at(lv.env, lv.scope);
    Act act = cx.act(e, false);
    if (lv.def != null && e == lv.whole && !(act instanceof Act.Guard)) {
      // the application of the operator to the level's arguments, as a call would be
      Node[] args = new Node[lv.args.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = new Nodes.Const(e.span(), lv.args.get(i));
      }
      Act.Memo memo = new Act.Memo(compiler.memoNumbered(compiler.defn(lv.def)), args, act);
      memo.site = compiler.memoSite();
      act = memo;
    }
    lv.grow();
    Span span = e.span();
    List<String> params = new ArrayList<>();
    if (lv.def != null && lv.def.def.params().size() == lv.args.size()) {
      for (Param p : lv.def.def.params()) {
        params.add(p.name());
      }
    }
    ActionInfo info = new ActionInfo(out.size(), lv.name, lv.args, span, params);
    out.add(new Split(info, act, lv.values.clone(), Math.max(lv.scope.size, lv.values.length), lv.def,
        lv.def != null && e == lv.whole));
  }
}
