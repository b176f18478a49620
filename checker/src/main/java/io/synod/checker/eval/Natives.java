package io.synod.checker.eval;

import io.synod.checker.eval.Symbols.NativeSym;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Arith;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.EvalError;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.InfiniteSetValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.LambdaFcnValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetEnumValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one list of natively evaluated operators: operators of the standard modules implemented in
 * Java, each registered here (or by the {@code register} method of {@link CommunityNatives},
 * {@link JsonNatives}, {@link IoNatives}, {@link OutputNatives}, {@link VectorClockNatives},
 * {@link StatisticsNatives}, {@link TraceNatives})
 * under its module and name. The resolver binds a standard module's
 * definition to the implementation registered for it; anything not registered is evaluated from
 * its TLA+ definition in the shipped module text. The module text marks each native definition
 * with a {@code \* native: ...} comment after it, and a test holds the two in agreement.
 */
final class Natives {

  /** How one native operator is evaluated. */
  static final class Impl {
    final int arity;
    /** Arity of each operator parameter (0 for value parameters); null when all are values. */
    final int[] opParams;
    /** The array form, for operator arguments and arities other than 1 and 2. */
    final Nodes.Fn fn;
    /** The unary form (arity 1 only), called without an argument array. */
    final Nodes.Fn1 fn1;
    /** The binary form (arity 2 only), called without an argument array. */
    final Nodes.Fn2 fn2;
    /** The ternary form (arity 3 only), called without an argument array. */
    final Nodes.Fn3 fn3;
    final HoFn hoFn;
    /** The form that evaluates its own arguments (when and whether it wants), or null. */
    LazyFn lazy;
    final boolean impure;
    final boolean effect;
    /**
     * The lowest level of an application, whatever its arguments (TLC's minLevel of an
     * override): 1 for operators whose value depends on the state being explored
     * ({@code TLCGet}), so that a formula using them is not taken for a constant.
     */
    int minLevel;

    Impl(int arity, int[] opParams, Nodes.Fn fn, HoFn hoFn, boolean impure, boolean effect) {
      this(arity, opParams, fn, null, null, null, hoFn, impure, effect);
    }

    Impl withMinLevel(int level) {
      minLevel = level;
      return this;
    }

    private Impl(int arity, int[] opParams, Nodes.Fn fn, Nodes.Fn1 fn1, Nodes.Fn2 fn2, Nodes.Fn3 fn3,
        HoFn hoFn, boolean impure, boolean effect) {
      this.arity = arity;
      this.opParams = opParams;
      this.fn = fn;
      this.fn1 = fn1;
      this.fn2 = fn2;
      this.fn3 = fn3;
      this.hoFn = hoFn;
      this.impure = impure;
      this.effect = effect;
    }

    static Impl unary(Nodes.Fn1 f, boolean impure, boolean effect) {
      return new Impl(1, null, (c, a) -> f.apply(c, a[0]), f, null, null, null, impure, effect);
    }

    static Impl binary(Nodes.Fn2 f, boolean impure, boolean effect) {
      return new Impl(2, null, (c, a) -> f.apply(c, a[0], a[1]), null, f, null, null, impure, effect);
    }

    /** An operator that evaluates its argument expressions itself ({@code AssertError}). */
    static Impl lazy(int arity, LazyFn f, boolean impure, boolean effect) {
      Impl impl = new Impl(arity, null, null, null, null, null, null, impure, effect);
      impl.lazy = f;
      return impl;
    }

    static Impl ternary(Nodes.Fn3 f) {
      return new Impl(3, null, (c, a) -> f.apply(c, a[0], a[1], a[2]), null, null, f, null, false, false);
    }
  }

  /** A native operator with operator parameters: args are {@link Value}s or {@link OpValue}s. */
  interface HoFn {
    Value apply(Ctx c, Object[] args);
  }

  /** A native operator given its argument expressions unevaluated, with the frame to evaluate them in. */
  interface LazyFn {
    Value apply(Ctx c, Frame f, Node[] args);
  }

  private final Map<String, Impl> table = new HashMap<>();

