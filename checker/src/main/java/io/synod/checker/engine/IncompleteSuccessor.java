package io.synod.checker.engine;

import io.synod.checker.value.Value;
import java.util.List;

/**
 * An action produced a successor that leaves some variables without a value. TLC reports this
 * with an error of its own (exit 75, no "unexpected exception" preamble and no expression stack)
 * and ends the trace with the incomplete state, its missing variables shown as {@code null}.
 */
public final class IncompleteSuccessor extends SpecError {
  private static final long serialVersionUID = 1L;

  private final transient Value[] state;
  private final transient ActionLabel action;

  /**
   * @param state the successor, null in the slots of the variables the action left unassigned
   */
  public IncompleteSuccessor(String message, Value[] state, ActionLabel action) {
    super(Kind.EVALUATION, message, List.of());
    this.state = state;
    this.action = action;
  }

  public Value[] state() {
    return state;
  }

  public ActionLabel action() {
    return action;
  }
}
