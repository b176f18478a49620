package io.synod.checker.liveness;

import java.util.ArrayList;
import java.util.List;

/**
 * A temporal formula as the liveness checker sees it: boolean constants, atoms (state or action
 * predicates, evaluated by the model), negation, conjunction, disjunction, always ({@code []})
 * and eventually ({@code <>}). Fairness, leads-to and {@code [][A]_v} are expressed with these.
 *
 * <p>The rewriting steps follow the normal form TLC reaches before it builds its tableau
 * (negation pushed to the atoms, conjunction distributed over disjunction, {@code []<>A \/
 * []<>B} merged into {@code []<>(A \/ B)}), so that the number of branches it reports and the
 * grouping of branches by their tableau formula are TLC's. Atoms are equal when their ids are.
 *
 * <p>The records write out {@code equals}, {@code hashCode} and {@code toString} (with the
 * records' own meaning and text, which the tableau's node keys use): the generated ones link
 * through method-handle bootstraps on first use, which define classes at run time, and at the
 * start of a short check the JIT then compiled that class-writing code instead of the check's
 * (see {@link io.synod.checker.semantic.Symbol}).
 */
public sealed interface LiveExpr {
  int CONSTANT = 0;
  int STATE = 1;
  int ACTION = 2;
  int TEMPORAL = 3;

  /** 0 constant, 1 state, 2 action, 3 temporal. */
  int level();

  /** Whether an action atom occurs in it. */
  boolean containsAction();

  /** A boolean constant. */
  record Bool(boolean value) implements LiveExpr {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    @Override
    public int level() {
      return CONSTANT;
    }

    @Override
    public boolean containsAction() {
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bool x && x.value == value;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bool[value=" + value + "]";
    }
  }

  /**
   * A state ({@code action == false}) or action predicate, numbered among the model's atoms of
   * its kind; {@code text} is for messages only.
   */
  record Atom(int id, boolean action, String text) implements LiveExpr {
    @Override
    public int level() {
      return action ? ACTION : STATE;
    }

    @Override
    public boolean containsAction() {
      return action;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Atom a && a.id == id && a.action == action;
    }

    @Override
    public int hashCode() {
      return id * 2 + (action ? 1 : 0);
    }

    @Override
    public String toString() {
      return "Atom[id=" + id + ", action=" + action + ", text=" + text + "]";
    }
  }

  record Not(LiveExpr body) implements LiveExpr {
    @Override
    public int level() {
      return body.level();
    }

    @Override
    public boolean containsAction() {
      return body.containsAction();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Not x && x.body.equals(body);
    }

    @Override
    public int hashCode() {
      return 3 * 31 + body.hashCode();
    }

    @Override
    public String toString() {
      return "Not[body=" + body + "]";
    }
  }

  record And(List<LiveExpr> items) implements LiveExpr {
    public And {
      items = List.copyOf(items);
    }

    @Override
    public int level() {
      return items.stream().mapToInt(LiveExpr::level).max().orElse(CONSTANT);
    }

    @Override
    public boolean containsAction() {
      return items.stream().anyMatch(LiveExpr::containsAction);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof And x && x.items.equals(items);
    }

    @Override
    public int hashCode() {
      return 5 * 31 + items.hashCode();
    }

    @Override
    public String toString() {
      return "And[items=" + items + "]";
    }
  }

  record Or(List<LiveExpr> items) implements LiveExpr {
    public Or {
      items = List.copyOf(items);
    }

    @Override
    public int level() {
      return items.stream().mapToInt(LiveExpr::level).max().orElse(CONSTANT);
    }

    @Override
    public boolean containsAction() {
      return items.stream().anyMatch(LiveExpr::containsAction);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Or x && x.items.equals(items);
    }

    @Override
    public int hashCode() {
      return 7 * 31 + items.hashCode();
    }

    @Override
    public String toString() {
      return "Or[items=" + items + "]";
    }
  }

  record Always(LiveExpr body) implements LiveExpr {
    @Override
    public int level() {
      return TEMPORAL;
    }

    @Override
    public boolean containsAction() {
      return body.containsAction();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Always x && x.body.equals(body);
    }

