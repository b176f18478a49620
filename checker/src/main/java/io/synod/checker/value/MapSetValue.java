package io.synod.checker.value;

import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * {@code {e(x) : x \in S}} with the map supplied by the evaluator. Like TLC, membership needs
 * the enumeration, which is built once and cached.
 */
public final class MapSetValue extends DerivedSetValue {
  private final SetValue base;
  private final UnaryOperator<Value> map;

  MapSetValue(SetValue base, UnaryOperator<Value> map) {
    this.base = base;
    this.map = map;
  }

  @Override
  public boolean contains(Value v) {
    return toSetEnum().contains(v);
  }

  @Override
  public boolean isEnumerable() {
    return base.isEnumerable();
  }

  @Override
  SetEnumValue materialize() {
    Value[] out = new Value[base.intSize()];
    int n = 0;
    for (Iterator<Value> it = base.iterator(); it.hasNext(); ) {
      out[n++] = map.apply(it.next());
    }
    return SetEnumValue.normalize(out, n);
  }

  @Override
  EvalError enumerationError() {
    return new EvalError("Attempted to enumerate { e(x) : x \\in S } when S:\n" + Pretty.ppr(base)
        + "\nis not enumerable");
  }

  @Override
  long structuralFingerprint() {
    return Hashing.mix(Hashing.mix(0x4d4150L, base.fingerprint()), System.identityHashCode(map));
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof MapSetValue m && m.base.equals(base) && m.map == map;
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable()) {
      appendEnumerated(sb);
      return;
    }
    sb.append("{<map> : x \\in ");
    base.appendTo(sb);
    sb.append('}');
  }
}
