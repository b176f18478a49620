package io.synod.checker.engine;

import io.synod.checker.liveness.LiveExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporal properties of the form {@code [](P => []Q)} (P, Q state predicates), decided during
 * the search as TLC decides them: such a property is a safety property, violated by a finite
 * behaviour that reaches a state where Q is false after a state where P was true. TLC checks it
 * while it inserts states into the behaviour graph, evaluating a state's atoms once all its
 * successors are generated and queued (so that {@code TLCGet("queue")} there counts them), and
 * stops the search at the first violation ("Temporal property ... was violated.", exit 12).
 *
 * <p>Each state carries the phases it was reached in: 1 before P held on the path, 2 after.
 * A state found again along a new path with a new phase after it was expanded is not examined
 * again here; the liveness check after the search still covers the property then.
 */
final class SafetyMonitor {
  /** One monitored property: its name and its P and Q as formulas over state atoms. */
  record Watched(String name, LiveExpr p, LiveExpr q) {}

  private final List<Watched> watched;
  private final ConcurrentHashMap<Long, Integer>[] phases;

  @SuppressWarnings("unchecked")
  private SafetyMonitor(List<Watched> watched) {
    this.watched = watched;
    this.phases = new ConcurrentHashMap[watched.size()];
    for (int i = 0; i < phases.length; i++) {
      phases[i] = new ConcurrentHashMap<>();
    }
  }

  /** The monitor of the model's properties of that form, or null when there is none. */
  static SafetyMonitor of(LivenessModel live) {
    if (live == null) {
      return null;
    }
    List<Watched> w = new ArrayList<>();
    for (LivenessModel.Property p : live.properties()) {
      Watched m = match(p.name(), p.formula());
      if (m != null) {
        w.add(m);
      }
    }
    return w.isEmpty() ? null : new SafetyMonitor(w);
  }

  /** {@code [](~P \/ []Q)}, in any order of the disjuncts, with P and Q free of temporal operators. */
  private static Watched match(String name, LiveExpr f) {
    if (!(f instanceof LiveExpr.Always al) || !(al.body() instanceof LiveExpr.Or or)) {
      return null;
    }
    LiveExpr q = null;
    List<LiveExpr> notP = new ArrayList<>();
    for (LiveExpr item : or.items()) {
      if (item instanceof LiveExpr.Always inner && stateOnly(inner.body()) && q == null) {
        q = inner.body();
      } else if (stateOnly(item)) {
        notP.add(item);
      } else {
        return null;
      }
    }
    if (q == null || notP.isEmpty()) {
      return null;
    }
    return new Watched(name, new LiveExpr.Not(new LiveExpr.Or(notP)), q);
  }

  private static boolean stateOnly(LiveExpr e) {
    return e.level() <= LiveExpr.STATE && !e.containsAction();
  }

  /** An initial state (by its fingerprint) starts before P. */
  void initial(long fp) {
    for (ConcurrentHashMap<Long, Integer> m : phases) {
      m.merge(fp, 1, (a, b) -> a | b);
    }
  }

  /**
   * The state {@code fp} was expanded (its successors {@code succ} generated) and its atoms are
   * {@code bits}: the index of the first property it violates, or -1. Its phases pass on to
   * the successors.
   */
  int expanded(long fp, long bits, long[] succ, int nSucc) {
    int violated = -1;
    for (int i = 0; i < watched.size(); i++) {
      Watched w = watched.get(i);
      int in = phases[i].getOrDefault(fp, 0);
      boolean p = LiveExpr.eval(w.p(), bits, 0);
      int out = (in & 2) | ((in & 1) != 0 ? (p ? 2 : 1) : 0);
      if ((out & 2) != 0 && !LiveExpr.eval(w.q(), bits, 0) && violated < 0) {
        violated = i;
      }
      for (int k = 0; k < nSucc; k++) {
        phases[i].merge(succ[k], out, (a, b) -> a | b);
      }
    }
    return violated;
  }

  String name(int i) {
    return watched.get(i).name();
  }
}
