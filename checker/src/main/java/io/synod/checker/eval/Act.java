package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.EvalError;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.Value;

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

  /**
   * This action as a condition on the complete assignment in place: TLC evaluates what remains
   * of a conjunction once every variable has a value, rather than enumerating its witnesses.
   */
  abstract boolean holds(Ctx c, Frame f);

  /**
   * Adds to {@code out} the steps {@link #gen} would make from the current state into an empty
   * next state, taken from what {@link CallMemo} kept of the search's generation there and
   * from conditions on the current state alone; false when that cannot tell them (then
   * {@code out} holds a part of them at most, and gen must be run).
   */
  boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
    return false;
  }

  /**
   * Whether {@link #keep} may evaluate {@code n}: it reads no primed variable, and evaluating it
   * once more (when keep fails after it and gen runs) changes nothing.
   */
  static boolean onState(Node n) {
    return n.level < 2 && !n.impure && !n.effect;
  }

  /** {@link #holds}, with this node's span on errors as {@link #run} adds it. */
  final boolean check(Ctx c, Frame f) {
    if (!traced) {
      return holds(c, f);
    }
    try {
      return holds(c, f);
    } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
      throw EvalException.located(e, span);
    }
  }

  final void run(Ctx c, Frame f, Cont k) {
    if (!traced) {
      gen(c, f, k);
      return;
    }
    try {
      gen(c, f, k);
    } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
      throw EvalException.located(e, span);
    } catch (CompiledSpec.SinkFailure e) {
      e.passing(span);
      throw e;
    }
  }

  /** An action listed at a position of its own on errors below it (see {@link Enabled}). */
  static final class Located extends Act {
    final Act body;

    Located(Span span, Act body) {
      super(span, true);
      this.body = body;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      body.run(c, f, k);
    }

    @Override
    boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
      return body.keep(c, f, out);
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return body.check(c, f);
    }
  }

  /**
   * An action on a variable of an instantiated module that a substitution replaces
   * ({@code x' = e}, {@code x' \in S}, {@code UNCHANGED x}): {@link #cut} on the variable's own
   * slot in the probe of an ENABLED that cuts the substitution off ({@link Enabled#cut}),
   * {@link #normal} on its replacement everywhere else.
   */
  static final class Cut extends Act {
    final Symbols.Instantiation inst;
    final Act cut;
    final Act normal;

    Cut(Span span, Symbols.Instantiation inst, Act cut, Act normal) {
      super(span, false);
      this.inst = inst;
      this.cut = cut;
      this.normal = normal;
    }

    private Act chosen(Ctx c) {
      return c.cut != null && c.nxt == c.enabledNext && c.cuts(inst) ? cut : normal;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      chosen(c).run(c, f, k);
    }

    @Override
    boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
      return normal.keep(c, f, out);
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return chosen(c).check(c, f);
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

    @Override
    boolean holds(Ctx c, Frame f) {
      return cond.evalBool(c, f);
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
        c.unassigned--;
        try {
          k.go(c);
        } finally {
          t[slot] = null;
          c.unassigned++;
        }
      } else if (t[slot].tlaEquals(v)) {
        k.go(c);
      }
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      Value v = value.eval(c, f);
      return target(c, init)[slot].tlaEquals(v);
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
    boolean holds(Ctx c, Frame f) {
      // with the next state complete, generating checks it: some intermediate state must lead to it
      boolean[] found = {false};
      gen(c, f, c2 -> found[0] = true);
      return found[0];
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Value[] s = c.cur;
      Value[] t = c.nxt;
      Value[] mid = new Value[t.length];
      // the count of unassigned variables follows the state being generated: mid, then t again
      int unassignedInT = c.unassigned;
      // TLC counts the complete states A reaches as generated, for a composition it meets while
      // generating the search's successors and not inside another composition
      boolean counting = c.countComposed;
      c.countComposed = false;
      c.nxt = mid;
      c.unassigned = mid.length;
      try {
        first.run(c, f, c1 -> {
          for (int i = 0; i < mid.length; i++) {
            if (mid[i] == null) {
              throw EvalException.eval("The first action of \\cdot does not assign a value to every variable"
                  + " (the variable in slot " + i + " is left unassigned).");
            }
          }
          if (counting) {
            c.composedIntermediates++;
          }
          Value[] u = mid.clone();
          int unassignedInMid = c.unassigned;
          c.cur = u;
          c.nxt = t;
          c.unassigned = unassignedInT;
          try {
            second.run(c, f, c2 -> {
              c.cur = s;
              c.countComposed = counting;
              try {
                k.go(c);
              } finally {
                c.cur = u;
                c.countComposed = false;
              }
            });
          } finally {
            c.cur = s;
            c.nxt = mid;
            c.unassigned = unassignedInMid;
          }
        });
      } finally {
        c.cur = s;
        c.nxt = t;
        c.unassigned = unassignedInT;
        c.countComposed = counting;
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
      c.unassigned--;
      try {
        for (Binders.Elements e = Binders.elements(s); e.hasNext();) {
          t[slot] = e.next();
          k.go(c);
        }
      } finally {
        t[slot] = null;
        c.unassigned++;
      }
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return set.evalSet(c, f).contains(target(c, init)[slot]);
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
        c.unassigned--;
        try {
          step(c, i + 1, k);
        } finally {
          c.nxt[s] = null;
          c.unassigned++;
        }
      } else if (c.nxt[s].tlaEquals(v)) {
        step(c, i + 1, k);
      }
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      for (int s : slots) {
        if (!c.nxt[s].tlaEquals(c.cur[s])) {
          return false;
        }
      }
      return true;
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

    /** Conditions on the current state, then one keepable conjunct: {@code i # j /\ A(i, j)}. */
    @Override
    boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
      int last = items.length - 1;
      for (int i = 0; i < last; i++) {
        if (!(items[i] instanceof Guard g) || !onState(g.cond)) {
          return false;
        }
      }
      for (int i = 0; i < last; i++) {
        if (!((Guard) items[i]).cond.evalBool(c, f)) {
          return true;
        }
      }
      return items[last].keep(c, f, out);
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return Conjuncts.allHold(items, 0, c, f);
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
      ConjunctProbe probe = c.probe;
      if (probe != null) {
        go(c, probe, i);
        return;
      }
      if (c.unassigned == 0) {
        // every variable has a value: TLC evaluates the remaining conjuncts as conditions
        if (allHold(items, i, c, f)) {
          k.go(c);
        }
        return;
      }
      next = i + 1;
      try {
        items[i].run(c, f, this);
      } finally {
        next = i;
      }
    }

    /** {@link #go} under a probe: the same outcome, with every conjunct reached recorded. */
    private void go(Ctx c, ConjunctProbe probe, int i) {
      if (c.unassigned == 0) {
        int j = i;
        for (; j < items.length; j++) {
          probe.reached(items[j].span, j - i);
          if (!items[j].check(c, f)) {
            return;
          }
        }
        probe.depth += j - i;
        try {
          k.go(c);
        } finally {
          probe.depth -= j - i;
        }
        return;
      }
      probe.reached(items[i].span, 0);
      next = i + 1;
      probe.depth++;
      try {
        items[i].run(c, f, this);
      } finally {
        probe.depth--;
        next = i;
      }
    }

    static boolean allHold(Act[] items, int from, Ctx c, Frame f) {
      for (int j = from; j < items.length; j++) {
        if (!items[j].check(c, f)) {
          return false;
        }
      }
      return true;
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

    @Override
    boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
      for (Act a : items) {
        if (!a.keep(c, f, out)) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      for (Act a : items) {
        if (a.check(c, f)) {
          return true;
        }
      }
      return false;
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

    @Override
    boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
      for (Binders.One b : binders.items) {
        if (!onState(b.domain)) {
          return false;
        }
      }
      return binders.forEach(c, f, (c2, f2) -> body.keep(c2, f2, out));
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      // the enumeration stops at the first witness
      return !binders.forEach(c, f, (c2, f2) -> !body.check(c2, f2));
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

    @Override
    boolean holds(Ctx c, Frame f) {
      return cond.evalBool(c, f) ? then.check(c, f) : otherwise.check(c, f);
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

    @Override
    boolean holds(Ctx c, Frame f) {
      for (int i = 0; i < guards.length; i++) {
        if (guards[i].evalBool(c, f)) {
          return arms[i].check(c, f);
        }
      }
      if (other == null) {
        throw EvalException.eval("Attempted to evaluate a CASE with no conditions true.\n" + span.describe());
      }
      return other.check(c, f);
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

    @Override
    boolean holds(Ctx c, Frame f) {
      for (int s : slots) {
        f.slots[s] = null;
      }
      return body.check(c, f);
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
      (init ? def.initAct : def.act).run(c, frame(c, f), k);
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return (init ? def.initAct : def.act).check(c, frame(c, f));
    }

    private Frame frame(Ctx c, Frame f) {
      Frame nf = new Frame(init ? def.initFrameSize : def.actFrameSize, envDepth < 0 ? null : f.at(envDepth));
      for (int i = 0; i < args.length; i++) {
        nf.slots[i] = opArgs[i] != null ? opArgs[i].make(c, f) : Thunk.pass(args[i], c, f, false);
      }
      return nf;
    }
  }

  /**
   * A parameter without arguments used as an action ({@code ENABLED d} in {@code B(d) == ENABLED
   * d}, applied as {@code B(Next)}): when the argument passed for it is an action, that
   * action's steps, in the caller's frame, as TLC computes ENABLED of the argument's expression
   * in the argument's own context; otherwise the parameter as a condition ({@code fallback}).
   * The argument was written outside any ENABLED cutting substitutions off in the body (TLC's
   * context of the argument has no branch), so it runs with none cut, the rest of the action
   * with the cut it had.
   */
  static final class ArgAction extends Act {
    final int depth;
    /** The frame slot of the parameter (a call passed its thunk), or -1 for a body compiled inline. */
    final int slot;
    /** The argument's action, for a body compiled inline. */
    final Act inline;
    final java.util.Map<Node, Act> argActs;
    final Act fallback;

    ArgAction(Span span, int depth, int slot, Act inline, java.util.Map<Node, Act> argActs, Act fallback) {
      super(span, false);
      this.depth = depth;
      this.slot = slot;
      this.inline = inline;
      this.argActs = argActs;
      this.fallback = fallback;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Frame at = f.at(depth);
      Act a = inline;
      if (slot >= 0) {
        a = at.slots[slot] instanceof Thunk t ? argActs.get(t.expr()) : null;
        at = a == null ? null : ((Thunk) at.slots[slot]).frame();
      }
      if (a == null) {
        fallback.run(c, f, k);
        return;
      }
      Symbols.Instantiation[] cut = c.cut;
      if (cut == null) {
        a.run(c, at, k);
        return;
      }
      c.cut = null;
      try {
        a.run(c, at, c2 -> {
          c.cut = cut;
          try {
            k.go(c2);
          } finally {
            c.cut = null;
          }
        });
      } finally {
        c.cut = cut;
      }
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return fallback.check(c, f);
    }
  }

  /**
   * {@code A(v1, ..., vn)} as an action where A is an operator parameter: when the operator passed
   * for it is a definition with an action form, that action with these arguments (so that
   * {@code Step(Act(_)) == Act(n)} called as {@code Step(Timeout)} generates Timeout's steps, as
   * TLC does); otherwise the application evaluated as a formula ({@code fallback}).
   */
  static final class ParamCall extends Act {
    final int depth;
    final int slot;
    final Node[] args;
    final Act fallback;

    ParamCall(Span span, int depth, int slot, Node[] args, Act fallback) {
      super(span, false);
      this.depth = depth;
      this.slot = slot;
      this.args = args;
      this.fallback = fallback;
    }

    /** The frame to run the passed definition's action in, or null when it has none. */
    private Frame frame(Ctx c, Frame f) {
      if (!(f.at(depth).slots[slot] instanceof Compiler.UserOp u) || u.defn.act == null
          || u.defn.arity != args.length) {
        return null;
      }
      Frame nf = new Frame(u.defn.actFrameSize, u.env);
      for (int i = 0; i < args.length; i++) {
        nf.slots[i] = Thunk.pass(args[i], c, f, false);
      }
      return nf;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Frame nf = frame(c, f);
      if (nf == null) {
        fallback.run(c, f, k);
      } else {
        ((Compiler.UserOp) f.at(depth).slots[slot]).defn.act.run(c, nf, k);
      }
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      Frame nf = frame(c, f);
      return nf == null ? fallback.check(c, f) : ((Compiler.UserOp) f.at(depth).slots[slot]).defn.act.check(c, nf);
    }
  }

  /**
   * An application of a defined operator as an action, {@code A(v1, ..., vn)} with values for
   * arguments: while a {@link CallMemo} is on for the current state, the steps it generates from
   * an empty next state are kept, and a later application of the same operator to equal values
   * from that state (the liveness checker's enumeration of a fairness action after the search
   * generated the state's successors) replays them instead of evaluating the body again.
   */
  static final class Memo extends Act {
    final OpDefn def;
    final Node[] args;
    final Act body;
    /**
     * The number of this application among those to constant arguments (the actions the
     * next-state relation is split into), set once when compiled; -1 for others. Its tag bit
     * is then looked up once per worker ({@link CallMemo.Apps#site}).
     */
    int site = -1;

    Memo(OpDefn def, Node[] args, Act body) {
      super(body.span, false);
      this.def = def;
      this.args = args;
      this.body = body;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      CallMemo m = c.memo;
      if (m == null || m.state == null || m.state != c.cur || c.nxt == null || c.unassigned != c.nxt.length
          || c.cut != null) {
        // (steps of a probe that cuts substitutions off are not the search's: neither kept nor replayed)
        body.run(c, f, k);
        return;
      }
      int id = def.memoId;
      CallMemo.Apps tags = m.tags;
      if (tags != null && !m.forAtoms && c.nxt == c.deliveryNext && tags.has(id)) {
        int bit = site >= 0 ? tags.site(site) : CallMemo.Apps.UNKNOWN;
        Value[] key = null;
        if (bit == CallMemo.Apps.UNKNOWN) {
          key = key(m, c, f);
          bit = key == null ? -1 : tags.find(id, key, args.length);
          if (site >= 0) {
            tags.site(site, bit);
          }
        }
        if (bit >= 0) {
          m.entering(bit);
          // one continuation object per application bit, reused (a new one if it is in use)
          Tagger t = m.taggers[bit] instanceof Tagger idle && idle.k == null ? idle : new Tagger(m, bit);
          m.taggers[bit] = t;
          t.k = k;
          try {
            memoGen(c, f, t, m, id, key);
          } finally {
            t.k = null;
          }
          m.applied |= 1L << bit;
          return;
        }
      }
      memoGen(c, f, k, m, id, null);
    }

    /** The arguments' values in {@code m}'s scratch array, or null when one is not known yet. */
    private Value[] key(CallMemo m, Ctx c, Frame f) {
      Value[] key = m.scratch(args.length);
      for (int i = 0; i < args.length; i++) {
        key[i] = value(args[i], c, f);
        if (key[i] == null) {
          return null;
        }
      }
      return key;
    }

    /** {@code key}: the arguments' values when already evaluated ({@link #key}), or null. */
    private void memoGen(Ctx c, Frame f, Cont k, CallMemo m, int id, Value[] key) {
      // the search keeps the steps of the operators the atoms were seen to apply, no others,
      // and only the outermost: the atoms look up the applications they make themselves
      if (m.forAtoms) {
        m.want(id);
      } else if (m.recording || !m.wanted(id)) {
        body.run(c, f, k);
        return;
      }
      if (key == null) {
        key = key(m, c, f);
        if (key == null) {
          body.run(c, f, k);
          return;
        }
      }
      if (m.forAtoms) {
        // the atoms apply an operator once per state: what they would record is never replayed
        java.util.List<Value[]> steps = m.get(id, key, args.length);
        if (steps != null) {
          replay(c, steps, k);
        } else {
          body.run(c, f, k);
        }
        return;
      }
      // the search applies an operator to the same arguments once per state (or seldom more:
      // then each application is kept, the same steps, and the last one found)
      Value[] kept = java.util.Arrays.copyOf(key, args.length);
      Recorder r = new Recorder(m, k);
      m.recording = true;
      try {
        body.run(c, f, r);
      } finally {
        m.recording = false;
      }
      m.put(id, kept, r.steps == null ? java.util.List.of() : r.steps);
    }

    /**
     * Goes on with each step of a tagged application with its bit in {@link Ctx#tag}, so that
     * the successors made of the step carry it, and notes what the step is like: whether it
     * changes the atoms' subscripts (ENABLED), leaves variables unassigned, reaches no successor.
     */
    private static final class Tagger implements Cont {
      private final CallMemo m;
      private final int bit;
      /** The application's continuation while it runs, null when idle. */
      Cont k;

      Tagger(CallMemo m, int bit) {
        this.m = m;
        this.bit = bit;
      }

      @Override
      public void go(Ctx c) {
        long b = 1L << bit;
        Value[] t = c.nxt;
        boolean complete = c.unassigned == 0;
        if (complete) {
          compare(c.cur, t);
        } else {
          m.partial |= b;
        }
        long saved = c.tag;
        int delivered = c.delivered;
        c.tag = saved | b;
        try {
          k.go(c);
        } finally {
          c.tag = saved;
        }
        if (complete && c.delivered == delivered) {
          m.undelivered(t.clone(), b);
        }
      }

      /** Notes the subscript groups the step {@code s -> t} changes, and those it cannot tell. */
      private void compare(Value[] s, Value[] t) {
        java.util.List<int[]> groups = m.tags.groups;
        for (int g = 0; g < groups.size(); g++) {
          long gb = 1L << g;
          if (((m.changed[bit] | m.unsure[bit]) & gb) != 0) {
            continue;
          }
          Boolean changes = StepAtom.changes(groups.get(g), s, t);
          if (changes == null) {
            m.unsure[bit] |= gb;
            m.unsureApps |= 1L << bit;
          } else if (changes) {
            m.changed[bit] |= gb;
          }
        }
      }
    }

    /** Keeps each step of the application, then goes on with it (most make none or one). */
    private static final class Recorder implements Cont {
      private final CallMemo m;
      private final Cont k;
      java.util.List<Value[]> steps;

      Recorder(CallMemo m, Cont k) {
        this.m = m;
        this.k = k;
      }

      @Override
      public void go(Ctx c) {
        if (steps == null) {
          steps = new java.util.ArrayList<>(2);
        }
        steps.add(c.nxt.clone());
        m.recording = false;
        try {
          k.go(c);
        } finally {
          m.recording = true;
        }
      }
    }

    /**
     * The steps kept for this application in {@code f} from the current state, or null (for
     * {@link #keep}: arguments on the current state are evaluated, errors thrown).
     */
    java.util.List<Value[]> kept(Ctx c, Frame f) {
      CallMemo m = c.memo;
      if (m == null || m.state == null || m.state != c.cur) {
        return null;
      }
      Value[] key = m.scratch(args.length);
      for (int i = 0; i < args.length; i++) {
        key[i] = value(args[i], c, f);
        if (key[i] == null) {
          if (!onState(args[i])) {
            return null;
          }
          // as the body would evaluate it ({@code Halve(x \div 2)}); an error: the caller enumerates
          key[i] = args[i].eval(c, f);
        }
      }
      m.want(def.memoId);
      return m.get(def.memoId, key, args.length);
    }

    @Override
    boolean keep(Ctx c, Frame f, java.util.List<Value[]> out) {
      java.util.List<Value[]> steps = kept(c, f);
      if (steps != null) {
        for (int i = 0; i < steps.size(); i++) {
          out.add(steps.get(i));
        }
        return true;
      }
      // not applied by the search here: its body may be made of applications that were
      return c.memo != null && c.memo.state == c.cur && body.keep(c, f, out);
    }

    private static void replay(Ctx c, java.util.List<Value[]> steps, Cont k) {
      Value[] t = c.nxt;
      for (Value[] r : steps) {
        int assigned = 0;
        for (int i = 0; i < r.length; i++) {
          if (r[i] != null) {
            t[i] = r[i];
            assigned++;
          }
        }
        c.unassigned -= assigned;
        try {
          k.go(c);
        } finally {
          for (int i = 0; i < r.length; i++) {
            if (r[i] != null) {
              t[i] = null;
            }
          }
          c.unassigned += assigned;
        }
      }
    }

    /** The argument's value when it is one already (a constant or a bound name), else null. */
    static Value value(Node a, Ctx c, Frame f) {
      while (true) {
        if (a instanceof Nodes.Const k) {
          return k.value;
        }
        if (a instanceof Nodes.Cached k) {
          // a constant computed once ({@code TakeOffice(i, Quorum)}); an error is the body's to report
          try {
            return k.ev(c, f);
          } catch (RuntimeException e) {
            return null;
          }
        }
        if (a instanceof Nodes.Local l) {
          Object v = (l.depth == 0 ? f : f.at(l.depth)).slots[l.slot];
          return v instanceof Value x ? x : null;
        }
        if (a instanceof Nodes.Arg g) {
          f = g.depth == 0 ? f : f.at(g.depth);
          a = g.arg;
          continue;
        }
        return null;
      }
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return body.check(c, f);
    }
  }

  /**
   * {@code \A x \in S : A}: as TLC generates states, the conjunction of A for every binding, each
   * a step of its own (A's witnesses multiply); TLC takes the first binding, then the others from
   * the last to the second.
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
      java.util.List<Object[]> bindings = binders.bindings(c, f);
      if (bindings.isEmpty()) {
        k.go(c);
        return;
      }
      int n = bindings.size();
      int[] order = new int[n];
      order[0] = 0;
      for (int i = 1; i < n; i++) {
        order[i] = n - i;
      }
      step(c, f, bindings, order, 0, k);
    }

    private void step(Ctx c, Frame f, java.util.List<Object[]> bindings, int[] order, int i, Cont k) {
      if (i == order.length) {
        k.go(c);
        return;
      }
      if (c.unassigned == 0) {
        for (int j = i; j < order.length; j++) {
          if (!body.check(c, withBinding(f, bindings.get(order[j])))) {
            return;
          }
        }
        k.go(c);
        return;
      }
      body.run(c, withBinding(f, bindings.get(order[i])), c2 -> step(c2, f, bindings, order, i + 1, k));
    }

    /** A frame like {@code f} holding one binding's values (nested steps must not share slots). */
    private Frame withBinding(Frame f, Object[] binding) {
      Frame nf = new Frame(f.slots.length, f.up);
      System.arraycopy(binding, 0, nf.slots, 0, Math.min(binding.length, nf.slots.length));
      return nf;
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return binders.forEach(c, f, (c2, f2) -> body.check(c2, f2));
    }
  }

  /**
   * {@code f[a]} for a function definition TLC has not computed as a table (a LET or recursive
   * definition): as TLC generates states, the body's witnesses for that argument.
   */
  static final class FunApply extends Act {
    final FunDefn fd;
    final Node[] args;
    final int envDepth;
    final Node whole;

    FunApply(Span span, FunDefn fd, Node[] args, int envDepth, Node whole) {
      super(span, true);
      this.fd = fd;
      this.args = args;
      this.envDepth = envDepth;
      this.whole = whole;
    }

    @Override
    void gen(Ctx c, Frame f, Cont k) {
      Value arg = Nodes.FunApp.argument(c, f, args);
      Frame nf = fd.actFrame(c, envDepth < 0 ? null : f.at(envDepth), arg, whole);
      fd.act.run(c, nf, k);
    }

    @Override
    boolean holds(Ctx c, Frame f) {
      return whole.evalBool(c, f);
    }
  }
}
