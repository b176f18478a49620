package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ArithTest {
  private static Value i(long v) {
    return IntValue.of(v);
  }

  @Test
  void tlcDivisionAndModulo() {
    assertEquals(i(-4), Arith.div(i(-7), i(2)));
    assertEquals(i(-3), Arith.neg(Arith.div(i(7), i(2))), "-7 \\div 2 parses as -(7 \\div 2)");
    assertEquals(i(1), Arith.mod(i(-7), i(2)), "-7 % 2 parses as (-7) % 2 = 1");
    assertEquals(i(-4), Arith.div(i(7), i(-2)));
    EvalError e = assertThrows(EvalError.class, () -> Arith.div(i(1), i(0)));
    assertEquals("The second argument of \\div is 0.", e.getMessage());
    e = assertThrows(EvalError.class, () -> Arith.mod(i(1), i(-2)));
    assertEquals("The second argument of % should be a positive number, but instead it is:\n-2", e.getMessage());
  }

  @Test
  void powers() {
    assertEquals(i(-4), Arith.neg(Arith.pow(i(2), i(2))));
    assertEquals(i(-8), Arith.pow(i(-2), i(3)));
    assertEquals(i(1), Arith.pow(i(0), i(0)));
    assertEquals(i(1), Arith.pow(i(-1), i(1_000_000_000)));
    assertEquals(IntValue.of(BigInteger.TWO.pow(100)), Arith.pow(i(2), i(100)));
    assertThrows(EvalError.class, () -> Arith.pow(i(2), i(-1)));
  }

  @Test
  void overflowMovesToBigIntegersAndBack() {
    Value big = Arith.add(i(Long.MAX_VALUE), i(1));
    assertInstanceOf(BigIntValue.class, big);
    assertEquals("9223372036854775808", big.toString());
    Value back = Arith.sub(big, i(1));
    assertInstanceOf(IntValue.class, back);
    assertEquals(i(Long.MAX_VALUE), back);
    assertInstanceOf(BigIntValue.class, Arith.mul(i(Long.MIN_VALUE), i(-1)));
    assertInstanceOf(BigIntValue.class, Arith.neg(i(Long.MIN_VALUE)));
    assertEquals(-1, i(5).compareTo(big));
    assertEquals(1, big.compareTo(i(5)));
  }

  @Property(tries = 300)
  void matchesBigIntegerFloorSemantics(@ForAll long a, @ForAll long b) {
    BigInteger x = BigInteger.valueOf(a);
    BigInteger y = BigInteger.valueOf(b);
    assertEquals(IntValue.of(x.add(y)), Arith.add(i(a), i(b)));
    assertEquals(IntValue.of(x.subtract(y)), Arith.sub(i(a), i(b)));
    assertEquals(IntValue.of(x.multiply(y)), Arith.mul(i(a), i(b)));
    if (b != 0) {
      BigInteger[] qr = x.divideAndRemainder(y);
      BigInteger q = qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
      assertEquals(IntValue.of(q), Arith.div(i(a), i(b)));
      Value big = Arith.mul(i(a), i(Long.MAX_VALUE));
      if (b > 0) {
        assertEquals(IntValue.of(x.mod(y)), Arith.mod(i(a), i(b)));
        assertEquals(IntValue.of(Arith.big(big).mod(y)), Arith.mod(big, i(b)));
        assertEquals(big, Arith.add(Arith.mul(Arith.div(big, i(b)), i(b)), Arith.mod(big, i(b))));
      }
    }
  }
}
