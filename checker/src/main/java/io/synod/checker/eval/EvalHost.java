package io.synod.checker.eval;

import io.synod.checker.value.Value;

/**
 * What the evaluator needs from the program running it: where {@code Print} output goes and the
 * run statistics {@code TLCGet("stats")} and friends report. Implementations must be thread-safe
 * when several workers evaluate at once.
 */
public interface EvalHost {

  /** Receives one {@code Print}/{@code PrintT} output (may span several lines, no trailing newline). */
  void print(String text);

  /**
   * A run statistic by TLC's name ({@code "distinct"}, {@code "generated"}, {@code "queue"},
   * {@code "diameter"}, {@code "duration"}, ...), or null when unknown.
   */
  default Value statistic(String name) {
    return null;
  }

  /** {@code TLCGet("all:named")}: the named registers, by name, one value per worker; or null. */
  default Value allNamed(io.synod.checker.value.StringTable strings) {
    return null;
  }

  /** {@code TLCGet("config")}: the settings of the run as a record, or null when unknown. */
  default Value configuration(io.synod.checker.value.StringTable strings) {
    return null;
  }

  /**
   * {@code TLCGet("stats")} as a whole when the run has its own record (TLC's simulator reports
   * other fields than its model checker), or null: the record of {@link #statistic} values.
   */
  default Value statistics(io.synod.checker.value.StringTable strings) {
    return null;
  }

  /**
   * {@code TLCGet("spec")}: the parts of the behaviour specification and the checks of the
   * model ({@code inits}, {@code actions}, {@code invariants}...), or null outside a check.
   */
  default Value specification(io.synod.checker.value.StringTable strings) {
    return null;
  }

  /**
   * {@code TLCGet("action")}: the action that led to the state the formula is evaluated in,
   * as a record of its name and location, or null where it is not known (then TLC's dummy
   * record is reported).
   */
  default Value action(io.synod.checker.value.StringTable strings) {
    return null;
  }

  /** {@code TLCSet("exit", TRUE)}: end the search (no error); ignored outside a search. */
  default void exit() {
  }

  /**
   * {@code TLCExt!Trace}: the states from an initial state to the state being explored (empty
   * while the initial states are computed), or null outside a search.
   */
  default java.util.List<Value[]> behaviour() {
    return null;
  }

  /** One state of a counterexample and the action that led to it (null name for the first). */
  record Step(Value[] state, String action, io.synod.checker.syntax.ast.Span span,
      java.util.List<Value> args, java.util.List<String> params, Value shown) {
    public Step(Value[] state, String action, io.synod.checker.syntax.ast.Span span) {
      this(state, action, span, java.util.List.of(), java.util.List.of(), null);
    }

    public Step(Value[] state, String action, io.synod.checker.syntax.ast.Span span,
        java.util.List<Value> args, java.util.List<String> params) {
      this(state, action, span, args, params, null);
    }
  }

  /**
   * The step that closes a lasso counterexample: from its last state to state {@code target}
   * (0-based index into {@link #counterExample()}; the last state itself when it stutters) by
   * the action of {@code step} (its state unused).
   */
  record Closing(int target, Step step) {}

  /** The step closing the counterexample's lasso, or null when it is finite or there is none. */
  default Closing counterExampleClosing() {
    return null;
  }

  /**
   * {@code TLCExt!CounterExample}: the behaviour of the violation found, evaluated in a
   * POSTCONDITION; null when there is none.
   */
  default java.util.List<Step> counterExample() {
    return null;
  }

  /**
   * {@code TLCExt!PickSuccessor}: asks the user {@code question} and returns the answer line, or
   * null when nobody can answer (then the successor is kept, as an empty answer keeps it).
   */
  default String ask(String question) {
    return null;
  }

  /**
   * {@code TLCExt!TLCDefer}: keeps {@code later}, to be run with the successor the search goes on
   * with; false when the search defers nothing (then the expression is dropped).
   */
  default boolean defer(java.util.function.Consumer<Value[]> later) {
    return false;
  }

  /** The environment variables {@code IOEnv} reports. */
  default java.util.Map<String, String> environment() {
    return System.getenv();
  }

  /**
   * {@code ndJsonDeserialize}/{@code JsonDeserialize} read {@code file} (as resolved): lets trace
   * validation learn which log a trace spec reads.
   */
  default void reading(String file) {
  }

  /** A host that discards output and knows no statistics. */
  static EvalHost silent() {
    return text -> { };
  }
}
