package io.synod.checker.eval;

import io.synod.checker.value.Arith;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.EvalError;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Native versions of operators of Bags, Functions, Folds, FiniteSetsExt, SequencesExt,
 * Relation, Randomization, Reals and TLC!Any (those TLC's tools or its community jar override
 * in Java). Each computes what the module's TLA+ definition states, in one pass where the
 * definition would recurse over SUBSET or search a function set.
 */
final class CommunityNatives {
  private CommunityNatives() {}

  static void register(Natives n) {
    bags(n);
    functionsAndFolds(n);
    finiteSetsExt(n);
    sequencesExt(n);
    relation(n);
    randomization(n);
    reals(n);
    tlcExt(n);
    bitwise(n);
    combinatorics(n);
    undirectedGraphs(n);
    OutputNatives.register(n);
  }

  // ------------------------------------------------------------------ UndirectedGraphs

  /**
   * ConnectedComponents and AreConnectedIn of UndirectedGraphs, which TLC's community jar
   * computes in Java: the definitions search every sequence of nodes (every subset for the
   * components), a graph of 5 nodes taking seconds. An edge joins its two ends, {a} is a loop;
   * an edge with an end outside G.node, or with no or more than two elements, joins nothing, as
   * no path of the definitions can use it.
   */
  private static void undirectedGraphs(Natives n) {
    String m = "UndirectedGraphs";
    unary(n, m, "ConnectedComponents", (c, g) -> {
      java.util.Map<Value, List<Value>> adj = adjacency(c, g, "ConnectedComponents");
      java.util.Set<Value> seen = new java.util.HashSet<>();
      List<Value> comps = new ArrayList<>();
      for (Value start : adj.keySet()) {
        if (seen.add(start)) {
          comps.add(Values.set(reachable(adj, start, seen)));
        }
      }
      return Values.set(comps);
    });
    n.put(m, "AreConnectedIn", Natives.Impl.ternary((c, from, to, g) -> {
      java.util.Map<Value, List<Value>> adj = adjacency(c, g, "AreConnectedIn");
      return Values.bool(adj.containsKey(from) && adj.containsKey(to)
          && reachable(adj, from, new java.util.HashSet<>(List.of(from))).contains(to));
    }));
  }

  /** The nodes of graph {@code g} (a record [node, edge]), each with its neighbours. */
  private static java.util.Map<Value, List<Value>> adjacency(Ctx c, Value g, String op) {
    if (!(g instanceof FcnValue f) || f.indexOf(c.spec.strings.string("node")) < 0
        || f.indexOf(c.spec.strings.string("edge")) < 0) {
      throw EvalException.eval("The argument of " + op + " should be a graph [node |-> ..., edge |-> ...],"
          + " but instead it is:\n" + Pretty.ppr(g));
    }
    java.util.Map<Value, List<Value>> adj = new java.util.LinkedHashMap<>();
    for (Value v : elems(f.apply(c.spec.strings.string("node")))) {
      adj.put(v, new ArrayList<>());
    }
    for (Value e : elems(f.apply(c.spec.strings.string("edge")))) {
      if (!(e instanceof SetValue es) || !es.isEnumerable() || es.size() != 2) {
        continue;
      }
      Value[] ends = es.toSetEnum().toArray();
      if (adj.containsKey(ends[0]) && adj.containsKey(ends[1])) {
        adj.get(ends[0]).add(ends[1]);
        adj.get(ends[1]).add(ends[0]);
      }
    }
    return adj;
  }

