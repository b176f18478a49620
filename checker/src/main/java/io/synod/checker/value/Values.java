package io.synod.checker.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Factories for values in canonical form. Use these rather than constructors: they pick the one
 * representation each value has (tuple / record / general function; explicit or lazy set).
 */
public final class Values {
  private Values() {}

  /** TLC expands a lazy set for printing below this many elements. */
  static final long ENUM_BOUND = 2000;

  public static final SetValue BOOLEAN = set(BoolValue.FALSE, BoolValue.TRUE);

  public static BoolValue bool(boolean b) {
    return BoolValue.of(b);
  }

  public static IntValue integer(long v) {
    return IntValue.of(v);
  }

  /** The set of the given elements, sorted and de-duplicated (the argument is copied). */
  public static SetEnumValue set(Value... elems) {
    return SetEnumValue.normalize(elems.clone(), elems.length);
  }

  public static SetEnumValue set(Collection<? extends Value> elems) {
    return SetEnumValue.normalize(elems.toArray(new Value[0]), elems.size());
  }

  /**
   * The value of the set literal with elements {@code elems[0..n)} (array owned by the callee):
   * like {@link #setOwning}, except that a literal with an element that is a non-enumerable set
   * ({@code {Nat, {-1}}}) is kept unordered, as TLC keeps it, instead of failing.
   */
  public static SetValue setLiteral(Value[] elems, int n) {
    return SetEnumValue.literal(elems, n);
  }

  /**
   * Whether {@code s}, a value of {@link #setLiteral}, is a literal TLC cannot sort ({@code {1,
   * "a"}}, {@code {Nat, {-1}}}): a state holding one cannot be fingerprinted.
   */
  public static boolean unsortable(SetValue s) {
    return s.getClass() != SetEnumValue.class || !((SetEnumValue) s).ordered();
  }

  /** Records where the {@link #unsortable} literal {@code s} was written (for its error). */
  public static void noteSource(SetValue s, Object source) {
    if (s instanceof UnsortedSetValue u) {
      u.source = source;
    } else if (s instanceof SetEnumValue e) {
      e.source = source;
    }
  }

  /**
   * The first set, in the order TLC fingerprints a state (variables in order, then each value's
   * parts), that TLC cannot sort, with the error its sort meets and where it was written; null
   * when the state holds none.
   */
  public static Unsortable firstUnsortable(Value[] state) {
    for (Value v : state) {
      Unsortable u = v == null ? null : firstUnsortable(v);
      if (u != null) {
        return u;
      }
    }
    return null;
  }

  /** A set literal TLC cannot sort: the error of its sort and where it was written (or null). */
  public record Unsortable(String reason, Object source) {}

  private static Unsortable firstUnsortable(Value v) {
    if (v instanceof UnsortedSetValue u) {
      return new Unsortable(u.sortError(), u.source);
    }
    if (v instanceof SetEnumValue s) {
      if (!s.ordered()) {
        try {
          Value.sortAsTlc(s);
        } catch (EvalError e) {
          return new Unsortable(e.getMessage(), s.source);
        }
        return null;
      }
      for (int i = 0; i < s.size(); i++) {
        Unsortable u = firstUnsortable(s.get(i));
        if (u != null) {
          return u;
        }
      }
      return null;
    }
    if (v instanceof FcnValue f) {
      for (int i = 0; i < f.size(); i++) {
        Unsortable u = firstUnsortable(f.domainAt(i));
        if (u == null) {
          u = firstUnsortable(f.valueAt(i));
        }
        if (u != null) {
          return u;
        }
      }
    }
    return null;
  }

  /** Sorts and de-duplicates {@code elems[0..n)}; takes ownership of the array. */
  public static SetEnumValue setOwning(Value[] elems, int n) {
    return SetEnumValue.normalize(elems, n);
  }

  public static TupleValue tuple(Value... elems) {
    return TupleValue.of(elems);
  }

  /**
   * The record with the given fields (any order; names must be distinct). A record is the
   * function over its field-name strings.
   */
  public static FcnValue record(StringValue[] names, Value[] values) {
    FcnValue f = fcn(names, values);
    return f instanceof RecordValue r ? r.writtenAs(names) : f;
  }

