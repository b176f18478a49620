package io.synod.checker.value;

/**
 * {@code UNION S} for an explicit set {@code S} of sets one of which cannot be enumerated
 * ({@code UNION {Nat, {-1}}}), or whose elements cannot be put in one order
 * ({@code UNION {1..2, {"a"}}}): membership asks each element in turn, as TLC's UnionValue does,
 * and enumerating it fails with TLC's error for the first element it cannot enumerate, or the
 * comparison that fails.
 */
final class UnionOfValue extends LazySetValue {
  private final SetEnumValue sets;

  UnionOfValue(SetEnumValue sets) {
    this.sets = sets;
  }

  @Override
  public boolean contains(Value v) {
    for (int i = 0; i < sets.intSize(); i++) {
      if (((SetValue) sets.get(i)).contains(v)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isEnumerable() {
    for (int i = 0; i < sets.intSize(); i++) {
      if (!((SetValue) sets.get(i)).isEnumerable()) {
        return false;
      }
    }
    return true;
  }

  @Override
  SetEnumValue materialize() {
    return Values.unionOf(sets).toSetEnum();
  }

  @Override
  public long size() {
    return toSetEnum().size();
  }

  @Override
  public java.util.Iterator<Value> iterator() {
    return toSetEnum().iterator();
  }

  /** TLC's emptiness: whether its enumeration yields a first element, the sets in order. */
  @Override
  public boolean isEmpty() {
    for (int i = 0; i < sets.intSize(); i++) {
      SetValue s = (SetValue) sets.get(i);
      if (!s.isEnumerable()) {
        throw enumerationError();
      }
      if (!s.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * TLC enumerates the elements in order and fails at the first it cannot enumerate: with its own
   * error if it is an enumerable form, else with a message that depends on whether it is the
   * first element.
   */
  @Override
  EvalError enumerationError() {
    for (int i = 0; i < sets.intSize(); i++) {
      SetValue s = (SetValue) sets.get(i);
      if (!s.isEnumerable()) {
        int first = i;
        return partError(s, () -> first == 0
            ? "Attempted to enumerate UNION(s), but some element of s is nonenumerable."
            : "Attempted to enumerate the nonenumerable set:\n" + Pretty.ppr(s) + "\nwhen enumerating:\n"
                + Pretty.ppr(UnionOfValue.this));
      }
    }
    return notEnumerable(this);
  }

  @Override
  long structuralFingerprint() {
    return Hashing.mix(0x554e494fL, sets.fingerprint());
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof UnionOfValue u && u.sets.equals(sets);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (isEnumerable()) {
      appendEnumerated(sb);
      return;
    }
    sb.append("UNION(");
    sets.appendTo(sb);
    sb.append(')');
  }
}
