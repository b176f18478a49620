package io.synod.checker.liveness;

import java.util.ArrayList;
import java.util.List;

/**
 * What the liveness checker searches for: behaviours of the state graph that satisfy the
 * fairness conditions and violate a property, {@code Fairness /\ (~P1 \/ ~P2 ...)}, in
 * disjunctive normal form. Each disjunct is a conjunction of {@code <>[]A} (eventually always),
 * {@code []<>A} (infinitely often; A a state or action formula) and a temporal formula over
 * state predicates checked with a {@link Tableau}. Disjuncts with the same temporal formula
 * share one branch (one tableau, one product graph), as in TLC, which reports the number of
 * branches.
 */
public final class LivenessPlan {
  /** One disjunct's conditions on a cycle. */
  public record ErrorModel(List<LiveExpr> eventuallyAlways, List<LiveExpr> infinitelyOften) {}

  /** A temporal formula (null for none) and the disjuncts that share it. */
  public record Branch(LiveExpr formula, Tableau tableau, List<ErrorModel> models) {}

  private final List<Branch> branches = new ArrayList<>();

  /** Plans the search for {@code negated}, the formula whose behaviours are counterexamples. */
  public LivenessPlan(LiveExpr negated) {
    LiveExpr dnf = LiveExpr.toDnf(LiveExpr.simplify(negated));
    if (dnf instanceof LiveExpr.Bool b && !b.value()) {
      return;
    }
    List<LiveExpr> disjuncts = dnf instanceof LiveExpr.Or o ? o.items() : List.of(dnf);
    List<LiveExpr> formulas = new ArrayList<>();
    List<List<ErrorModel>> models = new ArrayList<>();
    for (LiveExpr d : disjuncts) {
      LiveExpr flat = LiveExpr.flattenSingles(d);
      List<LiveExpr> items = flat instanceof LiveExpr.And a ? a.items() : List.of(flat);
      List<LiveExpr> ea = new ArrayList<>();
      List<LiveExpr> ae = new ArrayList<>();
      List<LiveExpr> tfs = new ArrayList<>();
      for (LiveExpr item : items) {
        LiveExpr eaBody = LiveExpr.eaBody(item);
        LiveExpr aeBody = LiveExpr.aeBody(item);
        if (eaBody != null && eaBody.level() < LiveExpr.TEMPORAL) {
          ea.add(eaBody);
        } else if (aeBody != null && aeBody.level() < LiveExpr.TEMPORAL) {
          ae.add(aeBody);
        } else if (item.containsAction()) {
          throw new LivenessException("Temporal formulas containing actions must be of forms"
              + " <>[]A or []<>A.");
        } else {
          tfs.add(item);
        }
      }
      LiveExpr tf = tfs.isEmpty() ? null : tfs.size() == 1 ? tfs.get(0) : new LiveExpr.And(tfs);
      int found = -1;
      for (int i = 0; i < formulas.size() && found < 0; i++) {
        if (java.util.Objects.equals(formulas.get(i), tf)) {
          found = i;
        }
      }
      if (found < 0) {
        found = formulas.size();
        formulas.add(tf);
        models.add(new ArrayList<>());
      }
      models.get(found).add(new ErrorModel(List.copyOf(ea), List.copyOf(ae)));
    }
    for (int i = 0; i < formulas.size(); i++) {
      LiveExpr tf = formulas.get(i);
      branches.add(new Branch(tf, tf == null ? null : new Tableau(tf), List.copyOf(models.get(i))));
    }
  }

  public List<Branch> branches() {
    return branches;
  }
}