  Natives() {
    naturals();
    sequences();
    finiteSets();
    bags();
    tlc();
    JsonNatives.register(this);
    IoNatives.register(this);
    VectorClockNatives.register(this);
    CommunityNatives.register(this);
    StatisticsNatives.register(this);
    TraceNatives.register(this);
  }

  /** Registers (or replaces) the native implementation of {@code op} of {@code module}. */
  void put(String module, String op, Impl impl) {
    table.put(module + " " + op, impl);
  }

  /** Receives one registered native operator. */
  interface Registered {
    void accept(String module, String op, Impl impl);
  }

  /** Every registered native operator, by module and then name. */
  void forEach(Registered r) {
    new java.util.TreeMap<>(table).forEach((key, impl) -> {
      int sp = key.indexOf(' ');
      r.accept(key.substring(0, sp), key.substring(sp + 1), impl);
    });
  }

  /** The native implementation of {@code op} of standard module {@code module}, or null. */
  Impl lookup(String module, String op) {
    return table.get(module + " " + op);
  }

  private void fn(String module, String op, int arity, Nodes.Fn fn) {
    table.put(module + " " + op, new Impl(arity, null, fn, null, false, false));
  }

  private void special(String module, String op, int arity, Nodes.Fn fn, boolean impure, boolean effect) {
    table.put(module + " " + op, new Impl(arity, null, fn, null, impure, effect));
  }

  private void fn1(String module, String op, Nodes.Fn1 fn) {
    table.put(module + " " + op, Impl.unary(fn, false, false));
  }

  private void fn2(String module, String op, Nodes.Fn2 fn) {
    table.put(module + " " + op, Impl.binary(fn, false, false));
  }

  private void special1(String module, String op, Nodes.Fn1 fn, boolean impure, boolean effect) {
    table.put(module + " " + op, Impl.unary(fn, impure, effect));
  }

  private void special2(String module, String op, Nodes.Fn2 fn, boolean impure, boolean effect) {
    table.put(module + " " + op, Impl.binary(fn, impure, effect));
  }

  private void ho(String module, String op, int[] opParams, HoFn fn) {
    table.put(module + " " + op, new Impl(opParams.length, opParams, null, fn, false, false));
  }

  // ------------------------------------------------------------------ tables

  private void naturals() {
    // Integers extends Naturals, so its arithmetic is bound to Naturals' definitions
    String m = "Naturals";
    fn2(m, "+", (c, x, y) -> Arith.add(x, y));
    fn2(m, "-", (c, x, y) -> Arith.sub(x, y));
    fn2(m, "*", (c, x, y) -> Arith.mul(x, y));
    fn2(m, "^", (c, x, y) -> Arith.pow(x, y));
    fn2(m, "<", (c, x, y) -> BoolValue.of(Arith.compare(x, y) < 0));
    fn2(m, ">", (c, x, y) -> BoolValue.of(Arith.compare(x, y) > 0));
    fn2(m, "<=", (c, x, y) -> BoolValue.of(Arith.compare(x, y) <= 0));
    fn2(m, ">=", (c, x, y) -> BoolValue.of(Arith.compare(x, y) >= 0));
    fn2(m, "%", (c, x, y) -> Arith.mod(x, y));
    fn2(m, "\\div", (c, x, y) -> Arith.div(x, y));
    fn2(m, "..", Nodes.Interval.MAKE);
    fn(m, "Nat", 0, (c, a) -> InfiniteSetValue.NAT);
    fn("Integers", "Int", 0, (c, a) -> InfiniteSetValue.INT);
    fn1("Integers", "-.", (c, x) -> Arith.neg(x));
  }

