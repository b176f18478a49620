package io.synod.checker.value;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Enumerates every choice of one element per position from the given canonical arrays, last
 * position fastest. When the built values compare position by position (functions with a common
 * domain, records with common fields, tuples of fixed length) this is their canonical order.
 */
final class Odometer implements Iterator<Value> {
  private final Value[][] choices;
  private final int[] idx;
  private final Function<Value[], Value> build;
  private boolean done;

  Odometer(Value[][] choices, Function<Value[], Value> build) {
    this.choices = choices;
    this.idx = new int[choices.length];
    this.build = build;
    for (Value[] c : choices) {
      if (c.length == 0) {
        done = true;
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !done;
  }

  @Override
  public Value next() {
    if (done) {
      throw new NoSuchElementException();
    }
    Value[] pick = new Value[choices.length];
    for (int i = 0; i < pick.length; i++) {
      pick[i] = choices[i][idx[i]];
    }
    int i = idx.length - 1;
    while (i >= 0) {
      if (++idx[i] < choices[i].length) {
        break;
      }
      idx[i] = 0;
      i--;
    }
    if (i < 0) {
      done = true;
    }
    return build.apply(pick);
  }

  /** {@code base ^ exp} as a cardinality, or an error beyond {@code long}. */
  static long power(long base, long exp, SetValue owner) {
    if (base <= 1 || exp == 0) {
      return exp == 0 ? 1 : base;
    }
    long n = 1;
    for (long i = 0; i < exp; i++) {
      long hi = Math.multiplyHigh(n, base);
      n = n * base;
      if (hi != 0 || n < 0) {
        throw new EvalError("Overflow when computing the number of elements in:\n" + owner.definition());
      }
    }
    return n;
  }

  /** Product of the lengths, or an error beyond {@code long}. */
  static long count(long[] sizes, SetValue owner) {
    long n = 1;
    for (long s : sizes) {
      if (s == 0) {
        return 0;
      }
    }
    for (long s : sizes) {
      long hi = Math.multiplyHigh(n, s);
      n = n * s;
      if (hi != 0 || n < 0) {
        throw new EvalError("Overflow when computing the number of elements in:\n" + owner.definition());
      }
    }
    return n;
  }
}
