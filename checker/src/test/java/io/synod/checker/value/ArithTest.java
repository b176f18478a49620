package io.synod.checker.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
    assertEquals(i(1), Arith.pow(i(-1), i(1_000_000_000)));
    assertEquals(i(1 << 30), Arith.pow(i(2), i(30)));
    assertEquals(i(Integer.MIN_VALUE), Arith.pow(i(-2), i(31)));
    assertEquals("0^0 is undefined.", assertThrows(EvalError.class, () -> Arith.pow(i(0), i(0))).getMessage());
    assertEquals("The second argument of ^ should be a natural number, but instead it is:\n-1",
        assertThrows(EvalError.class, () -> Arith.pow(i(2), i(-1))).getMessage());
  }

  /** TLC's integers are 32-bit: every result outside the range stops with its message. */
  @Test
  void resultsBeyondThirtyTwoBitsAreTlcsOverflow() {
    assertEquals("Overflow when computing 2^40", overflow(() -> Arith.pow(i(2), i(40))));
    assertEquals("Overflow when computing 2^31", overflow(() -> Arith.pow(i(2), i(31))));
    assertEquals("Overflow when computing 2147483647+1", overflow(() -> Arith.add(i(Integer.MAX_VALUE), i(1))));
    assertEquals("Overflow when computing -2147483648-1", overflow(() -> Arith.sub(i(Integer.MIN_VALUE), i(1))));
    assertEquals("Overflow when computing 65536*65536", overflow(() -> Arith.mul(i(65536), i(65536))));
    assertEquals("Overflow when computing --2147483648", overflow(() -> Arith.neg(i(Integer.MIN_VALUE))));
    assertEquals("Overflow when computing -2147483648 \\div -1",
        overflow(() -> Arith.div(i(Integer.MIN_VALUE), i(-1))));
    // an operand from outside the evaluator (a trace, a counter) that TLC could not hold
    assertEquals("Overflow when computing 4294967296", overflow(() -> Arith.add(i(1L << 32), i(0))));
    assertEquals(i(Integer.MAX_VALUE), Arith.add(i(Integer.MAX_VALUE - 1), i(1)));
    assertEquals(i(Integer.MIN_VALUE), Arith.sub(i(-1), i(Integer.MAX_VALUE)));
  }

  private static String overflow(org.junit.jupiter.api.function.Executable e) {
    return assertThrows(EvalError.class, e).getMessage();
  }

  @Property(tries = 300)
  void matchesBigIntegerFloorSemanticsWithinTheRange(@ForAll int a, @ForAll int b) {
    BigInteger x = BigInteger.valueOf(a);
    BigInteger y = BigInteger.valueOf(b);
    check(x.add(y), () -> Arith.add(i(a), i(b)));
    check(x.subtract(y), () -> Arith.sub(i(a), i(b)));
    check(x.multiply(y), () -> Arith.mul(i(a), i(b)));
    if (b != 0) {
      BigInteger[] qr = x.divideAndRemainder(y);
      BigInteger q = qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
      check(q, () -> Arith.div(i(a), i(b)));
      if (b > 0) {
        assertEquals(IntValue.of(x.mod(y)), Arith.mod(i(a), i(b)));
      }
    }
  }

  /** The exact result where TLC can hold it, else TLC's overflow error. */
  private static void check(BigInteger exact, java.util.function.Supplier<Value> actual) {
    if (Arith.inRange(exact)) {
      assertEquals(IntValue.of(exact), actual.get());
    } else {
      assertTrue(assertThrows(EvalError.class, actual::get).getMessage().startsWith("Overflow when computing "));
    }
  }
}
