package io.synod.checker.value;

/**
 * Lazy {@code \cup}, {@code \cap} and {@code \} for operands that cannot be enumerated (e.g.
 * {@code Nat \ {0}}): membership works, and enumeration works whenever the result is finite by
 * construction. {@link Values#union} and friends compute eagerly when they can.
 */
public final class SetOpValue extends DerivedSetValue {
  /** The operator. */
  public enum Op { UNION, INTERSECT, DIFF }

  private final Op op;
  private final SetValue a;
  private final SetValue b;

  SetOpValue(Op op, SetValue a, SetValue b) {
    this.op = op;
    this.a = a;
    this.b = b;
  }

  @Override
  public boolean contains(Value v) {
    return switch (op) {
      case UNION -> a.contains(v) || b.contains(v);
      case INTERSECT -> a.contains(v) && b.contains(v);
      case DIFF -> a.contains(v) && !b.contains(v);
    };
  }

  @Override
  public boolean isEnumerable() {
    return switch (op) {
      case UNION -> a.isEnumerable() && b.isEnumerable();
      case INTERSECT -> a.isEnumerable() || b.isEnumerable();
      case DIFF -> a.isEnumerable();
    };
  }

  @Override
  SetEnumValue materialize() {
    return switch (op) {
      case UNION -> Values.union(a.toSetEnum(), b.toSetEnum()).toSetEnum();
      case INTERSECT -> a.isEnumerable() ? Values.filter(a, b::contains).toSetEnum()
          : Values.filter(b, a::contains).toSetEnum();
      case DIFF -> Values.filter(a, v -> !b.contains(v)).toSetEnum();
    };
  }

  /**
   * TLC's error for enumerating this set: the one of the operand it starts enumerating when that
   * is an enumerable form ({@code (Nat \ {0}) \cup {1}} fails as {@code Nat \ {0}} does), else
   * the one of the operator.
   */
  @Override
  EvalError enumerationError() {
    return switch (op) {
      case DIFF -> partError(a, () -> "Attempted to enumerate S \\ T when S:\n" + Pretty.ppr(a)
          + "\nis not enumerable.");
      case UNION -> a.enumerableForm() && b.enumerableForm()
          ? (a.isEnumerable() ? b : a).enumerationError()
          : new EvalError(bothError("\\cup"));
      case INTERSECT -> a.enumerableForm() ? a.enumerationError()
          : b.enumerableForm() ? b.enumerationError() : new EvalError(bothError("\\cap"));
    };
  }

  private String bothError(String operator) {
    return "Attempted to enumerate S " + operator + " T when S:\n" + Pretty.ppr(a) + "\nand T:\n"
        + Pretty.ppr(b) + "\nare not both enumerable";
  }

  @Override
  long structuralFingerprint() {
    return Hashing.mix(Hashing.mix(0x4f50L + op.ordinal(), a.fingerprint()), b.fingerprint());
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof SetOpValue s && s.op == op && s.a.equals(a) && s.b.equals(b);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable()) {
      appendEnumerated(sb);
      return;
    }
    a.appendTo(sb);
    sb.append(switch (op) {
      case UNION -> " \\cup ";
      case INTERSECT -> " \\cap ";
      case DIFF -> " \\ ";
    });
    b.appendTo(sb);
  }
}
