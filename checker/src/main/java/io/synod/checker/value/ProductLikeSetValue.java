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

  @Override
  public final boolean isEnumerable() {
    for (SetValue s : sets) {
      if (!s.isEnumerable()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final long size() {
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
    Value[][] choices = new Value[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      choices[i] = sets[i].toSetEnum().toArray();
    }
    return choices;
  }
}
