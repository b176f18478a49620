package io.synod.checker.value;

/**
 * An immutable TLA+ value.
 *
 * <p>Every value caches a 64-bit structural {@link #fingerprint()}; {@link #hashCode()} is derived
 * from it, and equal values have equal fingerprints whatever class represents them (a tuple and
 * the function over {@code 1..n} it denotes are the same object here anyway, see
 * {@link Values#fcn}). {@link #equals} is mathematical equality and never throws, so values can be
 * used as hash keys; {@link #tlaEquals} is the TLA+ {@code =} operator, which raises
 * {@link EvalError} where TLC refuses to compare (e.g. an integer with a string).
 *
 * <p>{@link #compareTo} is TLC's canonical order: it decides set normal form, enumeration order,
 * CHOOSE and printing. Integers numerically, FALSE before TRUE, strings by interning order and
 * model values by creation order ({@link StringTable}), sets by cardinality then element-wise, functions by
 * domain size then pair-wise (domain element, value), records by size, then all field names,
 * then the values. Untyped model values sort before every
 * other value; any other mix of kinds raises {@link EvalError}.
 */
public abstract class Value implements Comparable<Value> {

  Value() {}

  public abstract Kind kind();

  /** The cached 64-bit structural hash, the input of state fingerprints. */
  public abstract long fingerprint();

