package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.EvalError;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.LambdaFcnValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.RecordValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.Arrays;

/** The compiled forms of TLA+'s core expressions (everything but named operators). */
final class Nodes {
  private Nodes() {}

  /** A node of two operands, both evaluated in the caller's frame. */
  abstract static class Binary extends Node {
    final Node a;
    final Node b;

    Binary(Span span, Node a, Node b) {
      super(span);
      this.a = dep(a);
      this.b = dep(b);
    }
  }

  static final class Const extends Node {
    final Value value;

    Const(Span span, Value value) {
      super(span);
      this.value = value;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return value;
    }
  }

  /** An unprimed state variable. */
  static final class Var extends Node {
    final int slot;
    final String name;

    Var(Span span, int slot, String name) {
      super(span);
      this.slot = slot;
      this.name = name;
      this.level = 1;
      this.vars = varBit(slot);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value v = c.cur == null ? null : c.cur[slot];
      if (c.cur == null) {
        // a constant formula (ASSUME, POSTCONDITION) has no state: TLC's message
        throw fail("In evaluation, the identifier " + name + " is either undefined or not an operator.");
      }
      if (v == null && c.cur == c.enabledNext) {
        // ENABLED's partial next state (read through a primed expression) knows only the
        // variables assigned so far, so TLC finds no such name, and says where it looked
        throw fail("In evaluation, the identifier " + name + " is either undefined or not an operator.\n"
            + span.describe());
      }
      if (v == null) {
        throw fail("The variable " + name + " was referenced before it was assigned a value.");
      }
      return v;
    }
  }

  /** A primed state variable {@code x'}. */
  static final class PrimedVar extends Node {
    final int slot;
    final String name;

    PrimedVar(Span span, int slot, String name) {
      super(span);
      this.slot = slot;
      this.name = name;
      this.level = 2;
      this.vars = varBit(slot);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value v = c.nxt == null ? null : c.nxt[slot];
      if (v == null) {
        throw fail("The primed variable " + name + "' was referenced before it was assigned a value"
            + " (or outside an action).");
      }
      return v;
    }
  }

  /**
   * A variable of an instantiated module that a substitution replaces by {@link #inner} (see
   * {@link Symbols.Instantiation#phantoms}). In the next state of an ENABLED probe that cuts
   * that substitution off ({@link Enabled#cut}), it is read from a slot of its own, by name, as
   * TLC reads it from its state function; everywhere else it is its replacement.
   */
  static final class CutVar extends Node {
    final Symbols.Instantiation inst;
    final int slot;
    final String name;
    final Node inner;
    /** {@code x'} rather than {@code x} (read in the next state wherever evaluated). */
    final boolean primed;

    CutVar(Span span, Symbols.Instantiation inst, int slot, String name, Node inner, boolean primed) {
      super(span);
      this.inst = inst;
      this.slot = slot;
      this.name = name;
      this.inner = dep(inner);
      this.primed = primed;
      // a variable, even where replaced by a constant: never folded
      this.level = Math.max(level, primed ? 2 : 1);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      if (c.cut != null && (primed ? c.nxt : c.cur) == c.enabledNext && c.cuts(inst)) {
        Value v = c.enabledNext[slot];
        if (v == null) {
          // TLC looks the name up in its state function, which has no such name yet
          throw fail("In evaluation, the identifier " + name + " is either undefined or not an operator.\n"
              + span.describe());
        }
        return v;
      }
      return inner.ev(c, f);
    }
  }

  /** {@code e'} for a compound {@code e}: evaluates {@code e} in the next state. */
  static final class Prime extends Node {
    final Node body;

    Prime(Span span, Node body) {
      super(span);
      this.body = dep(body);
      this.level = 2;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value[] saved = c.cur;
      if (c.nxt == null) {
        throw fail("A primed expression was evaluated outside an action.");
      }
      c.cur = c.nxt;
      // the next state is one level deeper: TLCGet("level")' is the successor's level, as in TLC
      c.level++;
      try {
        return body.eval(c, f);
      } finally {
        c.cur = saved;
        c.level--;
      }
    }
  }

  /** A bound variable or parameter: slot {@code slot} of the frame {@code depth} levels up. */
  static final class Local extends Node {
    final int depth;
    final int slot;

    Local(Span span, int depth, int slot) {
      super(span);
      this.depth = depth;
      this.slot = slot;
      this.closed = false;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Object v = (depth == 0 ? f : f.at(depth)).slots[slot];
      return v instanceof Thunk t ? t.force(c) : (Value) v;
    }
  }

  /** A zero-parameter LET definition: evaluated on first use, then cached in its frame slot. */
  static final class LetValue extends Node {
    final int depth;
    final int slot;
    Node body;