  private void sequences() {
    String m = "Sequences";
    fn1(m, "Seq", (c, x) -> Values.seqSet(io.synod.checker.value.NonSetOperand.of(x)));
    fn1(m, "Len", (c, x) -> x instanceof StringValue s
        ? IntValue.of(s.text().length()) : IntValue.of(seq(x, "Len").length()));
    fn2(m, "\\o", (c, x, y) -> {
      if (x instanceof StringValue sx && y instanceof StringValue sy) {
        return c.spec.strings.string(sx.text() + sy.text());
      }
      return seq(x, "\\o").concat(seq(y, "\\o"));
    });
    fn2(m, "Append", (c, x, y) -> seq(x, "Append").append(y));
    fn1(m, "Head", (c, x) -> {
      TupleValue s = seq(x, "Head");
      if (s.length() == 0) {
        throw EvalException.eval("Attempted to apply Head to the empty sequence.");
      }
      return s.get(1);
    });
    fn1(m, "Tail", (c, x) -> {
      TupleValue s = seq(x, "Tail");
      if (s.length() == 0) {
        throw EvalException.eval("Attempted to apply Tail to the empty sequence.");
      }
      return s.subSeq(2, s.length());
    });
    table.put(m + " SubSeq", Impl.ternary((c, x, y, z) -> {
      TupleValue s = seq(x, "SubSeq");
      long from = intOf(y);
      long to = intOf(z);
      if (from > to) {
        return TupleValue.EMPTY;
      }
      if (from < 1 || to > s.length()) {
        throw EvalException.eval("The second argument of SubSeq must be in the domain of its first argument:\n"
            + Pretty.ppr(s) + "\nbut instead it is\n" + (from < 1 ? from : to));
      }
      return s.subSeq((int) from, (int) to);
    }));
    ho(m, "SelectSeq", new int[] {0, 1}, (c, a) -> {
      TupleValue s = seq((Value) a[0], "SelectSeq");
      OpValue test = (OpValue) a[1];
      List<Value> out = new ArrayList<>();
      for (int i = 1; i <= s.length(); i++) {
        Value r = test.apply(c, new Value[] {s.get(i)});
        if (bool(r, "SelectSeq")) {
          out.add(s.get(i));
        }
      }
      return TupleValue.wrap(out.toArray(new Value[0]));
    });
  }

  private void finiteSets() {
    fn1("FiniteSets", "Cardinality", Nodes.CountFilter.CARDINALITY);
    fn1("FiniteSets", "IsFiniteSet", (c, x) -> {
      try {
        return BoolValue.of(set(x).isFiniteSet());
      } catch (EvalError e) {
        throw overrideError("public static tlc2.value.IBoolValue tlc2.module.FiniteSets.IsFiniteSet("
            + "tlc2.value.impl.Value)", e);
      }
    });
  }

  private void bags() {
    String m = "Bags";
    fn(m, "EmptyBag", 0, (c, a) -> TupleValue.EMPTY);
    fn1(m, "SetToBag", (c, x) -> Values.fcnOver(set(x), v -> IntValue.ONE));
    fn1(m, "BagToSet", (c, x) -> fcn(x, "BagToSet").domain());
    fn2(m, "BagIn", (c, x, y) -> BoolValue.of(fcn(y, "BagIn").apply(x) != null));
    fn2(m, "CopiesIn", (c, x, y) -> {
      Value v = fcn(y, "CopiesIn").apply(x);
      return v == null ? IntValue.ZERO : v;
    });
    fn1(m, "IsABag", (c, x) -> {
      if (!(x instanceof FcnValue f)) {
        return BoolValue.FALSE;
      }
      for (int i = 0; i < f.size(); i++) {
        if (!(f.valueAt(i) instanceof IntValue n) || n.value() <= 0) {
          return BoolValue.FALSE;
        }
      }
      return BoolValue.TRUE;
    });
    fn1(m, "BagCardinality", (c, x) -> {
      FcnValue f = fcn(x, "BagCardinality");
      Value sum = IntValue.ZERO;
      for (int i = 0; i < f.size(); i++) {
        sum = Arith.add(sum, f.valueAt(i));
      }
      return sum;
    });
    fn2(m, "\\oplus", (c, x, y) -> bagCombine(fcn(x, "(+)"), fcn(y, "(+)"), true));
    fn2(m, "\\ominus", (c, x, y) -> bagCombine(fcn(x, "(-)"), fcn(y, "(-)"), false));
    fn2(m, "\\sqsubseteq", (c, x, y) -> {
      FcnValue fx = fcn(x, "\\sqsubseteq");
      FcnValue fy = fcn(y, "\\sqsubseteq");
      for (int i = 0; i < fx.size(); i++) {
        Value other = fy.apply(fx.domainAt(i));
        if (Arith.compare(fx.valueAt(i), other == null ? IntValue.ZERO : other) > 0) {
          return BoolValue.FALSE;
        }
      }
      return BoolValue.TRUE;
    });
  }

