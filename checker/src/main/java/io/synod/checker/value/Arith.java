package io.synod.checker.value;

import java.math.BigInteger;

/**
 * Integer arithmetic with TLC's semantics, the one place that defines them: integers are 32-bit
 * ({@link #MIN}..{@link #MAX}), a result outside that range stops evaluation with TLC's
 * "Overflow when computing ..." (never a wrapped or silently widened value), {@code \div} is
 * floor division, {@code %} needs a positive divisor and yields {@code 0..b-1}, {@code ^} needs a
 * natural exponent and {@code 0^0} is undefined. The config reader and the ITF reader apply the
 * same range through {@link #inRange}.
 *
 * <p>Values are held in a {@code long}, so a sum, difference or product of two 32-bit operands is
 * exact and one compare of the result against the range is the whole overflow test.
 */
public final class Arith {
  private Arith() {}

  /** TLC's smallest integer. */
  public static final long MIN = Integer.MIN_VALUE;
  /** TLC's largest integer. */
  public static final long MAX = Integer.MAX_VALUE;
  /** The range in words, for messages. */
  public static final String RANGE = "-2147483648..2147483647";

  /** Whether TLC can hold {@code v}. */
  public static boolean inRange(long v) {
    return (int) v == v;
  }

  /** Whether TLC can hold {@code v}. */
  public static boolean inRange(BigInteger v) {
    return v.bitLength() < 32;
  }

  public static Value add(Value a, Value b) {
    long x = operand(a);
    long y = operand(b);
    long r = x + y;
    if ((int) r != r) {
      throw overflow(x + "+" + y);
    }
    return IntValue.of(r);
  }

  public static Value sub(Value a, Value b) {
    long x = operand(a);
    long y = operand(b);
    long r = x - y;
    if ((int) r != r) {
      throw overflow(x + "-" + y);
    }
    return IntValue.of(r);
  }

  public static Value mul(Value a, Value b) {
    long x = operand(a);
    long y = operand(b);
    long r = x * y;
    if ((int) r != r) {
      throw overflow(x + "*" + y);
    }
    return IntValue.of(r);
  }

  public static Value neg(Value a) {
    long x = operand(a);
    if (x == MIN) {
      throw overflow("-" + x);
    }
    return IntValue.of(-x);
  }

  /** {@code a \div b}: floor division (rounds towards minus infinity). */
  public static Value div(Value a, Value b) {
    long x = operand(a);
    long y = operand(b);
    if (y == 0) {
      throw new EvalError("The second argument of \\div is 0.", true);
    }
    long q = Math.floorDiv(x, y);
    if ((int) q != q) {
      throw overflow(x + " \\div " + y);
    }
    return IntValue.of(q);
  }

  /** {@code a % b} for {@code b > 0}, in {@code 0..b-1}. */
  public static Value mod(Value a, Value b) {
    long x = operand(a);
    long y = operand(b);
    if (y <= 0) {
      throw new EvalError("The second argument of % should be a positive number, but instead it is:\n" + y, true);
    }
    return IntValue.of(Math.floorMod(x, y));
  }

  /** {@code a ^ b} for a natural {@code b}; {@code 0^0} is undefined, as in TLC. */
  public static Value pow(Value a, Value b) {
    long x = operand(a);
    long n = operand(b);
    if (n < 0) {
      throw new EvalError("The second argument of ^ should be a natural number, but instead it is:\n" + n);
    }
    if (n == 0) {
      if (x == 0) {
        throw new EvalError("0^0 is undefined.");
      }
      return IntValue.ONE;
    }
    if (x >= -1 && x <= 1) {
      return IntValue.of(x == -1 && (n & 1) == 0 ? 1 : x);
    }
    long r = x;
    // |x| >= 2: at most 31 rounds before the result leaves the range
    for (long i = 1; i < n; i++) {
      r *= x;
      if ((int) r != r) {
        throw overflow(x + "^" + n);
      }
    }
    return IntValue.of(r);
  }

  public static int compare(Value a, Value b) {
    if (a instanceof IntValue x && b instanceof IntValue y) {
      return Long.compare(x.value(), y.value());
    }
    return big(a).compareTo(big(b));
  }

  public static BigInteger big(Value v) {
    if (v instanceof IntValue x) {
      return BigInteger.valueOf(x.value());
    }
    if (v instanceof BigIntValue b) {
      return b.big();
    }
    throw new EvalError("Expected an integer, but got:\n" + Pretty.ppr(v));
  }

  /** The value of an integer operand TLC could hold; anything else is an overflow or not a number. */
  private static long operand(Value v) {
    if (v instanceof IntValue x && inRange(x.value())) {
      return x.value();
    }
    // an integer from outside the evaluator (a trace, TLCGet) that TLC could not represent
    throw overflow(big(v).toString());
  }

  private static EvalError overflow(String what) {
    return new EvalError("Overflow when computing " + what);
  }
}
