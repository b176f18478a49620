package io.synod.checker.engine;

/**
 * Events of a running check, in the order TLC prints them. Called from the engine's threads;
 * implementations must be thread-safe. All methods do nothing by default.
 */
public interface SearchListener {
  /** Before the initial states are enumerated. */
  default void computingInitialStates() {}

  /** When one more initial state comes after {@code n} were enumerated, for n = 2, 4, 8, ... */
  default void initialStatesSoFar(long n) {}

  /**
   * After the initial states were enumerated: {@code generated} of them, duplicates included,
   * {@code distinct} admitted.
   */
  default void initialStatesDone(long generated, long distinct) {}

  /** Periodic progress ({@link CheckOptions#progressIntervalMillis}). */
  default void progress(SearchStats stats, long elapsedMillis) {}

  /** At the end of each BFS level. */
  default void levelDone(SearchStats stats) {}

  /** An error found while the search goes on ({@code -continue}); the final result has them all. */
  default void errorFound(CheckResult.Failure failure) {}

  /** The liveness check plans {@code branches} branches (before the initial states). */
  default void livenessBranches(int branches) {}

  /** The search is complete; the liveness check of {@code branches} branches starts. */
  default void checkingLiveness(SearchStats stats, int branches) {}

  /** The liveness check ended after {@code millis}. */
  default void livenessChecked(long millis) {}

  /**
   * The search paused to check the temporal properties on the graph explored so far
   * ({@link LivenessSchedule.Mode#DEFAULT}): {@code states} nodes over all {@code branches}.
   */
  default void checkingLivenessSoFar(long states, int branches) {}

  /**
   * That check ended after {@code millis}; when {@code violated}, the search ends with its
   * counterexample.
   */
  default void livenessCheckedSoFar(long millis, boolean violated) {}

  /** A checkpoint is being written to {@code dir} (the workers are paused). */
  default void checkpointStarted(java.nio.file.Path dir) {}

  /** The checkpoint is complete: {@code bytes} on disk, written in {@code millis}. */
  default void checkpointDone(java.nio.file.Path dir, SearchStats at, long bytes, long millis) {}

  /** The checkpoint could not be written; the search goes on without checkpoints. */
  default void checkpointFailed(java.nio.file.Path dir, String reason) {}

  /** Instead of the initial states, the search starts from the checkpoint in {@code dir}. */
  default void recoveryStarted(java.nio.file.Path dir) {}

  /** The checkpoint was read in {@code millis}: {@code distinct} states seen, {@code queued} to expand. */
  default void recoveryDone(long distinct, long queued, long millis) {}
}
