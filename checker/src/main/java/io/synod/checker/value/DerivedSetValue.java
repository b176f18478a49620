package io.synod.checker.value;

import java.util.Iterator;

/**
 * A lazy set whose elements are only known by computing them (filter, map, algebra on
 * non-enumerable operands): cardinality and iteration go through the cached explicit form.
 */
abstract class DerivedSetValue extends LazySetValue {

  @Override
  public final long size() {
    return toSetEnum().size();
  }

  @Override
  public final boolean isEmpty() {
    return toSetEnum().isEmpty();
  }

  @Override
  public final Iterator<Value> iterator() {
    return toSetEnum().iterator();
  }
}