    @Override
    public int hashCode() {
      return 11 * 31 + body.hashCode();
    }

    @Override
    public String toString() {
      return "Always[body=" + body + "]";
    }
  }

  record Eventually(LiveExpr body) implements LiveExpr {
    @Override
    public int level() {
      return TEMPORAL;
    }

    @Override
    public boolean containsAction() {
      return body.containsAction();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Eventually x && x.body.equals(body);
    }

    @Override
    public int hashCode() {
      return 13 * 31 + body.hashCode();
    }

    @Override
    public String toString() {
      return "Eventually[body=" + body + "]";
    }
  }

  // ------------------------------------------------------------------ construction helpers

  static LiveExpr and(List<LiveExpr> items) {
    List<LiveExpr> flat = new ArrayList<>();
    for (LiveExpr e : items) {
      if (e instanceof And a) {
        flat.addAll(a.items());
      } else {
        flat.add(e);
      }
    }
    return new And(flat);
  }

  static LiveExpr or(List<LiveExpr> items) {
    List<LiveExpr> flat = new ArrayList<>();
    for (LiveExpr e : items) {
      if (e instanceof Or o) {
        flat.addAll(o.items());
      } else {
        flat.add(e);
      }
    }
    return new Or(flat);
  }

  /** {@code WF_v(A)} as {@code []<>(~ENABLED <<A>>_v \/ <<A>>_v)}. */
  static LiveExpr weakFairness(LiveExpr enabled, LiveExpr angleAction) {
    return new Always(new Eventually(or(List.of(new Not(enabled), angleAction))));
  }

  /** {@code SF_v(A)} as {@code <>[]~ENABLED <<A>>_v \/ []<><<A>>_v}. */
  static LiveExpr strongFairness(LiveExpr enabled, LiveExpr angleAction) {
    return or(List.of(new Eventually(new Always(new Not(enabled))),
        new Always(new Eventually(angleAction))));
  }

  /** {@code P ~> Q} as {@code [](~P \/ <>Q)}. */
  static LiveExpr leadsTo(LiveExpr p, LiveExpr q) {
    return new Always(or(List.of(new Not(p), new Eventually(q))));
  }

  // ------------------------------------------------------------------ normal form

  /** The negation pushed one level in (the rules of Manna and Pnueli for [] <> /\ \/ ~). */
  static LiveExpr pushNeg(LiveExpr e) {
    if (e instanceof Bool b) {
      return new Bool(!b.value());
    } else if (e instanceof Not n) {
      return n.body();
    } else if (e instanceof And a) {
      return new Or(a.items().stream().map(LiveExpr::pushNeg).toList());
    } else if (e instanceof Or o) {
      return new And(o.items().stream().map(LiveExpr::pushNeg).toList());
    } else if (e instanceof Always al) {
      return new Eventually(pushNeg(al.body()));
    } else if (e instanceof Eventually ev) {
      return new Always(pushNeg(ev.body()));
    }
    return new Not(e);
  }

  /** The formula with every negation pushed down to the atoms. */
  static LiveExpr negationNormalForm(LiveExpr e) {
    if (e instanceof Not n) {
      if (n.body() instanceof Atom || n.body() instanceof Bool) {
        return n.body() instanceof Bool b ? new Bool(!b.value()) : e;
      }
      return negationNormalForm(pushNeg(n.body()));
    } else if (e instanceof And a) {
      return new And(a.items().stream().map(LiveExpr::negationNormalForm).toList());
    } else if (e instanceof Or o) {
      return new Or(o.items().stream().map(LiveExpr::negationNormalForm).toList());
    } else if (e instanceof Always al) {
      return new Always(negationNormalForm(al.body()));
    } else if (e instanceof Eventually ev) {
      return new Eventually(negationNormalForm(ev.body()));
    }
    return e;
  }

