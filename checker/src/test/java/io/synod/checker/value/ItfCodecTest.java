package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ItfCodecTest {
  private final ValueGen gen = new ValueGen();
  private final ItfCodec codec = new ItfCodec(gen.table);

  @Provide
  Arbitrary<Value> any() {
    return gen.any();
  }

  @Property(tries = 300)
  void roundTrip(@ForAll("any") Value v) {
    String json = codec.toJson(v);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"#bigint\":\"(-?\\d+)\"").matcher(json);
    boolean tlcCanHoldAll = true;
    while (m.find()) {
      tlcCanHoldAll &= Arith.inRange(new java.math.BigInteger(m.group(1)));
    }
    if (!tlcCanHoldAll) {
      // TLC's integers are 32-bit: a trace with a larger one cannot come from it
      var e = assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson(json));
      assertTrue(e.getMessage().contains("is outside TLC's integer range -2147483648..2147483647"), e.getMessage());
      return;
    }
    Value back = codec.fromJson(json);
    assertEquals(v, back, json);
    assertEquals(v.fingerprint(), back.fingerprint());
  }

  @Test
  void encodingFollowsItf() {
    StringTable t = gen.table;
    Value v = Values.tuple(IntValue.of(1), t.string("a"), BoolValue.TRUE,
        Values.set(IntValue.of(2)), Values.record(new StringValue[] {t.string("b")}, new Value[] {IntValue.ONE}),
        Values.fcn(new Value[] {t.modelValue("m1")}, new Value[] {IntValue.ZERO}), TupleValue.EMPTY);
    assertEquals("[{\"#bigint\":\"1\"},\"a\",true,{\"#set\":[{\"#bigint\":\"2\"}]},{\"b\":{\"#bigint\":\"1\"}},"
        + "{\"#map\":[[\"m1\",{\"#bigint\":\"0\"}]]},[]]", codec.toJson(v));
    assertEquals(Values.tuple(IntValue.of(5), IntValue.of(6)),
        codec.fromJson("{\"#tup\": [5, {\"#bigint\": \"6\"}]}"));
    assertEquals("{\"#unserializable\":\"Nat\"}", codec.toJson(InfiniteSetValue.NAT));
  }

  @Test
  void traceRoundTrip() {
    StringTable t = gen.table;
    ItfTrace trace = new ItfTrace(java.util.List.of("x", "y"), java.util.List.of(
        new Value[] {IntValue.ZERO, t.string("a")}, new Value[] {IntValue.ONE, t.string("b")}), 0);
    String json = codec.traceToJson(trace, "test");
    assertTrue(json.contains("\"loop\" : 0"), json);
    assertTrue(json.contains("\"format\" : \"ITF\""), json);
    ItfTrace back = codec.traceFromJson(json);
    assertEquals(trace.vars(), back.vars());
    assertEquals(trace.loop(), back.loop());
    for (int k = 0; k < 2; k++) {
      assertEquals(java.util.List.of(trace.states().get(k)), java.util.List.of(back.states().get(k)));
    }
    var e = assertThrows(ItfCodec.ItfException.class,
        () -> codec.traceFromJson("{\"vars\": [\"x\"], \"states\": [{\"y\": 1}]}"));
    assertEquals("$.states[0]: no value for variable x", e.getMessage());
    e = assertThrows(ItfCodec.ItfException.class,
        () -> codec.traceFromJson("{\"vars\": [\"x\"], \"states\": [{\"x\": 1}], \"loop\": 3}"));
    assertEquals("$.loop: 3 is not the index of a state", e.getMessage());
  }

  @Test
  void malformedInputIsRejectedWithAPath() {
    var e = assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson("[1, {\"#bigint\": \"x\"}]"));
    assertEquals("$[1].#bigint: \"x\" is not an integer", e.getMessage());
    e = assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson("{\"#set\": 3}"));
    assertEquals("$.#set: expected an array", e.getMessage());
    e = assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson("{\"a\": 1.5}"));
    assertTrue(e.getMessage().startsWith("$.a: 1.5 is not an integer"), e.getMessage());
    e = assertThrows(ItfCodec.ItfException.class,
        () -> codec.fromJson("{\"#map\": [[2, 3], [2, 4]]}"));
    assertEquals("$.#map: The function has two different values at 2.", e.getMessage());
    e = assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson("{\"#weird\": 1}"));
    assertEquals("$: unknown ITF tag #weird", e.getMessage());
    assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson("{\"#unserializable\": \"Nat\"}"));
    assertThrows(ItfCodec.ItfException.class, () -> codec.fromJson("[1,"));
  }
}
