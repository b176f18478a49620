package io.synod.checker.value;

import java.util.Arrays;
import java.util.Iterator;

/** The set of records {@code [a : S, b : T]}. Build with {@link Values#recordSet}. */
public final class RecordSetValue extends LazySetValue {
  private final StringValue[] names;
  private final SetValue[] sets;

  RecordSetValue(StringValue[] names, SetValue[] sets) {
    this.names = names;
    this.sets = sets;
  }

  @Override
  public boolean contains(Value v) {
    if (!(v instanceof RecordValue r) || r.size() != names.length) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!r.nameAt(i).equals(names[i]) || !sets[i].contains(r.valueAt(i))) {
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
    return new Odometer(choices, vals -> new RecordValue(names, vals));
  }

  @Override
  long structuralFingerprint() {
    long h = 0x52534554L;
    for (int i = 0; i < names.length; i++) {
      h = Hashing.mix(Hashing.mix(h, names[i].fingerprint()), sets[i].fingerprint());
    }
    return h;
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof RecordSetValue r && Arrays.equals(r.names, names) && Arrays.equals(r.sets, sets);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable() && Values.smallEnough(this)) {
      appendEnumerated(sb);
      return;
    }
    sb.append('[');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i].text()).append(" : ");
      sets[i].appendTo(sb);
    }
    sb.append(']');
  }
}
