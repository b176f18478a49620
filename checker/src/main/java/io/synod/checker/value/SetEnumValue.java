package io.synod.checker.value;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** An explicit finite set: distinct elements in canonical order. Build with {@link Values#set}. */
public final class SetEnumValue extends SetValue {
  public static final SetEnumValue EMPTY = new SetEnumValue(new Value[0]);

  private final Value[] elems;
  private final long fp;

  private SetEnumValue(Value[] elems) {
    this.elems = elems;
    long h = Hashing.mix(Hashing.TAG_SET, elems.length);
    for (Value e : elems) {
      h = Hashing.mix(h, e.fingerprint());
    }
    this.fp = h;
  }

  /** Wraps {@code elems}, which must be distinct and canonically sorted (not copied). */
  static SetEnumValue ofSorted(Value[] elems) {
    return elems.length == 0 ? EMPTY : new SetEnumValue(elems);
  }

  /** Sorts and de-duplicates {@code elems} in place (owned by the caller) and wraps the result. */
  static SetEnumValue normalize(Value[] elems, int n) {
    if (n == 0) {
      return EMPTY;
    }
    boolean sorted = true;
    for (int i = 1; i < n; i++) {
      if (elems[i - 1].compareTo(elems[i]) >= 0) {
        sorted = false;
        break;
      }
    }
    if (sorted) {
      return new SetEnumValue(n == elems.length ? elems : Arrays.copyOf(elems, n));
    }
    Arrays.sort(elems, 0, n, allInts(elems, n) ? SetEnumValue::compareInts : Value::compareTo);
    int k = 1;
    for (int i = 1; i < n; i++) {
      if (elems[i].compareTo(elems[k - 1]) != 0) {
        elems[k++] = elems[i];
      }
    }
    return new SetEnumValue(k == elems.length ? elems : Arrays.copyOf(elems, k));
  }

  private static boolean allInts(Value[] elems, int n) {
    for (int i = 0; i < n; i++) {
      if (!(elems[i] instanceof IntValue)) {
        return false;
      }
    }
    return true;
  }

  private static int compareInts(Value a, Value b) {
    return Long.compare(((IntValue) a).value(), ((IntValue) b).value());
  }

  /** The {@code i}-th element in canonical order. */
  public Value get(int i) {
    return elems[i];
  }

  /** A copy of the elements in canonical order. */
  public Value[] toArray() {
    return elems.clone();
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  public boolean contains(Value v) {
    if (elems.length <= 4) {
      for (Value e : elems) {
        if (e.equals(v)) {
          return true;
        }
      }
      if (elems.length > 0) {
        elems[0].compareTo(v);
      }
      return false;
    }
    return Arrays.binarySearch(elems, v, Value::compareTo) >= 0;
  }

  @Override
  public boolean isEnumerable() {
    return true;
  }

  @Override
  public long size() {
    return elems.length;
  }

  @Override
  public boolean isEmpty() {
    return elems.length == 0;
  }

  @Override
  public Iterator<Value> iterator() {
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < elems.length;
      }

      @Override
      public Value next() {
        if (i >= elems.length) {
          throw new NoSuchElementException();
        }
        return elems[i++];
      }
    };
  }

  @Override
  public SetEnumValue toSetEnum() {
    return this;
  }

  @Override
  public void appendTo(StringBuilder sb) {
    appendEnumerated(sb);
  }
}
