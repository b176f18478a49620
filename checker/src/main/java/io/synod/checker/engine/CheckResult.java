package io.synod.checker.engine;

import io.synod.checker.syntax.ast.Span;
import java.util.List;

/**
 * The outcome of a check.
 *
 * @param verdict how it ended (the first failure's verdict, or success)
 * @param failures every error found, in the order found (more than one only with {@code -continue})
 * @param stats the final counts
 * @param outdegree statistics of new states per expanded state (complete searches)
 * @param collisionProbability TLC's optimistic estimate that two states shared a fingerprint
 * @param actualCollisionProbability an estimate from the actual fingerprints (closest pair), or
 *     NaN when not computed
 * @param elapsedMillis wall time of the search
 */
public record CheckResult(
    Verdict verdict,
    List<Failure> failures,
    SearchStats stats,
    OutdegreeStats outdegree,
    double collisionProbability,
    double actualCollisionProbability,
    long elapsedMillis) {

  public CheckResult {
    failures = List.copyOf(failures);
  }

  /** The first failure, or null on success. */
  public Failure firstFailure() {
    return failures.isEmpty() ? null : failures.get(0);
  }

  /** TLC's exit code. */
  public int exitCode() {
    return verdict.exitCode();
  }

  /**
   * One error.
   *
   * @param verdict its kind
   * @param name the violated invariant, property, assumption or postcondition (null otherwise)
   * @param message TLC's text after {@code "Error: "} (several lines possible)
   * @param trace the behaviour leading to it, empty when there is none
   * @param stack for evaluation errors: the nested expressions being evaluated
   */
  public record Failure(
      Verdict verdict, String name, String message, List<TraceStep> trace, List<Span> stack) {
    public Failure {
      trace = List.copyOf(trace);
      stack = List.copyOf(stack);
    }
  }

  /** Rounded mean, minimum, maximum and 95th percentile of the outdegree. */
  public record OutdegreeStats(long average, int min, int max, int percentile95) {}
}
