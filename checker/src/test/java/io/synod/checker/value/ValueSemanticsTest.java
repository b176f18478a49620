package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueSemanticsTest {
  private final StringTable t = new StringTable();

  private static IntValue i(long v) {
    return IntValue.of(v);
  }

  @Test
  void tupleIsTheFunctionOverOneToN() {
    Value tuple = Values.tuple(t.string("a"), t.string("b"));
    Value fcn = Values.fcn(new Value[] {i(2), i(1)}, new Value[] {t.string("b"), t.string("a")});
    assertInstanceOf(TupleValue.class, fcn);
    assertEquals(tuple, fcn);
    assertEquals(tuple.fingerprint(), fcn.fingerprint());
    SetValue strings = Values.set(t.string("a"), t.string("b"));
    assertTrue(Values.fcnSet(Values.interval(1, 2), strings).contains(fcn));
    assertTrue(Values.product(strings, strings).contains(fcn));
    assertTrue(Values.seqSet(strings).contains(fcn));
    assertEquals(Values.interval(1, 2), ((FcnValue) fcn).domain());
    assertEquals("<<>>", Values.fcn(new Value[0], new Value[0]).toString());
  }

  @Test
  void functionWithOtherIntegerDomainIsNotATuple() {
    Value f = Values.fcn(new Value[] {i(2), i(3)}, new Value[] {i(0), i(0)});
    assertInstanceOf(FnValue.class, f);
    assertEquals("(2 :> 0 @@ 3 :> 0)", f.toString());
    assertFalse(f.equals(Values.tuple(i(0), i(0))));
  }

  @Test
  void recordIsTheFunctionOverItsFieldNames() {
    StringValue b = t.string("b");
    StringValue a = t.string("a");
    FcnValue r = Values.record(new StringValue[] {a, b}, new Value[] {i(1), i(2)});
    assertEquals("[b |-> 2, a |-> 1]", r.toString());
    FcnValue f = Values.fcn(new Value[] {b, a}, new Value[] {i(2), i(1)});
    assertEquals(r, f);
    assertEquals(r.fingerprint(), f.fingerprint());
    assertEquals(i(1), r.apply(a));
    assertNull(r.apply(t.string("zz")));
    assertNull(r.apply(i(1)));
    SetValue rs = Values.recordSet(new StringValue[] {a, b},
        new SetValue[] {Values.interval(0, 1), Values.interval(2, 2)});
    assertTrue(rs.contains(r));
    assertEquals(2, rs.size());
    assertEquals("{[b |-> 2, a |-> 0], [b |-> 2, a |-> 1]}", rs.toString());
  }

  @Test
  void recordsCompareByAllFieldNamesBeforeValues() {
    StringValue a = t.string("ra");
    StringValue b = t.string("rb");
    StringValue c = t.string("rc");
    FcnValue r1 = Values.record(new StringValue[] {a, b}, new Value[] {i(2), i(0)});
    FcnValue r2 = Values.record(new StringValue[] {a, c}, new Value[] {i(1), i(0)});
    assertTrue(r1.compareTo(r2) < 0, "field rb before rc decides, not the value at ra");
    FcnValue f1 = Values.fcn(new Value[] {i(0), i(1)}, new Value[] {i(2), i(0)});
    FcnValue f2 = Values.fcn(new Value[] {i(0), i(2)}, new Value[] {i(1), i(0)});
    assertTrue(f1.compareTo(f2) > 0, "functions compare (domain, value) pair by pair");
  }

  @Test
  void exceptAndApply() {
    FcnValue tup = Values.tuple(i(10), i(20), i(30));
    assertEquals("<<10, 99, 30>>", tup.except(i(2), i(99)).toString());
    assertSame(tup, tup.except(i(2), i(20)));
    assertSame(tup, tup.except(i(7), i(1)), "EXCEPT outside the domain changes nothing");
    EvalError e = assertThrows(EvalError.class, () -> tup.applyOrFail(i(4)));
    assertEquals("Attempted to apply function:\n<<10, 20, 30>>\nto argument 4, which is not in the domain of the function.",
        e.getMessage());
  }

  @Test
  void stringsOrderByInterningNotAlphabet() {
    StringValue tea = t.string("tea");
    StringValue coffee = t.string("coffee");
    assertTrue(tea.compareTo(coffee) < 0);
    assertEquals("{\"tea\", \"coffee\"}", Values.set(coffee, tea).toString());
    ModelValue z = t.modelValue("z");
    ModelValue a = t.modelValue("a");
    assertTrue(z.compareTo(a) < 0);
  }

  @Test
  void modelValuesCompareWithEverythingButTypedOnesDoNot() {
    ModelValue m = t.modelValue("none");
    assertTrue(m.compareTo(i(1)) < 0);
    assertTrue(i(1).compareTo(m) > 0);
    assertFalse(m.tlaEquals(i(1)));
    assertFalse(i(1).tlaEquals(m));
    assertEquals("{none, 1, 2}", Values.set(i(2), m, i(1)).toString());
    ModelValue typed = t.modelValue("a_1");
    EvalError e = assertThrows(EvalError.class, () -> typed.compareTo(i(1)));
    assertTrue(e.getMessage().startsWith("Attempted to compare the typed model value a_1"), e.getMessage());
    assertThrows(EvalError.class, () -> typed.compareTo(t.modelValue("b_1")));
    assertTrue(typed.compareTo(m) != 0);
  }

  @Test
  void incomparableKindsRaiseTlcErrors() {
    EvalError e = assertThrows(EvalError.class, () -> i(1).compareTo(t.string("a")));
    assertEquals("Attempted to compare integer 1 with non-integer:\n\"a\"", e.getMessage());
    e = assertThrows(EvalError.class, () -> Values.set(i(1), t.string("a")));
    assertTrue(e.getMessage().startsWith("Attempted to compare"));
    e = assertThrows(EvalError.class, () -> i(1).tlaEquals(t.string("a")));
    assertEquals("Attempted to check equality of integer 1 with non-integer:\n\"a\"", e.getMessage());
    // TLC's SetEnumValue.equals turns the other side into a set and fails when it is none
    e = assertThrows(EvalError.class, () -> Values.set(i(1)).tlaEquals(i(1)));
    assertEquals("Attempted to check equality of the set {1} with the value:\n1", e.getMessage());
    assertFalse(i(1).equals(t.string("a")));
    assertThrows(EvalError.class, () -> Values.set(i(1), i(2), i(3), i(4), i(5), i(6)).contains(t.string("a")));
    assertThrows(EvalError.class, () -> Values.set(i(1)).contains(t.string("a")));
  }

  @Test
  void setOrderIsByCardinalityThenElements() {
    SetValue a = Values.set(i(5));
    SetValue b = Values.set(i(1), i(2));
    assertTrue(a.compareTo(b) < 0);
    assertTrue(Values.set(i(1), i(3)).compareTo(b) > 0);
    assertEquals("{{}, {5}, {1, 2}}", Values.set(b, a, SetEnumValue.EMPTY).toString());
    FcnValue shortT = Values.tuple(i(9));
    FcnValue longT = Values.tuple(i(1), i(1));
    assertTrue(shortT.compareTo(longT) < 0);
    assertTrue(BoolValue.FALSE.compareTo(BoolValue.TRUE) < 0);
  }

  @Test
  void lazySetsEqualTheirEnumeration() {
    assertEquals(Values.set(i(1), i(2), i(3)), Values.interval(1, 3));
    assertEquals(Values.interval(1, 3).fingerprint(), Values.set(i(1), i(2), i(3)).fingerprint());
    assertEquals(SetEnumValue.EMPTY, Values.interval(3, 1));
    assertEquals(Values.interval(5, 4), Values.interval(3, 1));
    assertEquals(0, Values.interval(1, 3).compareTo(Values.set(i(3), i(2), i(1))));
    assertTrue(Values.subset(Values.interval(1, 2)).contains(Values.set(i(2))));
    assertFalse(Values.subset(Values.interval(1, 2)).contains(Values.set(i(3))));
  }

  @Test
  void nonEnumerableSets() {
    assertTrue(InfiniteSetValue.NAT.contains(i(0)));
    assertFalse(InfiniteSetValue.NAT.contains(i(-1)));
    assertTrue(InfiniteSetValue.INT.contains(i(-1)));
    assertTrue(InfiniteSetValue.STRING.contains(t.string("s")));
    assertFalse(InfiniteSetValue.STRING.contains(t.modelValue("mv")));
    assertThrows(EvalError.class, () -> InfiniteSetValue.STRING.contains(i(1)));
    assertEquals("STRING", InfiniteSetValue.STRING.toString());
    EvalError e = assertThrows(EvalError.class, () -> InfiniteSetValue.NAT.toSetEnum());
    assertEquals("Attempted to enumerate a non-enumerable set:\nNat", e.getMessage());
    SetValue bigger = Values.filter(InfiniteSetValue.NAT, v -> Arith.compare(v, i(2)) > 0);
    assertTrue(bigger.contains(i(3)));
    assertFalse(bigger.contains(i(2)));
    e = assertThrows(EvalError.class, bigger::toSetEnum);
    assertEquals("Attempted to enumerate { x \\in S : p(x) } when S:\nNat\nis not enumerable", e.getMessage());
    SetValue natButZero = Values.diff(InfiniteSetValue.NAT, Values.set(i(0)));
    assertTrue(natButZero.contains(i(1)));
    assertFalse(natButZero.contains(i(0)));
    assertEquals(Values.set(i(1), i(2)),
        Values.intersect(InfiniteSetValue.NAT, Values.set(i(-1), i(1), i(2))));
    assertEquals(InfiniteSetValue.NAT, InfiniteSetValue.NAT);
    assertFalse(InfiniteSetValue.NAT.equals(InfiniteSetValue.INT));
    assertThrows(EvalError.class, () -> InfiniteSetValue.NAT.compareTo(Values.set(i(1))));
  }

  @Test
  void setAlgebra() {
    SetValue a = Values.set(i(1), i(2), i(3));
    SetValue b = Values.interval(2, 5);
    assertEquals("{1, 2, 3, 4, 5}", Values.union(a, b).toString());
    assertEquals("{2, 3}", Values.intersect(a, b).toString());
    assertEquals("{1}", Values.diff(a, b).toString());
    assertEquals("{1, 2, 3, 4, 5}", Values.bigUnion(Values.set(a, b)).toString());
    assertEquals("{2, 4, 6}", Values.map(a, v -> Arith.mul(v, i(2))).toString());
    assertTrue(Values.map(a, v -> Arith.mul(v, i(2))).contains(i(4)));
  }

  @Test
  void differenceAndIntersectionDropAnyNumberOfElements() {
    SetValue a = Values.set(i(1), i(2), i(3), i(4));
    // one element dropped (first, middle, last, absent), several, all
    assertEquals("{2, 3, 4}", Values.diff(a, Values.set(i(1))).toString());
    assertEquals("{1, 2, 4}", Values.diff(a, Values.set(i(3))).toString());
    assertEquals("{1, 2, 3}", Values.diff(a, Values.set(i(4))).toString());
    assertSame(a, Values.diff(a, Values.set(i(7))));
    assertEquals("{1, 4}", Values.diff(a, Values.set(i(2), i(3))).toString());
    assertEquals(Values.set(i(1)), Values.diff(a, Values.set(i(2), i(3), i(4))));
    assertEquals(SetEnumValue.EMPTY, Values.diff(a, a));
    assertEquals(4, ((SetEnumValue) Values.diff(Values.diff(a, Values.set(i(9))), Values.set())).intSize());
    assertEquals("{2, 3}", Values.intersect(a, Values.set(i(2), i(3), i(9))).toString());
    assertEquals("{4}", Values.intersect(a, Values.set(i(4))).toString());
    assertEquals(SetEnumValue.EMPTY, Values.intersect(a, Values.set(i(9))));
  }

  @Test
  void mergeSingletonAndPermute() {
    ModelValue a = t.modelValue("pa");
    ModelValue b = t.modelValue("pb");
    FcnValue f = Values.merge(Values.singleton(b, i(1)), Values.singleton(a, i(2)));
    assertEquals("(pa :> 2 @@ pb :> 1)", f.toString());
    assertEquals("(pa :> 2 @@ pb :> 1)", Values.merge(f, Values.singleton(a, i(9))).toString());
    assertEquals("<<5, 6>>", Values.merge(Values.singleton(i(2), i(6)), Values.singleton(i(1), i(5))).toString());
    java.util.Map<ModelValue, ModelValue> swap = java.util.Map.of(a, b, b, a);
    Value state = Values.tuple(f, Values.set(a), a);
    Value swapped = Values.permute(state, swap);
    assertEquals("<<(pa :> 1 @@ pb :> 2), {pb}, pb>>", swapped.toString());
    assertEquals(state, Values.permute(swapped, swap));
    assertSame(state, Values.permute(state, java.util.Map.of()));
  }

  @Test
  void stringTableIsPerInstanceAndThreadSafe() throws InterruptedException {
    StringTable other = new StringTable();
    other.token("zzz");
    assertEquals(0, other.token("zzz"));
    assertEquals(1, other.token("aaa"));
    Thread[] ts = new Thread[4];
    StringTable shared = new StringTable();
    for (int k = 0; k < ts.length; k++) {
      ts[k] = new Thread(() -> {
        for (int n = 0; n < 1000; n++) {
          shared.string("s" + n);
        }
      });
      ts[k].start();
    }
    for (Thread th : ts) {
      th.join();
    }
    assertEquals(1000, shared.size());
    assertSame(shared.string("s5"), shared.string("s5"));
  }
}
