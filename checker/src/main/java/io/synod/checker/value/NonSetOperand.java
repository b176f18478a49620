package io.synod.checker.value;

import java.util.Iterator;

/**
 * A value that is no set, given where a constructor of sets expects one ({@code [1 -> 2]},
 * {@code [n1 : 1]}, {@code 1 \X {"d1"}}, {@code Seq("s")}). TLC builds such a set all the same
 * and fails only when it asks the argument something a set answers, with the error of the
 * value's own kind: {@code IsFiniteSet([1 -> 2])} fails on the finiteness of 1,
 * {@code [1 -> 2] = [1 -> 2]} on its emptiness.
 */
public final class NonSetOperand extends SetValue {
  private final Value value;

  private NonSetOperand(Value value) {
    this.value = value;
  }

  /** {@code v} itself when it is a set, else {@code v} as a constructor's argument. */
  public static SetValue of(Value v) {
    return v instanceof SetValue s ? s : new NonSetOperand(v);
  }

  private String described() {
    return switch (value.kind()) {
      case INT -> "the integer " + Pretty.ppr(value);
      case BOOL -> "the boolean " + Pretty.ppr(value);
      case STRING -> "the string " + Pretty.ppr(value);
      case MODEL -> "the model value " + Pretty.ppr(value);
      default -> "the function " + Pretty.ppr(value);
    };
  }

  @Override
  public boolean contains(Value v) {
    throw new EvalError("Attempted to check if the value:\n" + Pretty.ppr(v) + "\nis an element of "
        + described());
  }

  @Override
  public boolean isEnumerable() {
    return false;
  }

  @Override
  boolean enumerableForm() {
    return false;
  }

  /** TLC counts a function among the finite sets; a number, string or boolean it refuses. */
  @Override
  public boolean isFiniteSet() {
    if (value.kind() == Kind.FUNCTION) {
      return true;
    }
    throw new EvalError("Attempted to check if " + described() + " is a finite set.");
  }

  @Override
  public boolean isEmpty() {
    throw new EvalError("Shouldn't call isEmpty() on value " + Pretty.ppr(value));
  }

  @Override
  public long size() {
    throw new EvalError("Attempted to compute the number of elements in " + described() + ".");
  }

  @Override
  public Iterator<Value> iterator() {
    throw enumerationError();
  }

  @Override
  public SetEnumValue toSetEnum() {
    throw enumerationError();
  }

  @Override
  public long fingerprint() {
    return Hashing.mix(0x4e4f4e53L, value.fingerprint());
  }

  @Override
  long structuralFingerprint() {
    return fingerprint();
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof NonSetOperand n && n.value.equals(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NonSetOperand n && n.value.equals(value);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    value.appendTo(sb);
  }
}