  private static Value bagCombine(FcnValue x, FcnValue y, boolean add) {
    List<Value> dom = new ArrayList<>();
    List<Value> vals = new ArrayList<>();
    SetValue keys = Values.union(x.domain(), y.domain());
    for (Iterator<Value> it = keys.iterator(); it.hasNext(); ) {
      Value k = it.next();
      Value a = x.apply(k);
      Value b = y.apply(k);
      Value r = add ? Arith.add(a == null ? IntValue.ZERO : a, b == null ? IntValue.ZERO : b)
          : Arith.sub(a == null ? IntValue.ZERO : a, b == null ? IntValue.ZERO : b);
      if (Arith.compare(r, IntValue.ZERO) > 0) {
        dom.add(k);
        vals.add(r);
      }
    }
    return Values.fcnSorted(dom.toArray(new Value[0]), vals.toArray(new Value[0]));
  }

  private void tlc() {
    String m = "TLC";
    special2(m, "Print", (c, x, y) -> {
      c.host.print(Pretty.pprAsWritten(x) + "  " + Pretty.pprAsWritten(y));
      return y;
    }, false, true);
    special1(m, "PrintT", (c, x) -> {
      c.host.print(Pretty.pprAsWritten(x));
      return BoolValue.TRUE;
    }, false, true);
    special2(m, "Assert", (c, x, y) -> {
      if (x == BoolValue.TRUE) {
        return BoolValue.TRUE;
      }
      if (!(x instanceof BoolValue)) {
        throw EvalException.eval("The first argument of Assert must be a boolean, but is:\n" + Pretty.ppr(x));
      }
      throw new EvalException(EvalException.Kind.ASSERT,
          "The first argument of Assert evaluated to FALSE; the second argument was:\n" + assertOut(y));
    }, false, true);
    special(m, "JavaTime", 0, (c, a) -> IntValue.of(System.currentTimeMillis() / 1000), true, false);
    table.put(m + " TLCGet", Impl.unary(Natives::tlcGet, true, false).withMinLevel(1));
    special2(m, "TLCSet", Natives::tlcSet, false, true);
    // TLCGetAndSet(key, Op, val, default): register key (default when unset), then Op(old, val) stored
    table.put("TLCExt TLCGetAndSet", new Impl(4, new int[] {0, 2, 0, 0}, null, (c, a) -> {
      Value key = (Value) a[0];
      Value old = c.registers.get(key);
      if (old == null) {
        old = (Value) a[3];
      }
      c.registers.put(key, ((OpValue) a[1]).apply(c, new Value[] {old, (Value) a[2]}));
      return old;
    }, true, true));
    fn2(m, ":>", (c, x, y) -> Values.fcn(new Value[] {x}, new Value[] {y}));
    fn2(m, "@@", (c, x, y) -> {
      FcnValue f = fcn(x, "@@");
      FcnValue g = fcn(y, "@@");
      List<Value> dom = new ArrayList<>();
      List<Value> vals = new ArrayList<>();
      for (int i = 0; i < f.size(); i++) {
        dom.add(f.domainAt(i));
        vals.add(f.valueAt(i));
      }
      for (int i = 0; i < g.size(); i++) {
        if (f.apply(g.domainAt(i)) == null) {
          dom.add(g.domainAt(i));
          vals.add(g.valueAt(i));
        }
      }
      return Values.fcn(dom.toArray(new Value[0]), vals.toArray(new Value[0]));
    });
    fn1(m, "Permutations", (c, x) -> permutations(set(x)));
    ho(m, "SortSeq", new int[] {0, 2}, (c, a) -> {
      TupleValue s = seq((Value) a[0], "SortSeq");
      OpValue less = (OpValue) a[1];
      Value[] elems = s.toArray();
      Arrays.sort(elems, (x, y) -> {
        if (bool(less.apply(c, new Value[] {x, y}), "SortSeq")) {
          return -1;
        }
        return bool(less.apply(c, new Value[] {y, x}), "SortSeq") ? 1 : 0;
      });
      return TupleValue.wrap(elems);
    });
    special1(m, "RandomElement", (c, x) -> {
      SetEnumValue s = set(x).toSetEnum();
      if (s.isEmpty()) {
        throw EvalException.eval("Attempted to compute RandomElement of the empty set.");
      }
      return s.get(c.random().nextInt(s.intSize()));
    }, true, false);
    fn1(m, "ToString", (c, x) -> {
      try {
        Values.tlcPrintCheck(x);
      } catch (EvalError e) {
        throw overrideError("public static tlc2.value.impl.Value tlc2.module.TLC.ToString(tlc2.value.impl.Value)", e);
      }
      return c.spec.strings.string(Pretty.flatAsWritten(x));
    });
    fn1(m, "TLCEval", (c, x) -> x);
    special2("TLCExt", "AssertEq", (c, x, y) -> {
      if (!x.equals(y)) {
        c.host.print(Pretty.ppr(x) + " # " + Pretty.ppr(y));
        return BoolValue.FALSE;
      }
      return BoolValue.TRUE;
    }, false, true);
    fn1("TLCExt", "TLCModelValue", (c, x) -> {
      if (!(x instanceof StringValue s)) {
        throw EvalException.eval("TLCModelValue expects a string, not:\n" + Pretty.ppr(x));
      }
      return c.spec.strings.modelValue(s.text());
    });
  }

