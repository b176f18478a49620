package io.synod.checker.value;

/**
 * A function {@code [x \in S |-> e]} whose domain cannot be enumerated ({@code Nat}, {@code Int},
 * {@code Seq(T)}...), kept as its rule as TLC keeps it: it can still be applied, updated with
 * EXCEPT and asked its DOMAIN. What needs all its values (a fingerprint, a comparison) fails
 * with the domain's enumeration error, as TLC's conversion to an explicit function does.
 */
public abstract class LambdaFcnValue extends Value {
  protected LambdaFcnValue() {}

  /** {@code DOMAIN f}. */
  public abstract SetValue domain();

  /** {@code f[arg]}, or {@code null} when {@code arg} is not in the domain. */
  public abstract Value select(Value arg);

  /** {@code [f EXCEPT ![arg] = v]} for an {@code arg} in the domain. */
  public abstract LambdaFcnValue except(Value arg, Value v);

  @Override
  public final Kind kind() {
    return Kind.FUNCTION;
  }

  /** The error of anything needing the function in full: its domain cannot be enumerated. */
  public final EvalError notEnumerable() {
    return domain().enumerationError();
  }

  @Override
  public final long fingerprint() {
    throw notEnumerable();
  }

  /** The same rule only: TLA+ equality ({@link #tlaEquals}) with any other value fails. */
  @Override
  public final boolean equals(Object o) {
    return this == o;
  }

  @Override
  final int compareSameKind(Value o) {
    throw notEnumerable();
  }
}
