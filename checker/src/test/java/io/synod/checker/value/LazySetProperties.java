package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Lazy set forms against independent explicit constructions: same elements, same canonical
 * enumeration order, same cardinality, same fingerprint, and membership without enumerating
 * agrees with membership in the explicit set.
 */
class LazySetProperties {
  private final StringTable t = new StringTable();
  private final StringValue fa = t.string("f");
  private final StringValue fb = t.string("e");

  @Provide
  Arbitrary<SetValue> smallIntSet() {
    return Arbitraries.integers().between(-2, 3).set().ofMaxSize(4)
        .map(s -> Values.set(s.stream().map(IntValue::of).toArray(Value[]::new)));
  }

  private Arbitrary<Value> ints() {
    return Arbitraries.integers().between(-3, 4).map(IntValue::of);
  }

  /** Candidate members for sets of sets (other kinds are comparison errors in TLC). */
  @Provide
  Arbitrary<Value> setCandidate() {
    return ints().set().ofMaxSize(3).map(s -> (Value) Values.set(s.toArray(new Value[0])));
  }

  /** Candidate members for sets of functions over integers (tuples included). */
  @Provide
  Arbitrary<Value> fcnCandidate() {
    Arbitrary<Value> tuples = ints().list().ofMaxSize(3).map(l -> (Value) TupleValue.of(l.toArray(new Value[0])));
    Arbitrary<Value> fcns = ints().list().ofSize(2).map(l -> (Value) Values.fcn(
        new Value[] {IntValue.of(0), IntValue.of(1)}, l.toArray(new Value[0])));
    Arbitrary<Value> sparse = ints().list().ofSize(2).map(l -> (Value) Values.fcn(
        new Value[] {l.get(0), Arith.add(l.get(0), IntValue.of(5))}, new Value[] {l.get(1), l.get(1)}));
    return Arbitraries.oneOf(tuples, fcns, sparse);
  }

  @Provide
  Arbitrary<Value> recordCandidate() {
    return ints().list().ofSize(2).map(l -> (Value) Values.record(
        new StringValue[] {fa, fb}, l.toArray(new Value[0])));
  }

  private static void assertSameSet(SetValue lazy, SetEnumValue explicit) {
    assertEquals(explicit.size(), lazy.size(), "cardinality without enumeration");
    List<Value> seen = new ArrayList<>();
    for (Iterator<Value> it = lazy.iterator(); it.hasNext(); ) {
      seen.add(it.next());
    }
    List<Value> expected = new ArrayList<>();
    explicit.iterator().forEachRemaining(expected::add);
    assertEquals(expected, seen, "enumeration in canonical order");
    assertEquals(explicit, lazy);
    assertEquals(lazy, explicit);
    assertEquals(explicit.fingerprint(), lazy.fingerprint());
    assertEquals(0, lazy.compareTo(explicit));
    assertEquals(explicit.toString(), lazy.toSetEnum().toString());
  }

  @Property(tries = 100)
  void intervals(@ForAll @IntRange(min = -3, max = 4) int lo, @ForAll @IntRange(min = -3, max = 6) int hi,
      @ForAll @IntRange(min = -5, max = 8) int x) {
    IntervalValue iv = Values.interval(lo, hi);
    List<Value> elems = new ArrayList<>();
    for (int k = lo; k <= hi; k++) {
      elems.add(IntValue.of(k));
    }
    SetEnumValue explicit = Values.set(elems);
    assertSameSet(iv, explicit);
    assertEquals(explicit.contains(IntValue.of(x)), iv.contains(IntValue.of(x)));
  }

