package io.synod.checker.eval;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.IntervalValue;
import io.synod.checker.value.LazySetValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetEnumValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import java.util.Iterator;

/**
 * The compiled binders of a quantifier, CHOOSE, set constructor or function constructor:
 * {@code x, y \in S, <<a, b>> \in T}. Enumerates the bound values in TLC's order into frame
 * slots: each domain in canonical order, the bound names advancing like an odometer whose wheel
 * for the first name turns fastest (TLC's enumerator of a quantifier's contexts steps its first
 * bound name first), so {@code \E i, j \in 1..2} visits (1,1), (2,1), (1,2), (2,2).
 */
final class Binders {
  /** One name (or tuple of names) ranging over one domain. */
  static final class One {
    final int[] slots;
    final boolean tuple;
    final Node domain;

    One(int[] slots, boolean tuple, Node domain) {
      this.slots = slots;
      this.tuple = tuple;
      this.domain = domain;
    }

    /** Binds this binder's (first) name, or its tuple of names, to {@code v}. */
    void bind(Frame f, Value v) {
      if (tuple) {
        bindTuple(f, slots, v);
      } else {
        f.slots[slots[0]] = v;
      }
    }
  }

  /**
   * Called for each binding (the bound values are in the frame's slots); returns false to stop
   * the enumeration. Takes the context and frame so that a node can pass a visitor made once.
   */
  interface Visitor {
    boolean visit(Ctx c, Frame f);
  }

  final One[] items;

  Binders(One[] items) {
    this.items = items;
  }

  /** Above this size lazy sets are enumerated on the fly rather than materialized (and cached). */
  static final long MATERIALIZE_LIMIT = 1 << 16;

  /**
   * {@code s} prepared for enumeration in canonical order: explicit sets and intervals as they
   * are (read by index through {@link #count} and {@link #at}, no iterator), other lazy sets of
   * moderate size materialized (their explicit form is cached, so a constant domain is
   * enumerated once, not once per use), anything else left to its iterator.
   */
  static SetValue domain(SetValue s) {
    if (s instanceof SetEnumValue || s instanceof IntervalValue) {
      return s;
    }
    if (s instanceof LazySetValue lazy && lazy.enumeratedIfKnown() != null) {
      // a constant domain enumerated before: skip recounting it
      return lazy.enumeratedIfKnown();
    }
    if (!s.isEnumerable()) {
      return s;
    }
    return s.size() <= MATERIALIZE_LIMIT ? s.toSetEnum() : s;
  }

  /**
   * The elements of a set in canonical order, for one loop over bound values (every such loop
   * goes through it): explicit sets and intervals are read by index without an iterator, a lazy
   * set through its {@link #domain}.
   */
  static final class Elements {
    private final SetValue d;
    private final int count;
    private final Iterator<Value> it;
    private int j;

    /**
     * Over {@code d}, a {@link #domain}. Kept this small (the domain prepared by the caller) so
     * that the JIT compiles the loop's state into registers rather than allocating it.
     */
    private Elements(SetValue d) {
      this.d = d;
      count = count(d);
      it = count < 0 ? d.iterator() : null;
    }

    /** The number of elements when known without enumerating them, else -1. */
    int knownSize() {
      return count;
    }

    boolean hasNext() {
      return count < 0 ? it.hasNext() : j < count;
    }

    Value next() {
      return count < 0 ? it.next() : at(d, j++);
    }
  }

  /** The elements of {@code s} in canonical order, for one loop. */
  static Elements elements(SetValue s) {
    return new Elements(domain(s));
  }

  /** The elements of {@code d}, a {@link #domain} prepared once for several loops. */
  static Elements elementsOfDomain(SetValue d) {
    return new Elements(d);
  }

  /** The number of elements of a {@link #domain} read by index, or -1 if it must be iterated. */
  private static int count(SetValue d) {
    if (d instanceof SetEnumValue e) {
      return e.intSize();
    }
    if (d instanceof IntervalValue iv && iv.size() <= Integer.MAX_VALUE) {
      return (int) iv.size();
    }
    return -1;
  }

  /** Element {@code j} (canonical order) of a {@link #domain} whose {@link #count} is not -1. */
  private static Value at(SetValue d, int j) {
    return d instanceof SetEnumValue e ? e.get(j) : IntValue.of(((IntervalValue) d).lo() + j);
  }

