package io.synod.checker.value;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An explicit finite set: distinct elements in canonical order. Build with {@link Values#set}.
 *
 * <p>One exception, as in TLC: a set literal with an element that is a set which cannot be
 * enumerated ({@code {Nat, {-1}}}) cannot be put in canonical order; TLC keeps such a literal
 * unnormalized, in written order, and still answers membership (by equality with each element),
 * counts and enumerates it. Such a set is not {@link #ordered}: only comparing it with another
 * set fails, with the error its ordering raised.
 */
public final class SetEnumValue extends SetValue {
  public static final SetEnumValue EMPTY = new SetEnumValue(new Value[0], true);

  private final Value[] elems;
  private final long fp;
  private final boolean ordered;
  /**
   * Where a literal that is not {@link #ordered} was written (see {@link Values#noteSource});
   * null otherwise.
   */
  Object source;

  private SetEnumValue(Value[] elems, boolean ordered) {
    this.elems = elems;
    this.ordered = ordered;
    if (ordered) {
      long h = Hashing.mix(Hashing.TAG_SET, elems.length);
      for (Value e : elems) {
        h = Hashing.mix(h, e.fingerprint());
      }
      this.fp = h;
    } else {
      // independent of the written order: the same elements written otherwise are the same set
      long sum = 0;
      for (Value e : elems) {
        sum += Hashing.mix(Hashing.TAG_SET, e.fingerprint());
      }
      this.fp = Hashing.mix(Hashing.mix(Hashing.TAG_SET, ~elems.length), sum);
    }
  }

  private SetEnumValue(Value[] elems) {
    this(elems, true);
  }

  /** False for a set literal kept in written order because its elements cannot be ordered. */
  public boolean ordered() {
    return ordered;
  }

  /**
   * The set of {@code elems[0..n)} (array owned by the callee): canonical, or, when an element
   * is a set that cannot be enumerated (or itself such a literal) and so the elements cannot be
   * ordered, kept in written order without duplicates, as TLC keeps such a set literal; or,
   * when two elements are of kinds TLC does not compare, an {@link UnsortedSetValue}.
   */
  static SetValue literal(Value[] elems, int n) {
    boolean infinite = false;
    for (int i = 0; i < n; i++) {
      infinite |= elems[i] instanceof InfiniteSetValue;
    }
    // TLC tests membership in a literal holding Nat or Int by equality, element by element,
    // even when its elements (Nat and Int) can be ordered: 5 \in {Nat, Int} is FALSE
    if (!infinite) {
      // the sort below reorders elems when it fails: a literal that may fail keeps a copy
      Value[] written = mixedKinds(elems, n) ? Arrays.copyOf(elems, n) : null;
      try {
        return normalize(elems, n);
      } catch (EvalError e) {
        boolean lazyElement = false;
        for (int i = 0; i < n; i++) {
          lazyElement |= elems[i] instanceof SetValue s && (!s.isEnumerable()
              || s instanceof SetEnumValue lit && !lit.ordered);
        }
        if (!lazyElement) {
          String sortError = written == null ? null : UnsortedSetValue.sortError(written, n);
          if (sortError == null) {
            throw e;
          }
          return new UnsortedSetValue(written, sortError);
        }
      }
    }
    java.util.List<Value> distinct = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      Value v = elems[i];
      if (distinct.stream().noneMatch(v::equals)) {
        distinct.add(v);
      }
    }
    return new SetEnumValue(distinct.toArray(new Value[0]), false);
  }

  /** Whether two of {@code elems[0..n)} are of different kinds, model values aside. */
  private static boolean mixedKinds(Value[] elems, int n) {
    Kind k = null;
    for (int i = 0; i < n; i++) {
      Kind e = elems[i].kind();
      if (e != Kind.MODEL) {
        if (k != null && e != k) {
          return true;
        }
        k = e;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof SetEnumValue s && (!ordered || !s.ordered)) {
      // a set whose elements can be ordered never has the same elements as one whose cannot
      if (this == s) {
        return true;
      }
      if (ordered || s.ordered || fp != s.fp || elems.length != s.elems.length) {
        return false;
      }
      for (Value e : elems) {
        if (!s.contains(e)) {
          return false;
        }
      }
      return true;
    }
    return super.equals(o);
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
    if (!ordered) {
      for (Value e : elems) {
        if (e.equals(v)) {
          return true;
        }
      }
      return false;
    }
    if (elems.length <= 4) {
      for (Value e : elems) {
        if (e.equals(v)) {
          return true;
        }
      }
      // a miss raises the error TLC's search raises when v cannot be compared
      return search(v);
    }
    return search(v);
  }

  /**
   * TLC's binary search of a normalised set: v compared with the middle element (v first, so
   * that an error names v first: "Attempted to compare integer 1 with non-integer: {}").
   */
  private boolean search(Value v) {
    int low = 0;
    int high = elems.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      int c = v.compareTo(elems[mid]);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return false;
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