  /** The nodes reachable from {@code start} (itself included); marks them in {@code seen}. */
  private static List<Value> reachable(java.util.Map<Value, List<Value>> adj, Value start,
      java.util.Set<Value> seen) {
    List<Value> out = new ArrayList<>(List.of(start));
    for (int i = 0; i < out.size(); i++) {
      for (Value next : adj.get(out.get(i))) {
        if (seen.add(next)) {
          out.add(next);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ Combinatorics

  private static void combinatorics(Natives n) {
    // choose(n, k) without computing n!: the definition's factorials overflow TLC's integers for
    // n > 12 although the coefficient is small; k > n chooses nothing (0), where the definition's
    // factorial[n - k] is undefined, as TLC's own version of the operator answers
    binary(n, "Combinatorics", "choose", (c, x, y) -> {
      long total = naturalArgument(x, "first", "choose");
      long k = naturalArgument(y, "second", "choose");
      if (k > total) {
        return IntValue.ZERO;
      }
      k = Math.min(k, total - k);
      long r = 1;
      for (long i = 1; i <= k; i++) {
        // r is C(total - k + i - 1, i - 1), so r * (total - k + i) / i is exact; it only grows
        java.math.BigInteger next = java.math.BigInteger.valueOf(r)
            .multiply(java.math.BigInteger.valueOf(total - k + i)).divide(java.math.BigInteger.valueOf(i));
        if (!Arith.inRange(next)) {
          throw new EvalError("Overflow when computing " + x + "choose" + y);
        }
        r = next.longValueExact();
      }
      return IntValue.of(r);
    });
  }

  private static long naturalArgument(Value v, String which, String op) {
    if (!(v instanceof IntValue i) || i.value() < 0) {
      throw EvalException.eval("The " + which + " argument of " + op + " should be a natural number, but instead it"
          + " is:\n" + Pretty.ppr(v));
    }
    return i.value();
  }

  private static void bitwise(Natives n) {
    String m = "Bitwise";
    binary(n, m, "&", (c, x, y) -> bits(x, y, "&", java.math.BigInteger::and));
    binary(n, m, "|", (c, x, y) -> bits(x, y, "|", java.math.BigInteger::or));
    binary(n, m, "^^", (c, x, y) -> bits(x, y, "^^", java.math.BigInteger::xor));
    binary(n, m, "shiftR", (c, x, y) -> {
      long k = Natives.intOf(y);
      return big(Arith.big(natural(x, "shiftR")).shiftRight((int) Math.max(0, Math.min(k, Integer.MAX_VALUE))));
    });
  }

  private static Value natural(Value v, String op) {
    if (Arith.big(v).signum() < 0) {
      throw EvalException.eval("The operator " + op + " of Bitwise is defined for natural numbers only, not:\n"
          + Pretty.ppr(v));
    }
    return v;
  }

  private static Value bits(Value x, Value y, String op,
      java.util.function.BinaryOperator<java.math.BigInteger> f) {
    return big(f.apply(Arith.big(natural(x, op)), Arith.big(natural(y, op))));
  }

  private static Value big(java.math.BigInteger b) {
    return IntValue.of(b);
  }

  private static void tlcExt(Natives n) {
    // TLCCache(e, closure) is e; TLC only memoizes it.
    n.put("TLCExt", "TLCCache", Natives.Impl.binary((c, e, closure) -> e, false, false));
    // TLCGetAndSet is native with TLCGet and TLCSet (Natives), on the same registers
  }

  private static void unary(Natives n, String module, String op, Nodes.Fn1 f) {
    n.put(module, op, Natives.Impl.unary(f, false, false));
  }

  private static void binary(Natives n, String module, String op, Nodes.Fn2 f) {
    n.put(module, op, Natives.Impl.binary(f, false, false));
  }

  private static void higher(Natives n, String module, String op, int[] opParams, Natives.HoFn f) {
    n.put(module, op, new Natives.Impl(opParams.length, opParams, null, f, false, false));
  }

  private static Value[] elems(Value s) {
    return Natives.set(s).toSetEnum().toArray();
  }

  // ------------------------------------------------------------------ Bags

  private static void bags(Natives n) {
    String m = "Bags";
    // BagUnion(S): the \oplus of every bag in S.
    unary(n, m, "BagUnion", (c, s) -> {
      Value acc = TupleValue.EMPTY;
      for (Value b : elems(s)) {
        acc = bagAdd(Natives.fcn(acc, "BagUnion"), Natives.fcn(b, "BagUnion"));
      }
      return acc;
    });
    // SubBag(B): every bag whose copies of each element are between 1 and B's, on a sub-domain.
    unary(n, m, "SubBag", (c, b) -> {
      FcnValue f = Natives.fcn(b, "SubBag");
      List<Value> out = new ArrayList<>();
      subBags(f, 0, new ArrayList<>(), new ArrayList<>(), out);
      return Values.set(out);
    });
    // BagOfAll(F, B): the bag of F(x), each counted with x's copies.
    higher(n, m, "BagOfAll", new int[] {1, 0}, (c, a) -> {
      OpValue op = (OpValue) a[0];
      FcnValue b = Natives.fcn((Value) a[1], "BagOfAll");
      FcnValue acc = TupleValue.EMPTY;
      for (int i = 0; i < b.size(); i++) {
        Value y = op.apply(c, new Value[] {b.domainAt(i)});
        acc = (FcnValue) bagAdd(acc, Values.singleton(y, b.valueAt(i)));
      }
      return acc;
    });
  }

  private static Value bagAdd(FcnValue x, FcnValue y) {
    List<Value> dom = new ArrayList<>();
    List<Value> vals = new ArrayList<>();
    for (Value k : Values.union(x.domain(), y.domain()).toSetEnum().toArray()) {
      Value p = x.apply(k);
      Value q = y.apply(k);
      dom.add(k);
      vals.add(Arith.add(p == null ? IntValue.ZERO : p, q == null ? IntValue.ZERO : q));
    }
    return Values.fcnSorted(dom.toArray(new Value[0]), vals.toArray(new Value[0]));
  }

  private static void subBags(FcnValue b, int i, List<Value> dom, List<Value> vals, List<Value> out) {
    if (i == b.size()) {
      out.add(dom.isEmpty() ? TupleValue.EMPTY
          : Values.fcnSorted(dom.toArray(new Value[0]), vals.toArray(new Value[0])));
      return;
    }
    subBags(b, i + 1, dom, vals, out);
    long copies = Natives.intOf(b.valueAt(i));
    for (long k = 1; k <= copies; k++) {
      dom.add(b.domainAt(i));
      vals.add(IntValue.of(k));
      subBags(b, i + 1, dom, vals, out);
      dom.remove(dom.size() - 1);
      vals.remove(vals.size() - 1);
    }
  }

  // ------------------------------------------------------------------ Functions, Folds

  private static void functionsAndFolds(Natives n) {
    unary(n, "Functions", "IsInjective", (c, f) -> {
      FcnValue g = Natives.fcn(f, "IsInjective");
      java.util.Set<Value> seen = new java.util.HashSet<>();
      for (int i = 0; i < g.size(); i++) {
        if (!seen.add(g.valueAt(i))) {
          return BoolValue.FALSE;
        }
      }
      return BoolValue.TRUE;
    });
    // MapThenFoldSet(op, base, f, choose, S): pick with choose from what is left, then fold
    // op(f(p1), op(f(p2), ... base)) as the recursive definition does.
    higher(n, "Folds", "MapThenFoldSet", new int[] {2, 0, 1, 1, 0}, (c, a) -> {
      OpValue op = (OpValue) a[0];
      OpValue f = (OpValue) a[2];
      OpValue choose = (OpValue) a[3];
      SetValue rest = Natives.set((Value) a[4]);
      List<Value> picked = new ArrayList<>();
      while (!rest.isEmpty()) {
        Value p = choose.apply(c, new Value[] {rest});
        picked.add(p);
        rest = Values.diff(rest, Values.set(p));
      }
      Value acc = (Value) a[1];
      for (int i = picked.size() - 1; i >= 0; i--) {
        acc = op.apply(c, new Value[] {f.apply(c, new Value[] {picked.get(i)}), acc});
      }
      return acc;
    });
  }

  // ------------------------------------------------------------------ FiniteSetsExt

  private static void finiteSetsExt(Natives n) {
    String m = "FiniteSetsExt";
    // FoldSet(op, base, S) picks the elements in canonical order: op(e1, op(e2, ... base)).
    higher(n, m, "FoldSet", new int[] {2, 0, 0}, (c, a) -> {
      OpValue op = (OpValue) a[0];
      Value[] es = elems((Value) a[2]);
      Value acc = (Value) a[1];
      for (int i = es.length - 1; i >= 0; i--) {
        acc = op.apply(c, new Value[] {es[i], acc});
      }
      return acc;
    });
    unary(n, m, "SumSet", (c, s) -> {
      Value acc = IntValue.ZERO;
      for (Value v : elems(s)) {
        acc = Arith.add(v, acc);
      }
      return acc;
    });
    unary(n, m, "ProductSet", (c, s) -> {
      Value acc = IntValue.ONE;
      for (Value v : elems(s)) {
        acc = Arith.mul(v, acc);
      }
      return acc;
    });
    unary(n, m, "Max", (c, s) -> extreme(elems(s), true));
    unary(n, m, "Min", (c, s) -> extreme(elems(s), false));
    higher(n, m, "Quantify", new int[] {0, 1}, (c, a) -> {
      OpValue p = (OpValue) a[1];
      long k = 0;
      for (Value v : elems((Value) a[0])) {
        if (Natives.bool(p.apply(c, new Value[] {v}), "Quantify")) {
          k++;
        }
      }
      return IntValue.of(k);
    });
    // kSubset(k, S): the k-element subsets, without going through SUBSET S.
    binary(n, m, "kSubset", (c, k, s) -> {
      Value[] es = elems(s);
      long want = Natives.intOf(k);
      List<Value> out = new ArrayList<>();
      if (want >= 0 && want <= es.length) {
        choose(es, 0, (int) want, new ArrayList<>(), out);
      }
      return Values.set(out);
    });
  }

  private static Value extreme(Value[] es, boolean max) {
    if (es.length == 0) {
      throw EvalException.eval("Attempted to compute the value of an expression of form\n"
          + "CHOOSE x \\in S: P, but no element of S satisfied P.");
    }
    Value best = es[0];
    for (Value v : es) {
      int cmp = Arith.compare(v, best);
      if (max ? cmp > 0 : cmp < 0) {
        best = v;
      }
    }
    return best;
  }

  private static void choose(Value[] es, int from, int k, List<Value> cur, List<Value> out) {
    if (cur.size() == k) {
      out.add(Values.set(cur));
      return;
    }
    for (int i = from; i <= es.length - (k - cur.size()); i++) {
      cur.add(es[i]);
      choose(es, i + 1, k, cur, out);
      cur.remove(cur.size() - 1);
    }
  }

  // ------------------------------------------------------------------ SequencesExt

  private static void sequencesExt(Natives n) {
    String m = "SequencesExt";
    // The injective function over 1..|S| that CHOOSE meets first lists S in canonical order.
    unary(n, m, "SetToSeq", (c, s) -> TupleValue.wrap(elems(s)));
    higher(n, m, "SetToSortSeq", new int[] {0, 2}, (c, a) -> {
      OpValue less = (OpValue) a[1];
      Value[] es = elems((Value) a[0]);
      Arrays.sort(es, (x, y) -> Natives.bool(less.apply(c, new Value[] {x, y}), "SetToSortSeq") ? -1
          : Natives.bool(less.apply(c, new Value[] {y, x}), "SetToSortSeq") ? 1 : 0);
      return TupleValue.wrap(es);
    });
    unary(n, m, "ToSet", (c, s) -> {
      FcnValue f = Natives.fcn(s, "ToSet");
      Value[] vs = new Value[f.size()];
      for (int i = 0; i < vs.length; i++) {
        vs[i] = f.valueAt(i);
      }
      return Values.set(vs);
    });
    unary(n, m, "Reverse", (c, s) -> {
      Value[] es = Natives.seq(s, "Reverse").toArray();
      for (int i = 0, j = es.length - 1; i < j; i++, j--) {
        Value t = es[i];
        es[i] = es[j];
        es[j] = t;
      }
      return TupleValue.wrap(es);
    });
    // FoldLeft(op, base, s) = op(... op(op(base, s[1]), s[2]) ..., s[n]).
    higher(n, m, "FoldLeft", new int[] {2, 0, 0}, (c, a) -> {
      OpValue op = (OpValue) a[0];
      Value acc = (Value) a[1];
      for (Value v : Natives.seq((Value) a[2], "FoldLeft").toArray()) {
        acc = op.apply(c, new Value[] {acc, v});
      }
      return acc;
    });
    // FoldRight(op, s, base) = op(s[1], op(s[2], ... op(s[n], base))).
    higher(n, m, "FoldRight", new int[] {2, 0, 0}, (c, a) -> {
      OpValue op = (OpValue) a[0];
      Value[] es = Natives.seq((Value) a[1], "FoldRight").toArray();
      Value acc = (Value) a[2];
      for (int i = es.length - 1; i >= 0; i--) {
        acc = op.apply(c, new Value[] {es[i], acc});
      }
      return acc;
    });
    // FoldSeq(op, base, s) folds the values in the order of the domain: op(s[1], op(s[2], ...)).
    higher(n, m, "FoldSeq", new int[] {2, 0, 0}, (c, a) -> {
      OpValue op = (OpValue) a[0];
      FcnValue f = Natives.fcn((Value) a[2], "FoldSeq");
      Value acc = (Value) a[1];
      for (int i = f.size() - 1; i >= 0; i--) {
        acc = op.apply(c, new Value[] {f.valueAt(i), acc});
      }
      return acc;
    });
    unary(n, m, "FlattenSeq", (c, s) -> {
      TupleValue seqs = Natives.seq(s, "FlattenSeq");
      if (seqs.length() == 0) {
        return seqs;
      }
      TupleValue acc = Natives.seq(seqs.get(1), "FlattenSeq");
      for (int i = 2; i <= seqs.length(); i++) {
        acc = acc.concat(Natives.seq(seqs.get(i), "FlattenSeq"));
      }
      return acc;
    });
    n.put(m, "ReplaceAllSubSeqs", Natives.Impl.ternary((c, r, s, t) -> replaceAll(
        Natives.seq(r, "ReplaceAllSubSeqs"), Natives.seq(s, "ReplaceAllSubSeqs"), Natives.seq(t, "ReplaceAllSubSeqs"))));
  }

  /** Scans t from the left, replacing each occurrence of s by r; an empty s puts r before each element. */
  private static Value replaceAll(TupleValue r, TupleValue s, TupleValue t) {
    if (s.equals(t)) {
      return r;
    }
    Value[] rs = r.toArray();
    Value[] ss = s.toArray();
    Value[] ts = t.toArray();
    List<Value> out = new ArrayList<>();
    if (ss.length == 0) {
      for (Value v : ts) {
        out.addAll(Arrays.asList(rs));
        out.add(v);
      }
      return TupleValue.wrap(out.toArray(new Value[0]));
    }
    int i = 0;
    while (i < ts.length) {
      if (i + ss.length <= ts.length && Arrays.equals(ts, i, i + ss.length, ss, 0, ss.length)) {
        out.addAll(Arrays.asList(rs));
        i += ss.length;
      } else {
        out.add(ts[i++]);
      }
    }
    return TupleValue.wrap(out.toArray(new Value[0]));
  }

  // ------------------------------------------------------------------ Relation

  private static void relation(Natives n) {
    // TransitiveClosure(R, S) for R a Boolean function on S \X S: Warshall's algorithm, the
    // fixed point the definition's Paths[Cardinality(S)] reaches.
    binary(n, "Relation", "TransitiveClosure", (c, r, s) -> {
      FcnValue rel = Natives.fcn(r, "TransitiveClosure");
      Value[] es = elems(s);
      int k = es.length;
      boolean[][] reach = new boolean[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          Value v = rel.apply(Values.tuple(es[i], es[j]));
          if (v == null) {
            throw EvalException.eval("Attempted to apply function:\n" + Pretty.ppr(rel) + "\nto argument "
                + Pretty.ppr(Values.tuple(es[i], es[j])) + ", which is not in the domain of the function.");
          }
          reach[i][j] = Natives.bool(v, "TransitiveClosure");
        }
      }
      for (int m = 0; m < k; m++) {
        for (int i = 0; i < k; i++) {
          if (reach[i][m]) {
            for (int j = 0; j < k; j++) {
              reach[i][j] |= reach[m][j];
            }
          }
        }
      }
      Value[] dom = new Value[k * k];
      Value[] vals = new Value[k * k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          dom[i * k + j] = Values.tuple(es[i], es[j]);
          vals[i * k + j] = BoolValue.of(reach[i][j]);
        }
      }
      return Values.fcn(dom, vals);
    });
  }

  // ------------------------------------------------------------------ Randomization

  private static void randomization(Natives n) {
    String m = "Randomization";
    // RandomSubset(k, S): k distinct elements of S drawn at random.
    n.put(m, "RandomSubset", Natives.Impl.binary((c, k, s) -> {
      SetValue set = Natives.set(s);
      long size;
      try {
        if (drawable(set)) {
          // TLC draws from a Cartesian product of intervals (and finite sets) component by
          // component, however many elements the product has
          long want = Natives.intOf(k);
          long count = drawableSize(set);
          if (count < 0 || count > Integer.MAX_VALUE) {
            if (want < 0) {
              throw EvalException.eval("The first argument of RandomSubset should be a natural number less than or "
                  + "equal to the cardinality of the second argument, but instead it is:\n" + Pretty.ppr(k));
            }
            return drawDistinct(c, set, (int) Math.min(want, Integer.MAX_VALUE));
          }
        }
        // TLC counts in an int: a larger set overflows.
        size = set.size();
        if (size > Integer.MAX_VALUE) {
          throw new EvalError("Overflow when computing the number of elements in:\n" + Pretty.ppr(set));
        }
      } catch (EvalError e) {
        throw EvalException.eval("Attempted to apply the operator overridden by the Java method\n"
            + "public static tlc2.value.impl.Value tlc2.module.Randomization.RandomSubset("
            + "tlc2.value.impl.Value,tlc2.value.impl.Value),\nbut it produced the following error:\n"
            + e.getMessage());
      }
      long want = Natives.intOf(k);
      if (want < 0 || want > size) {
        throw EvalException.eval("The first argument of RandomSubset should be a natural number less than or "
            + "equal to the cardinality of the second argument, but instead it is:\n" + Pretty.ppr(k));
      }
      return randomSubset(c, set, size, (int) want);
    }, true, false));
    // RandomSetOfSubsets(k, n, S): at most k subsets of S, each element in with probability n/|S|.
    n.put(m, "RandomSetOfSubsets", new Natives.Impl(3, null, (c, a) -> {
      SetValue set = Natives.set(a[2]);
      long size = sizeOf(set);
      long n1 = Natives.intOf(a[1]);
      return randomSubsets(c, set, Natives.intOf(a[0]), size == 0 ? 0.0 : (double) n1 / size);
    }, null, true, false));
    // RandomSubsetSet(k, p, S): as above with the probability given as a string "0.5".
    n.put(m, "RandomSubsetSet", new Natives.Impl(3, null, (c, a) -> {
      double p;
      try {
        p = Double.parseDouble(((io.synod.checker.value.StringValue) a[1]).text());
      } catch (RuntimeException e) {
        throw EvalException.eval("The second argument of RandomSubsetSet should be a probability, a string "
            + "such as \"0.5\", but instead it is:\n" + Pretty.ppr(a[1]));
      }
      return randomSubsets(c, Natives.set(a[2]), Natives.intOf(a[0]), p);
    }, null, true, false));
    // TestRandomSetOfSubsets(k, n, S): how many subsets RandomSetOfSubsets(k, n, S) drew.
    n.put(m, "TestRandomSetOfSubsets", new Natives.Impl(3, null, (c, a) -> {
      SetValue set = Natives.set(a[2]);
      long size = sizeOf(set);
      Value r = randomSubsets(c, set, Natives.intOf(a[0]), size == 0 ? 0.0 : (double) Natives.intOf(a[1]) / size);
      return IntValue.of(((SetValue) r).size());
    }, null, true, false));
  }

  private static long sizeOf(SetValue s) {
    try {
      return s.size();
    } catch (EvalError e) {
      throw EvalException.eval(e.getMessage());
    }
  }

  private static Value randomSubset(Ctx c, SetValue set, long size, int k) {
    // Floyd's sampling: k distinct indexes below size, then the elements at them.
    java.util.TreeSet<Long> picks = new java.util.TreeSet<>();
    for (long j = size - k; j < size; j++) {
      long t = (long) (c.random().nextDouble() * (j + 1));
      picks.add(picks.contains(t) ? j : t);
    }
    List<Value> out = new ArrayList<>();
    if (drawable(set)) {
      // elements by index, without building the whole set (any one-to-one numbering will do)
      for (long i : picks) {
        out.add(elementAt(set, i));
      }
      return Values.set(out);
    }
    Value[] es = set.toSetEnum().toArray();
    for (long i : picks) {
      out.add(es[(int) i]);
    }
    return Values.set(out);
  }

  /** Intervals and Cartesian products of intervals (or of finite sets): drawn from by component. */
  private static boolean drawable(SetValue s) {
    if (s instanceof io.synod.checker.value.IntervalValue) {
      return true;
    }
    if (s instanceof io.synod.checker.value.ProductSetValue p) {
      for (SetValue x : p.components()) {
        if (!(x instanceof io.synod.checker.value.IntervalValue || x instanceof io.synod.checker.value.ProductSetValue
            ? drawable(x) : x.isEnumerable())) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof io.synod.checker.value.FcnSetValue f) {
      // [D -> R]: a function is one choice in R per element of D
      return f.domainSet().isEnumerable() && (f.rangeSet() instanceof io.synod.checker.value.IntervalValue
          || f.rangeSet() instanceof io.synod.checker.value.ProductSetValue ? drawable(f.rangeSet())
          : f.rangeSet().isEnumerable());
    }
    return false;
  }

  /** The number of elements of a drawable set, or -1 when it exceeds a long. */
  private static long drawableSize(SetValue s) {
    if (s instanceof io.synod.checker.value.ProductSetValue p) {
      long n = 1;
      for (SetValue x : p.components()) {
        long m = drawableSize(x);
        if (m < 0 || m != 0 && n > Long.MAX_VALUE / m) {
          return -1;
        }
        n *= m;
      }
      return n;
    }
    if (s instanceof io.synod.checker.value.FcnSetValue f) {
      long d = f.domainSet().size();
      long m = drawableSize(f.rangeSet());
      long n = 1;
      for (long i = 0; i < d; i++) {
        if (m < 0 || m != 0 && n > Long.MAX_VALUE / m) {
          return -1;
        }
        n *= m;
      }
      return n;
    }
    return s.size();
  }

  /** Element number {@code i} of a drawable set: a product's in mixed radix, last component fastest. */
  private static Value elementAt(SetValue s, long i) {
    if (s instanceof io.synod.checker.value.IntervalValue iv) {
      return IntValue.of(iv.lo() + i);
    }
    if (s instanceof io.synod.checker.value.ProductSetValue p) {
      SetValue[] cs = p.components();
      Value[] t = new Value[cs.length];
      for (int j = cs.length - 1; j >= 0; j--) {
        long m = drawableSize(cs[j]);
        t[j] = elementAt(cs[j], i % m);
        i /= m;
      }
      return TupleValue.wrap(t);
    }
    if (s instanceof io.synod.checker.value.FcnSetValue f) {
      Value[] dom = f.domainSet().toSetEnum().toArray();
      long m = drawableSize(f.rangeSet());
      Value[] vals = new Value[dom.length];
      for (int j = dom.length - 1; j >= 0; j--) {
        vals[j] = elementAt(f.rangeSet(), i % m);
        i /= m;
      }
      return Values.fcn(dom, vals);
    }
    return s.toSetEnum().toArray()[(int) i];
  }

  /** One element of a drawable set, uniformly at random. */
  private static Value drawOne(Ctx c, SetValue s) {
    if (s instanceof io.synod.checker.value.IntervalValue iv) {
      return IntValue.of(iv.lo() + (long) (c.random().nextDouble() * iv.size()));
    }
    if (s instanceof io.synod.checker.value.ProductSetValue p) {
      SetValue[] cs = p.components();
      Value[] t = new Value[cs.length];
      for (int i = 0; i < cs.length; i++) {
        t[i] = drawOne(c, cs[i]);
      }
      return TupleValue.wrap(t);
    }
    if (s instanceof io.synod.checker.value.FcnSetValue f) {
      Value[] dom = f.domainSet().toSetEnum().toArray();
      Value[] vals = new Value[dom.length];
      for (int j = 0; j < dom.length; j++) {
        vals[j] = drawOne(c, f.rangeSet());
      }
      return Values.fcn(dom, vals);
    }
    Value[] es = s.toSetEnum().toArray();
    return es[(int) (c.random().nextDouble() * es.length)];
  }

  /**
   * {@code k} distinct elements of a drawable set too large to index (k at most its size), drawn
   * one by one: with so many elements, repeats are rare.
   */
  private static Value drawDistinct(Ctx c, SetValue s, int k) {
    java.util.Set<Value> out = new java.util.LinkedHashSet<>();
    while (out.size() < k) {
      out.add(drawOne(c, s));
    }
    return Values.set(new ArrayList<>(out));
  }

  private static Value randomSubsets(Ctx c, SetValue set, long k, double p) {
    Value[] es = set.toSetEnum().toArray();
    List<Value> out = new ArrayList<>();
    for (long i = 0; i < k; i++) {
      List<Value> sub = new ArrayList<>();
      for (Value v : es) {
        if (c.random().nextDouble() < p) {
          sub.add(v);
        }
      }
      out.add(Values.set(sub));
    }
    return Values.set(out);
  }

  // ------------------------------------------------------------------ Reals, Any

  private static void reals(Natives n) {
    Nodes.Fn real = (c, a) -> {
      throw EvalException.eval("TLC can't handle real numbers.");
    };
    n.put("Reals", "Real", new Natives.Impl(0, null, real, null, false, false));
    n.put("Reals", "Infinity", new Natives.Impl(0, null, real, null, false, false));
    n.put("Reals", "/", Natives.Impl.binary((c, x, y) -> {
      throw EvalException.eval("TLC can't handle real numbers.");
    }, false, false));
    n.put("TLC", "Any", new Natives.Impl(0, null, (c, a) -> io.synod.checker.value.InfiniteSetValue.ANY, null, false, false));
  }
}
