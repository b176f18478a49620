package io.synod.conformance.lin;

import java.util.function.BooleanSupplier;

/**
 * When a search must give up and answer "unknown": a wall-clock deadline, a cap on explored
 * configurations (the memory budget), and a cancellation signal from the other partitions.
 *
 * @param deadlineNanos {@link System#nanoTime()} value after which to stop, or Long.MAX_VALUE
 * @param maxConfigs most configurations to remember
 * @param cancelled true once another partition has decided the answer
 */
record Budget(long deadlineNanos, long maxConfigs, BooleanSupplier cancelled) {

  /** Null while the search may go on, else why it must stop. */
  String exhausted(long configs) {
    if (configs > maxConfigs) {
      return "explored the maximum of " + maxConfigs + " configurations (--max-configs)";
    }
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      return "ran out of time (--timeout)";
    }
    if (cancelled.getAsBoolean()) {
      return "cancelled: another partition was found invalid";
    }
    return null;
  }
}
