package io.synod.checker.value;

import java.util.Iterator;
import java.util.function.Predicate;

/**
 * {@code {x \in S : P(x)}} with the predicate supplied by the evaluator: membership tests
 * {@code S} and {@code P} without enumerating, enumeration filters {@code S}'s enumeration.
 */
public final class FilterSetValue extends DerivedSetValue {
  private final SetValue base;
  private final Predicate<Value> test;

  FilterSetValue(SetValue base, Predicate<Value> test) {
    this.base = base;
    this.test = test;
  }

  @Override
  public boolean contains(Value v) {
    return base.contains(v) && test.test(v);
  }

  @Override
  public boolean isEnumerable() {
    return base.isEnumerable();
  }

  @Override
  SetEnumValue materialize() {
    Value[] out = new Value[16];
    int n = 0;
    for (Iterator<Value> it = base.iterator(); it.hasNext(); ) {
      Value v = it.next();
      if (test.test(v)) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = v;
      }
    }
    return SetEnumValue.ofSorted(n == out.length ? out : java.util.Arrays.copyOf(out, n));
  }

  @Override
  long structuralFingerprint() {
    return Hashing.mix(Hashing.mix(0x46494cL, base.fingerprint()), System.identityHashCode(test));
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof FilterSetValue f && f.base.equals(base) && f.test == test;
  }

  /** The enumeration error TLC reports for a filter over a non-enumerable set. */
  @Override
  EvalError enumerationError() {
    return new EvalError("Attempted to enumerate { x \\in S : p(x) } when S:\n" + Pretty.ppr(base)
        + "\nis not enumerable");
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable()) {
      appendEnumerated(sb);
      return;
    }
    sb.append("{x \\in ");
    base.appendTo(sb);
    sb.append(" : <predicate>}");
  }
}
