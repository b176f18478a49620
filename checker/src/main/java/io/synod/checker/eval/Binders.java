package io.synod.checker.eval;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import java.util.Iterator;

/**
 * The compiled binders of a quantifier, CHOOSE, set constructor or function constructor:
 * {@code x, y \in S, <<a, b>> \in T}. Enumerates the bound values in TLC's order (the first
 * binder varies slowest, each domain in canonical order) into frame slots.
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

  /** Called for each binding; returns false to stop the enumeration. */
  interface Visitor {
    boolean visit();
  }

  final One[] items;

  Binders(One[] items) {
    this.items = items;
  }

  /** Above this size lazy sets are enumerated on the fly rather than materialized (and cached). */
  static final long MATERIALIZE_LIMIT = 1 << 16;

  /**
   * The elements of {@code s} in canonical order. Lazy sets of moderate size are materialized:
   * their explicit form is cached, so a constant domain is enumerated once, not once per use.
   */
  static Iterator<Value> elements(SetValue s) {
    if (s instanceof io.synod.checker.value.SetEnumValue || !s.isEnumerable()) {
      return s.iterator();
    }
    return s.size() <= MATERIALIZE_LIMIT ? s.toSetEnum().iterator() : s.iterator();
  }

  /** Visits every binding; returns false if the visitor stopped it. */
  boolean forEach(Ctx c, Frame f, Visitor v) {
    return loop(c, f, 0, v);
  }

  private boolean loop(Ctx c, Frame f, int i, Visitor v) {
    if (i == items.length) {
      return v.visit();
    }
    One b = items[i];
    SetValue s = b.domain.evalSet(c, f);
    if (b.tuple) {
      for (Iterator<Value> it = elements(s); it.hasNext(); ) {
        bindTuple(f, b.slots, it.next());
        if (!loop(c, f, i + 1, v)) {
          return false;
        }
      }
      return true;
    }
    return names(c, f, i, 0, s, v);
  }

  private boolean names(Ctx c, Frame f, int i, int k, SetValue s, Visitor v) {
    int[] slots = items[i].slots;
    if (k == slots.length) {
      return loop(c, f, i + 1, v);
    }
    for (Iterator<Value> it = elements(s); it.hasNext(); ) {
      f.slots[slots[k]] = it.next();
      if (!names(c, f, i, k + 1, s, v)) {
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
