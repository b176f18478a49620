package io.synod.bench;

import io.synod.checker.engine.fp.FingerprintSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Fingerprint-set inserts: each measured shot inserts {@value #PER_THREAD} fresh pseudo-random
 * fingerprints per thread into a new shared set of 2^24 slots (ending at 25% or 50% load), so
 * every add is a real insert; with {@code initialLog2Slots = 10} the set starts at 2^10 slots
 * and grows by half (lock-free) as it fills. The score is time per insert per thread; {@link Summary} turns it
 * into inserts per second over all threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class FpSetBench {
  static final int PER_THREAD = 1 << 22;

  /** log2 of the first table: 24 never grows in a shot, 10 grows by half about 25 times. */
  @Param({"24", "10"})
  public int initialLog2Slots;

  private FingerprintSet set;

  /** Per-thread position in the fingerprint stream, distinct between threads. */
  @State(Scope.Thread)
  public static class Stream {
    long base;

    @Setup(Level.Iteration)
    public void setUp(ThreadParams p) {
      base = (long) p.getThreadIndex() * PER_THREAD;
    }
  }

  @Setup(Level.Iteration)
  public void freshSet() {
    set = new FingerprintSet(initialLog2Slots);
  }

  private static long insertAll(FingerprintSet set, long base) {
    long added = 0;
    for (long i = base, end = base + PER_THREAD; i < end; i++) {
      long z = i * 0x9e3779b97f4a7c15L;
      z = (z ^ (z >>> 31)) * 0xbf58476d1ce4e5b9L;
      if (set.add(z ^ (z >>> 29))) {
        added++;
      }
    }
    return added;
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(PER_THREAD)
  public long insert1Thread(Stream s) {
    return insertAll(set, s.base);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(PER_THREAD)
  public long insert2Threads(Stream s) {
    return insertAll(set, s.base);
  }
}
