package io.synod.checker.value;

/** {@code TRUE} or {@code FALSE}; exactly two instances exist. */
public final class BoolValue extends Value {
  public static final BoolValue TRUE = new BoolValue(true);
  public static final BoolValue FALSE = new BoolValue(false);

  private final boolean value;
  private final long fp;

  private BoolValue(boolean value) {
    this.value = value;
    this.fp = Hashing.ofLong(Hashing.TAG_BOOL, value ? 1 : 0);
  }

  public static BoolValue of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public boolean value() {
    return value;
  }

  @Override
  public Kind kind() {
    return Kind.BOOL;
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  int compareSameKind(Value o) {
    return Boolean.compare(value, ((BoolValue) o).value);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(value ? "TRUE" : "FALSE");
  }
}
