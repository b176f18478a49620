package io.synod.checker.value;

import java.util.Arrays;
import java.util.Iterator;

/** The Cartesian product {@code S1 \X ... \X Sn}, a set of n-tuples. */
public final class ProductSetValue extends ProductLikeSetValue {
  public ProductSetValue(SetValue... sets) {
    super(sets.clone());
  }

  /** The component sets, in order. */
  public SetValue[] components() {
    return sets.clone();
  }

  @Override
  public boolean contains(Value v) {
    if (!(v instanceof TupleValue t)) {
      // TLC turns v into a function first: one over integers other than 1..n is no member, one
      // over anything else (a record) or a value that is no function fails
      if (v instanceof ModelValue || v instanceof LambdaFcnValue) {
        return false;
      }
      if (v instanceof FcnValue f) {
        for (int i = 0; i < f.size(); i++) {
          if (!(f.domainAt(i) instanceof IntValue)) {
            throw notTuple(v);
          }
        }
        return false;
      }
      throw notTuple(v);
    }
    if (t.length() != sets.length) {
      return false;
    }
    for (int i = 0; i < sets.length; i++) {
      if (!sets[i].contains(t.valueAt(i))) {
        return false;
      }
    }
    return true;
  }

  private EvalError notTuple(Value v) {
    return new EvalError("Attempted to check if non-tuple\n" + Pretty.ppr(v)
        + "\nis in the set of tuples:\n" + Pretty.ppr(this));
  }

  @Override
  String componentError(int i) {
    return "Attempted to enumerate a set of the form s1 \\X s2 ... \\X sn,\nbut can't enumerate s" + i + ":\n"
        + Pretty.ppr(sets[i]);
  }

  @Override
  public Iterator<Value> iterator() {
    return new Odometer(choices(), TupleValue::wrap);
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
    if (appendIfSmall(sb)) {
      return;
    }
    appendDefinition(sb);
  }

  @Override
  void appendDefinition(StringBuilder sb) {
    sb.append('(');
    for (int i = 0; i < sets.length; i++) {
      if (i > 0) {
        sb.append(" \\X ");
      }
      sets[i].appendTo(sb);
    }
    sb.append(')');
  }
}
