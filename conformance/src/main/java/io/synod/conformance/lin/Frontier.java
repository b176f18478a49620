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
}