  /**
   * The function mapping {@code domain[i]} to {@code values[i]} (any order, arrays copied).
   * Raises {@link EvalError} if a domain element repeats with different values.
   */
  public static FcnValue fcn(Value[] domain, Value[] values) {
    int n = domain.length;
    if (values.length != n) {
      throw new IllegalArgumentException("domain and values differ in length");
    }
    if (strictlySorted(domain)) {
      return fcnSorted(domain.clone(), values.clone());
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> domain[x].compareTo(domain[y]));
    Value[] d = new Value[n];
    Value[] v = new Value[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      Value dom = domain[order[i]];
      Value val = values[order[i]];
      if (k > 0 && d[k - 1].compareTo(dom) == 0) {
        if (!v[k - 1].equals(val)) {
          throw new EvalError("The function has two different values at " + Pretty.ppr(dom) + ".");
        }
        continue;
      }
      d[k] = dom;
      v[k] = val;
      k++;
    }
    if (k < n) {
      d = Arrays.copyOf(d, k);
      v = Arrays.copyOf(v, k);
    }
    return fcnSorted(d, v);
  }

  private static boolean strictlySorted(Value[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1].compareTo(a[i]) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code d :> e}, the function with domain {@code {d}}. */
  public static FcnValue singleton(Value d, Value e) {
    return fcnSorted(new Value[] {d}, new Value[] {e});
  }

