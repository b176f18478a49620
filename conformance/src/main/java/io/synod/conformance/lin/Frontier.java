package io.synod.conformance.lin;

/**
 * Which operations may be linearized next, given those already linearized: the order
 * constraints of a consistency level. Operations are numbered 0..n-1. Calls to {@link #lift}
 * and {@link #unlift} are strictly nested (a stack).
 */
interface Frontier {
  /** The first candidate, or -1 if none. */
  int first();

  /** The candidate after {@code op} (itself a candidate), or -1. */
  int next(int op);

  /** Marks {@code op} linearized. */
  void lift(int op);

  /** Undoes the last {@link #lift}, which was of {@code op}. */
  void unlift(int op);

  /**
   * How far into the history the current configuration got, to find the configurations that
   * got furthest when the history is not linearizable.
   */
  int reach(int depth);

  /** The completed operation that the current configuration is stuck on, or -1. */
  int blocker();

  /**
   * The next entries of the history not yet linearized, in history order, into {@code out}
   * (at most its length): {@code op} for the completion of a completed operation, {@code ~op}
   * for the invocation of an operation marked in {@code mark}; other entries are skipped.
   * Returns how many. An operation must be linearized before anything invoked after its
   * completion, so each completion can only be preceded by the marked invocations listed
   * before it. Frontiers without a real-time order return 0.
   */
  default int upcoming(boolean[] mark, int[] out) {
    return 0;
  }
}
