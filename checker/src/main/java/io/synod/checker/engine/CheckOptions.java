package io.synod.checker.engine;

import java.nio.file.Path;
import java.util.function.Consumer;

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
 * @param spill when the queue and the parent log go to disk
 * @param queueMemoryBytes heap budget of the queued states before they spill ({@link
 *     SpillMode#AUTO}); 0 for an eighth of the maximum heap
 * @param metaDir where the per-check spill directory is made; null for the system temp dir
 * @param seed the seed of the run, as {@code TLCGet("config").seed} reports it
 * @param depthFirst explore last-in first-out with one worker (as TLC with its state queue
 *     replaced by a deque), instead of level by level; counts are TLC's for that order
 */
public record CheckOptions(
    int workers,
    boolean deadlockOff,
    boolean continueAfterError,
    int fpIndex,
    int fpLog2Slots,
    long progressIntervalMillis,
    SpillMode spill,
    long queueMemoryBytes,
    Path metaDir,
    long seed,
    boolean depthFirst) {

  public CheckOptions {
    if (workers < 1 || workers > 255) {
      throw new IllegalArgumentException("workers must be in 1..255, got " + workers);
    }
    if (fpLog2Slots < 4 || fpLog2Slots > 30) {
      throw new IllegalArgumentException("fpLog2Slots must be in 4..30, got " + fpLog2Slots);
    }
    if (spill == null) {
      throw new IllegalArgumentException("spill mode must be given");
    }
    if (queueMemoryBytes < 0) {
      throw new IllegalArgumentException("queueMemoryBytes must be >= 0, got " + queueMemoryBytes);
    }
  }

  public static CheckOptions defaults() {
    return new CheckOptions(1, false, false, 0, 16, 60_000, SpillMode.AUTO, 0, null, 0, false);
  }

  public CheckOptions withWorkers(int n) {
    return with(b -> b.workers = n);
  }

  public CheckOptions withDeadlockOff(boolean off) {
    return with(b -> b.deadlockOff = off);
  }

  public CheckOptions withContinue(boolean c) {
    return with(b -> b.continueAfterError = c);
  }

  public CheckOptions withFpIndex(int fp) {
    return with(b -> b.fpIndex = fp);
  }

  public CheckOptions withFpLog2Slots(int log2) {
    return with(b -> b.fpLog2Slots = log2);
  }

  public CheckOptions withProgressInterval(long millis) {
    return with(b -> b.progressIntervalMillis = millis);
  }

  public CheckOptions withSpill(SpillMode mode) {
    return with(b -> b.spill = mode);
  }

  public CheckOptions withQueueMemory(long bytes) {
    return with(b -> b.queueMemoryBytes = bytes);
  }

  public CheckOptions withMetaDir(Path dir) {
    return with(b -> b.metaDir = dir);
  }

  public CheckOptions withSeed(long s) {
    return with(b -> b.seed = s);
  }

  public CheckOptions withDepthFirst(boolean d) {
    return with(b -> b.depthFirst = d);
  }

  /** A copy with one change: the components in one place, so adding one touches one place. */
  private CheckOptions with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  private static final class Copy {
    int workers;
    boolean deadlockOff;
    boolean continueAfterError;
    int fpIndex;
    int fpLog2Slots;
    long progressIntervalMillis;
    SpillMode spill;
    long queueMemoryBytes;
    Path metaDir;
    long seed;
    boolean depthFirst;

    Copy(CheckOptions o) {
      workers = o.workers;
      deadlockOff = o.deadlockOff;
      continueAfterError = o.continueAfterError;
      fpIndex = o.fpIndex;
      fpLog2Slots = o.fpLog2Slots;
      progressIntervalMillis = o.progressIntervalMillis;
      spill = o.spill;
      queueMemoryBytes = o.queueMemoryBytes;
      metaDir = o.metaDir;
      seed = o.seed;
      depthFirst = o.depthFirst;
    }

    CheckOptions build() {
      return new CheckOptions(workers, deadlockOff, continueAfterError, fpIndex, fpLog2Slots,
          progressIntervalMillis, spill, queueMemoryBytes, metaDir, seed, depthFirst);
    }
  }
}
