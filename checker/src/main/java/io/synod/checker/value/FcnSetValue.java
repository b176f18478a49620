package io.synod.checker.value;

import java.util.Iterator;

/** The set of functions {@code [D -> R]}. */
public final class FcnSetValue extends LazySetValue {
  private final SetValue domain;
  private final SetValue range;

  public FcnSetValue(SetValue domain, SetValue range) {
    this.domain = domain;
    this.range = range;
  }

  public SetValue domainSet() {
    return domain;
  }

  public SetValue rangeSet() {
    return range;
  }

  @Override
  public boolean contains(Value v) {
    if (!(v instanceof FcnValue f)) {
      if (v instanceof ModelValue) {
        return false;
      }
      // as TLC: only a function (or a model value) can be looked for among functions
      throw new EvalError("Attempted to check if \n" + Pretty.ppr(v) + "\nwhich is not a TLC function"
          + " value, is in the set of functions:\n" + Pretty.ppr(this));
    }
    if (domain instanceof SetEnumValue se) {
      // f's domain in canonical order against the explicit domain, without building DOMAIN f
      int n = f.size();
      if (n != se.intSize()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!f.domainAt(i).equals(se.get(i))) {
          return false;
        }
      }
    } else if (!f.domain().equals(domain)) {
      return false;
    }
    for (int i = 0, n = f.size(); i < n; i++) {
      if (!range.contains(f.valueAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isEnumerable() {
    return domain.isEnumerable() && range.isEnumerable();
  }

  @Override
  public long size() {
    return Odometer.power(range.size(), domain.size(), this);
  }

  @Override
  public Iterator<Value> iterator() {
    if (!isEnumerable()) {
      throw notEnumerable(this);
    }
    Value[] dom = domain.toSetEnum().toArray();
    Value[] rng = range.toSetEnum().toArray();
    Value[][] choices = new Value[dom.length][];
    java.util.Arrays.fill(choices, rng);
    return new Odometer(choices, vals -> Values.fcnSorted(dom, vals));
  }

  @Override
  long structuralFingerprint() {
    return Hashing.mix(Hashing.mix(0x46534554L, domain.fingerprint()), range.fingerprint());
  }

  @Override
  boolean structurallyEquals(SetValue o) {
    return o instanceof FcnSetValue f && f.domain.equals(domain) && f.range.equals(range);
  }

  @Override
  public void appendTo(StringBuilder sb) {
    if (appendIfSmall(sb)) {
      return;
    }
    appendDefinition(sb);
  }

  @Override
  void appendDefinition(StringBuilder sb) {
    sb.append('[');
    domain.appendTo(sb);
    sb.append(" -> ");
    range.appendTo(sb);
    sb.append(']');
  }
}
