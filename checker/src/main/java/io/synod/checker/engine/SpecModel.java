package io.synod.checker.engine;

import io.synod.checker.value.Value;
import java.util.List;

/**
 * A bound model (spec + configuration) as the search engine sees it: the interface between the
 * engine and the evaluator. The evaluator implements it once per model; the engine calls it from
 * several worker threads at once, each with its own {@link EvalContext}, so implementations must
 * keep per-worker scratch state in {@link EvalContext#local} and nothing mutable in themselves.
 *
 * <p>A state is a {@code Value[]} indexed by variable slot ({@link #variables()} order). Arrays
 * handed to a sink belong to the engine afterwards and are never modified by either side.
 *
 * <p>Errors in the spec are reported by throwing {@link SpecError} (evaluation error or failed
 * {@code Assert}) from any method that evaluates TLA+.
 */
public interface SpecModel {

  /** Variable names by slot. */
  List<String> variables();

  /**
   * Whether a state may hold a set literal TLC cannot sort, which TLC fails to fingerprint (see
   * {@link StateFingerprinter}); false as long as no such literal was made.
   */
  default boolean mayHoldUnsortableSets() {
    return false;
  }

  /**
   * The slots in the order TLC prints the variables of a state (TLC's internal order; declaration
   * order is an accepted approximation). Defaults to slot order.
   */
  default int[] printOrder() {
    int[] order = new int[variables().size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Enumerates every initial state, duplicates included, in TLC's enumeration order. */
  void initialStates(EvalContext ctx, StateSink sink);

  /**
   * Enumerates every successor of {@code state} under the next-state action, duplicates included,
   * in TLC's order (disjuncts left to right, bound values in set order), each with the action
   * that produced it.
   */
  void successors(Value[] state, EvalContext ctx, SuccessorSink sink);

  /**
   * Names of the state invariants in the order they are checked: INVARIANT(S) in config order,
   * then {@code [](P)} properties from PROPERTY (TLC reports both as "Invariant X is violated").
   */
  default List<String> invariants() {
    return List.of();
  }

  /** Index into {@link #invariants()} of the first one false in {@code state}, or -1. */
  default int firstViolatedInvariant(Value[] state, EvalContext ctx) {
    return -1;
  }

  /**
   * The same for a successor {@code state} of {@code parent}, a state in which every invariant
   * holds. An implementation may skip an invariant whose value cannot differ between the two
   * (it reads only variables the successor shares with its parent); the result is the same.
   */
  default int firstViolatedInvariant(Value[] parent, Value[] state, EvalContext ctx) {
    return firstViolatedInvariant(state, ctx);
  }

  /** Names of the state predicates under PROPERTY, which TLC checks on the initial states. */
  default List<String> initialProperties() {
    return List.of();
  }

  /** Index into {@link #initialProperties()} of the first one false in initial state {@code s}, or -1. */
  default int firstViolatedInitialProperty(Value[] s, EvalContext ctx) {
    return -1;
  }

  /**
   * The name in the config (INVARIANT or PROPERTY) of a violated formula reported as
   * {@code reported}: TLC reports a conjunct of a PROPERTY by its location ("Action property line
   * 8, col 21 to ... is violated"), which a CI manifest cannot name; this maps it back.
   */
  default String configNameOf(String reported) {
    return reported;
  }

  /** Names of the action properties ({@code [][A]_v} from PROPERTY), in config order. */
  default List<String> actionProperties() {
    return List.of();
  }

  /** Index into {@link #actionProperties()} of the first one false for step s -> t, or -1. */
  default int firstViolatedActionProperty(Value[] s, Value[] t, EvalContext ctx) {
    return -1;
  }

  /** Whether the state satisfies every CONSTRAINT (true without constraints). */
  default boolean satisfiesConstraints(Value[] state, EvalContext ctx) {
    return true;
  }

  /**
   * The same for a successor {@code state} of {@code parent}, a state that satisfies every
   * CONSTRAINT. An implementation may skip a constraint (or a conjunct of one) that reads only
   * variables the successor shares with its parent; the result is the same.
   */
  default boolean satisfiesConstraints(Value[] parent, Value[] state, EvalContext ctx) {
    return satisfiesConstraints(state, ctx);
  }

  /** Whether the step satisfies every ACTION_CONSTRAINT (true without action constraints). */
  default boolean satisfiesActionConstraints(Value[] s, Value[] t, EvalContext ctx) {
    return true;
  }

  /** Whether CONSTRAINT or ACTION_CONSTRAINT is present (lets the engine skip the calls). */
  default boolean hasConstraints() {
    return false;
  }

  /** Whether the config has a VIEW: then {@link #view} is fingerprinted instead of the state. */
  default boolean hasView() {
    return false;
  }

  /** The VIEW of a state; only called when {@link #hasView()}. */
  default Value view(Value[] state, EvalContext ctx) {
    throw new UnsupportedOperationException("no VIEW");
  }

  /** Whether the config has a SYMMETRY set. */
  default boolean hasSymmetry() {
    return false;
  }

  /**
   * The representative of the state's symmetry class (same for every permutation of the
   * symmetric model values); fingerprinted instead of the state. Only called when
   * {@link #hasSymmetry()}.
   */
  default Value[] symmetryCanonical(Value[] state, EvalContext ctx) {
    return state;
  }

  /**
   * The ALIAS record for printing a state of a trace, or null without ALIAS. {@code ctx.level}
   * is the state's position in the trace (1 for the initial state).
   */
  default Value alias(Value[] state, EvalContext ctx) {
    return null;
  }

  /**
   * The text TLC's {@code -dumpTrace FORMAT FILE} writes to FILE for the counterexample in
   * {@code ctx.counterExample} (and {@code ctx.counterExampleLoop}), or null when there is none
   * (no trace) or the format is not supported.
   */
  default String dumpTrace(String format, String file, EvalContext ctx) {
    return null;
  }

  /** The counts of TLC's -coverage report for this model's actions, or null if it cannot make one. */
  default Coverage coverage() {
    return null;
  }

  /** Whether the model has an ALIAS (trace states then print its record). */
  default boolean hasAlias() {
    return false;
  }

  /**
   * The same with the state that follows {@code state} in the trace ({@code state} itself for
   * the last one), which TLC evaluates an ALIAS with: its primed variables read that state.
   */
  default Value alias(Value[] state, Value[] next, EvalContext ctx) {
    return alias(state, ctx);
  }

  /**
   * TLC's -view: trace states are printed through the VIEW. Only a VIEW listing variables (one,
   * or a tuple of them) is printed that way, as the state restricted to those variables in the
   * VIEW's order; with any other VIEW the states are printed whole. Call before the check.
   */
  default void printStatesThroughView() {}

  /** The slots of the variables a trace state prints under -view, or null (all of them). */
  default int[] printedViewSlots() {
    return null;
  }

  /** Whether deadlock is checked according to the config (CHECK_DEADLOCK; default true). */
  default boolean checkDeadlock() {
    return true;
  }

  /**
   * Warnings TLC prints before the search (e.g. a constant-level invariant), each the complete
   * text of one block, possibly several lines.
   */
  default List<String> warnings() {
    return List.of();
  }

  /**
   * TLC evaluates each constant the configuration binds to a definition ({@code C <- Def})
   * before the ASSUMEs: the configuration error for the first that cannot be evaluated then
   * (e.g. it reads the search through TLCGet), or null. Print output goes to {@code ctx.out}.
   */
  default String constantBindingError(EvalContext ctx) {
    return null;
  }

  /** The first false ASSUME, or null when all hold. Print output goes to {@code ctx.out}. */
  default NamedCheck firstFalseAssumption(EvalContext ctx) {
    return null;
  }

  /**
   * The first false POSTCONDITION, evaluated after a complete search with
   * {@code ctx.stats} set (for {@code TLCGet("stats")}), or null.
   */
  default NamedCheck firstFalsePostcondition(EvalContext ctx) {
    return null;
  }

  /**
   * How many generated states (or steps) satisfied each _POSSIBLE predicate so far, in the
   * configuration's order; null when the model has none.
   */
  default long[] possibleCounts() {
    return null;
  }

  /**
   * Sets the _POSSIBLE counts the POSTCONDITION check reads: those of a search this model did
   * not run itself (the sums over a cluster check's members).
   */
  default void setPossibleCounts(long[] counts) {}

  /**
   * The action {@code TLCGet("action")} reports for an initial state: as TLC, the last conjunct
   * of the initial predicate; null when unknown.
   */
  default ActionLabel initialAction() {
    return null;
  }

  /** The temporal properties and fairness to check after the search, or null when none. */
  default LivenessModel liveness() {
    return null;
  }

  /**
   * The check's intern table of strings and model values: a checkpoint carries its order to a
   * later check, and values that travel between processes (a cluster's members) are read back
   * through it; null for a model whose states hold neither.
   */
  default io.synod.checker.value.StringTable strings() {
    return null;
  }
}
