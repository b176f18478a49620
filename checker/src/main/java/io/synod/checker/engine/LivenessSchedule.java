package io.synod.checker.engine;

/**
 * When the temporal properties are checked on the behaviour graph ({@code -lncheck}, as TLC).
 * In every mode they are checked once on the complete graph when the search ends; in
 * {@link Mode#DEFAULT} also on the graph explored so far while the search runs, so that a model
 * too large to finish still reports a violation it has already reached. A check of the graph so
 * far is due on a timer ({@code firstMillis}, then every {@code periodMillis}) when the graph
 * grew by more than {@link #GROWTH} since the last one and the checks so far took at most
 * {@link #TIME_SHARE} of the run; {@code everyStates} (for tests, where a timer would make the
 * point of the check unpredictable) forces one after every so many expanded states whatever
 * the growth and the time share.
 *
 * @param mode TLC's mode
 * @param firstMillis time from the start of the search to the first check of the graph so far
 * @param periodMillis time between two such checks; 0 for none on a timer
 * @param everyStates a check after every this many expanded states; 0 for none
 */
public record LivenessSchedule(Mode mode, long firstMillis, long periodMillis, long everyStates) {
  /** TLC's {@code -lncheck} modes. */
  public enum Mode {
    /** Also check the graph explored so far, periodically. */
    DEFAULT,
    /** Only on the complete graph. */
    FINAL,
    /** Only on the complete graph, one branch of the tableau after the other (one thread). */
    SEQFINAL
  }

  /**
   * How much the graph must have grown since the last check (relative to its size then) for the
   * next one to be worth it: TLC's {@code livenessThreshold}.
   */
  public static final double GROWTH = 0.1;

  /**
   * The share of the run's time the checks of the graph so far may take: TLC's
   * {@code livenessRatio} (80% for the search, 20% for liveness).
   */
  public static final double TIME_SHARE = 0.2;

  /** TLC's first periodic work comes 3 s after the workers start, then every minute. */
  public static final long TLC_FIRST_MILLIS = 3_000;

  public static final long TLC_PERIOD_MILLIS = 60_000;

  /** Check once, on the complete graph: what a library check does unless told otherwise. */
  public static final LivenessSchedule FINAL = new LivenessSchedule(Mode.FINAL, 0, 0, 0);

  public LivenessSchedule {
    if (mode == null) {
      throw new IllegalArgumentException("a liveness mode must be given");
    }
    if (firstMillis < 0 || periodMillis < 0 || everyStates < 0) {
      throw new IllegalArgumentException("liveness check intervals must be >= 0");
    }
  }

  /** {@code mode} with TLC's timing. */
  public static LivenessSchedule tlc(Mode mode) {
    return new LivenessSchedule(mode, TLC_FIRST_MILLIS, TLC_PERIOD_MILLIS, 0);
  }

  /** Whether the graph explored so far is checked during the search. */
  public boolean periodic() {
    return mode == Mode.DEFAULT && (periodMillis > 0 || everyStates > 0);
  }

  /** The threads of the check on the complete graph, for a search with {@code workers}. */
  public int finalThreads(int workers) {
    return mode == Mode.SEQFINAL ? 1 : workers;
  }

  /**
   * Whether a check of the graph so far is due: it grew by more than {@link #GROWTH} since the
   * last one ({@code expandedAtLast} states then, 0 before the first: counted as 1, as TLC does
   * not divide by zero), and the checks took at most {@link #TIME_SHARE} of the time so far.
   */
  public static boolean due(long expandedAtLast, long expandedNow, long checkingNanos,
      long elapsedNanos) {
    long base = Math.max(1, expandedAtLast);
    boolean grew = (expandedNow - base) > GROWTH * base;
    return grew && checkingNanos <= TIME_SHARE * elapsedNanos;
  }
}
