package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A record built through its constructor's precomputed {@link RecordValue.Shape} is the record
 * {@link Values#record} builds: equal, same hash and fingerprint, same canonical and written
 * printing, whatever the interning order of the names and the order they are written in.
 */
class RecordShapeProperties {

  @Property(tries = 200)
  void shapeBuildsWhatValuesRecordBuilds(@ForAll @IntRange(min = 1, max = 8) int fields,
      @ForAll long seed) {
    Random random = new Random(seed);
    StringTable table = new StringTable();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < fields; i++) {
      texts.add("f" + i);
    }
    Collections.shuffle(texts, random);
    for (String s : texts) {
      table.string(s); // interning order decides the canonical order
    }
    Collections.shuffle(texts, random);
    StringValue[] written = new StringValue[fields];
    Value[] values = new Value[fields];
    for (int k = 0; k < fields; k++) {
      written[k] = table.string(texts.get(k));
      values[k] = IntValue.of(random.nextInt(5));
    }
    RecordValue.Shape shape = RecordValue.Shape.of(written);
    Value[] canonical = new Value[fields];
    for (int k = 0; k < fields; k++) {
      canonical[shape.canonicalIndex(k)] = values[k];
    }
    FcnValue viaShape = shape.build(canonical);
    FcnValue viaValues = Values.record(written, values);
    assertEquals(viaValues, viaShape);
    assertEquals(viaValues.hashCode(), viaShape.hashCode());
    Fingerprints fps = Fingerprints.family(0);
    assertEquals(fps.of(viaValues), fps.of(viaShape));
    assertEquals(Pretty.ppr(viaValues), Pretty.ppr(viaShape));
    assertEquals(Pretty.pprAsWritten(viaValues), Pretty.pprAsWritten(viaShape));
  }

  @Test
  void repeatedNamesHaveNoShape() {
    StringTable table = new StringTable();
    StringValue a = table.string("a");
    assertNull(RecordValue.Shape.of(new StringValue[] {a, table.string("b"), a}));
    assertNull(RecordValue.Shape.of(new StringValue[0]));
  }
}
