package io.synod.checker.value;

/** A function that is neither a tuple nor a record, e.g. {@code (n1 :> 1 @@ n2 :> 2)}. */
public final class FnValue extends FcnValue {
  private final Value[] domain;
  private final Value[] values;

  FnValue(Value[] domain, Value[] values) {
    super(hashPairs(domain, values));
    this.domain = domain;
    this.values = values;
  }

  @Override
  public int size() {
    return domain.length;
  }

  @Override
  public Value domainAt(int i) {
    return domain[i];
  }

  @Override
  public Value valueAt(int i) {
    return values[i];
  }

  @Override
  public int indexOf(Value arg) {
    if (domain.length <= 8) {
      // arguments are usually the very domain objects (model values, small ints, interned strings)
      for (int i = 0; i < domain.length; i++) {
        if (domain[i] == arg) {
          return i;
        }
      }
      for (int i = 0; i < domain.length; i++) {
        if (domain[i].equals(arg)) {
          return i;
        }
      }
      return -1;
    }
    return Values.search(domain, arg);
  }

  @Override
  public SetValue domain() {
    // both are immutable: the set can share the array
    return SetEnumValue.ofSorted(domain);
  }

  @Override
  public FcnValue withValues(Value[] values) {
    return new FnValue(domain, values);
  }

  @Override
  FcnValue withValueAt(int i, Value v) {
    Value[] a = values.clone();
    a[i] = v;
    return new FnValue(domain, a);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    appendPairs(sb);
  }
}
