package io.synod.checker.value;

import java.util.Arrays;
import java.util.Iterator;

/** The set of records {@code [a : S, b : T]}. Build with {@link Values#recordSet}. */
public final class RecordSetValue extends ProductLikeSetValue {
  private final StringValue[] names;
  RecordSetValue(StringValue[] names, SetValue[] sets) {
    super(sets);
    this.names = names;
  }

  @Override
  public boolean contains(Value v) {
    if (!(v instanceof RecordValue r)) {
      // TLC turns v into a record first: only the empty tuple (no record of this set) and
      // model values (never members) pass without an error
      if (v instanceof ModelValue || v instanceof LambdaFcnValue
          || v instanceof TupleValue t && t.length() == 0) {
        return false;
      }
      throw new EvalError("Attempted to check if non-record\n" + Pretty.ppr(v)
          + "\nis in the set of records:\n" + Pretty.ppr(this));
    }
    if (r.size() != names.length) {
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
  boolean sameLabel(ProductLikeSetValue o, int i) {
    return ((RecordSetValue) o).names[i].equals(names[i]);
  }

  @Override
  String componentError(int i) {
    return "Attempted to enumerate a set of the form [l1 : v1, ..., ln : vn],\nbut can't enumerate the value of the `"
        + names[i].text() + "' field:\n" + Pretty.ppr(sets[i]);
  }

  @Override
  public Iterator<Value> iterator() {
    return new Odometer(choices(), vals -> new RecordValue(names, vals));
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
    if (appendIfSmall(sb)) {
      return;
    }
    appendDefinition(sb);
  }

  @Override
  void appendDefinition(StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i].text()).append(": "); // TLC's SetOfRcdsValue prints "[a: S]"
      sets[i].appendTo(sb);
    }
    sb.append(']');
  }
}