    LetValue(Span span, int depth, int slot) {
      super(span);
      this.depth = depth;
      this.slot = slot;
      this.closed = false;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Frame fr = depth == 0 ? f : f.at(depth);
      Object v = fr.slots[slot];
      if (v == null) {
        v = body.eval(c, fr);
        fr.slots[slot] = v;
      }
      return (Value) v;
    }
  }

  /** {@code LET ... IN body}: clears the cached LET values of this activation, then evaluates. */
  static final class Let extends Node {
    final int[] slots;
    final Node body;

    Let(Span span, int[] slots, Node body) {
      super(span);
      this.slots = slots;
      this.body = dep(body);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return clearThenEval(slots, body, c, f);
    }
  }

  /** Empties the caching {@code slots} of this activation, then evaluates {@code body}. */
  static Value clearThenEval(int[] slots, Node body, Ctx c, Frame f) {
    for (int s : slots) {
      f.slots[s] = null;
    }
    return body.eval(c, f);
  }

  /**
   * The expression a name stands for (a constant or variable an INSTANCE substitutes), listed on
   * errors at the name's position too: TLC lists each identifier it evaluates, then the
   * substituted expression.
   */
  static final class At extends Node {
    final Node body;

    At(Span span, Node body) {
      super(span);
      this.body = dep(body);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return body.eval(c, f);
    }
  }

  /** A closed constant expression, evaluated once on first use. */
  static final class Cached extends Node {
    final Node body;
    private volatile Value value;

    Cached(Node body) {
      super(body.span);
      this.body = dep(body);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value v = value;
      if (v == null) {
        // one value for the whole check, whichever worker (or cluster member) needs it first:
        // two workers racing would each draw a RandomElement and each keep its own
        synchronized (this) {
          v = value;
          if (v == null) {
            v = c.evalConstant(body, f);
            value = v;
          }
        }
      }
      return v;
    }
  }

  static final class And extends Node {
    final Node[] items;

    And(Span span, Node[] items) {
      super(span);
      this.items = items;
      for (Node n : items) {
        dep(n);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      for (Node n : items) {
        if (!n.evalBool(c, f)) {
          return BoolValue.FALSE;
        }
      }
      return BoolValue.TRUE;
    }
  }

  /**
   * Conjunct {@code index} of the {@code /\} list that is the whole body of the parameterless
   * definition {@code call} refers to, evaluated on its own: in a fresh frame of the
   * definition, with the same error locations as evaluating the definition (the conjunct's, the
   * list's, the reference's) and the same non-boolean error. Lets an invariant that is a
   * conjunction be checked conjunct by conjunct.
   */
  static final class Conjunct extends Node {
    final Node item;
    final Span list;
    final int frameSize;

    Conjunct(Call call, And and, int index) {
      super(call.span);
      this.item = dep(and.items[index]);
      this.list = and.span;
      this.frameSize = call.def.frameSize;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      try {
        return BoolValue.of(item.evalBool(c, new Frame(frameSize, null)));
      } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
        throw EvalException.located(e, list);
      }
    }

