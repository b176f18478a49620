package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;

/**
 * A sequential specification: what a single-copy object does for each operation, one at a
 * time. The checker searches for an order of the history's operations that this object accepts.
 *
 * <p>States are immutable values with {@code equals}/{@code hashCode}: the search memoises
 * (set of linearized operations, state) pairs and must recognise a state it has seen. {@link
 * #step} is on the hot path, so it returns the next state or {@code null} for "impossible" and
 * allocates nothing on rejection; the reason is asked for separately, by {@link #explain}, only
 * when a report is written. Any sequential specification fits this shape, including one given
 * later as a TLA+ module evaluated by the checker module (state = TLA+ value, step = the
 * action for the operation).
 *
 * @param <S> the state type
 */
public interface Model<S> {

  /** The name used by {@code --model}. */
  String name();

  /** The state before any operation. */
  S initial();

  /** The state after {@code op}, or null if {@code op} cannot happen in {@code state}. */
  S step(S state, Operation op);

  /** Why {@link #step} rejects {@code op} in {@code state}, in words for a person. */
  String explain(S state, Operation op);

  /**
   * Null if this model understands {@code op}, else what is wrong with it (checked once per
   * operation before the search, so a typo is a usage error, not a violation).
   */
  default String validate(Operation op) {
    return null;
  }

  /**
   * True if {@code op} never changes the state. An indeterminate ({@code :info}) op of this
   * kind can be dropped: whether it happened or not changes nothing.
   */
  default boolean isReadOnly(Operation op) {
    return false;
  }

  /**
   * True if {@code op} is accepted in every state and changes nothing (a read of unknown
   * value): it can be placed anywhere, so the search drops it.
   */
  default boolean isNoOp(Operation op) {
    return false;
  }

  /**
   * True if {@code op} is accepted in every state and the state after it does not depend on the
   * state before (a write, a put). The search uses it to leave out writes nobody can observe.
   */
  default boolean isBlind(Operation op) {
    return false;
  }

  /**
   * The one state in which {@code op} is accepted, if there is exactly one (a read of a known
   * value, a cas from a known value); null if it may be accepted in several states or if the
   * model cannot say. A state that no operation of a history requires this way, if every
   * operation that is not blind has such a state, can never be observed: a write of it must be
   * followed by another write, which lets the search skip ordering such writes.
   */
  default S requiredState(Operation op) {
    return null;
  }

  /**
   * The state after {@code op} in every state that accepts it, if that does not depend on the
   * state before (a write, a put, a cas to a known value); null otherwise.
   */
  default S fixedResult(Operation op) {
    return null;
  }

  /**
   * False only if no sequence of operations without a {@link #fixedResult} can lead from
   * {@code state} to a state in which {@code op} is accepted (appends only ever extend a string,
   * so a read of a value the string is no prefix of is hopeless until a put; reads change
   * nothing, so a register read of another value is hopeless until a write). The search then
   * abandons the configuration at once instead of trying every order of what comes before
   * {@code op}. True when unsure.
   */
  default boolean mayStillAccept(S state, Operation op) {
    return true;
  }

  /** Whether {@link #mayStillAccept} can ever answer false (else the search never asks). */
  default boolean hasHopelessStates() {
    return false;
  }

  /** The state in EDN notation for reports. */
  default String show(S state) {
    return EdnValues.print(state);
  }

  /**
   * True if every operation carries {@code [key value]} and keys are independent objects of
   * this model (the kv model); the checker then always splits by key.
   */
  default boolean keyed() {
    return false;
  }
}
