package io.synod.checker.value;

import java.util.Arrays;
import java.util.Iterator;

/** The Cartesian product {@code S1 \X ... \X Sn}, a set of n-tuples. */
public final class ProductSetValue extends LazySetValue {
  private final SetValue[] sets;

  public ProductSetValue(SetValue... sets) {
    this.sets = sets.clone();
  }

  @Override
  public boolean contains(Value v) {
    if (!(v instanceof TupleValue t) || t.length() != sets.length) {
      return false;
    }
    for (int i = 0; i < sets.length; i++) {
      if (!sets[i].contains(t.valueAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isEnumerable() {
    for (SetValue s : sets) {
      if (!s.isEnumerable()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long size() {
    long[] sizes = new long[sets.length];
    for (int i = 0; i < sets.length; i++) {
      sizes[i] = sets[i].size();
    }
    return Odometer.count(sizes, this);
  }

  @Override
  public Iterator<Value> iterator() {
    if (!isEnumerable()) {
      throw notEnumerable(this);
    }
    Value[][] choices = new Value[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      choices[i] = sets[i].toSetEnum().toArray();
    }
    return new Odometer(choices, TupleValue::wrap);
  }

  @Override
  long structuralFingerprint() {
    long h = 0x50524f44L;
    for (SetValue s : sets) {
      h = Hashing.mix(h, s.fingerprint());
    }
    return h;
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof ProductSetValue p && Arrays.equals(p.sets, sets);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable() && Values.smallEnough(this)) {
      appendEnumerated(sb);
      return;
    }
    for (int i = 0; i < sets.length; i++) {
      if (i > 0) {
        sb.append(" \\X ");
      }
      sets[i].appendTo(sb);
    }
  }
}