  private static String assertOut(Value v) {
    return v instanceof StringValue s ? "\"" + s.text() + "\"" : Pretty.pprAsWritten(v);
  }

  /**
   * TLCGet: a run statistic or setting by name, or a numbered register. "level" is the level of
   * the state the formula is evaluated in (0 in Init, ASSUME and POSTCONDITION); the
   * statistics are those of the search so far.
   */
  private static Value tlcGet(Ctx c, Value key) {
    if (key instanceof StringValue s) {
      String name = s.text();
      switch (name) {
        case "level" -> {
          return IntValue.of(c.level);
        }
        case "stats" -> {
          Value v = c.host.statistics(c.spec.strings);
          if (v != null) {
            return v;
          }
          return namedRecord(c, new String[] {"queue", "distinct", "generated", "diameter", "duration", "traces"});
        }
        case "spec" -> {
          Value v = c.host.specification(c.spec.strings);
          if (v != null) {
            return v;
          }
        }
        case "revision" -> {
          return SpecRecords.revision(c.spec.strings);
        }
        case "action" -> {
          // TLC never fails here: where the action is not known (in the initial predicate, an
          // ASSUME, or model checking, which does not keep it) it reports a dummy record
          Value v = c.host.action(c.spec.strings);
          return v != null ? v : SpecRecords.unknownAction(c.spec.strings);
        }
        case "all:named" -> {
          Value v = c.host.allNamed(c.spec.strings);
          if (v != null) {
            return v;
          }
        }
        case "config" -> {
          Value v = c.host.configuration(c.spec.strings);
          if (v != null) {
            return v;
          }
        }
        default -> {
          Value v = c.host.statistic(name);
          if (v != null) {
            return v;
          }
        }
      }
      // TLC's message (the name without quotes); "config" has no value outside a check
      throw EvalException.eval("TLCGet(" + name + ") was undefined.");
    }
    if (!(key instanceof IntValue i) || i.value() < 0) {
      throw EvalException.eval("The argument of TLCGet should be a nonnegative integer, but instead it is:\n"
          + Pretty.ppr(key));
    }
    Value v = c.registers.get(key);
    if (v == null) {
      throw EvalException.eval("TLCGet(" + Pretty.ppr(key) + ") was undefined.");
    }
    return v;
  }

  private static Value namedRecord(Ctx c, String[] names) {
    List<StringValue> ns = new ArrayList<>();
    List<Value> vs = new ArrayList<>();
    for (String n : names) {
      Value v = c.host.statistic(n);
      if (v != null) {
        ns.add(c.spec.strings.string(n));
        vs.add(v);
      }
    }
    return Values.record(ns.toArray(new StringValue[0]), vs.toArray(new Value[0]));
  }

