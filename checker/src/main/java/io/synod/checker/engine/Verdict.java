package io.synod.checker.engine;

/** How a check ended, with TLC's process exit code. */
public enum Verdict {
  SUCCESS(0, "success"),
  ASSUMPTION(10, "assumption"),
  POSTCONDITION(10, "assumption"),
  DEADLOCK(11, "deadlock"),
  INVARIANT(12, "invariant"),
  ACTION_PROPERTY(13, "action-property"),
  LIVENESS(13, "liveness"),
  /** A temporal PROPERTY violated by a finite prefix, found during the search (TLC's exit 12). */
  TEMPORAL_SAFETY(12, "invariant"),
  ASSERT(14, "assert"),
  EVAL_ERROR(75, "eval-error"),
  /** An evaluation error in a temporal property, or a formula TLC cannot check (exit 255). */
  TEMPORAL_ERROR(255, "temporal-error"),
  /**
   * An error TLC raises with an error code of its own (division by zero, ...) while computing
   * successors: TLC prints the message as it is and exits 255.
   */
  CODED_EVAL_ERROR(255, "eval-error"),
  /**
   * The temporal properties' negation (with the spec's fairness) has no satisfiable branch, so
   * there is nothing to check: TLC refuses the run before the search (TLC exit 77).
   */
  TEMPORAL_TAUTOLOGY(77, "temporal-error"),
  /** Evaluating an invariant failed (TLC exit 76). */
  INVARIANT_EVAL_ERROR(76, "eval-error"),
  /** Evaluating an action property failed (TLC exit 13, as a violated one). */
  ACTION_PROPERTY_EVAL_ERROR(13, "eval-error"),
  PARSE_ERROR(150, "parse-error"),
  CONFIG_ERROR(151, "config-error"),
  SYSTEM_ERROR(153, "system-error"),
  CANCELLED(153, "cancelled");

  private final int exitCode;
  private final String label;

  Verdict(int exitCode, String label) {
    this.exitCode = exitCode;
    this.label = label;
  }

  /** TLC's exit code for this outcome. */
  public int exitCode() {
    return exitCode;
  }

  /** The name used in JSON reports and the fixture manifest ({@code invariant}, ...). */
  public String label() {
    return label;
  }
}
