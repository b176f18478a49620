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
 * @param memory what the search's seen-set took and what it wrote to disk
 * @param levels the time each breadth-first level took, in order (empty when no search ran)
 * @param searched whether the search began (the initial states were being computed), so that
 *     TLC's statistics are due even when it ended at once
 */
public record CheckResult(
    Verdict verdict,
    List<Failure> failures,
    SearchStats stats,
    OutdegreeStats outdegree,
    double collisionProbability,
    double actualCollisionProbability,
    long elapsedMillis,
    Memory memory,
    List<Level> levels,
    boolean searched) {

  public CheckResult {
    failures = List.copyOf(failures);
    levels = List.copyOf(levels);
  }

  /** A result without memory figures or level timings (simulation, checks that never searched). */
  public CheckResult(Verdict verdict, List<Failure> failures, SearchStats stats,
      OutdegreeStats outdegree, double collisionProbability, double actualCollisionProbability,
      long elapsedMillis) {
    this(verdict, failures, stats, outdegree, collisionProbability, actualCollisionProbability,
        elapsedMillis, Memory.NONE, List.of(), false);
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
      Verdict verdict, String name, String message, List<TraceStep> trace, List<Span> stack,
      Loop loop, String afterTrace) {
    /**
     * @param afterTrace a second error TLC prints after the behaviour (and the stack), without
     *     its {@code "Error: "}; null when none
     */
    public Failure {
      trace = List.copyOf(trace);
      stack = List.copyOf(stack);
    }

    public Failure(Verdict verdict, String name, String message, List<TraceStep> trace,
        List<Span> stack, Loop loop) {
      this(verdict, name, message, trace, stack, loop, null);
    }

    /** A failure whose trace is finite (no lasso). */
    public Failure(
        Verdict verdict, String name, String message, List<TraceStep> trace, List<Span> stack) {
      this(verdict, name, message, trace, stack, null);
    }

    /** A false ASSUME, as TLC reports it before any search (exit 10). */
    public static Failure falseAssumption(NamedCheck a) {
      return new Failure(Verdict.ASSUMPTION, a.name(), "Assumption " + a.location() + " is false.",
          List.of(), List.of());
    }

    /**
     * An error raised while the constants and ASSUMEs are evaluated, before any search: an
     * ASSUME that fails to evaluate (exit 10 in TLC), an Assert, or another evaluation error.
     */
    public static Failure beforeSearch(SpecError e) {
      Verdict v = e.kind() == SpecError.Kind.ASSUMPTION ? Verdict.ASSUMPTION
          : e.kind() == SpecError.Kind.ASSERT ? Verdict.ASSERT : Verdict.EVAL_ERROR;
      return new Failure(v, null, e.getMessage(), List.of(), e.stack());
    }
  }

  /**
   * How a liveness counterexample goes on forever after its last state: back to state
   * {@code backTo} (0-based) by {@code action}, or ({@code backTo == -1}) stuttering in place.
   */
  public record Loop(int backTo, ActionLabel action) {
    public boolean stuttering() {
      return backTo < 0;
    }
  }

  /**
   * Memory figures of a search.
   *
   * @param seenSetBytes bytes of the seen-set (its fingerprint tables) when the search ended
   * @param bytesSpilled bytes of state queue, parent log and behaviour graph written to the spill
   *     directory
   * @param livenessBytes heap bytes the liveness check's graphs held at their largest (the
   *     behaviour graph recorded during the search, its frozen form, the per-edge labels and
   *     the product graphs' search arrays), 0 without temporal properties
   */
  public record Memory(long seenSetBytes, long bytesSpilled, long livenessBytes) {
    public static final Memory NONE = new Memory(0, 0, 0);

    public Memory(long seenSetBytes, long bytesSpilled) {
      this(seenSetBytes, bytesSpilled, 0);
    }
  }

  /**
   * One level of the breadth-first search: expanding the {@code expanded} states at
   * {@code depth} (depth 1 holds the initial states) took {@code millis} of wall time. Levels let
   * a user see where a long check spends its time; they also separate the JVM's warm-up (the
   * first levels, run while the JIT compiles) from the steady state. {@code jitMillis} and
   * {@code gcMillis} are the JVM's JIT-compilation and garbage-collection time during the level
   * (process-wide: they include any other work of the same JVM at that time).
   */
  public record Level(int depth, long expanded, long millis, long jitMillis, long gcMillis) {}

  /** Rounded mean, minimum, maximum and 95th percentile of the outdegree. */
  public record OutdegreeStats(long average, int min, int max, int percentile95) {}
}
