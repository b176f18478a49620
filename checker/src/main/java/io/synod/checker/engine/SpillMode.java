package io.synod.checker.engine;

/** When the state queue and the parent log go to disk ({@code check -spill}). */
public enum SpillMode {
  /** When memory is short: the queue beyond its budget, or the heap nearly full after a GC. */
  AUTO,
  /** Every full segment of the queue and every full chunk of the parent log (for tests). */
  ALWAYS,
  /** Never; a frontier larger than the heap ends in OutOfMemoryError. */
  NEVER
}
