package io.synod.checker.value;

import java.util.Iterator;
import java.util.function.Predicate;

/**
 * {@code {x \in S : P(x)}} with the predicate supplied by the evaluator: membership tests
 * {@code S} and {@code P} without enumerating, enumeration filters {@code S}'s enumeration.
 */
public final class FilterSetValue extends DerivedSetValue {
  /**
   * The base set and the predicate, until the explicit form is known: then they are dropped,
   * since a predicate keeps the state it was made in, and a filter stored in a state would
   * otherwise keep its predecessors' states alive, one after the other.
   */
  private volatile Source source;

  private record Source(SetValue base, Predicate<Value> test) {}

  FilterSetValue(SetValue base, Predicate<Value> test) {
    this.source = new Source(base, test);
  }

  @Override
  void enumerated(SetEnumValue e) {
    source = null;
  }

  @Override
  public boolean contains(Value v) {
    Source s = source;
    // null only after the explicit form was published (written before)
    return s == null ? enumeratedIfKnown().contains(v) : s.base.contains(v) && s.test.test(v);
  }

  @Override
  public boolean isEnumerable() {
    Source s = source;
    return s == null || s.base.isEnumerable();
  }

  @Override
  SetEnumValue materialize() {
    Source s = source;
    if (s == null) {
      return enumeratedIfKnown(); // another thread got there first
    }
    Value[] out = new Value[16];
    int n = 0;
    for (Iterator<Value> it = s.base.iterator(); it.hasNext(); ) {
      Value v = it.next();
      if (s.test.test(v)) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = v;
      }
    }
    return SetEnumValue.ofSorted(n == out.length ? out : java.util.Arrays.copyOf(out, n));
  }

  // Non-enumerable filters are never enumerated, so their source stays.
  @Override
  long structuralFingerprint() {
    Source s = source;
    return Hashing.mix(Hashing.mix(0x46494cL, s.base.fingerprint()), System.identityHashCode(s.test));
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    Source s = source;
    Source t = o instanceof FilterSetValue f ? f.source : null;
    return s != null && t != null && t.base.equals(s.base) && t.test == s.test;
  }

  /** The enumeration error TLC reports for a filter over a non-enumerable set. */
  @Override
  EvalError enumerationError() {
    SetValue base = source.base;
    return partError(base, () -> "Attempted to enumerate { x \\in S : p(x) } when S:\n" + Pretty.ppr(base)
        + "\nis not enumerable");
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable()) {
      appendEnumerated(sb);
      return;
    }
    sb.append("{x \\in ");
    source.base.appendTo(sb);
    sb.append(" : <predicate>}");
  }
}
