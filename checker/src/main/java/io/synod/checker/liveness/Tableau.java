package io.synod.checker.liveness;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tableau of a temporal formula over state predicates (no actions): a graph whose infinite
 * paths that fulfil every promise are exactly the behaviours satisfying the formula (Manna and
 * Pnueli's construction, restricted to the operators of TLA: {@code [] <> /\ \/} and negated
 * atoms). A node holds the state formula its state must satisfy now (conjunction of literals)
 * and the temporal obligations passed to the next position; a promise {@code <>p} is fulfilled
 * in a node that chose p now or does not carry {@code <>p} at all.
 */
public final class Tableau {
  /** One node. */
  public static final class Node {
    final int index;
    /** Literals that must hold in the state: atoms, negated atoms, constants. */
    final List<LiveExpr> now;
    /** Formulas that must hold from the next position on. */
    final Set<LiveExpr> next;
    /** Bit i set: promise i is still pending here (not fulfilled). */
    final BitSet pending;
    final List<Integer> successors = new ArrayList<>();
    /** {@link #successors} as an array, once the tableau is built. */
    int[] nextArray;

    /** The literals as bit tests: atoms in {@link #mask} must have the bits of {@link #want}. */
    private final long mask;
    private final long want;
    /** False when a literal is the constant FALSE (no state is consistent). */
    private final boolean possible;

    Node(int index, List<LiveExpr> now, Set<LiveExpr> next, BitSet pending) {
      this.index = index;
      this.now = now;
      this.next = next;
      this.pending = pending;
      long m = 0;
      long w = 0;
      boolean p = true;
      for (LiveExpr l : now) {
        if (l instanceof LiveExpr.Atom a) {
          m |= 1L << a.id();
          w |= 1L << a.id();
        } else if (l instanceof LiveExpr.Not n && n.body() instanceof LiveExpr.Atom a) {
          m |= 1L << a.id();
        } else if (l instanceof LiveExpr.Bool b) {
          p &= b.value();
        }
      }
      this.mask = m;
      this.want = w;
      this.possible = p;
    }

    /** Whether state atom bits satisfy the node's literals (atoms, negated atoms, constants). */
    public boolean consistent(long stateBits) {
      return possible && (stateBits & mask) == want;
    }

    public int index() {
      return index;
    }

    /** Whether promise i is fulfilled in this node. */
    public boolean fulfils(int promise) {
      return !pending.get(promise);
    }

    /** Whether nothing remains to be shown: every continuation satisfies the formula. */
    public boolean isSink() {
      return next.isEmpty() && pending.isEmpty();
    }

    public List<Integer> successors() {
      return successors;
    }

    /** The successor nodes' numbers (do not modify). */
    public int[] successorArray() {
      return nextArray;
    }
  }

  private final List<LiveExpr> promises = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Integer> initial = new ArrayList<>();
  private final Map<String, Node> byKey = new HashMap<>();

