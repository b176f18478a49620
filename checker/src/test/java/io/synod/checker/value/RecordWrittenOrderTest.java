package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A record constructor's written field order: shown by Print/PrintT/ToString (TLC has not
 * normalised the record yet), ignored by equality and by the normalised printer used for states.
 */
class RecordWrittenOrderTest {
  private final StringTable t = new StringTable();
  private final StringValue a = t.string("a");
  private final StringValue b = t.string("b");

  @Test
  void constructorOrderIsShownOnlyAsWritten() {
    FcnValue r = Values.record(new StringValue[] {b, a}, new Value[] {IntValue.of(2), IntValue.of(1)});
    assertEquals("[a |-> 1, b |-> 2]", Pretty.ppr(r));
    assertEquals("[a |-> 1, b |-> 2]", r.toString());
    assertEquals("[b |-> 2, a |-> 1]", Pretty.pprAsWritten(r));
    assertEquals("<<[b |-> 2, a |-> 1]>>",
        Pretty.flatAsWritten(TupleValue.wrap(new Value[] {r})));
  }

  @Test
  void writtenOrderDoesNotChangeEqualityAndSurvivesExcept() {
    FcnValue written = Values.record(new StringValue[] {b, a}, new Value[] {IntValue.of(2), IntValue.of(1)});
    FcnValue canonical = Values.record(new StringValue[] {a, b}, new Value[] {IntValue.of(1), IntValue.of(2)});
    assertEquals(canonical, written);
    assertEquals(canonical.hashCode(), written.hashCode());
    assertEquals(0, canonical.compareTo(written));
    assertEquals("[a |-> 1, b |-> 2]", Pretty.pprAsWritten(canonical));
    FcnValue changed = written.except(a, IntValue.of(5));
    assertEquals("[b |-> 2, a |-> 5]", Pretty.pprAsWritten(changed));
    assertEquals("[a |-> 5, b |-> 2]", Pretty.ppr(changed));
  }
}
