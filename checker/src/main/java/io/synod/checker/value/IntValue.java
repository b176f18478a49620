package io.synod.checker.value;

import java.math.BigInteger;

/**
 * An integer in {@code long} range. Integers beyond it are {@link BigIntValue}s; the two never
 * overlap, so each integer has exactly one representation. Arithmetic is in {@link Arith}.
 */
public final class IntValue extends Value {
  private static final int CACHE_LOW = -128;
  private static final int CACHE_HIGH = 1024;
  private static final IntValue[] CACHE = new IntValue[CACHE_HIGH - CACHE_LOW + 1];

  static {
    for (int i = CACHE_LOW; i <= CACHE_HIGH; i++) {
      CACHE[i - CACHE_LOW] = new IntValue(i);
    }
  }

  public static final IntValue ZERO = of(0);
  public static final IntValue ONE = of(1);

  private final long value;
  private final long fp;

  private IntValue(long value) {
    this.value = value;
    this.fp = fingerprintOf(value);
  }

  public static IntValue of(long v) {
    if (v >= CACHE_LOW && v <= CACHE_HIGH) {
      return CACHE[(int) v - CACHE_LOW];
    }
    return new IntValue(v);
  }

  /** The canonical value of {@code v}: an {@link IntValue} if it fits a long, else a big one. */
  public static Value of(BigInteger v) {
    return v.bitLength() < 64 ? of(v.longValue()) : new BigIntValue(v);
  }

  /** The fingerprint the integer {@code v} has, without building it. */
  static long fingerprintOf(long v) {
    return Hashing.ofLong(Hashing.TAG_INT, v);
  }

  public long value() {
    return value;
  }

  /** The value as an {@code int}, or an {@link EvalError} if it does not fit. */
  public int intValue() {
    if (value != (int) value) {
      throw new EvalError("Integer " + value + " is too large here.");
    }
    return (int) value;
  }

  @Override
  public Kind kind() {
    return Kind.INT;
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof IntValue iv && iv.value == value);
  }

  @Override
  int compareSameKind(Value o) {
    if (o instanceof IntValue iv) {
      return Long.compare(value, iv.value);
    }
    return -((BigIntValue) o).big().signum();
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(value);
  }
}