  /** {@code f @@ g}: {@code f} where defined, else {@code g} (TLC module's operator). */
  public static FcnValue merge(FcnValue f, FcnValue g) {
    int n = f.size();
    int m = g.size();
    Value[] d = new Value[n + m];
    Value[] v = new Value[n + m];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n || j < m) {
      int c = i == n ? 1 : j == m ? -1 : f.domainAt(i).compareTo(g.domainAt(j));
      if (c <= 0) {
        d[k] = f.domainAt(i);
        v[k++] = f.valueAt(i++);
        if (c == 0) {
          j++;
        }
      } else {
        d[k] = g.domainAt(j);
        v[k++] = g.valueAt(j++);
      }
    }
    return fcnSorted(k == d.length ? d : Arrays.copyOf(d, k), k == v.length ? v : Arrays.copyOf(v, k));
  }

  /**
   * {@code v} with every model value replaced by its image under {@code perm} (absent ones map
   * to themselves), re-normalised: the building block of SYMMETRY reduction.
   */
  public static Value permute(Value v, java.util.Map<ModelValue, ModelValue> perm) {
    if (v instanceof ModelValue m) {
      return perm.getOrDefault(m, m);
    }
    if (v instanceof TupleValue t) {
      Value[] a = null;
      for (int i = 0; i < t.size(); i++) {
        Value x = t.valueAt(i);
        Value y = permute(x, perm);
        if (y != x && a == null) {
          a = t.toArray();
        }
        if (a != null) {
          a[i] = y;
        }
      }
      return a == null ? t : TupleValue.wrap(a);
    }
    if (v instanceof FcnValue f) {
      Value[] d = new Value[f.size()];
      Value[] e = new Value[f.size()];
      boolean domainChanged = false;
      boolean changed = false;
      for (int i = 0; i < d.length; i++) {
        d[i] = permute(f.domainAt(i), perm);
        e[i] = permute(f.valueAt(i), perm);
        domainChanged |= d[i] != f.domainAt(i);
        changed |= e[i] != f.valueAt(i);
      }
      if (!domainChanged) {
        // records and tuples: the domain is still in canonical order, no sorting needed
        return changed ? fcnSorted(d, e) : f;
      }
      return fcn(d, e);
    }
    if (v instanceof SetValue s && s.isEnumerable()) {
      SetEnumValue se = s.toSetEnum();
      Value[] a = new Value[se.intSize()];
      boolean changed = false;
      for (int i = 0; i < a.length; i++) {
        a[i] = permute(se.get(i), perm);
        changed |= a[i] != se.get(i);
      }
      return changed ? SetEnumValue.normalize(a, a.length) : s;
    }
    return v;
  }

  /**
   * The function over {@code domain}, which must be distinct and in canonical order; neither
   * array may be modified afterwards ({@code domain} may be shared between functions).
   */
  public static FcnValue fcnSorted(Value[] domain, Value[] values) {
    int n = domain.length;
    if (n == 0) {
      return TupleValue.EMPTY;
    }
    boolean tuple = true;
    boolean strings = true;
    for (int i = 0; i < n; i++) {
      Value d = domain[i];
      if (!(d instanceof IntValue iv && iv.value() == i + 1)) {
        tuple = false;
      }
      if (!(d instanceof StringValue)) {
        strings = false;
      }
    }
    if (tuple) {
      return TupleValue.wrap(values);
    }
    if (strings) {
      StringValue[] names = new StringValue[n];
      for (int i = 0; i < n; i++) {
        names[i] = (StringValue) domain[i];
      }
      return new RecordValue(names, values);
    }
    return new FnValue(domain, values);
  }

  /** {@code [x \in S |-> e(x)]} for an enumerable {@code S}. */
  public static FcnValue fcnOver(SetValue domain, UnaryOperator<Value> body) {
    Value[] d = domain.toSetEnum().toArray();
    Value[] v = new Value[d.length];
    for (int i = 0; i < d.length; i++) {
      v[i] = body.apply(d[i]);
    }
    return fcnSorted(d, v);
  }

  public static IntervalValue interval(long lo, long hi) {
    return new IntervalValue(lo, hi);
  }

  public static SubsetValue subset(SetValue s) {
    return new SubsetValue(s);
  }

  public static FcnSetValue fcnSet(SetValue domain, SetValue range) {
    return new FcnSetValue(domain, range);
  }

  /** {@code [names[0] : sets[0], ...]} (any field order). */
  public static RecordSetValue recordSet(StringValue[] names, SetValue[] sets) {
    Integer[] order = new Integer[names.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(names[x].token(), names[y].token()));
    StringValue[] n = new StringValue[names.length];
    SetValue[] s = new SetValue[names.length];
    for (int i = 0; i < order.length; i++) {
      n[i] = names[order[i]];
      s[i] = sets[order[i]];
    }
    return new RecordSetValue(n, s);
  }

  public static ProductSetValue product(SetValue... sets) {
    return new ProductSetValue(sets);
  }

  public static InfiniteSetValue seqSet(SetValue s) {
    return InfiniteSetValue.seq(s);
  }

  /** {@code a \cup b}: explicit when both can be enumerated, else lazy. */
  public static SetValue union(SetValue a, SetValue b) {
    if (!a.isEnumerable() || !b.isEnumerable()) {
      return new SetOpValue(SetOpValue.Op.UNION, a, b);
    }
    SetEnumValue x = a.toSetEnum();
    SetEnumValue y = b.toSetEnum();
    if (y.isEmpty()) {
      return x;
    }
    if (x.isEmpty()) {
      return y;
    }
    int n = x.intSize();
    int m = y.intSize();
    Value[] out = new Value[n + m];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n && j < m) {
      int c = x.get(i).compareTo(y.get(j));
      if (c < 0) {
        out[k++] = x.get(i++);
      } else if (c > 0) {
        out[k++] = y.get(j++);
      } else {
        out[k++] = x.get(i++);
        j++;
      }
    }
    while (i < n) {
      out[k++] = x.get(i++);
    }
    while (j < m) {
      out[k++] = y.get(j++);
    }
    return SetEnumValue.ofSorted(k == out.length ? out : Arrays.copyOf(out, k));
  }

  /** {@code a \cap b}. */
  public static SetValue intersect(SetValue a, SetValue b) {
    if (a instanceof SetEnumValue x) {
      return retain(x, b, true);
    }
    if (a.isEnumerable()) {
      return filter(a, b::contains).toSetEnum();
    }
    if (b instanceof SetEnumValue y) {
      return retain(y, a, true);
    }
    if (b.isEnumerable()) {
      return filter(b, a::contains).toSetEnum();
    }
    return new SetOpValue(SetOpValue.Op.INTERSECT, a, b);
  }

  /** {@code a \ b}. */
  public static SetValue diff(SetValue a, SetValue b) {
    if (a instanceof SetEnumValue x) {
      return retain(x, b, false);
    }
    if (a.isEnumerable()) {
      // streamed: a large lazy set is never held whole
      return filter(a, v -> !b.contains(v)).toSetEnum();
    }
    return new SetOpValue(SetOpValue.Op.DIFF, a, b);
  }

  /**
   * The elements of {@code x} that are ({@code members}) or are not in {@code b}, tested in
   * canonical order; {@code x} itself when all are kept.
   */
  private static SetEnumValue retain(SetEnumValue x, SetValue b, boolean members) {
    int size = x.intSize();
    Value[] out = null;
    int n = 0;
    for (int i = 0; i < size; i++) {
      Value v = x.get(i);
      if (b.contains(v) == members) {
        if (out != null) {
          out[n] = v;
        }
        n++;
      } else if (out == null) {
        // one element is dropped already: S \ {x} then needs no trimming copy
        out = new Value[size - 1];
        for (int k = 0; k < i; k++) {
          out[k] = x.get(k);
        }
      }
    }
    return out == null ? x : SetEnumValue.ofSorted(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /**
   * {@code UNION S} for an enumerable set of sets: explicit, or lazy when an element cannot be
   * enumerated.
   */
  public static SetValue bigUnion(SetValue s) {
    boolean enumerable = true;
    boolean explicit = true;
    for (Iterator<Value> it = s.iterator(); it.hasNext(); ) {
      Value v = it.next();
      if (!(v instanceof SetValue e)) {
        throw new EvalError("Attempted to compute UNION of a set with a non-set element:\n" + Pretty.ppr(v));
      }
      enumerable &= e.isEnumerable();
      explicit &= e instanceof SetEnumValue;
    }
    if (!enumerable) {
      return new UnionOfValue(s.toSetEnum());
    }
    try {
      return unionOf(s);
    } catch (EvalError e) {
      if (explicit) {
        throw e; // TLC joins explicit sets at once, meeting the elements it cannot compare
      }
      // TLC keeps the union of other forms lazy: {1..2, {"a"}} fails only once enumerated
      return new UnionOfValue(s.toSetEnum());
    }
  }

  /** The explicit union of a set of enumerable sets. */
  static SetValue unionOf(SetValue s) {
    SetValue acc = SetEnumValue.EMPTY;
    for (Iterator<Value> it = s.iterator(); it.hasNext(); ) {
      acc = union(acc, (SetValue) it.next());
    }
    return acc;
  }

  /** {@code {x \in base : test(x)}}, lazy until enumerated. */
  public static FilterSetValue filter(SetValue base, Predicate<Value> test) {
    return new FilterSetValue(base, test);
  }

  /** {@code {map(x) : x \in base}}, lazy until enumerated or tested for membership. */
  public static MapSetValue map(SetValue base, UnaryOperator<Value> map) {
    return new MapSetValue(base, map);
  }

  /**
   * The errors TLC's ToString meets deciding whether to print a set of functions, of records or
   * a Cartesian product enumerated: unlike other printing, it keeps them (TLC's
   * Value#toStringUnchecked). TLC counts the arguments in its int, in order, an empty one
   * settling it; an argument it cannot count, or a count beyond its int, fails.
   */
  public static void tlcPrintCheck(Value v) {
    if (v instanceof FcnSetValue f) {
      if (f.domainSet().isEmpty()) {
        return;
      }
      long d = tlcSize(f.domainSet());
      long r = tlcSize(f.rangeSet());
      long n = 1;
      for (long i = 0; i < d && n <= Integer.MAX_VALUE; i++) {
        n *= r;
      }
      if (n >= ENUM_BOUND) {
        tlcPrintCheck(f.domainSet());
        tlcPrintCheck(f.rangeSet());
      }
    } else if (v instanceof ProductLikeSetValue p) {
      long n = 1;
      for (SetValue s : p.sets) {
        long k = tlcSize(s);
        if (k == 0) {
          return;
        }
        if (n <= Integer.MAX_VALUE) {
          n *= k;
        }
      }
      if (n >= ENUM_BOUND) {
        for (SetValue s : p.sets) {
          tlcPrintCheck(s);
        }
      }
    }
  }

  /** The cardinality as TLC counts it, in an int. */
  private static long tlcSize(SetValue s) {
    long n = s.size();
    if (n > Integer.MAX_VALUE) {
      // TLC's SetOfTuplesValue names the product without a line break
      throw new EvalError("Overflow when computing the number of elements in"
          + (s instanceof ProductSetValue ? " " : ":\n") + Pretty.ppr(s));
    }
    return n;
  }

  /** Whether a lazy set is small enough that TLC prints it enumerated. */
  static boolean smallEnough(SetValue s) {
    try {
      return s.size() < ENUM_BOUND;
    } catch (EvalError e) {
      return false;
    }
  }

  /**
   * Binary search of {@code key} in a canonically sorted array, treating values of different
   * kinds as simply unequal (for function application: {@code f["a"]} on an integer domain is
   * "not in the domain", not a comparison error).
   */
  static int search(Value[] sorted, Value key) {
    int lo = 0;
    int hi = sorted.length - 1;
    int kk = key.kind().ordinal();
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Value m = sorted[mid];
      int mk = m.kind().ordinal();
      int c = mk != kk ? Integer.compare(mk, kk) : m.compareTo(key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
