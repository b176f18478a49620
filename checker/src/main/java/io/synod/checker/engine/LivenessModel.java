package io.synod.checker.engine;

import io.synod.checker.liveness.LiveExpr;
import io.synod.checker.value.Value;
import java.util.List;

/**
 * The temporal side of a model: the formula whose behaviours are counterexamples (the
 * fairness of the SPECIFICATION and the negation of the temporal PROPERTIES), the properties
 * themselves (to name the one a counterexample violates), and the evaluation of the formula's
 * atoms. Atoms are numbered per kind (state, action), at most 64 of each; a state's atoms are
 * returned as bits. Called from several workers at once, each with its own context.
 */
public interface LivenessModel {
  /** {@code Fairness /\ (~P1 \/ ~P2 ...)}. */
  LiveExpr negatedFormula();

  /** A temporal property (one PROPERTY conjunct) and its name. */
  record Property(String name, LiveExpr formula) {}

  List<Property> properties();

  int stateAtomCount();

  int actionAtomCount();

  /** Bit i: state atom i holds in {@code s}. */
  long stateAtoms(Value[] s, EvalContext ctx);

  /**
   * Bits of the state atoms decided only when {@code s} is expanded: {@code ENABLED <<A>>_v} of
   * a fairness condition, read off the enumeration of A's steps from s that its {@code <<A>>_v}
   * needs anyway. The graph holds {@code stateAtoms | lateStateAtoms}; {@link #stateAtoms}
   * leaves these bits 0.
   */
  default long lateStateAtoms(Value[] s, EvalContext ctx) {
    return 0;
  }

  /** The bits {@link #lateStateAtoms} decides. */
  default long lateStateMask() {
    return 0;
  }

  /** Every state atom of {@code s}. */
  default long allStateAtoms(Value[] s, EvalContext ctx) {
    return stateAtoms(s, ctx) | lateStateAtoms(s, ctx);
  }

  /** Bit i: action atom i holds on the step {@code s -> t}. */
  long actionAtoms(Value[] s, Value[] t, EvalContext ctx);

  /**
   * {@link #actionAtoms(Value[], Value[], EvalContext)}, given {@code t}'s fingerprint in
   * fingerprint family {@code family} (of the state itself: no VIEW or SYMMETRY), which the
   * search computed already.
   */
  default long actionAtoms(Value[] s, Value[] t, long tFp, int family, EvalContext ctx) {
    return actionAtoms(s, t, ctx);
  }

  /**
   * The search is about to generate the successors of {@code s} and then ask for the atoms of
   * its steps: what the generation evaluates may be kept for the atoms ({@code s == null}: the
   * expansion is over, keep nothing).
   */
  default void expanding(Value[] s, EvalContext ctx) {}

  /**
   * {@link #expanding(Value[], EvalContext)} by a search that passes the fingerprints of the
   * successors in family {@code family} ({@code -1}: none, with VIEW or SYMMETRY) to
   * {@link #successors}: the evaluator may then tag each successor with what it is a step of
   * ({@link SuccessorSink#accept(Value[], ActionLabel, long)}).
   */
  default void expanding(Value[] s, int family, EvalContext ctx) {
    expanding(s, ctx);
  }

  /**
   * The successors of the state being expanded that are in the model, before their action
   * atoms are asked for: their fingerprints (family as given to {@link #expanding(Value[], int,
   * EvalContext)}) and the tags the evaluator delivered them with, the first {@code n} of each.
   * One successor may be generated several times, with different tags; the arrays are the
   * caller's, read until the expansion is over.
   */
  default void successors(long[] fps, long[] tags, int n, int family, EvalContext ctx) {}
}
