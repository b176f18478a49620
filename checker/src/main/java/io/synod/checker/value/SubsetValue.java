package io.synod.checker.value;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code SUBSET S}. Enumerates in canonical order (by cardinality, then lexicographically over
 * the canonical order of {@code S}), which is also the order TLC enumerates it in.
 */
public final class SubsetValue extends LazySetValue {
  private final SetValue base;

  public SubsetValue(SetValue base) {
    this.base = base;
  }

  public SetValue base() {
    return base;
  }

  @Override
  public boolean contains(Value v) {
    if (!(v instanceof SetValue s)) {
      return false;
    }
    if (!s.isEnumerable()) {
      throw new EvalError("Attempted to check if the non-enumerable value\n" + Pretty.ppr(v)
          + "\nis element of\n" + Pretty.ppr(this));
    }
    return s.isSubsetOf(base);
  }

  @Override
  public boolean isEnumerable() {
    return base.isEnumerable();
  }

  /** TLC counts the base first, which fails for an overridden set as its size does. */
  @Override
  EvalError enumerationError() {
    if (!base.enumerableForm()) {
      try {
        base.size();
      } catch (EvalError e) {
        return e;
      }
    }
    return base.enumerationError();
  }

  /** {@code SUBSET A \subseteq SUBSET B} exactly when {@code A \subseteq B}: no enumeration. */
  @Override
  public boolean isSubsetOf(SetValue other) {
    if (other instanceof SubsetValue o) {
      return base.isSubsetOf(o.base);
    }
    return super.isSubsetOf(other);
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public long size() {
    long n = base.size();
    if (n >= 63) {
      throw new EvalError("Overflow when computing the number of elements in:\n" + Pretty.ppr(this));
    }
    return 1L << n;
  }

  @Override
  public Iterator<Value> iterator() {
    Value[] elems = base.toSetEnum().toArray();
    int n = elems.length;
    return new Iterator<>() {
      int k = 0;
      int[] pick = new int[0];
      boolean done = false;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Value next() {
        if (done) {
          throw new NoSuchElementException();
        }
        Value[] set = new Value[k];
        for (int i = 0; i < k; i++) {
          set[i] = elems[pick[i]];
        }
        advance();
        return SetEnumValue.ofSorted(set);
      }

      private void advance() {
        int i = k - 1;
        while (i >= 0 && pick[i] == n - k + i) {
          i--;
        }
        if (i >= 0) {
          pick[i]++;
          for (int j = i + 1; j < k; j++) {
            pick[j] = pick[j - 1] + 1;
          }
          return;
        }
        k++;
        if (k > n) {
          done = true;
          return;
        }
        pick = new int[k];
        for (int j = 0; j < k; j++) {
          pick[j] = j;
        }
      }
    };
  }

  @Override
  long structuralFingerprint() {
    return Hashing.mix(0x53554253L, base.fingerprint());
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof SubsetValue s && s.base.equals(base);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (base.isEnumerable() && base.size() < 7) {
      appendEnumerated(sb);
      return;
    }
    sb.append("SUBSET ");
    boolean paren = base instanceof IntervalValue;
    if (paren) {
      sb.append('(');
    }
    base.appendTo(sb);
    if (paren) {
      sb.append(')');
    }
  }
}
