package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Wrapping only moves whitespace around, and short values are never wrapped. */
class PrettyProperties {
  private final ValueGen gen = new ValueGen();

  @Provide
  Arbitrary<Value> nested() {
    return gen.any().list().ofMaxSize(4).map(l -> (Value) TupleValue.of(l.toArray(new Value[0])));
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Property(tries = 300)
  void wrappingKeepsTheText(@ForAll("nested") Value v, @ForAll @IntRange(min = 4, max = 60) int width) {
    String flat = v.toString();
    String wrapped = Pretty.format(v, width);
    assertEquals(squeeze(flat), squeeze(wrapped));
    if (flat.length() <= width) {
      assertEquals(flat, wrapped);
    } else if (!flat.contains("\\\"") && !flat.contains("x y")) {
      assertTrue(wrapped.contains("\n") || !flat.contains(", "), wrapped);
    }
  }
}