  /** Visits every binding; returns false if the visitor stopped it. */
  boolean forEach(Ctx c, Frame f, Visitor v) {
    if (items.length == 1) {
      return loop(c, f, 0, v, null);
    }
    // as TLC, every domain is evaluated once, in written order, before the enumeration
    SetValue[] domains = new SetValue[items.length];
    for (int i = 0; i < items.length; i++) {
      domains[i] = items[i].domain.evalSet(c, f);
    }
    return loop(c, f, items.length - 1, v, domains);
  }

  /**
   * Every binding, in enumeration order, as a copy of the frame's slots (for a caller that
   * goes through the bindings in another order or after the enumeration).
   */
  java.util.List<Object[]> bindings(Ctx c, Frame f) {
    java.util.List<Object[]> out = new java.util.ArrayList<>();
    forEach(c, f, (c2, f2) -> {
      out.add(f2.slots.clone());
      return true;
    });
    return out;
  }

  /**
   * Enumerates binders {@code i} down to 0, the last one outermost (slowest); their domains are
   * {@code domains}, or (a single binder) evaluated here.
   */
  private boolean loop(Ctx c, Frame f, int i, Visitor v, SetValue[] domains) {
    if (i < 0) {
      return v.visit(c, f);
    }
    One b = items[i];
    SetValue s;
    if (domains != null) {
      s = domains[i];
    } else if (b.domain instanceof Nodes.Interval r && !b.tuple && b.slots.length == 1) {
      Value x = r.low(c, f);
      Value y = r.high(c, f);
      // (an interval too large to count is left to fail as the set would)
      if (x instanceof IntValue lo && y instanceof IntValue hi && hi.value() < Long.MAX_VALUE
          && (hi.value() < lo.value() || hi.value() - lo.value() + 1 > 0)) {
        return range(c, f, i, b.slots[0], lo.value(), hi.value(), v, domains);
      }
      s = r.make(x, y);
    } else {
      s = b.domain.evalSet(c, f);
    }
    if (b.tuple) {
      for (Elements e = elements(s); e.hasNext();) {
        bindTuple(f, b.slots, e.next());
        if (!loop(c, f, i - 1, v, domains)) {
          return false;
        }
      }
      return true;
    }
    return names(c, f, i, b.slots.length - 1, domain(s), v, domains);
  }

  /** Binds one name to each integer of {@code lo..hi} in order, without building the interval. */
  private boolean range(Ctx c, Frame f, int i, int slot, long lo, long hi, Visitor v, SetValue[] domains) {
    for (long j = lo; j <= hi; j++) {
      f.slots[slot] = IntValue.of(j);
      if (!loop(c, f, i - 1, v, domains)) {
        return false;
      }
    }
    return true;
  }

  /** Binds names {@code k} down to 0 of binder {@code i}, the last name outermost. */
  private boolean names(Ctx c, Frame f, int i, int k, SetValue d, Visitor v, SetValue[] domains) {
    int[] slots = items[i].slots;
    if (k < 0) {
      return loop(c, f, i - 1, v, domains);
    }
    // every name of the binder ranges over the same domain, prepared once
    for (Elements e = elementsOfDomain(d); e.hasNext();) {
      f.slots[slots[k]] = e.next();
      if (!names(c, f, i, k - 1, d, v, domains)) {
        return false;
      }
    }
    return true;
  }

  static void bindTuple(Frame f, int[] slots, Value v) {
    if (!(v instanceof TupleValue t) || t.length() != slots.length) {
      if (v instanceof FcnValue fn && fn.size() == 0 && slots.length == 0) {
        return;
      }
      throw EvalException.eval("A tuple of " + slots.length + " bound identifiers was matched against "
          + "the value\n" + Pretty.ppr(v) + "\nwhich is not a tuple of that length.");
    }
    for (int j = 0; j < slots.length; j++) {
      f.slots[slots[j]] = t.get(j + 1);
    }
  }

  /** The number of bound names (each tuple component counts). */
  int arity() {
    int n = 0;
    for (One b : items) {
      n += b.tuple ? 1 : b.slots.length;
    }
    return n;
  }
}