  @Property(tries = 100)
  void subsets(@ForAll("smallIntSet") SetValue base, @ForAll("setCandidate") Value c) {
    SetEnumValue b = base.toSetEnum();
    int n = (int) b.size();
    List<Value> all = new ArrayList<>();
    for (int mask = 0; mask < (1 << n); mask++) {
      List<Value> sub = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        if ((mask & (1 << k)) != 0) {
          sub.add(b.get(k));
        }
      }
      all.add(Values.set(sub));
    }
    SetValue lazy = Values.subset(base);
    SetEnumValue explicit = Values.set(all);
    assertSameSet(lazy, explicit);
    assertEquals(explicit.contains(c), lazy.contains(c));
  }

  @Property(tries = 100)
  void functionSets(@ForAll("smallIntSet") SetValue dom, @ForAll("smallIntSet") SetValue rng,
      @ForAll("fcnCandidate") Value c) {
    Value[] d = dom.toSetEnum().toArray();
    Value[] r = rng.toSetEnum().toArray();
    List<Value> all = new ArrayList<>();
    int count = 1;
    for (int k = 0; k < d.length; k++) {
      count *= r.length;
    }
    for (int code = 0; code < count; code++) {
      Value[] vals = new Value[d.length];
      int rest = code;
      for (int k = 0; k < d.length; k++) {
        vals[k] = r[rest % r.length];
        rest /= r.length;
      }
      all.add(Values.fcn(d, vals));
    }
    SetValue lazy = Values.fcnSet(dom, rng);
    SetEnumValue explicit = Values.set(all);
    assertSameSet(lazy, explicit);
    assertEquals(explicit.contains(c), lazy.contains(c));
  }

  @Property(tries = 100)
  void recordSetsAndProducts(@ForAll("smallIntSet") SetValue s1, @ForAll("smallIntSet") SetValue s2,
      @ForAll("recordCandidate") Value r, @ForAll("fcnCandidate") Value c) {
    List<Value> recs = new ArrayList<>();
    List<Value> pairs = new ArrayList<>();
    for (Iterator<Value> i = s1.iterator(); i.hasNext(); ) {
      Value x = i.next();
      for (Iterator<Value> j = s2.iterator(); j.hasNext(); ) {
        Value y = j.next();
        recs.add(Values.record(new StringValue[] {fa, fb}, new Value[] {x, y}));
        pairs.add(Values.tuple(x, y));
      }
    }
    SetValue rs = Values.recordSet(new StringValue[] {fb, fa}, new SetValue[] {s2, s1});
    SetValue ps = Values.product(s1, s2);
    assertSameSet(rs, Values.set(recs));
    assertSameSet(ps, Values.set(pairs));
    assertEquals(Values.set(recs).contains(r), rs.contains(r));
    assertEquals(Values.set(pairs).contains(c), ps.contains(c));
  }

  @Property(tries = 100)
  void filterMapAndAlgebraAgreeWithExplicitSets(@ForAll("smallIntSet") SetValue a,
      @ForAll("smallIntSet") SetValue b, @ForAll @IntRange(min = -3, max = 4) int x) {
    List<Value> union = new ArrayList<>();
    List<Value> inter = new ArrayList<>();
    List<Value> diff = new ArrayList<>();
    for (int k = -3; k <= 4; k++) {
      Value v = IntValue.of(k);
      boolean ina = a.contains(v);
      boolean inb = b.contains(v);
      if (ina || inb) {
        union.add(v);
      }
      if (ina && inb) {
        inter.add(v);
      }
      if (ina && !inb) {
        diff.add(v);
      }
    }
    assertSameSet(Values.union(a, b), Values.set(union));
    assertSameSet(Values.intersect(a, b), Values.set(inter));
    assertSameSet(Values.diff(a, b), Values.set(diff));
    SetValue lazyUnion = Values.union(InfiniteSetValue.INT, a);
    assertEquals(true, lazyUnion.contains(IntValue.of(x)));
    SetValue filtered = Values.filter(a, v -> Arith.compare(v, IntValue.ZERO) > 0);
    assertEquals(a.contains(IntValue.of(x)) && x > 0, filtered.contains(IntValue.of(x)));
    assertTrue(filtered.size() <= a.size());
  }

  @Property(tries = 30)
  void largeSubsetCardinalityWithoutEnumeration(@ForAll @Size(max = 0) List<Integer> unused,
      @ForAll @IntRange(min = 20, max = 60) int n) {
    SubsetValue s = Values.subset(Values.interval(1, n));
    assertEquals(1L << n, s.size());
    assertTrue(s.contains(Values.set(IntValue.of(n))));
    assertEquals(s, Values.subset(Values.interval(1, n)), "equal without enumerating 2^n subsets");
    assertEquals((long) Math.pow(3, 20), Values.fcnSet(Values.interval(1, 20), Values.interval(1, 3)).size());
  }
}
