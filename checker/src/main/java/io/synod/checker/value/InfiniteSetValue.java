package io.synod.checker.value;

import java.util.Iterator;

/**
 * The non-enumerable sets {@code Nat}, {@code Int}, {@code STRING}, {@code Seq(S)} and TLC's
 * {@code Any} (which holds every value): membership only.
 * Enumerating them, or asking their cardinality, raises {@link EvalError}.
 */
public final class InfiniteSetValue extends SetValue {
  private enum Form { NAT, INT, STRING, SEQ, ANY }

  public static final InfiniteSetValue NAT = new InfiniteSetValue(Form.NAT, null);
  public static final InfiniteSetValue INT = new InfiniteSetValue(Form.INT, null);
  public static final InfiniteSetValue STRING = new InfiniteSetValue(Form.STRING, null);
  public static final InfiniteSetValue ANY = new InfiniteSetValue(Form.ANY, null);

  private final Form form;
  private final SetValue elems;
  private final long fp;

  private InfiniteSetValue(Form form, SetValue elems) {
    this.form = form;
    this.elems = elems;
    this.fp = Hashing.mix(0x494e4649L + form.ordinal(), elems == null ? 0 : elems.fingerprint());
  }

  /** {@code Seq(S)}. */
  public static InfiniteSetValue seq(SetValue s) {
    return new InfiniteSetValue(Form.SEQ, s);
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  public boolean contains(Value v) {
    switch (form) {
      case NAT:
        if (v instanceof IntValue i) {
          return i.value() >= 0;
        }
        if (v instanceof BigIntValue b) {
          return b.big().signum() >= 0;
        }
        return falseForModelValue(v);
      case INT:
        if (v instanceof IntValue || v instanceof BigIntValue) {
          return true;
        }
        return falseForModelValue(v);
      case STRING:
        if (v instanceof StringValue) {
          return true;
        }
        if (v instanceof ModelValue) {
          return false;
        }
        throw new EvalError("Attempted to check if the value:\n" + Pretty.ppr(v) + "\nis an element of STRING.");
      case ANY:
        return true;
      default:
        if (!(v instanceof TupleValue t)) {
          return false;
        }
        for (int i = 0; i < t.length(); i++) {
          if (!elems.contains(t.valueAt(i))) {
            return false;
          }
        }
        return true;
    }
  }

  private boolean falseForModelValue(Value v) {
    if (v instanceof ModelValue) {
      IntValue.ZERO.compareTo(v);
      return false;
    }
    throw new EvalError("Attempted to check if the value:\n" + Pretty.ppr(v) + "\nis an element of " + this + ".");
  }

  @Override
  public boolean isEnumerable() {
    return false;
  }

  /**
   * TLC orders its number sets among themselves, Nat before Int (so a set of them, such as
   * {@code {{Nat}, {Int}}}, can be built and compared); null when either is another form,
   * which cannot be compared.
   */
  Integer compareNumberSets(InfiniteSetValue o) {
    boolean numbers = (form == Form.NAT || form == Form.INT) && (o.form == Form.NAT || o.form == Form.INT);
    return numbers ? Integer.compare(form.ordinal(), o.form.ordinal()) : null;
  }

  /** {@code Seq({})} is {@code {<<>>}}, the one infinite form that is finite. */
  @Override
  public boolean isFiniteSet() {
    return form == Form.SEQ && elems.isFiniteSet() && elems.isEmpty();
  }

  /**
   * TLC answers the emptiness of Nat, Int, STRING and Seq(S) from a witness they hold (0, the
   * empty string, the empty sequence); Any has none, and TLC refuses to say.
   */
  @Override
  public boolean isEmpty() {
    if (form == Form.ANY) {
      throw new EvalError("Shouldn't call isEmpty() on value " + this);
    }
    return false;
  }

  @Override
  boolean enumerableForm() {
    return false;
  }

  @Override
  public long size() {
    throw new EvalError("Attempted to compute the number of elements in the overridden value " + this + ".");
  }

  @Override
  public Iterator<Value> iterator() {
    throw notEnumerable(this);
  }

  @Override
  public SetEnumValue toSetEnum() {
    throw notEnumerable(this);
  }

  @Override
  long structuralFingerprint() {
    return fp;
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof InfiniteSetValue s && s.form == form && (elems == null || elems.equals(s.elems));
  }

  @Override
  public void appendTo(StringBuilder sb) {
    switch (form) {
      case NAT -> sb.append("Nat");
      case INT -> sb.append("Int");
      case STRING -> sb.append("STRING");
      case ANY -> sb.append("ANY"); // TLC's AnySet prints so
      default -> {
        sb.append("Seq(");
        elems.appendTo(sb);
        sb.append(')');
      }
    }
  }
}
