package io.synod.conformance.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KvTextTest {

  /** A text of {@code s} cut into random pieces, from a random start (maybe empty). */
  private static KvText pieces(String s, Random r) {
    int cut = r.nextInt(s.length() + 1);
    KvText t = KvText.of(s.substring(0, r.nextBoolean() ? 0 : cut));
    int at = t.length;
    while (at < s.length()) {
      int next = at + 1 + r.nextInt(s.length() - at);
      t = t.append(s.substring(at, next));
      at = next;
    }
    return t;
  }

  private static String word(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(12); i > 0; i--) {
      sb.append("ab".charAt(r.nextInt(2)));
    }
    return sb.toString();
  }

  @Property(tries = 1000)
  void textsAreEqualExactlyWhenTheirStringsAreWhateverThePieces(@ForAll long seed) {
    Random r = new Random(seed);
    String a = word(r);
    String b = r.nextInt(3) == 0 ? a : word(r);
    KvText x = pieces(a, r);
    KvText y = pieces(b, r);
    assertEquals(a, x.toString());
    assertEquals(a.equals(b), x.equals(y), a + " / " + b);
    assertEquals(a.equals(b), y.equals(x), a + " / " + b);
    if (a.equals(b)) {
      assertEquals(x.hashCode(), y.hashCode());
    }
    assertEquals(true, x.is(a));
    assertEquals(a.equals(b), x.is(b), a + " / " + b);
    // a text built on another shares its pieces
    KvText z = x.append("ba");
    assertEquals(a.equals(b), z.equals(y.append("b").append("a")));
  }
}
