package io.synod.checker.eval;

import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CausalOrder} of the community module {@code VectorClocks}, natively: the definition's
 * CHOOSE over all permutations of the log is hopeless beyond a few lines. The lines are grouped
 * by node and ordered by the node's own clock entry; line k of node n depends on the line that
 * node m logged as event c[m] for every other node m of its clock c; the result takes, round by
 * round over the nodes in order of first appearance, each node's next line whose dependencies
 * are all out. Concurrent lines may come in another order than TLC's (TLC gives no order
 * either: it walks a hash map); every result satisfies {@code IsCausalOrder}.
 */
final class VectorClockNatives {
  private VectorClockNatives() {}

  static void register(Natives n) {
    n.put("VectorClocks", "CausalOrder", new Natives.Impl(4, new int[] {0, 1, 1, 1}, null,
        (c, a) -> causalOrder(c, (Value) a[0], (OpValue) a[1], (OpValue) a[2], (OpValue) a[3]), false, false));
  }

  /** One line of the log. */
  private static final class Line {
    final Value value;
    final FcnValue clock;
    final long time;
    final List<Line> after = new ArrayList<>();
    boolean out;

    Line(Value value, FcnValue clock, long time) {
      this.value = value;
      this.clock = clock;
      this.time = time;
    }
  }

  private static Value causalOrder(Ctx c, Value log, OpValue clockOf, OpValue nodeOf, OpValue domainOf) {
    if (!(log instanceof TupleValue t)) {
      throw EvalException.eval("The first argument of CausalOrder must be a sequence, but is:\n" + Pretty.ppr(log));
    }
    Map<Value, List<Line>> byNode = new LinkedHashMap<>();
    List<Object[]> pending = new ArrayList<>();
    for (Value v : t.toArray()) {
      Value node = nodeOf.apply(c, new Value[] {v});
      Value clock = clockOf.apply(c, new Value[] {v});
      if (!(clock instanceof FcnValue f)) {
        throw EvalException.eval("CausalOrder: the clock of a line is not a function:\n" + Pretty.ppr(clock));
      }
      Line line = new Line(v, f, time(f, node, v));
      byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(line);
      pending.add(new Object[] {line, node, domainOf.apply(c, new Value[] {clock})});
    }
    for (List<Line> lines : byNode.values()) {
      lines.sort((a, b) -> Long.compare(a.time, b.time));
    }
    for (Object[] p : pending) {
      Line line = (Line) p[0];
      if (!(p[2] instanceof SetValue dom)) {
        throw EvalException.eval("CausalOrder: the domain of a clock is not a set:\n" + Pretty.ppr((Value) p[2]));
      }
      for (Iterator<Value> it = dom.iterator(); it.hasNext(); ) {
        Value other = it.next();
        if (other.equals(p[1])) {
          continue;
        }
        long k = time(line.clock, other, line.value);
        if (k <= 0) {
          continue;
        }
        List<Line> theirs = byNode.get(other);
        if (theirs == null || theirs.size() < k) {
          throw EvalException.eval("CausalOrder: the line\n" + Pretty.ppr(line.value) + "\nhas seen event " + k
              + " of node " + Pretty.ppr(other) + ", which is not in the log (the clocks must count every"
              + " logged event, without gaps).");
        }
        theirs.get((int) k - 1).after.add(line);
      }
    }
    Map<Line, Integer> waiting = new java.util.IdentityHashMap<>();
    for (List<Line> lines : byNode.values()) {
      for (Line l : lines) {
        for (Line a : l.after) {
          waiting.merge(a, 1, Integer::sum);
        }
      }
    }
    List<Value> out = new ArrayList<>();
    Map<Value, Integer> next = new LinkedHashMap<>();
    byNode.keySet().forEach(k -> next.put(k, 0));
    while (out.size() < t.length()) {
      boolean progress = false;
      for (Map.Entry<Value, List<Line>> e : byNode.entrySet()) {
        int i = next.get(e.getKey());
        if (i < e.getValue().size() && waiting.getOrDefault(e.getValue().get(i), 0) == 0) {
          Line l = e.getValue().get(i);
          out.add(l.value);
          for (Line a : l.after) {
            waiting.merge(a, -1, Integer::sum);
          }
          next.put(e.getKey(), i + 1);
          progress = true;
        }
      }
      if (!progress) {
        throw EvalException.eval("CausalOrder: the vector clocks of the log contradict each other (a line"
            + " would have to come before a line that comes before it).");
      }
    }
    return TupleValue.wrap(out.toArray(new Value[0]));
  }

  /** The entry of {@code node} in {@code clock}. */
  private static long time(FcnValue clock, Value node, Value line) {
    Value v = clock.apply(node);
    if (v instanceof IntValue i) {
      return i.value();
    }
    throw EvalException.eval("CausalOrder: the clock of the line\n" + Pretty.ppr(line) + "\nhas no integer entry for "
        + Pretty.ppr(node) + ".");
  }
}
