package io.synod.checker.value;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The interval {@code lo..hi} (empty when {@code lo > hi}); prints as {@code lo..hi} like TLC. */
public final class IntervalValue extends LazySetValue {
  private final long lo;
  private final long hi;

  public IntervalValue(long lo, long hi) {
    this.lo = lo;
    this.hi = hi;
  }

  public long lo() {
    return lo;
  }

  public long hi() {
    return hi;
  }

  boolean sameElements(IntervalValue o) {
    return (lo > hi && o.lo > o.hi) || (lo == o.lo && hi == o.hi);
  }

  @Override
  public boolean contains(Value v) {
    if (v instanceof IntValue iv) {
      return iv.value() >= lo && iv.value() <= hi;
    }
    if (v instanceof BigIntValue) {
      return false;
    }
    if (lo > hi) {
      // TLC refuses only to look for a non-number among numbers that exist: nothing is in an
      // empty interval, such as DOMAIN <<>> (an empty bag's domain in Bags' TLA+ definition)
      return false;
    }
    if (v instanceof ModelValue) {
      IntValue.ZERO.compareTo(v);
      return false;
    }
    throw new EvalError("Attempted to check if the value:\n" + Pretty.ppr(v)
        + "\nis in the integer interval " + this);
  }

  @Override
  public boolean isEnumerable() {
    return true;
  }

  @Override
  public long size() {
    if (lo > hi) {
      return 0;
    }
    long n = hi - lo + 1;
    if (n <= 0) {
      throw new EvalError("The interval " + this + " has too many elements.");
    }
    return n;
  }

  @Override
  public Iterator<Value> iterator() {
    return new Iterator<>() {
      long next = lo;
      boolean done = lo > hi;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Value next() {
        if (done) {
          throw new NoSuchElementException();
        }
        long v = next;
        if (v == hi) {
          done = true;
        } else {
          next++;
        }
        return IntValue.of(v);
      }
    };
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(lo).append("..").append(hi);
  }
}
