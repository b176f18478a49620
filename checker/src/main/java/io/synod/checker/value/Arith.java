package io.synod.checker.value;

import java.math.BigInteger;

/**
 * Integer arithmetic with TLC's semantics: {@code \div} is floor division, {@code %} needs a
 * positive divisor and yields {@code 0..b-1}, {@code ^} needs a non-negative exponent. Results
 * stay in {@code long} on the fast path and move to {@link BigInteger} only on overflow.
 */
public final class Arith {
  private Arith() {}

  public static Value add(Value a, Value b) {
    if (a instanceof IntValue x && b instanceof IntValue y) {
      long r = x.value() + y.value();
      if (((x.value() ^ r) & (y.value() ^ r)) >= 0) {
        return IntValue.of(r);
      }
    }
    return IntValue.of(big(a).add(big(b)));
  }

  public static Value sub(Value a, Value b) {
    if (a instanceof IntValue x && b instanceof IntValue y) {
      long r = x.value() - y.value();
      if (((x.value() ^ y.value()) & (x.value() ^ r)) >= 0) {
        return IntValue.of(r);
      }
    }
    return IntValue.of(big(a).subtract(big(b)));
  }

  public static Value mul(Value a, Value b) {
    if (a instanceof IntValue x && b instanceof IntValue y) {
      long hi = Math.multiplyHigh(x.value(), y.value());
      long lo = x.value() * y.value();
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return IntValue.of(lo);
      }
    }
    return IntValue.of(big(a).multiply(big(b)));
  }

  public static Value neg(Value a) {
    if (a instanceof IntValue x && x.value() != Long.MIN_VALUE) {
      return IntValue.of(-x.value());
    }
    return IntValue.of(big(a).negate());
  }

  /** {@code a \div b}: floor division (rounds towards minus infinity). */
  public static Value div(Value a, Value b) {
    if (isZero(b)) {
      throw new EvalError("The second argument of \\div is 0.", true);
    }
    if (a instanceof IntValue x && b instanceof IntValue y
        && !(x.value() == Long.MIN_VALUE && y.value() == -1)) {
      return IntValue.of(Math.floorDiv(x.value(), y.value()));
    }
    BigInteger[] qr = big(a).divideAndRemainder(big(b));
    BigInteger q = qr[0];
    if (qr[1].signum() != 0 && qr[1].signum() != big(b).signum()) {
      q = q.subtract(BigInteger.ONE);
    }
    return IntValue.of(q);
  }

  /** {@code a % b} for {@code b > 0}, in {@code 0..b-1}. */
  public static Value mod(Value a, Value b) {
    if (sign(b) <= 0) {
      throw new EvalError("The second argument of % should be a positive number, but instead it is:\n" + b, true);
    }
    if (a instanceof IntValue x && b instanceof IntValue y) {
      return IntValue.of(Math.floorMod(x.value(), y.value()));
    }
    return IntValue.of(big(a).mod(big(b)));
  }

  /** {@code a ^ b} for {@code b >= 0} ({@code 0^0 = 1}). */
  public static Value pow(Value a, Value b) {
    if (sign(b) < 0) {
      throw new EvalError("Trying to raise " + a + " to the negative power " + b + ".");
    }
    if (!(b instanceof IntValue e) || e.value() > Integer.MAX_VALUE) {
      BigInteger base = big(a);
      if (base.abs().compareTo(BigInteger.ONE) <= 0) {
        boolean odd = big(b).testBit(0);
        return IntValue.of(base.signum() < 0 && !odd ? BigInteger.ONE : base);
      }
      throw new EvalError("Overflow when computing " + a + "^" + b + ".");
    }
    if (a instanceof IntValue x) {
      long base = x.value();
      if (base >= -1 && base <= 1) {
        return IntValue.of(base == -1 && (e.value() & 1) == 0 ? 1 : (e.value() == 0 ? 1 : base));
      }
      long result = 1;
      long n = e.value();
      boolean overflow = false;
      for (long i = 0; i < n; i++) {
        long hi = Math.multiplyHigh(result, base);
        long lo = result * base;
        if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
          overflow = true;
          break;
        }
        result = lo;
      }
      if (!overflow) {
        return IntValue.of(result);
      }
    }
    return IntValue.of(big(a).pow((int) e.value()));
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

  private static int sign(Value v) {
    if (v instanceof IntValue x) {
      return Long.signum(x.value());
    }
    return big(v).signum();
  }

  private static boolean isZero(Value v) {
    return sign(v) == 0;
  }
}