  /** TLCSet: a numbered register of this worker, or "exit" to end the search. */
  private static Value tlcSet(Ctx c, Value key, Value val) {
    if (key instanceof StringValue s && s.text().equals("exit")) {
      if (val == BoolValue.TRUE) {
        c.host.exit();
      }
      return BoolValue.TRUE;
    }
    if (!(key instanceof IntValue i) || i.value() < 0) {
      throw EvalException.eval("The first argument of TLCSet should be a nonnegative integer, but instead it is:\n"
          + Pretty.ppr(key));
    }
    c.registers.put(key, val);
    return BoolValue.TRUE;
  }

  private static Value permutations(SetValue s) {
    Value[] elems = s.toSetEnum().toArray();
    List<Value> out = new ArrayList<>();
    permute(elems, new Value[elems.length], new boolean[elems.length], 0, out);
    return Values.set(out);
  }

  private static void permute(Value[] elems, Value[] img, boolean[] used, int i, List<Value> out) {
    if (i == elems.length) {
      out.add(Values.fcnSorted(elems, img.clone()));
      return;
    }
    for (int j = 0; j < elems.length; j++) {
      if (!used[j]) {
        used[j] = true;
        img[i] = elems[j];
        permute(elems, img, used, i + 1, out);
        used[j] = false;
      }
    }
  }

  // ------------------------------------------------------------------ conversions

  static long intOf(Value v) {
    if (v instanceof IntValue i) {
      return i.value();
    }
    throw EvalException.eval("Expected an integer, but got:\n" + Pretty.ppr(v));
  }

  /**
   * The error TLC reports when the Java method overriding an operator fails: wrapped with the
   * method's signature, unless TLC raised it with an error code of its own, which it reports as
   * it is.
   */
  static RuntimeException overrideError(String method, EvalError e) {
    if (e.coded()) {
      return e;
    }
    return EvalException.eval("Attempted to apply the operator overridden by the Java method\n" + method
        + ",\nbut it produced the following error:\n" + e.getMessage());
  }

  static SetValue set(Value v) {
    if (v instanceof SetValue s) {
      return s;
    }
    throw EvalException.eval("Expected a set, but got:\n" + Pretty.ppr(v));
  }

  static TupleValue seq(Value v, String op) {
    if (v instanceof TupleValue t) {
      return t;
    }
    throw EvalException.eval("Attempted to apply " + op + " to a value that is not a sequence:\n" + Pretty.ppr(v));
  }

  static FcnValue fcn(Value v, String op) {
    if (v instanceof FcnValue f) {
      return f;
    }
    throw EvalException.eval("Attempted to apply " + op + " to a value that is not a function:\n" + Pretty.ppr(v));
  }

  static boolean bool(Value v, String op) {
    if (v instanceof BoolValue b) {
      return b.value();
    }
    throw EvalException.eval("The operator argument of " + op + " must return a boolean, but returned:\n"
        + Pretty.ppr(v));
  }

  // ------------------------------------------------------------------ compilation

  Node compile(CallCompiler cx, Span span, NativeSym n, List<Expr> args) {
    Impl impl = n.impl;
    if (args.size() != impl.arity) {
      throw Compiler.semantic(span, "The operator " + n.name + " requires " + impl.arity + " arguments.");
    }
    Node node;
    if (impl.lazy != null) {
      node = new LazyNative(span, impl.lazy, cx.exprs(args));
    } else if (impl.fn1 != null) {
      Node arg = cx.expr(args.get(0));
      node = impl.fn1 == Nodes.CountFilter.CARDINALITY && arg instanceof Nodes.SetFilter sf
          ? new Nodes.CountFilter(span, sf) : new Nodes.Native1(span, impl.fn1, arg);
    } else if (impl.fn2 == Nodes.Interval.MAKE) {
      node = new Nodes.Interval(span, cx.expr(args.get(0)), cx.expr(args.get(1)));
    } else if (impl.fn2 != null) {
      node = new Nodes.Native2(span, impl.fn2, cx.expr(args.get(0)), cx.expr(args.get(1)));
    } else if (impl.fn3 != null) {
      node = new Nodes.Native3(span, impl.fn3, cx.expr(args.get(0)), cx.expr(args.get(1)), cx.expr(args.get(2)));
    } else if (impl.opParams == null) {
      node = new Nodes.Native(span, impl.fn, cx.exprs(args));
    } else {
      Node[] vals = new Node[args.size()];
      Nodes.ArgOp[] ops = new Nodes.ArgOp[args.size()];
      for (int i = 0; i < vals.length; i++) {
        if (impl.opParams[i] > 0) {
          ops[i] = cx.opArg(args.get(i), impl.opParams[i]);
        } else {
          vals[i] = cx.expr(args.get(i));
        }
      }
      node = new HoNative(span, impl.hoFn, vals, ops);
    }
    node.impure |= impl.impure;
    node.effect |= impl.effect;
    node.level = Math.max(node.level, impl.minLevel);
    node.readsSearch |= n.name.equals("TLCGet");
    if (impl.arity == 0 && node.foldable()) {
      return new Nodes.Cached(node);
    }
    return node;
  }

