package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately simple breadth-first search over a {@link CompiledSpec}, used by the tests to
 * check successor generation against TLC's counts (the real engine lives elsewhere).
 */
final class MiniBfs {
  long generated;
  long distinct;
  int depth;
  String violated;

  record Node(Value[] state, int level) {}

  static MiniBfs run(CompiledSpec spec, List<String> invariants, List<String> constraints,
      List<String> actionConstraints) {
    MiniBfs r = new MiniBfs();
    Ctx c = spec.newContext(0, EvalHost.silent());
    List<CompiledSpec.Expression> invs = new ArrayList<>();
    for (String i : invariants) {
      invs.add(spec.definition(i));
    }
    List<CompiledSpec.Expression> cons = new ArrayList<>();
    for (String i : constraints) {
      cons.add(spec.definition(i));
    }
    List<CompiledSpec.Expression> acts = new ArrayList<>();
    for (String i : actionConstraints) {
      acts.add(spec.definition(i));
    }
    Set<List<Value>> seen = new HashSet<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    List<Value[]> inits = new ArrayList<>();
    spec.initialStates(c, (s, a) -> inits.add(s));
    for (Value[] s : inits) {
      r.generated++;
      if (r.admit(spec, c, s, seen, invs, cons)) {
        queue.add(new Node(s, 1));
        r.depth = 1;
      }
      if (r.violated != null) {
        return r;
      }
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      c.setLevel(n.level);
      List<Value[]> succ = new ArrayList<>();
      spec.successors(c, n.state, (s, a) -> succ.add(s));
      for (Value[] s : succ) {
        r.generated++;
        c.setLevel(n.level + 1);
        boolean allowed = true;
        for (CompiledSpec.Expression e : acts) {
          allowed &= spec.holds(e, c, n.state, s);
        }
        if (allowed && r.admit(spec, c, s, seen, invs, cons)) {
          queue.add(new Node(s, n.level + 1));
          r.depth = Math.max(r.depth, n.level + 1);
        }
        if (r.violated != null) {
          return r;
        }
      }
    }
    return r;
  }

  private boolean admit(CompiledSpec spec, Ctx c, Value[] s, Set<List<Value>> seen,
      List<CompiledSpec.Expression> invs, List<CompiledSpec.Expression> cons) {
    if (seen.contains(List.of(s))) {
      return false;
    }
    for (CompiledSpec.Expression e : cons) {
      if (!spec.holds(e, c, s, null)) {
        return false;
      }
    }
    seen.add(List.of(s));
    distinct++;
    for (CompiledSpec.Expression e : invs) {
      if (!spec.holds(e, c, s, null)) {
        violated = e.name();
      }
    }
    return true;
  }
}
