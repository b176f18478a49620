package io.synod.checker.eval;

import io.synod.checker.eval.Symbols.NativeSym;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.Arith;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.InfiniteSetValue;
import io.synod.checker.value.IntValue;
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
 * Operators of the standard modules implemented in Java. Anything not listed here is evaluated
 * from its TLA+ definition in the shipped module text.
 */
final class Natives {

  /** How one native operator is evaluated. */
  static final class Impl {
    final int arity;
    /** Arity of each operator parameter (0 for value parameters); null when all are values. */
    final int[] opParams;
    final Nodes.Fn fn;
    final HoFn hoFn;
    final boolean impure;
    final boolean effect;

    Impl(int arity, int[] opParams, Nodes.Fn fn, HoFn hoFn, boolean impure, boolean effect) {
      this.arity = arity;
      this.opParams = opParams;
      this.fn = fn;
      this.hoFn = hoFn;
      this.impure = impure;
      this.effect = effect;
    }
  }

  /** A native operator with operator parameters: args are {@link Value}s or {@link OpValue}s. */
  interface HoFn {
    Value apply(Ctx c, Object[] args);
  }

  private final Map<String, Impl> table = new HashMap<>();

  Natives() {
    naturals();
    sequences();
    finiteSets();
    bags();
    tlc();
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

  private void ho(String module, String op, int[] opParams, HoFn fn) {
    table.put(module + " " + op, new Impl(opParams.length, opParams, null, fn, false, false));
  }

  // ------------------------------------------------------------------ tables

  private void naturals() {
    for (String m : new String[] {"Naturals", "Integers"}) {
      fn(m, "+", 2, (c, a) -> Arith.add(a[0], a[1]));
      fn(m, "-", 2, (c, a) -> Arith.sub(a[0], a[1]));
      fn(m, "*", 2, (c, a) -> Arith.mul(a[0], a[1]));
      fn(m, "^", 2, (c, a) -> Arith.pow(a[0], a[1]));
      fn(m, "<", 2, (c, a) -> BoolValue.of(Arith.compare(a[0], a[1]) < 0));
      fn(m, ">", 2, (c, a) -> BoolValue.of(Arith.compare(a[0], a[1]) > 0));
      fn(m, "<=", 2, (c, a) -> BoolValue.of(Arith.compare(a[0], a[1]) <= 0));
      fn(m, ">=", 2, (c, a) -> BoolValue.of(Arith.compare(a[0], a[1]) >= 0));
      fn(m, "%", 2, (c, a) -> Arith.mod(a[0], a[1]));
      fn(m, "\\div", 2, (c, a) -> Arith.div(a[0], a[1]));
      fn(m, "..", 2, (c, a) -> Values.interval(intOf(a[0]), intOf(a[1])));
      fn(m, "Nat", 0, (c, a) -> InfiniteSetValue.NAT);
    }
    fn("Integers", "Int", 0, (c, a) -> InfiniteSetValue.INT);
    fn("Integers", "-.", 1, (c, a) -> Arith.neg(a[0]));
  }

  private void sequences() {
    String m = "Sequences";
    fn(m, "Seq", 1, (c, a) -> Values.seqSet(set(a[0])));
    fn(m, "Len", 1, (c, a) -> a[0] instanceof StringValue s
        ? IntValue.of(s.text().length()) : IntValue.of(seq(a[0], "Len").length()));
    fn(m, "\\o", 2, (c, a) -> {
      if (a[0] instanceof StringValue x && a[1] instanceof StringValue y) {
        return c.spec.strings.string(x.text() + y.text());
      }
      return seq(a[0], "\\o").concat(seq(a[1], "\\o"));
    });
    fn(m, "Append", 2, (c, a) -> seq(a[0], "Append").append(a[1]));
    fn(m, "Head", 1, (c, a) -> {
      TupleValue s = seq(a[0], "Head");
      if (s.length() == 0) {
        throw EvalException.eval("Attempted to apply Head to the empty sequence.");
      }
      return s.get(1);
    });
    fn(m, "Tail", 1, (c, a) -> {
      TupleValue s = seq(a[0], "Tail");
      if (s.length() == 0) {
        throw EvalException.eval("Attempted to apply Tail to the empty sequence.");
      }
      return s.subSeq(2, s.length());
    });
    fn(m, "SubSeq", 3, (c, a) -> {
      TupleValue s = seq(a[0], "SubSeq");
      long from = intOf(a[1]);
      long to = intOf(a[2]);
      if (from > to) {
        return TupleValue.EMPTY;
      }
      if (from < 1 || to > s.length()) {
        throw EvalException.eval("The second argument of SubSeq must be in the domain of its first argument:\n"
            + Pretty.ppr(s) + "\nbut instead it is\n" + (from < 1 ? from : to));
      }
      return s.subSeq((int) from, (int) to);
    });
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
    fn("FiniteSets", "Cardinality", 1, (c, a) -> IntValue.of(set(a[0]).size()));
    fn("FiniteSets", "IsFiniteSet", 1, (c, a) -> BoolValue.of(set(a[0]).isEnumerable()));
  }

  private void bags() {
    String m = "Bags";
    fn(m, "EmptyBag", 0, (c, a) -> TupleValue.EMPTY);
    fn(m, "SetToBag", 1, (c, a) -> Values.fcnOver(set(a[0]), v -> IntValue.ONE));
    fn(m, "BagToSet", 1, (c, a) -> fcn(a[0], "BagToSet").domain());
    fn(m, "BagIn", 2, (c, a) -> BoolValue.of(fcn(a[1], "BagIn").apply(a[0]) != null));
    fn(m, "CopiesIn", 2, (c, a) -> {
      Value v = fcn(a[1], "CopiesIn").apply(a[0]);
      return v == null ? IntValue.ZERO : v;
    });
    fn(m, "IsABag", 1, (c, a) -> {
      if (!(a[0] instanceof FcnValue f)) {
        return BoolValue.FALSE;
      }
      for (int i = 0; i < f.size(); i++) {
        if (!(f.valueAt(i) instanceof IntValue n) || n.value() <= 0) {
          return BoolValue.FALSE;
        }
      }
      return BoolValue.TRUE;
    });
    fn(m, "BagCardinality", 1, (c, a) -> {
      FcnValue f = fcn(a[0], "BagCardinality");
      Value sum = IntValue.ZERO;
      for (int i = 0; i < f.size(); i++) {
        sum = Arith.add(sum, f.valueAt(i));
      }
      return sum;
    });
    fn(m, "\\oplus", 2, (c, a) -> bagCombine(fcn(a[0], "(+)"), fcn(a[1], "(+)"), true));
    fn(m, "\\ominus", 2, (c, a) -> bagCombine(fcn(a[0], "(-)"), fcn(a[1], "(-)"), false));
    fn(m, "\\sqsubseteq", 2, (c, a) -> {
      FcnValue x = fcn(a[0], "\\sqsubseteq");
      FcnValue y = fcn(a[1], "\\sqsubseteq");
      for (int i = 0; i < x.size(); i++) {
        Value other = y.apply(x.domainAt(i));
        if (Arith.compare(x.valueAt(i), other == null ? IntValue.ZERO : other) > 0) {
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
    special(m, "Print", 2, (c, a) -> {
      c.host.print(Pretty.pprAsWritten(a[0]) + "  " + Pretty.pprAsWritten(a[1]));
      return a[1];
    }, false, true);
    special(m, "PrintT", 1, (c, a) -> {
      c.host.print(Pretty.pprAsWritten(a[0]));
      return BoolValue.TRUE;
    }, false, true);
    special(m, "Assert", 2, (c, a) -> {
      if (a[0] == BoolValue.TRUE) {
        return BoolValue.TRUE;
      }
      if (!(a[0] instanceof BoolValue)) {
        throw EvalException.eval("The first argument of Assert must be a boolean, but is:\n" + Pretty.ppr(a[0]));
      }
      throw new EvalException(EvalException.Kind.ASSERT,
          "The first argument of Assert evaluated to FALSE; the second argument was:\n" + assertOut(a[1]));
    }, false, true);
    special(m, "JavaTime", 0, (c, a) -> IntValue.of(System.currentTimeMillis() / 1000), true, false);
    special(m, "TLCGet", 1, Natives::tlcGet, true, false);
    special(m, "TLCSet", 2, (c, a) -> {
      c.registers.put(a[0], a[1]);
      return BoolValue.TRUE;
    }, false, true);
    fn(m, ":>", 2, (c, a) -> Values.fcn(new Value[] {a[0]}, new Value[] {a[1]}));
    fn(m, "@@", 2, (c, a) -> {
      FcnValue f = fcn(a[0], "@@");
      FcnValue g = fcn(a[1], "@@");
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
    fn(m, "Permutations", 1, (c, a) -> permutations(set(a[0])));
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
    special(m, "RandomElement", 1, (c, a) -> {
      SetEnumValue s = set(a[0]).toSetEnum();
      if (s.isEmpty()) {
        throw EvalException.eval("Attempted to compute RandomElement of the empty set.");
      }
      return s.get(c.random.nextInt(s.intSize()));
    }, true, false);
    fn(m, "ToString", 1, (c, a) -> c.spec.strings.string(Pretty.flatAsWritten(a[0])));
    fn(m, "TLCEval", 1, (c, a) -> a[0]);
    special("TLCExt", "AssertEq", 2, (c, a) -> {
      if (!a[0].equals(a[1])) {
        c.host.print(Pretty.ppr(a[0]) + " # " + Pretty.ppr(a[1]));
        return BoolValue.FALSE;
      }
      return BoolValue.TRUE;
    }, false, true);
    fn("TLCExt", "TLCModelValue", 1, (c, a) -> {
      if (!(a[0] instanceof StringValue s)) {
        throw EvalException.eval("TLCModelValue expects a string, not:\n" + Pretty.ppr(a[0]));
      }
      return c.spec.strings.modelValue(s.text());
    });
  }

  private static String assertOut(Value v) {
    return v instanceof StringValue s ? "\"" + s.text() + "\"" : Pretty.pprAsWritten(v);
  }

  private static Value tlcGet(Ctx c, Value[] a) {
    if (a[0] instanceof StringValue s) {
      String key = s.text();
      if (key.equals("level")) {
        return IntValue.of(c.level);
      }
      if (key.equals("stats")) {
        String[] names = {"diameter", "distinct", "generated", "queue", "duration"};
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
      Value v = c.host.statistic(key);
      if (v != null) {
        return v;
      }
    }
    Value v = c.registers.get(a[0]);
    if (v == null) {
      throw EvalException.eval("TLCGet(" + Pretty.ppr(a[0]) + ") was called before any TLCSet of that register.");
    }
    return v;
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

  Node compile(Compiler.Ctxt cx, Span span, NativeSym n, List<Expr> args) {
    Impl impl = n.impl;
    if (args.size() != impl.arity) {
      throw Compiler.semantic(span, "The operator " + n.name + " requires " + impl.arity
          + " arguments but was given " + args.size() + ".");
    }
    Node node;
    if (impl.opParams == null) {
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
    if (impl.arity == 0 && node.foldable()) {
      return new Nodes.Cached(node);
    }
    return node;
  }

  /** A native operator passed as an operator argument. */
  Nodes.ArgOp opArg(Compiler.Ctxt cx, Span span, NativeSym n, int arity) {
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
    return new Nodes.Native(span, (c, v) -> BoolValue.of(!bool(v[0], "~")), new Node[] {a});
  }

  Node setOp(Span span, String op, Node a, Node b) {
    Nodes.Fn fn = switch (op) {
      case "\\subseteq" -> (c, v) -> BoolValue.of(set(v[0]).isSubsetOf(set(v[1])));
      case "\\subset" -> (c, v) -> BoolValue.of(set(v[0]).isSubsetOf(set(v[1])) && !v[0].equals(v[1]));
      case "\\supseteq" -> (c, v) -> BoolValue.of(set(v[1]).isSubsetOf(set(v[0])));
      case "\\supset" -> (c, v) -> BoolValue.of(set(v[1]).isSubsetOf(set(v[0])) && !v[0].equals(v[1]));
      case "\\cup" -> (c, v) -> Values.union(set(v[0]), set(v[1]));
      case "\\cap" -> (c, v) -> Values.intersect(set(v[0]), set(v[1]));
      case "\\" -> (c, v) -> Values.diff(set(v[0]), set(v[1]));
      case "SUBSET" -> (c, v) -> Values.subset(set(v[0]));
      case "UNION" -> (c, v) -> Values.bigUnion(set(v[0]));
      case "DOMAIN" -> (c, v) -> fcn(v[0], "DOMAIN").domain();
      default -> throw new IllegalArgumentException(op);
    };
    return new Nodes.Native(span, fn, b == null ? new Node[] {a} : new Node[] {a, b});
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
