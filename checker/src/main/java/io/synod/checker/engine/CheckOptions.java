package io.synod.checker.engine;

/**
 * Options of one check. Immutable; build with the {@code with*} methods from {@link #defaults()}.
 *
 * @param workers number of search threads (at least 1)
 * @param deadlockOff true to not report deadlocks whatever the config says ({@code -deadlock})
 * @param continueAfterError keep searching after an invariant violation or deadlock ({@code
 *     -continue}); the first error decides the exit code
 * @param fpIndex fingerprint family ({@code -fp}), 0..130
 * @param fpLog2Slots initial size of the seen-set as log2 of its slots; it grows as needed
 * @param progressIntervalMillis period of progress reports (TLC: 60 s)
 */
public record CheckOptions(
    int workers,
    boolean deadlockOff,
    boolean continueAfterError,
    int fpIndex,
    int fpLog2Slots,
    long progressIntervalMillis) {

  public CheckOptions {
    if (workers < 1 || workers > 255) {
      throw new IllegalArgumentException("workers must be in 1..255, got " + workers);
    }
    if (fpLog2Slots < 4 || fpLog2Slots > 30) {
      throw new IllegalArgumentException("fpLog2Slots must be in 4..30, got " + fpLog2Slots);
    }
  }

  public static CheckOptions defaults() {
    return new CheckOptions(1, false, false, 0, 16, 60_000);
  }

  public CheckOptions withWorkers(int n) {
    return new CheckOptions(n, deadlockOff, continueAfterError, fpIndex, fpLog2Slots, progressIntervalMillis);
  }

  public CheckOptions withDeadlockOff(boolean off) {
    return new CheckOptions(workers, off, continueAfterError, fpIndex, fpLog2Slots, progressIntervalMillis);
  }

  public CheckOptions withContinue(boolean c) {
    return new CheckOptions(workers, deadlockOff, c, fpIndex, fpLog2Slots, progressIntervalMillis);
  }

  public CheckOptions withFpIndex(int fp) {
    return new CheckOptions(workers, deadlockOff, continueAfterError, fp, fpLog2Slots, progressIntervalMillis);
  }

  public CheckOptions withFpLog2Slots(int log2) {
    return new CheckOptions(workers, deadlockOff, continueAfterError, fpIndex, log2, progressIntervalMillis);
  }

  public CheckOptions withProgressInterval(long millis) {
    return new CheckOptions(workers, deadlockOff, continueAfterError, fpIndex, fpLog2Slots, millis);
  }
}
