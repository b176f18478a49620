package io.synod.checker.engine;

import io.synod.checker.value.Value;

/**
 * One state of a behaviour and the action that led to it ({@link ActionLabel#INITIAL} first).
 *
 * @param state the values by variable slot
 * @param printed what the trace prints for the state: the variables in print order, or the ALIAS
 *     record's fields; name/value pairs
 */
public record TraceStep(Value[] state, ActionLabel action, java.util.List<Binding> printed) {

  /** One printed {@code /\ name = value} line. */
  public record Binding(String name, Value value) {}
}
