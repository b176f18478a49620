package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The canonical order is a total order consistent with equals, hash and fingerprint. */
class ValueOrderProperties {
  private final ValueGen gen = new ValueGen();

  @Provide
  Arbitrary<List<Value>> triple() {
    return gen.sameType(3);
  }

  @Provide
  Arbitrary<Value> any() {
    return gen.any();
  }

  private static int sign(int c) {
    return Integer.signum(c);
  }

  @Property(tries = 400)
  void orderIsTotalAndConsistentWithEquals(@ForAll("triple") List<Value> t) {
    Value a = t.get(0);
    Value b = t.get(1);
    Value c = t.get(2);
    assertEquals(a.equals(b), a.compareTo(b) == 0);
    assertEquals(a.equals(b), a.tlaEquals(b));
    assertEquals(sign(a.compareTo(b)), -sign(b.compareTo(a)));
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertTrue(a.compareTo(c) <= 0);
    }
    if (a.equals(b)) {
      assertEquals(a.fingerprint(), b.fingerprint());
      assertEquals(a.hashCode(), b.hashCode());
      assertEquals(a.toString(), b.toString());
    } else {
      assertNotEquals(a.fingerprint(), b.fingerprint());
    }
  }

  @Property(tries = 400)
  void rebuiltValuesAreEqualWithTheSameFingerprint(@ForAll("any") Value v, @ForAll long seed) {
    Value r = ValueGen.rebuild(v, new Random(seed));
    assertEquals(v, r);
    assertEquals(0, v.compareTo(r));
    assertEquals(v.fingerprint(), r.fingerprint());
    assertEquals(v.getClass(), r.getClass());
    assertEquals(v.toString(), r.toString());
  }

  @Property(tries = 200)
  void setsEnumerateInCanonicalOrder(@ForAll("triple") List<Value> t) {
    List<Value> elems = new ArrayList<>(t);
    elems.addAll(t);
    SetValue s = Values.set(elems);
    Value prev = null;
    for (var it = s.iterator(); it.hasNext(); ) {
      Value e = it.next();
      if (prev != null) {
        assertTrue(prev.compareTo(e) < 0);
      }
      assertTrue(s.contains(e));
      prev = e;
    }
    assertEquals(t.stream().distinct().count(), s.size());
  }
}
