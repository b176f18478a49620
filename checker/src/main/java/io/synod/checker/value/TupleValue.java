package io.synod.checker.value;

import java.util.Arrays;

/** A tuple / sequence {@code <<e1, ..., en>>}: the function over {@code 1..n}. */
public final class TupleValue extends FcnValue {
  public static final TupleValue EMPTY = new TupleValue(new Value[0]);

  private final Value[] elems;

  private TupleValue(Value[] elems) {
    super(hash(elems));
    this.elems = elems;
  }

  private static long hash(Value[] elems) {
    long h = Hashing.mix(Hashing.TAG_FCN, elems.length);
    for (int i = 0; i < elems.length; i++) {
      long v = part(elems[i]);
      if (v == HOLDS_LAMBDA) {
        return HOLDS_LAMBDA;
      }
      h = Hashing.mix(Hashing.mix(h, IntValue.fingerprintOf(i + 1)), v);
    }
    return h;
  }

  /** The tuple of the given elements (copied). */
  public static TupleValue of(Value... elems) {
    return elems.length == 0 ? EMPTY : new TupleValue(elems.clone());
  }

  /** The tuple owning {@code elems}; the caller must not modify the array afterwards. */
  public static TupleValue wrap(Value[] elems) {
    return elems.length == 0 ? EMPTY : new TupleValue(elems);
  }

  /** {@code s[i]} for {@code 1 <= i <= Len(s)}, 1-based. */
  public Value get(int i) {
    return elems[i - 1];
  }

  public int length() {
    return elems.length;
  }

  /** A copy of the elements. */
  public Value[] toArray() {
    return elems.clone();
  }

  /** {@code Append(s, v)}. */
  public TupleValue append(Value v) {
    Value[] a = Arrays.copyOf(elems, elems.length + 1);
    a[elems.length] = v;
    return new TupleValue(a);
  }

  /** {@code s \o t}. */
  public TupleValue concat(TupleValue t) {
    if (t.elems.length == 0) {
      return this;
    }
    Value[] a = Arrays.copyOf(elems, elems.length + t.elems.length);
    System.arraycopy(t.elems, 0, a, elems.length, t.elems.length);
    return wrap(a);
  }

  /** {@code SubSeq(s, from, to)}, 1-based inclusive; empty when {@code from > to}. */
  public TupleValue subSeq(int from, int to) {
    if (from > to) {
      return EMPTY;
    }
    if (from < 1 || to > elems.length) {
      throw new EvalError("The first argument of SubSeq must be in the domain of its second argument:\n"
          + Pretty.ppr(this) + "\nbut instead it is\n" + from + ".." + to);
    }
    if (from == 1 && to == elems.length) {
      // values are immutable: the whole sequence is its own copy
      return this;
    }
    return wrap(Arrays.copyOfRange(elems, from - 1, to));
  }

  @Override
  public int size() {
    return elems.length;
  }

  @Override
  public Value domainAt(int i) {
    return IntValue.of(i + 1);
  }

  @Override
  public Value valueAt(int i) {
    return elems[i];
  }

  @Override
  public int indexOf(Value arg) {
    if (arg instanceof IntValue iv && iv.value() >= 1 && iv.value() <= elems.length) {
      return (int) iv.value() - 1;
    }
    return -1;
  }

  @Override
  public SetValue domain() {
    return new IntervalValue(1, elems.length);
  }

  @Override
  public FcnValue withValues(Value[] values) {
    return new TupleValue(values);
  }

  @Override
  FcnValue withValueAt(int i, Value v) {
    Value[] a = elems.clone();
    a[i] = v;
    return new TupleValue(a);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append("<<");
    for (int i = 0; i < elems.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      elems[i].appendTo(sb);
    }
    sb.append(">>");
  }
}