    /** The conjuncts of {@code n} if it refers to a parameterless definition whose body is a list. */
    static Conjunct[] split(Node n) {
      if (n instanceof Call call && call.args.length == 0 && call.envDepth < 0
          && call.def.body instanceof And and && and.items.length > 1) {
        Conjunct[] parts = new Conjunct[and.items.length];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = new Conjunct(call, and, i);
        }
        return parts;
      }
      return null;
    }
  }

  static final class Or extends Node {
    final Node[] items;

    Or(Span span, Node[] items) {
      super(span);
      this.items = items;
      for (Node n : items) {
        dep(n);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      for (Node n : items) {
        if (n.evalBool(c, f)) {
          return BoolValue.TRUE;
        }
      }
      return BoolValue.FALSE;
    }
  }

  static final class Implies extends Binary {
    Implies(Span span, Node a, Node b) {
      super(span, a, b);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return BoolValue.of(!a.evalBool(c, f) || b.evalBool(c, f));
    }
  }

  static final class If extends Node {
    final Node cond;
    final Node then;
    final Node otherwise;

    If(Span span, Node cond, Node then, Node otherwise) {
      super(span);
      this.cond = dep(cond);
      this.then = dep(then);
      this.otherwise = dep(otherwise);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return cond.evalBool(c, f) ? then.eval(c, f) : otherwise.eval(c, f);
    }
  }

  static final class Case extends Node {
    final Node[] guards;
    final Node[] values;
    final Node other;

    Case(Span span, Node[] guards, Node[] values, Node other) {
      super(span);
      this.guards = guards;
      this.values = values;
      this.other = dep(other);
      for (int i = 0; i < guards.length; i++) {
        dep(guards[i]);
        dep(values[i]);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      for (int i = 0; i < guards.length; i++) {
        if (guards[i].evalBool(c, f)) {
          return values[i].eval(c, f);
        }
      }
      if (other != null) {
        return other.eval(c, f);
      }
      throw fail("Attempted to evaluate a CASE with no conditions true.\n" + span.describe());
    }
  }

  static final class Quant extends Node {
    final boolean forall;
    final Binders binders;
    final Node body;

    Quant(Span span, boolean forall, Binders binders, Node body) {
      super(span);
      this.forall = forall;
      this.binders = binders;
      this.body = dep(body);
      for (Binders.One b : binders.items) {
        dep(b.domain);
      }
      this.untilDecided = (c, f) -> body.evalBool(c, f) == forall;
    }

    /** Continues while no counterexample (forall) / witness (exists) is found; made once. */
    private final Binders.Visitor untilDecided;

    @Override
    Value ev(Ctx c, Frame f) {
      boolean completed = binders.forEach(c, f, untilDecided);
      // completed == true: no counterexample (forall) / no witness (exists)
      return BoolValue.of(forall == completed);
    }
  }

  static final class Choose extends Node {
    final Binders binders;
    final Node body;

    Choose(Span span, Binders binders, Node body) {
      super(span);
      this.binders = binders;
      this.body = dep(body);
      dep(binders.items[0].domain);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Binders.One b = binders.items[0];
      for (Binders.Elements e = Binders.elements(b.domain.evalSet(c, f)); e.hasNext();) {
        Value v = e.next();
        b.bind(f, v);
        if (body.evalBool(c, f)) {
          return v;
        }
      }
      throw fail("Attempted to compute the value of an expression of form\n"
          + "CHOOSE x \\in S: P, but no element of S satisfied P.\n" + span.describe());
    }
  }

  static final class SetEnum extends Node {
    final Node[] elems;

    SetEnum(Span span, Node[] elems) {
      super(span);
      this.elems = depAll(elems);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value[] vs = evalAll(elems, c, f);
      SetValue r = Values.setLiteral(vs, vs.length);
      if (Values.unsortable(r)) {
        c.spec.madeUnsortable(r, span);
      }
      return r;
    }
  }

  static final class SetFilter extends Node {
    final Binders binders;
    final Node pred;
    /** Whether the base is written in a form TLC keeps lazy although Synod may compute it. */
    final boolean lazyBase;

    SetFilter(Span span, Binders binders, Node pred, boolean lazyBase) {
      super(span);
      this.binders = binders;
      this.lazyBase = lazyBase;
      this.pred = dep(pred);
      dep(binders.items[0].domain);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return select(c, f, false);
    }

    /**
     * The number of elements of this set (as an IntValue) without building it, or the set
     * itself when it is lazy (over a non-enumerable domain); errors located as {@link #eval}'s.
     */
    Value countOrLazy(Ctx c, Frame f) {
      try {
        return select(c, f, true);
      } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
        throw EvalException.located(e, span);
      }
    }

    private Value select(Ctx c, Frame f, boolean countOnly) {
      Binders.One b = binders.items[0];
      SetValue s = b.domain.evalSet(c, f);
      if (!s.isEnumerable() || (countOnly ? tooLargeToSelectNow(s) : lazyBase || !explicit(s))) {
        if (!countOnly && s.isEnumerable() && selectableAhead(s)) {
          try {
            return selectNow(c, f, b, s, false);
          } catch (EvalException | EvalError | ArithmeticException e) {
            // an element TLC would never have tested fails: the set is lazy after all
          }
        }
        // As TLC's lazy set of a predicate: membership is decided from the base set and the
        // predicate ({@code P \in {Q \in SUBSET SUBSET S : ...}}), enumeration waits until needed.
        return Values.filter(s, new LazyFilter(c, f, b, pred));
      }
      return selectNow(c, f, b, s, countOnly);
    }

    private Value selectNow(Ctx c, Frame f, Binders.One b, SetValue s, boolean countOnly) {
      // the domain's elements are distinct, so counting the selected ones sizes the set
      Value[] out = countOnly ? null : new Value[Math.max(4, Math.min(s.intSize(), 1024))];
      int n = 0;
      for (Binders.Elements e = Binders.elements(s); e.hasNext();) {
        Value v = e.next();
        if (test(c, f, b, v)) {
          if (out != null) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n] = v;
          }
          n++;
        }
      }
      return countOnly ? IntValue.of(n) : Values.setOwning(out, n);
    }

    private boolean test(Ctx c, Frame f, Binders.One b, Value v) {
      b.bind(f, v);
      return pred.evalBool(c, f);
    }

    /**
     * Whether TLC selects from this base at once: only from an explicit set or an interval. Over
     * any other base (SUBSET S, [S -> T], S \X T, a set of records, a union...) TLC keeps the
     * predicate and the base, so a membership test costs one predicate evaluation instead of a
     * pass over the whole base, and the predicate is evaluated only where the set is used.
     */
    private static boolean explicit(SetValue s) {
      return s instanceof io.synod.checker.value.SetEnumValue
          || s instanceof io.synod.checker.value.IntervalValue;
    }

    /**
     * Whether a small base is worth selecting from at once although TLC keeps the set lazy: then
     * membership is a look-up (a quorum system {@code {Q \in SUBSET S : ...}} is tested in every
     * state). Only a pure predicate qualifies, and only when it evaluates without error on every
     * element, so that nothing observable differs from the lazy set.
     */
    private boolean selectableAhead(SetValue s) {
      if (pred.impure || pred.effect || tooLargeToSelectNow(s)) {
        return false;
      }
      return s.size() <= AHEAD_LIMIT;
    }

    /** Bases up to this size are selected ahead ({@link #selectableAhead}). */
    private static final long AHEAD_LIMIT = 1024;

    /** Domains up to this size are counted at once; larger ones stay lazy. */
    private static final long EAGER_LIMIT = 1 << 16;

    /**
     * Whether selecting now could mean enumerating a huge domain: a lazy filter (its size is
     * unknown until enumerated) or a set with more than {@link #EAGER_LIMIT} elements.
     */
    private static boolean tooLargeToSelectNow(SetValue s) {
      if (s instanceof io.synod.checker.value.FilterSetValue) {
        return true;
      }
      try {
        return s.size() > EAGER_LIMIT;
      } catch (EvalError e) {
        return true;
      }
    }
  }

  /** {@code Cardinality({x \\in S : P})}: counts the elements satisfying P. */
  static final class CountFilter extends Node {
    /** The native {@code Cardinality}; {@link Natives} compiles it over a filter to this node. */
    static final Fn1 CARDINALITY = (c, s) -> IntValue.of(cardinality(Natives.set(s)));

    /**
     * TLC counts a set's elements in an int, so Cardinality of a set larger than that fails (as
     * its Java override) instead of giving a number no TLC integer can hold.
     */
    static long cardinality(SetValue set) {
      try {
        long n = set.size();
        if (n > io.synod.checker.value.Arith.MAX) {
          throw new EvalError("Overflow when computing the number of elements in:\n" + Pretty.ppr(set));
        }
        return n;
      } catch (EvalError e) {
        if (set instanceof io.synod.checker.value.InfiniteSetValue) {
          throw e; // TLC refuses an overridden set before counting it, with an error of its own
        }
        throw Natives.overrideError("public static tlc2.value.impl.IntValue tlc2.module.FiniteSets.Cardinality("
            + "tlc2.value.impl.Value)", e);
      }
    }

    final SetFilter filter;

    CountFilter(Span span, SetFilter filter) {
      super(span);
      this.filter = dep(filter);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value r = filter.countOrLazy(c, f);
      return r instanceof IntValue ? r : CARDINALITY.apply(c, r);
    }
  }

  static final class SetMap extends Node {
    final Binders binders;
    final Node body;

    SetMap(Span span, Binders binders, Node body) {
      super(span);
      this.binders = binders;
      this.body = dep(body);
      for (Binders.One b : binders.items) {
        dep(b.domain);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Binders.One first = binders.items[0];
      if (binders.items.length == 1 && !first.tuple && first.slots.length == 1) {
        // {e : x \in S}: one image per element, in order, into an array sized to S
        Binders.Elements e = Binders.elements(first.domain.evalSet(c, f));
        Value[] out = new Value[e.knownSize() >= 0 ? e.knownSize() : 16];
        int n = 0;
        while (e.hasNext()) {
          f.slots[first.slots[0]] = e.next();
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = body.eval(c, f);
        }
        return Values.setOwning(out, n);
      }
      Images images = new Images();
      binders.forEach(c, f, images);
      return Values.setOwning(images.out, images.n);
    }

    /** Collects the body's value for each binding. */
    private final class Images implements Binders.Visitor {
      Value[] out = new Value[16];
      int n;

      @Override
      public boolean visit(Ctx c, Frame f) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = body.eval(c, f);
        return true;
      }
    }
  }

  /** {@code [x \in S, y \in T |-> e]}. */
  static final class FunCons extends Node {
    final Binders binders;
    final Node body;

    FunCons(Span span, Binders binders, Node body) {
      super(span);
      this.binders = binders;
      this.body = dep(body);
      for (Binders.One b : binders.items) {
        dep(b.domain);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      if (binders.items.length == 1 && (binders.items[0].tuple || binders.items[0].slots.length == 1)) {
        Binders.One b = binders.items[0];
        SetValue domain = b.domain.evalSet(c, f);
        if (!domain.isEnumerable()) {
          // [n \in Nat |-> e] is still a function to apply (TLC keeps it lazy)
          return LambdaFcn.of(c, f, binders, body, new SetValue[] {domain});
        }
        Value[] dom = domain.toSetEnum().toArray();
        Value[] vals = new Value[dom.length];
        for (int i = 0; i < dom.length; i++) {
          b.bind(f, dom[i]);
          vals[i] = body.eval(c, f);
        }
        return Values.fcnSorted(dom, vals);
      }
      // several bound names: the domain is the Cartesian product, arguments are tuples
      SetValue[] domains = new SetValue[binders.items.length];
      boolean enumerable = true;
      for (int i = 0; i < domains.length; i++) {
        domains[i] = binders.items[i].domain.evalSet(c, f);
        enumerable &= domains[i].isEnumerable();
      }
      if (!enumerable) {
        return LambdaFcn.of(c, f, binders, body, domains);
      }
      java.util.ArrayList<Value> dom = new java.util.ArrayList<>();
      java.util.ArrayList<Value> vals = new java.util.ArrayList<>();
      int arity = binders.arity();
      binders.forEach(c, f, (c2, f2) -> {
        Value[] t = new Value[arity];
        int k = 0;
        for (Binders.One b : binders.items) {
          if (b.tuple) {
            Value[] comp = new Value[b.slots.length];
            for (int j = 0; j < comp.length; j++) {
              comp[j] = (Value) f.slots[b.slots[j]];
            }
            t[k++] = Values.tuple(comp);
          } else {
            for (int s : b.slots) {
              t[k++] = (Value) f.slots[s];
            }
          }
        }
        dom.add(Values.tuple(t));
        vals.add(body.eval(c, f));
        return true;
      });
      return Values.fcn(dom.toArray(new Value[0]), vals.toArray(new Value[0]));
    }
  }

  /** {@code f[a]} or {@code f[a, b]} (applied to the tuple). */
  static final class FunApp extends Node {
    final Node fn;
    final Node[] args;

    FunApp(Span span, Node fn, Node[] args) {
      super(span);
      this.fn = dep(fn);
      this.args = args;
      for (Node n : args) {
        dep(n);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      if (fn instanceof Local || fn instanceof Arg) {
        // perhaps a parameter standing for a function definition: read at one point
        Value arg = argument(c, f, args);
        Value v = PointReads.apply(fn, c, f, arg, this);
        return v != null ? v : apply(fn.eval(c, f), arg);
      }
      Value fv = fn.eval(c, f);
      Value arg = argument(c, f, args);
      return apply(fv, arg);
    }

    private Value apply(Value fv, Value arg) {
      if (fv instanceof FcnValue fn) {
        return fn.applyOrFail(arg);
      }
      if (fv instanceof LambdaFcnValue lf) {
        Value v = lf.select(arg);
        if (v == null) {
          throw fail("Attempted to apply function:\n" + Pretty.ppr(lf) + "\nto argument "
              + Pretty.ppr(arg) + ", which is not in the domain of the function.");
        }
        return v;
      }
      throw fail("Attempted to apply a non-function value:\n" + Pretty.ppr(fv));
    }

    static Value argument(Ctx c, Frame f, Node[] args) {
      if (args.length == 1) {
        return args[0].eval(c, f);
      }
      Value[] t = new Value[args.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = args[i].eval(c, f);
      }
      return Values.tuple(t);
    }
  }

  /** {@code [a -> b]}. */
  static final class FunSet extends Binary {
    FunSet(Span span, Node dom, Node range) {
      super(span, dom, range);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return Values.fcnSet(a.evalSetOperand(c, f), b.evalSetOperand(c, f));
    }
  }

  static final class RecordCons extends Node {
    final StringValue[] names;
    final Node[] values;
    /** Where each field goes, worked out once; null for repeated names. */
    private final RecordValue.Shape shape;

    RecordCons(Span span, StringValue[] names, Node[] values) {
      super(span);
      this.names = names;
      this.values = depAll(values);
      this.shape = RecordValue.Shape.of(names);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      if (shape == null) {
        return Values.record(names, evalAll(values, c, f));
      }
      // Fields are evaluated in written order (errors, Print), stored in canonical order.
      Value[] canonical = new Value[values.length];
      for (int k = 0; k < values.length; k++) {
        canonical[shape.canonicalIndex(k)] = values[k].eval(c, f);
      }
      return shape.build(canonical);
    }
  }

  static final class RecordSet extends Node {
    final StringValue[] names;
    final Node[] sets;

    RecordSet(Span span, StringValue[] names, Node[] sets) {
      super(span);
      this.names = names;
      this.sets = sets;
      for (Node n : sets) {
        dep(n);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      SetValue[] ss = new SetValue[sets.length];
      for (int i = 0; i < ss.length; i++) {
        ss[i] = sets[i].evalSetOperand(c, f);
      }
      return Values.recordSet(names, ss);
    }
  }

  static final class FieldAccess extends Node {
    final Node record;
    final StringValue field;

    FieldAccess(Span span, Node record, StringValue field) {
      super(span);
      this.record = dep(record);
      this.field = field;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value r = record.eval(c, f);
      if (r instanceof FcnValue fn) {
        Value v = fn.apply(field);
        if (v != null) {
          return v;
        }
      }
      throw fail("Attempted to access nonexistent field '" + field.text() + "' of record\n" + Pretty.ppr(r));
    }
  }

  static final class Tuple extends Node {
    final Node[] elems;

    Tuple(Span span, Node[] elems) {
      super(span);
      this.elems = depAll(elems);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return elems.length == 0 ? TupleValue.EMPTY : TupleValue.wrap(evalAll(elems, c, f));
    }
  }

  static final class Product extends Node {
    final Node[] factors;

    Product(Span span, Node[] factors) {
      super(span);
      this.factors = factors;
      for (Node n : factors) {
        dep(n);
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      SetValue[] ss = new SetValue[factors.length];
      for (int i = 0; i < ss.length; i++) {
        ss[i] = factors[i].evalSetOperand(c, f);
      }
      return Values.product(ss);
    }
  }

  /** {@code [f EXCEPT !p1 = e1, !p2 = e2]}; {@code @} is read from {@code atSlot}. */
  static final class Except extends Node {
    /** One path component: a field name (StringValue constant) or index expressions. */
    static final class Step {
      final StringValue field;
      final Node[] index;

      Step(StringValue field, Node[] index) {
        this.field = field;
        this.index = index;
      }
    }

    final Node fn;
    final Step[][] paths;
    final Node[] values;
    final int atSlot;
    /** Whether every clause is {@code ![k] = e} or {@code !.f = e} (one step). */
    private final boolean singleSteps;

    Except(Span span, Node fn, Step[][] paths, Node[] values, int atSlot) {
      super(span);
      this.fn = dep(fn);
      this.paths = paths;
      this.values = values;
      this.atSlot = atSlot;
      boolean single = paths.length > 1;
      for (Step[] p : paths) {
        single &= p.length == 1;
      }
      this.singleSteps = single;
      for (int i = 0; i < values.length; i++) {
        dep(values[i]);
        for (Step s : paths[i]) {
          if (s.index != null) {
            for (Node n : s.index) {
              dep(n);
            }
          }
        }
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value cur = fn.eval(c, f);
      if (singleSteps && cur instanceof FcnValue target) {
        return updateAll(c, f, target);
      }
      for (int u = 0; u < paths.length; u++) {
        Step[] path = paths[u];
        if (path.length == 1) {
          // the common ![k] = e, without a key array
          cur = update(c, f, cur, key(c, f, path[0]), null, 1, values[u]);
          continue;
        }
        Value[] keys = new Value[path.length];
        for (int i = 0; i < path.length; i++) {
          keys[i] = key(c, f, path[i]);
        }
        cur = update(c, f, cur, keys[0], keys, 1, values[u]);
      }
      return cur;
    }

    /**
     * The clauses applied in order to one working copy of the values (the domain never changes),
     * as the successive single updates would, with one copy and one hash instead of one each.
     */
    private Value updateAll(Ctx c, Frame f, FcnValue target) {
      Value[] vals = null;
      for (int u = 0; u < paths.length; u++) {
        int i = target.indexOf(key(c, f, paths[u][0]));
        if (i < 0) {
          // TLC leaves the function unchanged when the path leaves its domain
          continue;
        }
        Value old = vals == null ? target.valueAt(i) : vals[i];
        f.slots[atSlot] = old;
        Value v = values[u].eval(c, f);
        if (!old.equals(v)) {
          if (vals == null) {
            vals = target.valuesCopy();
          }
          vals[i] = v;
        }
      }
      return vals == null ? target : target.withValues(vals);
    }

    private static Value key(Ctx c, Frame f, Step step) {
      return step.field != null ? step.field : FunApp.argument(c, f, step.index);
    }

    /** Updates {@code target} at {@code key}, then deeper at {@code keys[next..]} (if any). */
    private Value update(Ctx c, Frame f, Value target, Value key, Value[] keys, int next, Node value) {
      LambdaFcnValue lazy = target instanceof LambdaFcnValue lf ? lf : null;
      FcnValue fn = target instanceof FcnValue fv ? fv : null;
      if (lazy == null && fn == null) {
        throw fail("Attempted to apply EXCEPT to a value that is not a function:\n" + Pretty.ppr(target));
      }
      Value old = lazy != null ? lazy.select(key) : fn.apply(key);
      if (old == null) {
        // TLC leaves the function unchanged when the path leaves its domain
        return target;
      }
      Value v;
      if (keys == null || next == keys.length) {
        f.slots[atSlot] = old;
        v = value.eval(c, f);
      } else {
        v = update(c, f, old, keys[next], keys, next + 1, value);
      }
      return lazy != null ? lazy.except(key, v) : fn.except(key, v);
    }
  }

  /** {@code x = y}. */
  static final class Eq extends Binary {
    final boolean negate;

    Eq(Span span, Node a, Node b, boolean negate) {
      super(span, a, b);
      this.negate = negate;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return BoolValue.of(a.eval(c, f).tlaEquals(b.eval(c, f)) != negate);
    }
  }

  /** {@code x \in S} / {@code x \notin S}. */
  static final class In extends Node {
    final Node elem;
    final Node set;
    final boolean negate;

    In(Span span, Node elem, Node set, boolean negate) {
      super(span);
      this.elem = dep(elem);
      this.set = dep(set);
      this.negate = negate;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value v = elem.eval(c, f);
      if (set instanceof Interval r && v instanceof IntValue iv) {
        // n \in lo..hi without building the interval
        Value x = r.low(c, f);
        Value y = r.high(c, f);
        if (x instanceof IntValue lo && y instanceof IntValue hi) {
          return BoolValue.of((iv.value() >= lo.value() && iv.value() <= hi.value()) != negate);
        }
        return BoolValue.of(r.make(x, y).contains(v) != negate);
      }
      return BoolValue.of(set.evalSet(c, f).contains(v) != negate);
    }
  }

  /**
   * {@code a..b}. Quantifiers and {@link In} read its bounds through {@link #low} and
   * {@link #high} to skip building the set; those locate errors at this node as {@link #eval}
   * would.
   */
  static final class Interval extends Binary {
    /** The native {@code ..}; {@link Natives} compiles its applications to this node. */
    static final Fn2 MAKE = (c, x, y) -> Values.interval(Natives.intOf(x), Natives.intOf(y));

    Interval(Span span, Node a, Node b) {
      super(span, a, b);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value x = a.eval(c, f);
      return MAKE.apply(c, x, b.eval(c, f));
    }

    Value low(Ctx c, Frame f) {
      try {
        return a.eval(c, f);
      } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
        throw EvalException.located(e, span);
      }
    }

    Value high(Ctx c, Frame f) {
      try {
        return b.eval(c, f);
      } catch (EvalException | EvalError | ArithmeticException | StackOverflowError e) {
        throw EvalException.located(e, span);
      }
    }

    /** The interval of bounds {@code x} and {@code y} (from {@link #low}, {@link #high}), or its error. */
    SetValue make(Value x, Value y) {
      try {
        return (SetValue) MAKE.apply(null, x, y);
      } catch (EvalException | EvalError | ArithmeticException e) {
        throw EvalException.located(e, span);
      }
    }
  }

  /** Application of a user-defined operator (module level or LET) with parameters. */
  static final class Call extends Node {
    final OpDefn def;
    final Node[] args;
    final ArgOp[] opArgs;
    /** Frames between the call site and the definition's enclosing frame; -1 for module level. */
    final int envDepth;

    Call(Span span, OpDefn def, Node[] args, ArgOp[] opArgs, int envDepth) {
      super(span);
      this.def = def;
      this.args = args;
      this.opArgs = opArgs;
      this.envDepth = envDepth;
      for (Node n : args) {
        dep(n);
      }
      for (ArgOp a : opArgs) {
        if (a != null && !a.closed) {
          closed = false;
        }
        if (a != null) {
          // the operator passed in may read any variable
          vars = ALL_VARS;
        }
      }
      if (envDepth >= 0) {
        closed = false;
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Frame nf = new Frame(def.frameSize, envDepth < 0 ? null : f.at(envDepth));
      for (int i = 0; i < args.length; i++) {
        nf.slots[i] = opArgs[i] != null ? opArgs[i].make(c, f) : Thunk.pass(args[i], c, f, true);
      }
      c.enter(this);
      try {
        return def.body().eval(c, nf);
      } finally {
        c.exit();
      }
    }
  }

  /**
   * A user-defined operator applied with its body compiled in place (no frame, no thunks): the
   * body's bound names live in extra slots of the caller's frame and each parameter read is an
   * {@link Arg}. Clears the argument caches on entry, as a call would start with fresh thunks.
   */
  static final class Inline extends Node {
    final Node body;
    /** The value slots of the arguments' caches. */
    final int[] cacheSlots;

    Inline(Span span, Node body, Node[] args, int[] cacheSlots) {
      super(span);
      this.body = dep(body);
      this.cacheSlots = cacheSlots;
      // the body's own slots are private to this node: it is closed when its arguments are
      boolean argsClosed = true;
      for (Node a : args) {
        dep(a);
        argsClosed &= a.closed;
      }
      this.closed = argsClosed;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return clearThenEval(cacheSlots, body, c, f);
    }
  }

  /**
   * A read of a parameter of an {@link Inline}d operator: evaluates the caller's argument in the
   * caller's frame ({@code depth} frames up). Mirrors {@link Thunk}: an argument the call would
   * have passed on as it is (constant, bound name) is read without adding its location; any
   * other is located, and cached per state in two frame slots when a thunk would cache it.
   */
  static final class Arg extends Node {
    final int depth;
    final Node arg;
    final int cacheSlot;
    final boolean located;

    Arg(Span span, int depth, Node arg, int cacheSlot, boolean located) {
      super(span);
      this.depth = depth;
      this.arg = dep(arg);
      this.cacheSlot = cacheSlot;
      this.located = located;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Frame af = depth == 0 ? f : f.at(depth);
      if (cacheSlot < 0) {
        return located ? arg.eval(c, af) : arg.ev(c, af);
      }
      Object[] slots = af.slots;
      // the slot may hold a PointReads count instead of the value
      if (slots[cacheSlot] instanceof Value v && slots[cacheSlot + 1] == c.cur) {
        return v;
      }
      Value r = arg.eval(c, af);
      slots[cacheSlot] = r;
      slots[cacheSlot + 1] = c.cur;
      return r;
    }
  }

  /** Application of an operator parameter {@code F(a)} (the frame slot holds an {@link OpValue}). */
  static final class ParamCall extends Node {
    final int depth;
    final int slot;
    final Node[] args;

    ParamCall(Span span, int depth, int slot, Node[] args) {
      super(span);
      this.depth = depth;
      this.slot = slot;
      this.args = depAll(args);
      this.closed = false;
      // applies whatever operator was passed in
      this.vars = ALL_VARS;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      OpValue op = (OpValue) f.at(depth).slots[slot];
      if (op instanceof Compiler.UserOp u) {
        // a user definition or LAMBDA takes its arguments by name, as in a direct call
        Frame nf = new Frame(u.defn.frameSize, u.env);
        for (int i = 0; i < args.length; i++) {
          nf.slots[i] = Thunk.pass(args[i], c, f, true);
        }
        return u.defn.body.eval(c, nf);
      }
      return op.apply(c, evalAll(args, c, f));
    }
  }

  /** A fixed-arity native operator on values. */
  interface Fn {
    Value apply(Ctx c, Value[] args);
  }

  /** A native operator of one argument, called without an argument array. */
  interface Fn1 {
    Value apply(Ctx c, Value a);
  }

  /** A native operator of two arguments, called without an argument array. */
  interface Fn2 {
    Value apply(Ctx c, Value a, Value b);
  }

  /** A native operator of three arguments, called without an argument array. */
  interface Fn3 {
    Value apply(Ctx c, Value a, Value b, Value d);
  }

  static final class Native1 extends Node {
    final Fn1 fn;
    final Node a;
    /** Whether this is {@code ~a} (the liveness checker reads negations of temporal formulas). */
    boolean isNot;

    Native1(Span span, Fn1 fn, Node a) {
      super(span);
      this.fn = fn;
      this.a = dep(a);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return fn.apply(c, a.eval(c, f));
    }
  }

  static final class Native2 extends Binary {
    final Fn2 fn;

    Native2(Span span, Fn2 fn, Node a, Node b) {
      super(span, a, b);
      this.fn = fn;
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value x = a.eval(c, f);
      return fn.apply(c, x, b.eval(c, f));
    }
  }

  static final class Native3 extends Node {
    final Fn3 fn;
    final Node a;
    final Node b;
    final Node d;

    Native3(Span span, Fn3 fn, Node a, Node b, Node d) {
      super(span);
      this.fn = fn;
      this.a = dep(a);
      this.b = dep(b);
      this.d = dep(d);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Value x = a.eval(c, f);
      Value y = b.eval(c, f);
      return fn.apply(c, x, y, d.eval(c, f));
    }
  }

  static final class Native extends Node {
    final Fn fn;
    final Node[] args;

    Native(Span span, Fn fn, Node[] args) {
      super(span);
      this.fn = fn;
      this.args = depAll(args);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return fn.apply(c, evalAll(args, c, f));
    }
  }

  /** An operator argument, turned into an {@link OpValue} at call time. */
  abstract static class ArgOp {
    boolean closed = true;

    abstract OpValue make(Ctx c, Frame f);
  }
}