  /** Removes boolean constants from junctions and collapses {@code [][]} and {@code <><>}. */
  static LiveExpr simplify(LiveExpr e) {
    if (e instanceof Not n) {
      LiveExpr b = simplify(n.body());
      return b instanceof Bool v ? new Bool(!v.value()) : new Not(b);
    } else if (e instanceof And a) {
      List<LiveExpr> out = new ArrayList<>();
      for (LiveExpr x : a.items()) {
        LiveExpr s = simplify(x);
        if (s instanceof Bool v) {
          if (!v.value()) {
            return Bool.FALSE;
          }
        } else {
          out.add(s);
        }
      }
      return out.isEmpty() ? Bool.TRUE : out.size() == 1 ? out.get(0) : and(out);
    } else if (e instanceof Or o) {
      List<LiveExpr> out = new ArrayList<>();
      for (LiveExpr x : o.items()) {
        LiveExpr s = simplify(x);
        if (s instanceof Bool v) {
          if (v.value()) {
            return Bool.TRUE;
          }
        } else {
          out.add(s);
        }
      }
      return out.isEmpty() ? Bool.FALSE : out.size() == 1 ? out.get(0) : or(out);
    } else if (e instanceof Always al) {
      LiveExpr b = simplify(al.body());
      return new Always(b instanceof Always inner ? inner.body() : b);
    } else if (e instanceof Eventually ev) {
      LiveExpr b = simplify(ev.body());
      return new Eventually(b instanceof Eventually inner ? inner.body() : b);
    }
    return e;
  }

  /** The body A of {@code []<>A}, or null. */
  static LiveExpr aeBody(LiveExpr e) {
    return e instanceof Always al && al.body() instanceof Eventually ev ? ev.body() : null;
  }

  /** The body A of {@code <>[]A}, or null. */
  static LiveExpr eaBody(LiveExpr e) {
    return e instanceof Eventually ev && ev.body() instanceof Always al ? al.body() : null;
  }

