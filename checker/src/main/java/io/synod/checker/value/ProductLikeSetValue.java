package io.synod.checker.value;

/**
 * Common part of {@code S1 \X ... \X Sn} and {@code [f1 : S1, ..., fn : Sn]}: one component
 * set per position, finite when all are, cardinality the product of theirs, elements chosen
 * position by position in canonical order.
 */
abstract class ProductLikeSetValue extends LazySetValue {
  final SetValue[] sets;

  ProductLikeSetValue(SetValue[] sets) {
    this.sets = sets;
  }

  /**
   * One component known to be empty without enumerating anything makes the whole set empty,
   * whatever the other components are ({@code Nat \X {}}), as TLC counts and enumerates it.
   */
  final boolean emptyByComponent() {
    for (SetValue s : sets) {
      if (s.isEnumerable() && s.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public final boolean isEnumerable() {
    for (SetValue s : sets) {
      if (!s.isEnumerable()) {
        return emptyByComponent();
      }
    }
    return true;
  }

  /**
   * TLC's finiteness: every component is asked whether it is finite, and a finite one whether
   * it is empty, which makes the whole set empty and so finite.
   */
  @Override
  public final boolean isFiniteSet() {
    boolean allFinite = true;
    for (SetValue s : sets) {
      if (s.isFiniteSet()) {
        if (s.isEmpty()) {
          return true;
        }
      } else {
        allFinite = false;
      }
    }
    return allFinite;
  }

  /** TLC's emptiness: the components are asked in order, the first empty one decides. */
  @Override
  public final boolean isEmpty() {
    for (SetValue s : sets) {
      if (s.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** TLC decides two sets of one constructor by their emptiness before comparing components. */
  @Override
  final Boolean equalityByEmptiness(SetValue o) {
    if (o.getClass() != getClass()) {
      return null;
    }
    if (isEmpty()) {
      return o.isEmpty();
    }
    if (o.isEmpty()) {
      return false;
    }
    return null;
  }

  /**
   * Where TLC's equality of two such sets that emptiness does not decide would fail: it compares
   * the components (field names first) in order.
   */
  final void refuseIncomparableArguments(ProductLikeSetValue o) {
    if (sets.length != o.sets.length) {
      return;
    }
    for (int i = 0; i < sets.length && sameLabel(o, i) && sets[i].tlaEquals(o.sets[i]); i++) {
      // tlaEquals raises TLC's error where two components cannot be compared
    }
  }

  /** Whether component {@code i} carries the same label (field name; always in products). */
  boolean sameLabel(ProductLikeSetValue o, int i) {
    return true;
  }

  /** TLC counts the set after asking whether it is empty, the components in order. */
  @Override
  public final long size() {
    if (isEmpty()) {
      return 0;
    }
    long[] sizes = new long[sets.length];
    for (int i = 0; i < sets.length; i++) {
      sizes[i] = sets[i].size();
    }
    return Odometer.count(sizes, this);
  }

  /** TLC enumerates the components in order: the first it cannot enumerate fails. */
  @Override
  final EvalError enumerationError() {
    for (int i = 0; i < sets.length; i++) {
      if (!sets[i].isEnumerable()) {
        int k = i;
        return partError(sets[i], () -> componentError(k));
      }
    }
    return notEnumerable(this);
  }

  /** TLC's error for a component that is not an enumerable form. */
  abstract String componentError(int i);

  /** The canonical elements of each component, for an {@link Odometer}. */
  final Value[][] choices() {
    if (!isEnumerable()) {
      throw enumerationError();
    }
    if (emptyByComponent()) {
      return new Value[][] {new Value[0]};
    }
    Value[][] choices = new Value[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      choices[i] = sets[i].toSetEnum().toArray();
    }
    return choices;
  }
}
