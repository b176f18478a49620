package io.synod.checker.value;

import java.math.BigInteger;

/** An integer outside {@code long} range (never one inside it: see {@link IntValue#of(BigInteger)}). */
public final class BigIntValue extends Value {
  private final BigInteger value;
  private final long fp;

  BigIntValue(BigInteger value) {
    this.value = value;
    long h = Hashing.TAG_BIGINT;
    for (byte b : value.toByteArray()) {
      h = Hashing.mix(h, b);
    }
    this.fp = h;
  }

  public BigInteger big() {
    return value;
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
    return this == o || (o instanceof BigIntValue b && b.value.equals(value));
  }

  @Override
  int compareSameKind(Value o) {
    if (o instanceof BigIntValue b) {
      return value.compareTo(b.value);
    }
    return value.signum();
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(value);
  }
}
