package io.synod.checker.value;

import java.util.Iterator;

/**
 * A set. {@link SetEnumValue} is the explicit canonical form (distinct elements in canonical
 * order); the other subclasses are lazy forms that answer membership and cardinality without
 * enumerating, and enumerate (in canonical order) only when asked.
 *
 * <p>Equality, order and fingerprint are those of the enumerated set, so {@code 1..3} equals
 * {@code {1, 2, 3}} and has its fingerprint. Sets that cannot be enumerated ({@code Nat},
 * {@code Int}, {@code Seq(S)}, and lazy forms built on them) are equal only to a structurally
 * identical set, and comparing them in the canonical order is an error.
 */
public abstract class SetValue extends Value {

  SetValue() {}

  @Override
  public final Kind kind() {
    return Kind.SET;
  }

  /** {@code v \in this}. May raise {@link EvalError} as TLC does (e.g. comparing kinds). */
  public abstract boolean contains(Value v);

  /** Whether this set is finite and can be enumerated. */
  public abstract boolean isEnumerable();

  /** {@code IsFiniteSet(this)}: by default whether it can be enumerated. */
  public boolean isFiniteSet() {
    return isEnumerable();
  }

  /**
   * The cardinality; cheap for lazy forms where a formula exists, else by enumeration.
   * Raises {@link EvalError} for non-enumerable sets or a cardinality beyond {@code long}.
   */
  public abstract long size();

  /** The cardinality as an {@code int}, for enumeration into arrays. */
  public final int intSize() {
    long n = size();
    if (n > Integer.MAX_VALUE - 8) {
      throw new EvalError("Attempted to enumerate a set with " + n + " elements:\n" + Pretty.ppr(this));
    }
    return (int) n;
  }

  /** {@code this = {}}, without enumerating where possible. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** The elements in canonical order, lazily where the form allows. */
  public abstract Iterator<Value> iterator();

  /** The explicit canonical form (cached by lazy forms). */
  public abstract SetEnumValue toSetEnum();

  static EvalError notEnumerable(SetValue s) {
    return new EvalError("Attempted to enumerate a non-enumerable set:\n" + Pretty.ppr(s));
  }

  /** The error for enumerating this set when it is not enumerable. */
  EvalError enumerationError() {
    return notEnumerable(this);
  }

  /**
   * Whether TLC's form of this set is one it can start enumerating (its {@code Enumerable}):
   * every form but the overridden sets ({@code Nat}, {@code Int}, {@code STRING},
   * {@code Seq(S)}, {@code Any}). An enumerable form can still fail once enumerated, with its
   * own error ({@code Nat \ {0}}), where a set built on a form that is not enumerable fails
   * with the error of the set that holds it ({@code [D -> Nat]}).
   */
  boolean enumerableForm() {
    return true;
  }

  /**
   * The error enumerating {@code part} raises inside a set that is built on it: its own error
   * if it is an enumerable form, else {@code orElse}, the error of the set holding it.
   */
  static EvalError partError(SetValue part, java.util.function.Supplier<String> orElse) {
    return part.enumerableForm() ? part.enumerationError() : new EvalError(orElse.get());
  }

  /** Structural fingerprint of a non-enumerable set (never equal to an enumerable set's). */
  long structuralFingerprint() {
    throw notEnumerable(this);
  }

  /** Same lazy form over equal operands (implies equality; used for non-enumerable sets). */
  boolean structurallyEquals(SetValue o) {
    return false;
  }

  /**
   * The answer TLC gives for two sets of this lazy form from the emptiness of their operands
   * alone (an empty domain, co-domain, field or component), or null when that does not decide.
   */
  Boolean equalityByEmptiness(SetValue o) {
    return null;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SetValue s)) {
      return false;
    }
    Boolean byEmptiness = equalityByEmptiness(s);
    if (byEmptiness != null) {
      return byEmptiness;
    }
    boolean e1 = isEnumerable();
    boolean e2 = s.isEnumerable();
    if (!e1 || !e2) {
      return !e1 && !e2 && structurallyEquals(s);
    }
    if (this instanceof IntervalValue a && s instanceof IntervalValue b) {
      return a.sameElements(b);
    }
    if (structurallyEquals(s)) {
      return true; // e.g. SUBSET S = SUBSET S without enumerating either
    }
    if (fingerprint() != s.fingerprint() || size() != s.size()) {
      return false;
    }
    Iterator<Value> i = iterator();
    Iterator<Value> j = s.iterator();
    while (i.hasNext()) {
      if (!i.next().equals(j.next())) {
        return false;
      }
    }
    return true;
  }

  @Override
  final int compareSameKind(Value o) {
    SetValue s = (SetValue) o;
    if (this instanceof InfiniteSetValue a && s instanceof InfiniteSetValue b) {
      Integer c = a.compareNumberSets(b);
      if (c != null) {
        return c;
      }
    }
    if (!isEnumerable()) {
      throw incomparable(this, o);
    }
    if (!s.isEnumerable()) {
      throw incomparable(s, this);
    }
    int c = Long.compare(size(), s.size());
    if (c != 0) {
      return c;
    }
    Iterator<Value> i = iterator();
    Iterator<Value> j = s.iterator();
    while (i.hasNext()) {
      c = i.next().compareTo(j.next());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Fingerprint of the canonical enumeration, as {@link SetEnumValue} computes it. */
  final long enumeratedFingerprint() {
    if (!isEnumerable()) {
      return structuralFingerprint();
    }
    long h = Hashing.mix(Hashing.TAG_SET, size());
    for (Iterator<Value> it = iterator(); it.hasNext(); ) {
      h = Hashing.mix(h, it.next().fingerprint());
    }
    return h;
  }

  /** {@code this \subseteq other}. */
  public boolean isSubsetOf(SetValue other) {
    if (!isEnumerable()) {
      throw notEnumerable(this);
    }
    for (Iterator<Value> it = iterator(); it.hasNext(); ) {
      if (!other.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends the enumeration if TLC would print this lazy set enumerated (finite and below its
   * enumeration bound) and says whether it did.
   */
  /**
   * The set as its constructor is written ({@code [S -> T]}, {@code S \X T}...), never
   * enumerated: what an error about its size shows (enumerating it would ask for that size).
   */
  void appendDefinition(StringBuilder sb) {
    appendTo(sb);
  }

  /** {@link #appendDefinition} as a string. */
  final String definition() {
    StringBuilder sb = new StringBuilder();
    appendDefinition(sb);
    return sb.toString();
  }

  final boolean appendIfSmall(StringBuilder sb) {
    if (isEnumerable() && Values.smallEnough(this)) {
      appendEnumerated(sb);
      return true;
    }
    return false;
  }

  /** Appends the elements as {@code {a, b}}. */
  final void appendEnumerated(StringBuilder sb) {
    sb.append('{');
    boolean first = true;
    for (Iterator<Value> it = iterator(); it.hasNext(); ) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      it.next().appendTo(sb);
    }
    sb.append('}');
  }
}
