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
    } else if (!f.domain().tlaEquals(domain)) {
      // TLC compares the function's explicit domain with this one, which it must enumerate
      return false;
    }
    for (int i = 0, n = f.size(); i < n; i++) {
      if (!range.contains(f.valueAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * An empty domain makes {@code [D -> R]} the set {@code {<<>>}} whatever {@code R} is, which
   * TLC enumerates without asking anything of {@code R} ({@code [{} -> Nat]}).
   */
  private boolean unitByDomain() {
    return domain.isEnumerable() && domain.isEmpty();
  }

  /** A non-empty domain and an empty co-domain: the empty set, whatever the domain is. */
  private boolean emptyByRange() {
    return !unitByDomain() && range.isEnumerable() && range.isEmpty();
  }

  @Override
  public boolean isEnumerable() {
    return unitByDomain() || emptyByRange() || (domain.isEnumerable() && range.isEnumerable());
  }

  /** TLC's emptiness of {@code [D -> R]}: the domain is asked first, then the co-domain. */
  @Override
  public boolean isEmpty() {
    return !domain.isEmpty() && range.isEmpty();
  }

  @Override
  Boolean equalityByEmptiness(SetValue o) {
    if (!(o instanceof FcnSetValue f)) {
      return null;
    }
    boolean unit1 = domain.isEmpty();
    boolean unit2 = f.domain.isEmpty();
    if (unit1 || unit2) {
      return unit1 == unit2;
    }
    boolean empty1 = range.isEmpty();
    boolean empty2 = f.range.isEmpty();
    if (empty1 || empty2) {
      return empty1 == empty2;
    }
    return null;
  }

  /**
   * Where TLC's equality of two sets of functions that emptiness does not decide would fail:
   * it compares the domains, then the co-domains.
   */
  void refuseIncomparableArguments(FcnSetValue o) {
    if (domain.tlaEquals(o.domain)) {
      range.tlaEquals(o.range);
    }
  }

  /**
   * TLC's finiteness of {@code [D -> R]}: an empty domain or co-domain, both finite, or a
   * single-element co-domain (one function, whatever the domain): {@code [Nat -> {"d1"}]}.
   */
  @Override
  public boolean isFiniteSet() {
    boolean finiteDomain = domain.isFiniteSet();
    if (finiteDomain && domain.isEmpty()) {
      return true;
    }
    boolean finiteRange = range.isFiniteSet();
    if (finiteRange && range.isEmpty()) {
      return true;
    }
    return finiteDomain && finiteRange || finiteRange && range.size() == 1;
  }

  @Override
  public long size() {
    if (unitByDomain()) {
      return 1;
    }
    if (emptyByRange()) {
      return 0;
    }
    if (range.isFiniteSet() && range.size() == 1) {
      return 1; // one function whatever the non-empty domain, which need not be counted
    }
    return Odometer.power(range.size(), domain.size(), this);
  }

  /** TLC enumerates the domain first, then (for a non-empty one) the co-domain. */
  @Override
  EvalError enumerationError() {
    if (!domain.isEnumerable()) {
      return partError(domain, () -> "Attempted to enumerate a set of the form [D -> R],but the domain D:\n"
          + Pretty.ppr(domain) + "\ncannot be enumerated.");
    }
    return partError(range, () -> "Attempted to enumerate a set of the form [D -> R],but the range R:\n"
        + Pretty.ppr(range) + "\ncannot be enumerated.");
  }

  @Override
  public Iterator<Value> iterator() {
    if (!isEnumerable()) {
      throw enumerationError();
    }
    if (emptyByRange()) {
      return java.util.Collections.emptyIterator();
    }
    Value[] dom = domain.toSetEnum().toArray();
    Value[] rng = dom.length == 0 ? new Value[0] : range.toSetEnum().toArray();
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
