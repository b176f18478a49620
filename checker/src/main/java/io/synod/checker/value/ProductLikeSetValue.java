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

  @Override
  public final long size() {
    if (emptyByComponent()) {
      return 0;
    }
    long[] sizes = new long[sets.length];
    for (int i = 0; i < sets.length; i++) {
      sizes[i] = sets[i].size();
    }
    return Odometer.count(sizes, this);
  }

  /** The canonical elements of each component, for an {@link Odometer}. */
  final Value[][] choices() {
    if (!isEnumerable()) {
      throw notEnumerable(this);
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