  @Override
  public final int hashCode() {
    long h = fingerprint();
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public abstract boolean equals(Object o);

  /** Compares two values of the same kind (neither a model value). */
  abstract int compareSameKind(Value o);

  @Override
  public final int compareTo(Value o) {
    if (this == o) {
      return 0;
    }
    Kind a = kind();
    Kind b = o.kind();
    if (a == Kind.MODEL || b == Kind.MODEL) {
      return ModelValue.compareMixed(this, o);
    }
    if (a != b) {
      throw incomparable(this, o);
    }
    if (o instanceof LambdaFcnValue l) {
      // an explicit function's comparison expects another explicit one
      throw l.notEnumerable();
    }
    return compareSameKind(o);
  }

  /**
   * TLA+ equality as TLC evaluates it: like {@link #equals} but raising {@link EvalError} when
   * TLC refuses to compare the two values (a value with one of another kind, or a typed model
   * value with a value of another type). A set is no exception: TLC turns the other value into
   * an explicit set and fails when it is not one ({@code {} = [a |-> 1]}).
   */
  public final boolean tlaEquals(Value o) {
    if (this == o) {
      return true;
    }
    Kind a = kind();
    Kind b = o.kind();
    if (a == Kind.MODEL || b == Kind.MODEL) {
      return ModelValue.equalsMixed(this, o);
    }
    if (a != b) {
      if (this instanceof RecordValue) {
        throw recordWithNonRecord(this, o);
      }
      throw new EvalError("Attempted to check equality of " + describe(this) + " with "
          + nonKind(a) + ":\n" + Pretty.ppr(o));
    }
    if (equals(o)) {
      if (a == Kind.SET && (unorderedLiteral(this) || unorderedLiteral(o))) {
        // TLC sorts such a literal to compare it, with an equal set too, and its sort fails
        refuseIncomparableParts(this, o);
      }
      return true;
    }
    refuseIncomparableParts(this, o);
    return false;
  }

  /**
   * TLC compares two unequal functions or two unequal sets part by part with its own equality,
   * so parts it refuses to compare ({@code <<{}>> = <<[a |-> 1]>>}) fail the comparison when no
   * earlier part differs. Only unequal values get here: equal ones have no incomparable parts.
   */
  private static void refuseIncomparableParts(Value x, Value y) {
    if (x instanceof LambdaFcnValue l) {
      // TLC compares such a function in full, which its domain does not allow
      throw l.notEnumerable();
    }
    if (y instanceof LambdaFcnValue l) {
      throw l.notEnumerable();
    }
    if (x instanceof FcnValue f && y instanceof FcnValue g) {
      refuseIncomparableParts(f, g);
    } else if (x instanceof SetValue a && y instanceof SetValue b) {
      refuseIncomparableSets(a, b);
    }
  }

  /**
   * Two unequal sets as TLC's {@code a.equals(b)} compares them. An overridden set ({@code Nat},
   * {@code Seq(S)}...) compares only with another one. Two sets of functions, of records or two
   * Cartesian products of undecided emptiness compare their arguments in order. Any other set
   * is enumerated, this side first, and compared as an explicit set with the other, enumerated
   * in turn, which an overridden set cannot be: the enumeration errors are TLC's
   * ({@code [{"r1"} -> {"d1"}] # [Nat -> {"d1"}]} fails on {@code {"r1"} = Nat}).
   */
  private static void refuseIncomparableSets(SetValue a, SetValue b) {
    if (a instanceof UnsortedSetValue || b instanceof UnsortedSetValue) {
      // TLC normalizes this side, then the other, before comparing: one of them fails
      (a instanceof UnsortedSetValue ? a : b).toSetEnum();
    }
    if ((a instanceof SetEnumValue s && !s.ordered() || b instanceof SetEnumValue t && !t.ordered())
        && a.enumerableForm()) {
      refuseUnorderedComparison(a, b);
      return;
    }
    if (!a.enumerableForm()) {
      if (b.enumerableForm()) {
        throw new EvalError("Attempted to compare overridden value " + Pretty.ppr(a)
            + " with non-overridden value:\n" + Pretty.ppr(b));
      }
      return;
    }
    if (a instanceof FcnSetValue f && b instanceof FcnSetValue g) {
      f.refuseIncomparableArguments(g);
      return;
    }
    if (a instanceof ProductLikeSetValue p && b.getClass() == a.getClass()) {
      p.refuseIncomparableArguments((ProductLikeSetValue) b);
      return;
    }
    if (a.getClass() == b.getClass() && !(a instanceof SetEnumValue)) {
      return;
    }
    if (a.isEnumerable() && b.isEnumerable() && a.size() != b.size()) {
      return; // both enumerate, and sets of two sizes compare no elements
    }
    SetEnumValue s = a.toSetEnum();
    if (!b.enumerableForm()) {
      throw new EvalError("Attempted to check equality of the set " + Pretty.ppr(s) + " with the value:\n"
          + Pretty.ppr(b));
    }
    // sets of two forms compare as explicit sets ([n1 : {"a"}] # {"a"} \X {"a"} compares a
    // record with a tuple)
    SetEnumValue t = b.toSetEnum();
    if (s.size() == t.size()) {
      for (int i = 0; i < s.size() && s.get(i).tlaEquals(t.get(i)); i++) {
        // tlaEquals raises TLC's error where two elements cannot be compared
      }
    }
  }

  /**
   * Two sets, one of them a literal TLC could not put in order ({@code {Nat, {-1}}}), compared
   * as TLC's explicit set compares itself with another: the other side turned into an explicit
   * set, then both sides sorted, which such a literal cannot be. The sort fails on the first
   * comparison TLC refuses ({@code {Nat, {-1}} = {{1}, {-1}}}: {@code {-1}} compared with
   * {@code Nat}), whatever the other side.
   */
  private static void refuseUnorderedComparison(SetValue a, SetValue b) {
    if (!b.enumerableForm()) {
      throw new EvalError("Attempted to check equality of the set " + Pretty.ppr(a)
          + " with the value:\n" + Pretty.ppr(b));
    }
    sortAsTlc(a.toSetEnum());
    sortAsTlc(b.toSetEnum());
  }

  /**
   * TLC's sort of a literal it keeps as written ({@link #insertAsTlc} with TLC's compareTo); a
   * comparison TLC refuses fails it.
   */
  static void sortAsTlc(SetEnumValue s) {
    if (!s.ordered()) {
      insertAsTlc((int) s.size(), s::get, Value::tlcCompare);
    }
  }

  /**
   * TLC's normalization of a set's elements {@code elem(0..n)}: each element in turn is placed by
   * binary search among the ones before it, the new element compared first, equal ones dropped.
   * The comparisons, and so the errors a refused one throws, are those TLC's sort makes.
   */
  static void insertAsTlc(int n, java.util.function.IntFunction<Value> elem,
      java.util.function.ToIntBiFunction<Value, Value> compare) {
    Value[] sorted = new Value[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      Value e = elem.apply(i);
      int low = 0;
      int high = count;
      int c = 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        c = compare.applyAsInt(e, sorted[mid]);
        if (c == 0) {
          break;
        }
        if (c < 0) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      if (c != 0) {
        System.arraycopy(sorted, low, sorted, low + 1, count - low);
        sorted[low] = e;
        count++;
      }
    }
  }

  /**
   * {@code x} compared with {@code y} as TLC's {@code compareTo} does it: an explicit set refuses
   * what it cannot turn into an explicit set, an overridden set ({@code Nat}) whatever is not
   * another one.
   */
  private static int tlcCompare(Value x, Value y) {
    if (y.kind() != Kind.MODEL) {
      if (x instanceof SetValue s && s.enumerableForm()
          && !(y instanceof SetValue t && t.enumerableForm())) {
        throw new EvalError("Attempted to compare the set " + Pretty.ppr(x) + " with the value:\n"
            + Pretty.ppr(y));
      }
      if (x instanceof SetValue s && !s.enumerableForm()
          && !(y instanceof SetValue t && !t.enumerableForm())) {
        throw new EvalError("Attempted to compare overridden value " + Pretty.ppr(x)
            + " with non-overridden value:\n" + Pretty.ppr(y));
      }
    }
    return x.compareTo(y);
  }

  private static boolean unorderedLiteral(Value v) {
    return v instanceof SetEnumValue s && !s.ordered();
  }

  /**
   * TLC's equality of two functions, in the forms TLC gives them: a tuple is a function over an
   * integer interval, a record one it turns the other side into (only a function over strings
   * or the empty tuple can be one), anything else a function over a list of domain elements.
   * Between two lists, all domain elements are compared first, then all values; between an
   * interval and a list, the list's elements must be integers ("Attempted to compare an
   * integer with non-integer"), and a record compared with what is not one fails
   * ({@code [a |-> 1] = <<1>>}), whereas {@code <<1>> = [a |-> 1]} fails on the field name.
   */
  private static void refuseIncomparableParts(FcnValue f, FcnValue g) {
    if (f instanceof RecordValue && !(g instanceof RecordValue)) {
      if (g.size() > 0) {
        throw recordWithNonRecord(f, g);
      }
      return;
    }
    int n = f.size();
    if (n != g.size()) {
      return;
    }
    boolean fInterval = f instanceof TupleValue;
    boolean gInterval = g instanceof TupleValue;
    if (fInterval != gInterval) {
      FcnValue list = fInterval ? g : f;
      for (int i = 0; i < n; i++) {
        Value d = list.domainAt(i);
        if (!(d instanceof IntValue iv)) {
          throw new EvalError("Attempted to compare an integer with non-integer:\n"
              + Pretty.ppr(d) + ".");
        }
        if (!iv.equals(IntValue.of(i + 1))) {
          return;
        }
      }
    } else if (!fInterval) {
      for (int i = 0; i < n; i++) {
        if (!f.domainAt(i).tlaEquals(g.domainAt(i))) {
          return;
        }
      }
    }
    for (int i = 0; i < n && f.valueAt(i).tlaEquals(g.valueAt(i)); i++) {
      // as above
    }
  }

  private static EvalError recordWithNonRecord(Value record, Value other) {
    return new EvalError("Attempted to check equality of record:\n" + Pretty.ppr(record)
        + "\nwith non-record\n" + Pretty.ppr(other));
  }

  /** Appends TLC's one-line rendering of this value. */
  public abstract void appendTo(StringBuilder sb);

  /** TLC's one-line rendering ({@code <<1, "a">>}, {@code [a |-> 1]}, {@code {}}...). */
  @Override
  public final String toString() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb);
    return sb.toString();
  }

  static EvalError incomparable(Value a, Value b) {
    String what = switch (a.kind()) {
      case SET -> "the set " + Pretty.ppr(a) + " with the value";
      case FUNCTION -> "the function " + Pretty.ppr(a) + " with the value";
      default -> describe(a) + " with " + nonKind(a.kind());
    };
    return new EvalError("Attempted to compare " + what + ":\n" + Pretty.ppr(b));
  }

  private static String describe(Value v) {
    return switch (v.kind()) {
      case INT -> "integer " + v;
      case BOOL -> "boolean " + v;
      case STRING -> "string " + v;
      case SET -> "the set " + Pretty.ppr(v);
      case FUNCTION -> "the function " + Pretty.ppr(v);
      case MODEL -> "model value " + v;
    };
  }

  private static String nonKind(Kind k) {
    return switch (k) {
      case INT -> "non-integer";
      case BOOL -> "non-boolean";
      case STRING -> "non-string";
      default -> "the value";
    };
  }
}