  /** A native operator passed as an operator argument. */
  Nodes.ArgOp opArg(CallCompiler cx, Span span, NativeSym n, int arity) {
    Impl impl = n.impl;
    if (impl.fn == null || impl.arity != arity) {
      throw Compiler.semantic(span, "The operator " + n.name + " cannot be passed as an argument here.");
    }
    OpValue op = new OpValue() {
      @Override
      public int arity() {
        return arity;
      }

      @Override
      public Value apply(Ctx c, Value[] args) {
        return impl.fn.apply(c, args);
      }
    };
    return new Nodes.ArgOp() {
      @Override
      OpValue make(Ctx c, Frame f) {
        return op;
      }
    };
  }

  Node not(Span span, Node a) {
    Nodes.Native1 n = new Nodes.Native1(span, (c, v) -> BoolValue.of(!bool(v, "~")), a);
    n.isNot = true;
    return n;
  }

  Node setOp(Span span, String op, Node a, Node b) {
    if (b == null) {
      Nodes.Fn1 fn = switch (op) {
        case "SUBSET" -> (c, v) -> Values.subset(set(v));
        case "UNION" -> (c, v) -> Values.bigUnion(set(v));
        case "DOMAIN" -> (c, v) -> v instanceof LambdaFcnValue lf ? lf.domain() : fcn(v, "DOMAIN").domain();
        default -> throw new IllegalArgumentException(op);
      };
      return new Nodes.Native1(span, fn, a);
    }
    Nodes.Fn2 fn = switch (op) {
      case "\\subseteq" -> (c, v, w) -> BoolValue.of(set(v).isSubsetOf(set(w)));
      case "\\cup" -> (c, v, w) -> Values.union(set(v), set(w));
      case "\\cap" -> (c, v, w) -> Values.intersect(set(v), set(w));
      case "\\" -> (c, v, w) -> Values.diff(set(v), set(w));
      default -> throw new IllegalArgumentException(op);
    };
    return new Nodes.Native2(span, fn, a, b);
  }

  /** A native operator that evaluates its arguments itself. */
  static final class LazyNative extends Node {
    final LazyFn fn;
    final Node[] args;

    LazyNative(Span span, LazyFn fn, Node[] args) {
      super(span);
      this.fn = fn;
      this.args = depAll(args);
    }

    @Override
    Value ev(Ctx c, Frame f) {
      return fn.apply(c, f, args);
    }
  }

  /** A native operator with operator arguments. */
  static final class HoNative extends Node {
    final HoFn fn;
    final Node[] args;
    final Nodes.ArgOp[] ops;

    HoNative(Span span, HoFn fn, Node[] args, Nodes.ArgOp[] ops) {
      super(span);
      this.fn = fn;
      this.args = args;
      this.ops = ops;
      for (Node n : args) {
        dep(n);
      }
      for (Nodes.ArgOp o : ops) {
        if (o != null && !o.closed) {
          closed = false;
        }
        if (o != null) {
          // the operator passed in may read any variable
          vars = ALL_VARS;
        }
      }
    }

    @Override
    Value ev(Ctx c, Frame f) {
      Object[] vs = new Object[args.length];
      for (int i = 0; i < vs.length; i++) {
        vs[i] = ops[i] != null ? ops[i].make(c, f) : args[i].eval(c, f);
      }
      return fn.apply(c, vs);
    }
  }
}