  public Tableau(LiveExpr formula) {
    formula = LiveExpr.negationNormalForm(formula);
    collectPromises(formula);
    List<Node> work = new ArrayList<>();
    for (Node n : expand(List.of(formula), work)) {
      if (!initial.contains(n.index)) {
        initial.add(n.index);
      }
    }
    for (int i = 0; i < work.size(); i++) {
      Node n = work.get(i);
      for (Node m : expand(new ArrayList<>(n.next), work)) {
        if (!n.successors.contains(m.index)) {
          n.successors.add(m.index);
        }
      }
    }
    for (Node n : nodes) {
      n.nextArray = n.successors.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private void collectPromises(LiveExpr e) {
    if (e instanceof LiveExpr.Eventually ev) {
      if (!promises.contains(ev)) {
        promises.add(ev);
      }
      collectPromises(ev.body());
    } else if (e instanceof LiveExpr.Always al) {
      collectPromises(al.body());
    } else if (e instanceof LiveExpr.And a) {
      a.items().forEach(this::collectPromises);
    } else if (e instanceof LiveExpr.Or o) {
      o.items().forEach(this::collectPromises);
    }
  }

  public int size() {
    return nodes.size();
  }

  public Node node(int i) {
    return nodes.get(i);
  }

  public List<Integer> initial() {
    return initial;
  }

  public int promiseCount() {
    return promises.size();
  }

  private static String sorted(Set<LiveExpr> s) {
    return s.stream().map(LiveExpr::toString).sorted().toList().toString();
  }

  /** The nodes (new ones appended to {@code work}) that the formulas {@code todo} expand to. */
  private List<Node> expand(List<LiveExpr> todo, List<Node> work) {
    List<Node> out = new ArrayList<>();
    expand(new ArrayList<>(todo), new LinkedHashSet<>(), new LinkedHashSet<>(), new BitSet(),
        new BitSet(), out, work);
    return out;
  }

  private void expand(List<LiveExpr> todo, Set<LiveExpr> now, Set<LiveExpr> next, BitSet pending,
      BitSet chosen, List<Node> out, List<Node> work) {
    while (!todo.isEmpty()) {
      LiveExpr f = todo.remove(todo.size() - 1);
      if (f instanceof LiveExpr.Bool b) {
        if (!b.value()) {
          return;
        }
      } else if (f instanceof LiveExpr.Atom || f instanceof LiveExpr.Not) {
        LiveExpr neg = f instanceof LiveExpr.Not n ? n.body() : new LiveExpr.Not(f);
        if (now.contains(neg)) {
          return;
        }
        now.add(f);
      } else if (f instanceof LiveExpr.And a) {
        todo.addAll(a.items());
      } else if (f instanceof LiveExpr.Always al) {
        todo.add(al.body());
        next.add(al);
      } else if (f instanceof LiveExpr.Or o) {
        for (LiveExpr item : o.items()) {
          List<LiveExpr> t2 = new ArrayList<>(todo);
          t2.add(item);
          expand(t2, new LinkedHashSet<>(now), new LinkedHashSet<>(next), (BitSet) pending.clone(),
              (BitSet) chosen.clone(), out, work);
        }
        return;
      } else if (f instanceof LiveExpr.Eventually ev) {
        int p = promises.indexOf(ev);
        if (chosen.get(p)) {
          continue; // already fulfilled at this position
        }
        // fulfil it now
        List<LiveExpr> t1 = new ArrayList<>(todo);
        t1.add(ev.body());
        BitSet c1 = (BitSet) chosen.clone();
        c1.set(p);
        BitSet p1 = (BitSet) pending.clone();
        p1.clear(p);
        expand(t1, new LinkedHashSet<>(now), new LinkedHashSet<>(next), p1, c1, out, work);
        // or defer it
        if (!chosen.get(p)) {
          Set<LiveExpr> n2 = new LinkedHashSet<>(next);
          n2.add(ev);
          BitSet p2 = (BitSet) pending.clone();
          p2.set(p);
          expand(new ArrayList<>(todo), new LinkedHashSet<>(now), n2, p2, (BitSet) chosen.clone(),
              out, work);
        }
        return;
      } else {
        throw new LivenessException("Temporal formulas containing actions must be of forms <>[]A"
            + " or []<>A.");
      }
    }
    BitSet pend = (BitSet) pending.clone();
    pend.andNot(chosen);
    String key = sorted(now) + "|" + sorted(next) + "|" + pend;
    Node n = byKey.get(key);
    if (n == null) {
      // the order next is met in decides the order of the node's successors, and with it the
      // lasso printed: an immutable Set.copyOf iterates in an order that changes from JVM to JVM
      n = new Node(nodes.size(), List.copyOf(now),
          java.util.Collections.unmodifiableSet(new LinkedHashSet<>(next)), pend);
      nodes.add(n);
      byKey.put(key, n);
      work.add(n);
    }
    if (!out.contains(n)) {
      out.add(n);
    }
  }
}
