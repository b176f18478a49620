package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.EvalError;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.Value;
import java.util.Iterator;

/**
 * A compiled action (or initial predicate), evaluated as TLC does to generate states: conjuncts
 * left to right with the rest of the conjunction as a continuation, disjuncts in order,
 * {@code \E} over its domain in canonical order, {@code x' = e} binding an unassigned variable
 * and {@code x' \in S} enumerating S. Every complete assignment reaches the continuation.
 */
abstract class Act {
  final Span span;
  /** Whether errors below this node list its span (TLC lists conjuncts, not disjunctions). */
  final boolean traced;

  Act(Span span, boolean traced) {
    this.span = span;
    this.traced = traced;
  }

  /** What to do with a (partial) assignment that satisfied the action so far. */
  interface Cont {
    void go(Ctx c);
  }

  abstract void gen(Ctx c, Frame f, Cont k);

  final void run(Ctx c, Frame f, Cont k) {
    if (!traced) {
      gen(c, f, k);
      return;
    }
    try {
      gen(c, f, k);
    } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
      throw EvalException.located(e, span);
    }
  }

  static Value[] target(Ctx c, boolean init) {
    return init ? c.cur : c.nxt;
  }

  /** A condition: continues when TRUE. */
  static final class Guard extends Act {
    final Node cond;

    Guard(Node cond) {
      super(cond.span, true);
      this.cond = cond;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      if (cond.evalBool(c, f)) {
        k.go(c);
      }
    }
  }

  /** {@code x' = e} (or {@code x = e} in an initial predicate). */
  static final class Assign extends Act {
    final int slot;
    final Node value;
    final boolean init;

    Assign(Span span, int slot, Node value, boolean init) {
      super(span, true);
      this.slot = slot;
      this.value = value;
      this.init = init;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Value[] t = target(c, init);
      Value v = value.eval(c, f);
      if (t[slot] == null) {
        t[slot] = v;
        try {
          k.go(c);
        } finally {
          t[slot] = null;
        }
      } else if (t[slot].tlaEquals(v)) {
        k.go(c);
      }
    }
  }

  /**
   * {@code A \cdot B}, action composition: the steps s -> t for which some state u has
   * A(s, u) and B(u, t). A is generated from s into a fresh state u, which must be complete;
   * B is then generated from u into the step's next state; what follows the composition sees
   * s again as the current state.
   */
  static final class Compose extends Act {
    final Act first;
    final Act second;

    Compose(Span span, Act first, Act second) {
      super(span, true);
      this.first = first;
      this.second = second;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Value[] s = c.cur;
      Value[] t = c.nxt;
      Value[] mid = new Value[t.length];
      c.nxt = mid;
      try {
        first.run(c, f, c1 -> {
          for (int i = 0; i < mid.length; i++) {
            if (mid[i] == null) {
              throw EvalException.eval("The first action of \\cdot does not assign a value to every variable"
                  + " (the variable in slot " + i + " is left unassigned).");
            }
          }
          Value[] u = mid.clone();
          c.cur = u;
          c.nxt = t;
          try {
            second.run(c, f, c2 -> {
              c.cur = s;
              try {
                k.go(c);
              } finally {
                c.cur = u;
              }
            });
          } finally {
            c.cur = s;
            c.nxt = mid;
          }
        });
      } finally {
        c.cur = s;
        c.nxt = t;
      }
    }
  }

  /** {@code x' \in S} (or {@code x \in S} in an initial predicate). */
  static final class InSet extends Act {
    final int slot;
    final Node set;
    final boolean init;

    InSet(Span span, int slot, Node set, boolean init) {
      super(span, true);
      this.slot = slot;
      this.set = set;
      this.init = init;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Value[] t = target(c, init);
      SetValue s = set.evalSet(c, f);
      if (t[slot] != null) {
        if (s.contains(t[slot])) {
          k.go(c);
        }
        return;
      }
      try {
        SetValue d = Binders.domain(s);
        int count = Binders.count(d);
        Iterator<Value> it = Binders.iterator(d, count);
        for (int j = 0; count < 0 ? it.hasNext() : j < count; j++) {
          t[slot] = count < 0 ? it.next() : Binders.at(d, j);
          k.go(c);
        }
      } finally {
        t[slot] = null;
      }
    }
  }

  /** {@code UNCHANGED <<x, y>>}: binds each primed variable to its current value. */
  static final class Unchanged extends Act {
    final int[] slots;

    Unchanged(Span span, int[] slots) {
      super(span, true);
      this.slots = slots;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      step(c, 0, k);
    }

    private void step(Ctx c, int i, Cont k) {
      if (i == slots.length) {
        k.go(c);
        return;
      }
      int s = slots[i];
      Value v = c.cur[s];
      if (c.nxt[s] == null) {
        c.nxt[s] = v;
        try {
          step(c, i + 1, k);
        } finally {
          c.nxt[s] = null;
        }
      } else if (c.nxt[s].tlaEquals(v)) {
        step(c, i + 1, k);
      }
    }
  }

  static final class And extends Act {
    final Act[] items;
    /** This conjunction's number, indexing its reusable continuation in each {@link Ctx}. */
    final int id;

    And(Span span, Act[] items, int id) {
      super(span, true);
      this.items = items;
      this.id = id;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Conjuncts cs = c.takeConjuncts(id);
      if (cs == null) {
        // first use in this context, or re-entered (ENABLED of an action inside itself)
        cs = new Conjuncts(items);
      }
      cs.start(f, k);
      try {
        cs.go(c);
      } finally {
        cs.start(null, null);
        c.giveBackConjuncts(id, cs);
      }
    }
  }

  /**
   * The continuation of every conjunct of one {@link And} evaluation: one object instead of a
   * closure per conjunct. {@code next} is the conjunct to run when the current one succeeds;
   * conjuncts call {@link #go} strictly nested (a later conjunct's calls return before an
   * earlier one calls again), so restoring it on return keeps it right.
   */
  static final class Conjuncts implements Cont {
    private final Act[] items;
    private Frame f;
    private Cont k;
    private int next;

    Conjuncts(Act[] items) {
      this.items = items;
    }

    /** Prepares for one evaluation of the conjunction in frame {@code f} continuing with {@code k}. */
    void start(Frame f, Cont k) {
      this.f = f;
      this.k = k;
      this.next = 0;
    }

    @Override
    public void go(Ctx c) {
      int i = next;
      if (i == items.length) {
        k.go(c);
        return;
      }
      next = i + 1;
      try {
        items[i].run(c, f, this);
      } finally {
        next = i;
      }
    }
  }

  static final class Or extends Act {
    final Act[] items;

    Or(Span span, Act[] items) {
      super(span, false);
      this.items = items;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      for (Act a : items) {
        a.run(c, f, k);
      }
    }
  }

  static final class Exists extends Act {
    final Binders binders;
    final Act body;

    Exists(Span span, Binders binders, Act body) {
      super(span, true);
      this.binders = binders;
      this.body = body;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      binders.forEach(c, f, (c2, f2) -> {
        body.run(c2, f2, k);
        return true;
      });
    }
  }

  /**
   * {@code \A x \in S : A} in an action, as TLC evaluates it: the conjunction of A for every
   * element, left to right in S's order, so that the first element's A may assign primed
   * variables and the others' see them.
   */
  static final class ForAll extends Act {
    final Binders binders;
    final Act body;

    ForAll(Span span, Binders binders, Act body) {
      super(span, true);
      this.binders = binders;
      this.body = body;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      int[] slots = slots();
      java.util.List<Object[]> bindings = new java.util.ArrayList<>();
      binders.forEach(c, f, (c2, f2) -> {
        Object[] b = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
          b[i] = f2.slots[slots[i]];
        }
        bindings.add(b);
        return true;
      });
      conjoin(c, f, k, slots, bindings, 0);
    }

    private void conjoin(Ctx c, Frame f, Cont k, int[] slots, java.util.List<Object[]> bindings,
        int i) {
      if (i == bindings.size()) {
        k.go(c);
        return;
      }
      bind(f, slots, bindings.get(i));
      body.run(c, f, c2 -> {
        conjoin(c2, f, k, slots, bindings, i + 1);
        // the body may go on to other solutions: give it back its own element
        bind(f, slots, bindings.get(i));
      });
    }

    private static void bind(Frame f, int[] slots, Object[] values) {
      for (int j = 0; j < slots.length; j++) {
        f.slots[slots[j]] = values[j];
      }
    }

    private int[] slots() {
      int n = 0;
      for (Binders.One b : binders.items) {
        n += b.slots.length;
      }
      int[] out = new int[n];
      int i = 0;
      for (Binders.One b : binders.items) {
        for (int s : b.slots) {
          out[i++] = s;
        }
      }
      return out;
    }
  }

  static final class If extends Act {
    final Node cond;
    final Act then;
    final Act otherwise;

    If(Span span, Node cond, Act then, Act otherwise) {
      super(span, true);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      if (cond.evalBool(c, f)) {
        then.run(c, f, k);
      } else {
        otherwise.run(c, f, k);
      }
    }
  }

  static final class Case extends Act {
    final Node[] guards;
    final Act[] arms;
    final Act other;

    Case(Span span, Node[] guards, Act[] arms, Act other) {
      super(span, true);
      this.guards = guards;
      this.arms = arms;
      this.other = other;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      for (int i = 0; i < guards.length; i++) {
        if (guards[i].evalBool(c, f)) {
          arms[i].run(c, f, k);
          return;
        }
      }
      if (other == null) {
        throw EvalException.eval("Attempted to evaluate a CASE with no conditions true.\n" + span.describe());
      }
      other.run(c, f, k);
    }
  }

  static final class Let extends Act {
    final int[] slots;
    final Act body;

    Let(Span span, int[] slots, Act body) {
      super(span, true);
      this.slots = slots;
      this.body = body;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      for (int s : slots) {
        f.slots[s] = null;
      }
      body.run(c, f, k);
    }
  }

  /** A user-defined operator used as an action: its body's action form in a new frame. */
  static final class Call extends Act {
    final OpDefn def;
    final boolean init;
    final Node[] args;
    final Nodes.ArgOp[] opArgs;
    final int envDepth;

    Call(Span span, OpDefn def, boolean init, Node[] args, Nodes.ArgOp[] opArgs, int envDepth) {
      super(span, false);
      this.def = def;
      this.init = init;
      this.args = args;
      this.opArgs = opArgs;
      this.envDepth = envDepth;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Frame nf = new Frame(init ? def.initFrameSize : def.actFrameSize, envDepth < 0 ? null : f.at(envDepth));
      for (int i = 0; i < args.length; i++) {
        nf.slots[i] = opArgs[i] != null ? opArgs[i].make(c, f) : Thunk.pass(args[i], c, f, false);
      }
      (init ? def.initAct : def.act).run(c, nf, k);
    }
  }
}
