package io.synod.checker.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random values of a dozen "types" (values of one type are always comparable), interned in one
 * table, plus an independent way to rebuild a value from shuffled parts.
 */
final class ValueGen {
  static final int TYPES = 12;

  final StringTable table = new StringTable();
  final StringValue[] strings;
  final ModelValue[] models;
  final StringValue[] fields;

  ValueGen() {
    fields = new StringValue[] {table.string("b"), table.string("a"), table.string("c")};
    strings = new StringValue[] {table.string("x"), table.string("a"), table.string("x y"),
        table.string("\"q\"")};
    models = new ModelValue[] {table.modelValue("m2"), table.modelValue("m1"), table.modelValue("m3")};
  }

  Arbitrary<Value> ints() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(-4, 4).map(i -> (Value) IntValue.of(i))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-2, 2)
            .map(i -> IntValue.of(BigInteger.TWO.pow(70).add(BigInteger.valueOf(i))))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE).map(l -> (Value) IntValue.of(l))));
  }

  Arbitrary<Value> ofType(int t) {
    return switch (t) {
      case 0 -> ints();
      case 1 -> Arbitraries.of(strings).map(v -> (Value) v);
      case 2 -> Arbitraries.of(BoolValue.TRUE, BoolValue.FALSE).map(v -> (Value) v);
      case 3 -> Arbitraries.of(models).map(v -> (Value) v);
      case 4 -> setOf(ofType(0), 4);
      case 5 -> ofType(0).list().ofMaxSize(3).map(l -> (Value) TupleValue.of(l.toArray(new Value[0])));
      case 6 -> Arbitraries.integers().between(1, 7).flatMap(mask -> ofType(0).list().ofSize(3).map(vals -> {
        List<Value> names = new ArrayList<>();
        List<Value> vs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          if ((mask & (1 << i)) != 0) {
            names.add(fields[i]);
            vs.add(vals.get(i));
          }
        }
        return (Value) Values.fcn(names.toArray(new Value[0]), vs.toArray(new Value[0]));
      }));
      case 7 -> Arbitraries.integers().between(0, 15).flatMap(mask -> ofType(0).list().ofSize(4).map(vals -> {
        List<Value> d = new ArrayList<>();
        List<Value> v = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          if ((mask & (1 << i)) != 0) {
            d.add(IntValue.of(i));
            v.add(vals.get(i));
          }
        }
        return (Value) Values.fcn(d.toArray(new Value[0]), v.toArray(new Value[0]));
      }));
      case 8 -> setOf(ofType(5), 3);
      case 9 -> setOf(ofType(4), 3);
      case 10 -> Arbitraries.integers().between(0, 7).flatMap(mask -> ofType(4).list().ofSize(3).map(vals -> {
        List<Value> d = new ArrayList<>();
        List<Value> v = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          if ((mask & (1 << i)) != 0) {
            d.add(models[i]);
            v.add(vals.get(i));
          }
        }
        return (Value) Values.fcn(d.toArray(new Value[0]), v.toArray(new Value[0]));
      }));
      default -> Arbitraries.integers().between(0, 3).flatMap(n -> ofType(1).list().ofSize(n)
          .flatMap(ss -> ofType(0).list().ofSize(n).map(is -> {
            Value[] pairs = new Value[n];
            for (int i = 0; i < n; i++) {
              pairs[i] = TupleValue.of(ss.get(i), is.get(i));
            }
            return (Value) TupleValue.of(pairs);
          })));
    };
  }

  private static Arbitrary<Value> setOf(Arbitrary<Value> elem, int max) {
    return elem.list().ofMaxSize(max).map(l -> (Value) Values.set(l));
  }

  /** Lists of {@code n} values of one random type. */
  Arbitrary<List<Value>> sameType(int n) {
    return Arbitraries.integers().between(0, TYPES - 1).flatMap(t -> ofType(t).list().ofSize(n));
  }

  Arbitrary<Value> any() {
    return Arbitraries.integers().between(0, TYPES - 1).flatMap(this::ofType);
  }

  /** Rebuilds {@code v} from its parts in a shuffled order through the generic factories. */
  static Value rebuild(Value v, Random rnd) {
    if (v instanceof FcnValue f) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < f.size(); i++) {
        idx.add(i);
      }
      Collections.shuffle(idx, rnd);
      Value[] d = new Value[f.size()];
      Value[] vals = new Value[f.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = rebuild(f.domainAt(idx.get(i)), rnd);
        vals[i] = rebuild(f.valueAt(idx.get(i)), rnd);
      }
      return Values.fcn(d, vals);
    }
    if (v instanceof SetValue s) {
      List<Value> elems = new ArrayList<>();
      s.iterator().forEachRemaining(e -> elems.add(rebuild(e, rnd)));
      elems.addAll(elems.subList(0, elems.size() / 2));
      Collections.shuffle(elems, rnd);
      return Values.set(elems);
    }
    if (v instanceof IntValue i) {
      return IntValue.of(Arith.big(i));
    }
    return v;
  }
}