  /**
   * Disjunctive normal form at the top: a disjunction of conjunctions whose items are atoms,
   * negated atoms or temporal formulas ({@code []} and {@code <>} are not entered).
   */
  static LiveExpr toDnf(LiveExpr e) {
    if (e instanceof Not n) {
      if (n.body() instanceof Atom) {
        return e;
      }
      return toDnf(pushNeg(n.body()));
    }
    if (e instanceof Or o) {
      List<LiveExpr> ae = new ArrayList<>();
      List<LiveExpr> res = new ArrayList<>();
      for (LiveExpr x : o.items()) {
        LiveExpr d = toDnf(x);
        List<LiveExpr> parts = d instanceof Or od ? od.items() : List.of(d);
        for (LiveExpr p : parts) {
          LiveExpr body = aeBody(p);
          if (body == null) {
            res.add(p);
          } else {
            ae.add(body);
          }
        }
      }
      if (ae.size() == 1) {
        res.add(new Always(new Eventually(ae.get(0))));
      } else if (ae.size() > 1) {
        res.add(new Always(new Eventually(new Or(ae))));
      }
      return new Or(res);
    }
    if (e instanceof And a) {
      List<LiveExpr> parts = new ArrayList<>();
      long total = 1;
      for (LiveExpr x : a.items()) {
        LiveExpr d = toDnf(x);
        if (d instanceof Or od) {
          parts.add(d);
          total = Math.multiplyExact(total, od.items().size());
          if (total > 1_000_000) {
            throw new LivenessException("because it exceeds the maximum supported size in"
                + " disjunctive normal form.");
          }
        } else if (d instanceof And ad) {
          parts.addAll(ad.items());
        } else {
          parts.add(d);
        }
      }
      if (total == 1) {
        return new And(parts);
      }
      List<List<LiveExpr>> rows = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        rows.add(new ArrayList<>());
      }
      long num = 1;
      long rCount = total;
      for (LiveExpr p : parts) {
        if (p instanceof Or od) {
          int k = od.items().size();
          rCount /= k;
          int idx = 0;
          for (long j = 0; j < num; j++) {
            for (LiveExpr item : od.items()) {
              for (long l = 0; l < rCount; l++) {
                addConj(rows.get(idx++), item);
              }
            }
          }
          num *= k;
        } else {
          for (List<LiveExpr> row : rows) {
            addConj(row, p);
          }
        }
      }
      return new Or(rows.stream().map(r -> (LiveExpr) new And(r)).toList());
    }
    return e;
  }

  private static void addConj(List<LiveExpr> row, LiveExpr item) {
    if (item instanceof And a) {
      row.addAll(a.items());
    } else {
      row.add(item);
    }
  }

  /** Removes junctions of one item (TLC's flattening of singleton junctions). */
  static LiveExpr flattenSingles(LiveExpr e) {
    if (e instanceof And a) {
      return a.items().size() == 1 ? flattenSingles(a.items().get(0))
          : new And(a.items().stream().map(LiveExpr::flattenSingles).toList());
    } else if (e instanceof Or o) {
      return o.items().size() == 1 ? flattenSingles(o.items().get(0))
          : new Or(o.items().stream().map(LiveExpr::flattenSingles).toList());
    } else if (e instanceof Not n) {
      return n.body() instanceof Not nn ? flattenSingles(nn.body()) : new Not(flattenSingles(n.body()));
    } else if (e instanceof Always al) {
      return new Always(flattenSingles(al.body()));
    } else if (e instanceof Eventually ev) {
      return new Eventually(flattenSingles(ev.body()));
    }
    return e;
  }

  // ------------------------------------------------------------------ evaluation

  /**
   * The value of a formula without temporal operators on a step {@code s -> t}: state atoms
   * from {@code stateBits} (of s), action atoms from {@code actionBits} (of the step).
   */
  static boolean eval(LiveExpr e, long stateBits, long actionBits) {
    if (e instanceof Bool b) {
      return b.value();
    } else if (e instanceof Atom a) {
      return ((a.action() ? actionBits : stateBits) >>> a.id() & 1) != 0;
    } else if (e instanceof Not n) {
      return !eval(n.body(), stateBits, actionBits);
    } else if (e instanceof And a) {
      for (LiveExpr x : a.items()) {
        if (!eval(x, stateBits, actionBits)) {
          return false;
        }
      }
      return true;
    } else if (e instanceof Or o) {
      for (LiveExpr x : o.items()) {
        if (eval(x, stateBits, actionBits)) {
          return true;
        }
      }
      return false;
    }
    throw new IllegalArgumentException("temporal operator in a step formula: " + e);
  }

  /**
   * The value of {@code e} at position {@code pos} of the lasso whose states have the atom bits
   * {@code stateBits[i]}, whose step from i to its successor has {@code actionBits[i]}, and whose
   * last state is followed by the state at {@code loop}.
   */
  static boolean evalOnLasso(LiveExpr e, long[] stateBits, long[] actionBits, int loop, int pos) {
    int n = stateBits.length;
    if (e instanceof Always al) {
      for (int i = Math.min(pos, loop); i < n; i++) {
        if (i >= pos || i >= loop) {
          if (!evalOnLasso(al.body(), stateBits, actionBits, loop, i)) {
            return false;
          }
        }
      }
      return true;
    } else if (e instanceof Eventually ev) {
      for (int i = Math.min(pos, loop); i < n; i++) {
        if (i >= pos || i >= loop) {
          if (evalOnLasso(ev.body(), stateBits, actionBits, loop, i)) {
            return true;
          }
        }
      }
      return false;
    } else if (e instanceof Not nt) {
      return !evalOnLasso(nt.body(), stateBits, actionBits, loop, pos);
    } else if (e instanceof And a) {
      for (LiveExpr x : a.items()) {
        if (!evalOnLasso(x, stateBits, actionBits, loop, pos)) {
          return false;
        }
      }
      return true;
    } else if (e instanceof Or o) {
      for (LiveExpr x : o.items()) {
        if (evalOnLasso(x, stateBits, actionBits, loop, pos)) {
          return true;
        }
      }
      return false;
    }
    return eval(e, stateBits[pos], actionBits[pos]);
  }

  /**
   * Whether {@code e} holds on the lasso (see {@link #evalOnLasso}) from its first state; used to
   * name the properties a counterexample violates.
   */
  static boolean holdsOnLasso(LiveExpr e, long[] stateBits, long[] actionBits, int loop) {
    return evalOnLasso(e, stateBits, actionBits, loop, 0);
  }
}
