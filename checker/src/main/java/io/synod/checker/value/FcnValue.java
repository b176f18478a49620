package io.synod.checker.value;

/**
 * A finite function, stored as its domain in canonical order with the value at each domain
 * element. Each function has exactly one representation, chosen by {@link Values#fcn}: a
 * {@link TupleValue} when the domain is {@code 1..n} (including the empty function), a
 * {@link RecordValue} when the domain is a non-empty set of strings, else an {@link FnValue}.
 * Hence {@code <<a, b>> = (1 :> a @@ 2 :> b)} and {@code [x |-> 1] = ("x" :> 1)} hold by
 * construction, with equal fingerprints.
 */
public abstract class FcnValue extends Value {
  private final long fp;

  FcnValue(long fp) {
    this.fp = fp;
  }

  /** Number of domain elements. */
  public abstract int size();

  /** The {@code i}-th domain element in canonical order. */
  public abstract Value domainAt(int i);

  /** The value at the {@code i}-th domain element. */
  public abstract Value valueAt(int i);

  /** Index of {@code arg} in the domain, or a negative number if absent. */
  public abstract int indexOf(Value arg);

  /** {@code f[arg]}, or {@code null} when {@code arg} is not in the domain. */
  public final Value apply(Value arg) {
    int i = indexOf(arg);
    return i < 0 ? null : valueAt(i);
  }

  /** {@code f[arg]}, raising TLC's error when {@code arg} is not in the domain. */
  public final Value applyOrFail(Value arg) {
    Value v = apply(arg);
    if (v == null) {
      throw new EvalError("Attempted to apply function:\n" + Pretty.ppr(this) + "\nto argument "
          + Pretty.ppr(arg) + ", which is not in the domain of the function.");
    }
    return v;
  }

  /** {@code DOMAIN f}. */
  public abstract SetValue domain();

  /**
   * {@code [f EXCEPT ![arg] = v]}. As in TLA+ (and TLC), an {@code arg} outside the domain
   * leaves the function unchanged; callers that want to warn can test {@link #indexOf} first.
   */
  public final FcnValue except(Value arg, Value v) {
    int i = indexOf(arg);
    if (i < 0) {
      return this;
    }
    return valueAt(i).equals(v) ? this : withValueAt(i, v);
  }

  /** This function with the value at the {@code i}-th domain element replaced. */
  abstract FcnValue withValueAt(int i, Value v);

  /** A fresh array of the values in domain order, to change and pass to {@link #withValues}. */
  public final Value[] valuesCopy() {
    Value[] a = new Value[size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = valueAt(i);
    }
    return a;
  }

  /**
   * This function with all its values replaced by {@code values} (owned by the result, one per
   * domain element in order): several {@link #except}s at once, copying and hashing once.
   */
  public abstract FcnValue withValues(Value[] values);

  @Override
  public final Kind kind() {
    return Kind.FUNCTION;
  }

  @Override
  public final long fingerprint() {
    if (fp == HOLDS_LAMBDA) {
      throw lambdaError();
    }
    return fp;
  }

  /**
   * The fingerprint of a function holding, at any depth, a function over a non-enumerable domain
   * ({@link LambdaFcnValue}): TLC keeps such a value (a record of them, say) and fails only when
   * it needs it in full, as this fingerprint then does.
   */
  static final long HOLDS_LAMBDA = 0x4c616d6264614c7aL;

  /** The fingerprint of a part, or {@link #HOLDS_LAMBDA} when it holds a lambda function. */
  static long part(Value v) {
    if (v instanceof LambdaFcnValue || v instanceof FcnValue f && f.fp == HOLDS_LAMBDA) {
      return HOLDS_LAMBDA;
    }
    return v.fingerprint();
  }

  private EvalError lambdaError() {
    for (int i = 0, n = size(); i < n; i++) {
      Value v = valueAt(i);
      if (v instanceof LambdaFcnValue l) {
        return l.notEnumerable();
      }
      if (v instanceof FcnValue f && f.fp == HOLDS_LAMBDA) {
        return f.lambdaError();
      }
    }
    return new EvalError("Attempted to fingerprint a function that cannot be enumerated.");
  }

  static long hashPairs(Value[] dom, Value[] vals) {
    long h = Hashing.mix(Hashing.TAG_FCN, vals.length);
    for (int i = 0; i < vals.length; i++) {
      long v = part(vals[i]);
      if (v == HOLDS_LAMBDA) {
        return HOLDS_LAMBDA;
      }
      h = Hashing.mix(Hashing.mix(h, dom[i].fingerprint()), v);
    }
    return h;
  }

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FcnValue f) || f.fp != fp || f.size() != size()) {
      return false;
    }
    for (int i = 0, n = size(); i < n; i++) {
      if (!domainAt(i).equals(f.domainAt(i)) || !valueAt(i).equals(f.valueAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  final int compareSameKind(Value o) {
    FcnValue f = (FcnValue) o;
    int n = size();
    int c = Integer.compare(n, f.size());
    if (c != 0) {
      return c;
    }
    if (this instanceof RecordValue && f instanceof RecordValue) {
      // TLC orders records by all field names first, then by the values.
      for (int i = 0; i < n; i++) {
        c = domainAt(i).compareTo(f.domainAt(i));
        if (c != 0) {
          return c;
        }
      }
      for (int i = 0; i < n; i++) {
        c = valueAt(i).compareTo(f.valueAt(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
    for (int i = 0; i < n; i++) {
      c = domainAt(i).compareTo(f.domainAt(i));
      if (c != 0) {
        return c;
      }
      c = valueAt(i).compareTo(f.valueAt(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Appends {@code (d1 :> v1 @@ d2 :> v2)}, TLC's form for functions that are not tuples or records. */
  final void appendPairs(StringBuilder sb) {
    sb.append('(');
    for (int i = 0, n = size(); i < n; i++) {
      if (i > 0) {
        sb.append(" @@ ");
      }
      domainAt(i).appendTo(sb);
      sb.append(" :> ");
      valueAt(i).appendTo(sb);
    }
    sb.append(')');
  }
}
