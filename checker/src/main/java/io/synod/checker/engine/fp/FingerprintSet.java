package io.synod.checker.engine.fp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The seen-set of state fingerprints: a lock-free open-addressing hash set of primitive longs.
 *
 * <p>Design: one {@code long[]} table, power-of-two sized, linear probing from a slot taken from
 * the high bits of a multiplicative hash of the fingerprint; a slot goes from 0 (empty) to a
 * fingerprint once, by compare-and-set through a {@link VarHandle}, and never changes again, so
 * {@link #add} needs no locks and two workers adding the same fingerprint agree on who added it.
 * The fingerprint 0 cannot be stored in the table (0 marks an empty slot) and is tracked by a
 * separate flag.
 *
 * <p>Capacity is fixed at construction, sized from the expected number of states or a memory
 * budget ({@link #forMemory}); the set refuses new fingerprints beyond {@value #MAX_LOAD_PERCENT}%
 * load (counted per table region, so that workers do not contend on one counter) with
 * {@link FingerprintSetFullException} (the engine reports it and the user raises the
 * budget) rather than resizing, because a lock-free resize would either stop workers or admit a
 * state twice. At 75% load an entry costs 8 / 0.75 ≈ 10.7 bytes.
 */
public final class FingerprintSet {
  /** Maximum load, in percent of the table. */
  public static final int MAX_LOAD_PERCENT = 90;

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle ZERO;
  /** Counters are striped by table region, one cache line apart, so workers rarely share one. */
  private static final int MAX_LOG2_STRIPES = 6;
  private static final int PAD = 8;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      ZERO = l.findVarHandle(FingerprintSet.class, "hasZero", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long[] table;
  private final int shift;
  private final int mask;
  private final long[] counts;
  private final int stripeShift;
  private final long stripeLimit;
  @SuppressWarnings("unused")
  private volatile int hasZero;

  /** A set with room for {@code 2^log2Slots} slots ({@code 4 <= log2Slots <= 30}). */
  public FingerprintSet(int log2Slots) {
    if (log2Slots < 4 || log2Slots > 30) {
      throw new IllegalArgumentException("log2Slots must be in 4..30, got " + log2Slots);
    }
    this.table = new long[1 << log2Slots];
    this.shift = 64 - log2Slots;
    this.mask = table.length - 1;
    int log2Stripes = Math.min(MAX_LOG2_STRIPES, log2Slots - 4);
    this.stripeShift = log2Slots - log2Stripes;
    this.counts = new long[(1 << log2Stripes) * PAD];
    this.stripeLimit = (long) (table.length >>> log2Stripes) * MAX_LOAD_PERCENT / 100;
  }

  /** A set sized to hold {@code expected} fingerprints at no more than 75% load. */
  public static FingerprintSet forExpected(long expected) {
    long slots = Math.max(16, expected * 4 / 3 + 1);
    int log2 = 64 - Long.numberOfLeadingZeros(slots - 1);
    return new FingerprintSet(Math.min(30, Math.max(4, log2)));
  }

  /** The largest set whose table fits in {@code bytes}. */
  public static FingerprintSet forMemory(long bytes) {
    long slots = Math.max(16, bytes / Long.BYTES);
    int log2 = 63 - Long.numberOfLeadingZeros(slots);
    return new FingerprintSet(Math.min(30, Math.max(4, log2)));
  }

  /**
   * Adds {@code fp}; true if it was not in the set before (exactly one of several concurrent
   * adders of the same fingerprint gets true).
   */
  public boolean add(long fp) {
    if (fp == 0) {
      return ZERO.compareAndSet(this, 0, 1);
    }
    int i = (int) ((fp * 0x9e3779b97f4a7c15L) >>> shift);
    for (int probes = 0; probes <= mask; probes++) {
      long cur = (long) SLOTS.getAcquire(table, i);
      if (cur == fp) {
        return false;
      }
      if (cur == 0) {
        int stripe = (i >>> stripeShift) * PAD;
        if ((long) SLOTS.getOpaque(counts, stripe) >= stripeLimit) {
          throw new FingerprintSetFullException(table.length);
        }
        long witness = (long) SLOTS.compareAndExchange(table, i, 0L, fp);
        if (witness == 0) {
          SLOTS.getAndAdd(counts, stripe, 1L);
          return true;
        }
        if (witness == fp) {
          return false;
        }
      }
      i = (i + 1) & mask;
    }
    throw new FingerprintSetFullException(table.length);
  }

  /** Whether {@code fp} is in the set. */
  public boolean contains(long fp) {
    if (fp == 0) {
      return hasZero != 0;
    }
    int i = (int) ((fp * 0x9e3779b97f4a7c15L) >>> shift);
    for (int probes = 0; probes <= mask; probes++) {
      long cur = (long) SLOTS.getAcquire(table, i);
      if (cur == fp) {
        return true;
      }
      if (cur == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  /** Number of distinct fingerprints added. */
  public long size() {
    long n = hasZero;
    for (int k = 0; k < counts.length; k += PAD) {
      n += (long) SLOTS.getVolatile(counts, k);
    }
    return n;
  }

  /**
   * The smallest distance between two stored fingerprints (unsigned, in sorted order), the
   * input of TLC's "based on the actual fingerprints" estimate; {@code -1} (i.e. the largest
   * unsigned value) with fewer than two fingerprints. Call only when no worker is adding: it
   * copies and sorts the table.
   */
  public long minimumGap() {
    long[] fps = new long[(int) Math.min(Integer.MAX_VALUE - 8, size())];
    int n = 0;
    if (hasZero != 0) {
      fps[n++] = 0;
    }
    for (int i = 0; i < table.length && n < fps.length; i++) {
      long v = (long) SLOTS.getVolatile(table, i);
      if (v != 0) {
        fps[n++] = v;
      }
    }
    java.util.Arrays.sort(fps, 0, n);
    long min = -1;
    for (int i = 1; i < n; i++) {
      long gap = fps[i] - fps[i - 1];
      if (Long.compareUnsigned(gap, min) < 0) {
        min = gap;
      }
    }
    return min;
  }

  /** Number of slots in the table. */
  public int capacity() {
    return table.length;
  }
}
