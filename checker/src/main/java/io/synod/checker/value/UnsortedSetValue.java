package io.synod.checker.value;

import java.util.Iterator;

/**
 * A set literal whose elements cannot be put in TLC's canonical order because two of them are
 * of kinds TLC does not compare ({@code {1, "a"}}). TLC keeps such a literal unnormalized, as
 * written: membership compares the value with each element in turn by equality, so
 * {@code 1 \in {1, "a"}} is TRUE while {@code "b" \in {1, "a"}} fails on {@code 1 = "b"}; its
 * emptiness needs no order either. Everything else (counting, enumerating, comparing) first
 * normalizes it and fails with the error TLC's sort meets.
 */
final class UnsortedSetValue extends SetValue {
  private final Value[] elems;
  private final String sortError;
  private final long fp;
  /** Where the literal was written (see {@link Values#noteSource}); null when unknown. */
  Object source;

  UnsortedSetValue(Value[] elems, String sortError) {
    this.elems = elems;
    this.sortError = sortError;
    // independent of the written order, as the set is
    long sum = 0;
    for (Value e : elems) {
      sum += Hashing.mix(Hashing.TAG_SET, e.fingerprint());
    }
    this.fp = Hashing.mix(Hashing.mix(Hashing.TAG_SET, ~elems.length), sum);
  }

  /**
   * The error TLC's normalization of {@code elems[0..n)} meets, or null if they can be ordered:
   * TLC inserts the elements in written order, each found by binary search among the ones
   * before it, the new element compared first.
   */
  static String sortError(Value[] elems, int n) {
    try {
      Value.insertAsTlc(n, i -> elems[i], Value::compareTo);
    } catch (EvalError err) {
      return err.getMessage();
    }
    return null;
  }

  String sortError() {
    return sortError;
  }

  Value[] elems() {
    return elems;
  }

  private EvalError unsortable() {
    return new EvalError(sortError);
  }

  @Override
  public boolean contains(Value v) {
    for (Value e : elems) {
      if (e.tlaEquals(v)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isEnumerable() {
    return true;
  }

  @Override
  public boolean isFiniteSet() {
    return true;
  }

  @Override
  public boolean isEmpty() {
    return elems.length == 0;
  }

  @Override
  public long size() {
    throw unsortable();
  }

  @Override
  public Iterator<Value> iterator() {
    throw unsortable();
  }

  @Override
  public SetEnumValue toSetEnum() {
    throw unsortable();
  }

  @Override
  EvalError enumerationError() {
    return unsortable();
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  long structuralFingerprint() {
    return fp;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  /**
   * As written: TLC would fail to print it, on its sort, but a printed value must not fail here
   * (a trace, an error message naming it).
   */
  @Override
  public void appendTo(StringBuilder sb) {
    sb.append('{');
    for (int i = 0; i < elems.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      elems[i].appendTo(sb);
    }
    sb.append('}');
  }
}
