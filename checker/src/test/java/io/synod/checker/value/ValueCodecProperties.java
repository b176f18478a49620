package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Encoded values decode to equal values with the same fingerprint, order and text. */
class ValueCodecProperties {
  private final ValueGen gen = new ValueGen();

  @Provide
  Arbitrary<Value> values() {
    Arbitrary<Value> lazy = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 3).flatMap(lo -> Arbitraries.integers().between(-3, 5)
            .map(hi -> (Value) Values.interval(lo, hi))),
        gen.ofType(4).map(s -> (Value) Values.subset((SetValue) s)),
        gen.ofType(4).map(s -> (Value) Values.product((SetValue) s, Values.BOOLEAN)),
        gen.ofType(4).map(s -> (Value) Values.recordSet(gen.fields, new SetValue[] {(SetValue) s,
            Values.BOOLEAN, Values.interval(1, 2)})));
    Arbitrary<Value> written = gen.ofType(0).list().ofSize(3).map(vals -> Values.record(
        new StringValue[] {gen.fields[2], gen.fields[0], gen.fields[1]}, vals.toArray(new Value[0])));
    Arbitrary<Value> leaf = Arbitraries.oneOf(gen.any(), lazy, written);
    return leaf.list().ofMaxSize(4).flatMap(l -> Arbitraries.of(
        TupleValue.of(l.toArray(new Value[0])),
        l.isEmpty() ? TupleValue.EMPTY : l.get(0),
        Values.fcn(new Value[] {gen.models[0], gen.models[1]},
            new Value[] {TupleValue.of(l.toArray(new Value[0])), BoolValue.TRUE})));
  }

  private static Value roundTrip(ValueCodec codec, Value v) {
    BinaryOut out = new BinaryOut(8);
    assertTrue(codec.write(v, out), () -> "cannot write " + v);
    BinaryIn in = new BinaryIn(out.array(), 0, out.length());
    Value back = codec.read(in);
    assertTrue(in.atEnd(), "bytes left after the value");
    return back;
  }

  @Property(tries = 500)
  void roundTripKeepsEqualityFingerprintAndText(@ForAll("values") Value v) {
    Value back = roundTrip(new ValueCodec(), v);
    assertEquals(v, back);
    assertEquals(back, v);
    assertEquals(v.fingerprint(), back.fingerprint());
    assertEquals(v.toString(), back.toString());
    assertEquals(Pretty.format(v, 20), Pretty.format(back, 20));
    assertEquals(Pretty.ppr(v), Pretty.ppr(back));
    assertEquals(Pretty.pprAsWritten(v), Pretty.pprAsWritten(back));
  }

  @Property(tries = 200)
  void decodedValuesKeepTheCanonicalOrder(@ForAll("values") Value a, @ForAll("values") Value b) {
    ValueCodec codec = new ValueCodec();
    Value ra = roundTrip(codec, a);
    Value rb = roundTrip(codec, b);
    int expected;
    try {
      expected = Integer.signum(a.compareTo(b));
    } catch (EvalError e) {
      assertThrows(EvalError.class, () -> ra.compareTo(rb));
      return;
    }
    assertEquals(expected, Integer.signum(ra.compareTo(rb)));
  }

  @Test
  void stringsAndModelValuesDecodeToTheSameInstances() {
    ValueCodec codec = new ValueCodec();
    for (Value v : List.of(gen.strings[2], gen.models[1], gen.fields[0])) {
      assertSame(v, roundTrip(codec, v));
    }
  }

  @Test
  void valuesTheCodecDoesNotWriteAreRefused() {
    ValueCodec codec = new ValueCodec();
    SetValue big = Values.subset(Values.interval(1, 20));
    for (Value v : List.of(Values.seqSet(Values.BOOLEAN), big,
        TupleValue.of(IntValue.ONE, Values.seqSet(Values.BOOLEAN)))) {
      assertFalse(codec.write(v, new BinaryOut(8)), v::toString);
    }
  }

  @Test
  void corruptInputIsAnErrorNotAWrongValue() {
    ValueCodec codec = new ValueCodec();
    assertThrows(IllegalStateException.class, () -> codec.read(new BinaryIn(new byte[] {42}, 0, 1)));
    assertThrows(IllegalStateException.class, () -> codec.read(new BinaryIn(new byte[] {6, 3, 65}, 0, 3)));
    assertThrows(IllegalStateException.class, () -> codec.read(new BinaryIn(new byte[] {4, 9}, 0, 2)));
  }
}
