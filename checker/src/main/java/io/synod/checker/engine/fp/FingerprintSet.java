package io.synod.checker.engine.fp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The seen-set of state fingerprints: a lock-free, growable open-addressing hash set of
 * primitive longs.
 *
 * <p>Table: a {@code long[]} of any length, linear probing from a home slot scaled from the high
 * 32 bits of a multiplicative hash (multiply-shift range reduction, so the length need not be a
 * power of two). A slot changes once, by compare-and-set through a {@link VarHandle},
 * from 0 (empty) to a fingerprint or to {@code FORWARD}, and then never again. So in a table a
 * fingerprint sits at the first slot of its probe sequence that was empty when it was added,
 * and {@link #add} needs no locks: of several workers adding the same fingerprint exactly one
 * gets {@code true}.
 *
 * <p>Growth does not stop the workers. When the set passes 80% load, one worker links a table
 * 1.5 times the size behind the current one and sweeps the old table slot by slot: an empty slot
 * becomes {@code FORWARD}, a fingerprint is copied into the new table. A worker that meets
 * {@code FORWARD} on its probe continues in the new table; a worker that adds to a slot the
 * sweep has not reached yet has its fingerprint copied by the sweep (further down the chain if
 * the new table is itself being swept by then). Because a fingerprint is always found before
 * any {@code FORWARD} on its own probe sequence, no fingerprint is admitted twice. A table
 * becomes the one workers start from only when every table before it has been swept.
 *
 * <p>The two reserved slot values, 0 (empty) and 1 ({@code FORWARD}), are valid fingerprints
 * too and are tracked by flags. Distinct fingerprints are counted in counters striped by the
 * fingerprint's top bits (one cache line apart, so workers rarely share one). Growing by 1.5
 * rather than 2 keeps the load within 53%..80% between resizes, i.e. 10..15 bytes per
 * fingerprint once the set has outgrown its first table (during a sweep the old table is still
 * allocated: 25 bytes per fingerprint for that moment). Linear probing at 80% costs about 3
 * probes for a fingerprint already present and 13 for a new one, mostly within one or two cache
 * lines. At {@value #MAX_SLOTS} slots and {@value #MAX_LOAD_PERCENT}% load the set throws
 * {@link FingerprintSetFullException}.
 */
public final class FingerprintSet {
  /** Load at which the largest possible table is declared full, in percent. */
  public static final int MAX_LOAD_PERCENT = 90;

  /** The largest table: the largest multiple of 8 a Java array can hold. */
  static final int MAX_SLOTS = Integer.MAX_VALUE - 71;
  private static final int MAX_LOG2 = 30;
  private static final long FORWARD = 1L;
  private static final int LOG2_STRIPES = 6;
  private static final int PAD = 8;

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle FLAG;
  private static final VarHandle NEXT;
  private static final VarHandle GROWING;
  private static final VarHandle CURRENT;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      FLAG = MethodHandles.arrayElementVarHandle(int[].class);
      NEXT = l.findVarHandle(Table.class, "next", Table.class);
      GROWING = l.findVarHandle(Table.class, "growing", boolean.class);
      CURRENT = l.findVarHandle(FingerprintSet.class, "current", Table.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final int ADDED = 0;
  private static final int PRESENT = 1;
  private static final int FORWARDED = 2;
  private static final int FULL = 3;

  /** One generation of the table. */
  private static final class Table {
    final long[] slots;
    final int length;
    final long growAt;
    volatile Table next;
    /** Set by the one thread that allocates {@link #next}, before it allocates. */
    volatile boolean growing;
    /** Why {@link #next} could not be allocated: threads waiting for it fail the same way. */
    volatile OutOfMemoryError growFailed;
    /** Every slot is FORWARD or a fingerprint already copied down the chain. */
    volatile boolean swept;

    Table(int length) {
      this.slots = new long[length];
      this.length = length;
      this.growAt = (long) length * 4 / 5;
    }

    int home(long fp) {
      long h = (fp * 0x9e3779b97f4a7c15L) >>> 32;
      return (int) ((h * length) >>> 32);
    }

    /** The length of the table that follows this one, or 0 at the largest size. */
    int grownLength() {
      if (length >= MAX_SLOTS) {
        return 0;
      }
      long n = ((long) length * 3 / 2 + 7) & ~7L;
      return (int) Math.min(MAX_SLOTS, n);
    }

    int insert(long fp) {
      int i = home(fp);
      for (int probes = 0; probes < length; probes++) {
        long cur = (long) SLOTS.getAcquire(slots, i);
        if (cur == 0) {
          cur = (long) SLOTS.compareAndExchange(slots, i, 0L, fp);
          if (cur == 0) {
            return ADDED;
          }
        }
        if (cur == fp) {
          return PRESENT;
        }
        if (cur == FORWARD) {
          return FORWARDED;
        }
        if (++i == length) {
          i = 0;
        }
      }
      return FULL;
    }

    int find(long fp) {
      int i = home(fp);
      for (int probes = 0; probes < length; probes++) {
        long cur = (long) SLOTS.getAcquire(slots, i);
        if (cur == fp) {
          return PRESENT;
        }
        if (cur == 0) {
          return ADDED;
        }
        if (cur == FORWARD) {
          return FORWARDED;
        }
        if (++i == length) {
          i = 0;
        }
      }
      return ADDED;
    }
  }

  private volatile Table current;
  private final int[] flags = new int[2 * 16];
  private final long[] counts = new long[(1 << LOG2_STRIPES) * PAD];

  /** A set starting with {@code 2^log2Slots} slots ({@code 4 <= log2Slots <= 30}). */
  public FingerprintSet(int log2Slots) {
    if (log2Slots < 4 || log2Slots > MAX_LOG2) {
      throw new IllegalArgumentException("log2Slots must be in 4.." + MAX_LOG2 + ", got " + log2Slots);
    }
    this.current = new Table(1 << log2Slots);
  }

  private FingerprintSet(long slots) {
    long n = (Math.max(16, Math.min(MAX_SLOTS, slots)) + 7) & ~7L;
    this.current = new Table((int) Math.min(MAX_SLOTS, n));
  }

  /** A set that holds {@code expected} fingerprints without growing. */
  public static FingerprintSet forExpected(long expected) {
    return new FingerprintSet(expected * 5 / 4 + 1);
  }

  /** A set whose first table takes at most {@code bytes} (it grows beyond when needed). */
  public static FingerprintSet forMemory(long bytes) {
    return new FingerprintSet((bytes / Long.BYTES) & ~7L);
  }

  /**
   * Adds {@code fp}; true if it was not in the set before (exactly one of several concurrent
   * adders of the same fingerprint gets true).
   */
  public boolean add(long fp) {
    if (fp == 0 || fp == FORWARD) {
      return FLAG.compareAndSet(flags, (int) fp * 16, 0, 1);
    }
    Table t = current;
    while (true) {
      int r = t.insert(fp);
      if (r == ADDED) {
        int stripe = (int) (fp >>> (64 - LOG2_STRIPES)) * PAD;
        long c = (long) SLOTS.getAndAdd(counts, stripe, 1L) + 1;
        if (c << LOG2_STRIPES > t.growAt && t == current) {
          grow(t, false);
        }
        return true;
      }
      if (r == PRESENT) {
        return false;
      }
      if (r == FULL) {
        grow(t, true);
      }
      t = awaitNext(t);
    }
  }

  /** Whether {@code fp} is in the set. */
  public boolean contains(long fp) {
    if (fp == 0 || fp == FORWARD) {
      return (int) FLAG.getVolatile(flags, (int) fp * 16) != 0;
    }
    Table t = current;
    while (true) {
      int r = t.find(fp);
      if (r != FORWARDED) {
        return r == PRESENT;
      }
      t = awaitNext(t);
    }
  }

  private static Table awaitNext(Table t) {
    Table n;
    while ((n = t.next) == null) {
      OutOfMemoryError failed = t.growFailed;
      if (failed != null) {
        throw failed;
      }
      Thread.onSpinWait();
    }
    return n;
  }

  /**
   * Links a larger table behind {@code t} and, if this thread won that race, sweeps {@code t}
   * into it. The race is decided before the allocation, so that near the heap's limit only one
   * new table is allocated. At the largest size, refuses once the load limit is reached
   * ({@code full}: a probe found no free slot at all).
   */
  private void grow(Table t, boolean full) {
    if (t.growing) {
      return;
    }
    int length = t.grownLength();
    if (length == 0) {
      if (full || size() * 100 >= (long) t.length * MAX_LOAD_PERCENT) {
        throw new FingerprintSetFullException(t.length);
      }
      return;
    }
    if (!GROWING.compareAndSet(t, false, true)) {
      return;
    }
    Table n;
    try {
      n = new Table(length);
    } catch (OutOfMemoryError e) {
      t.growFailed = e;
      throw e;
    }
    NEXT.setRelease(t, n);
    long[] s = t.slots;
    for (int i = 0; i < s.length; i++) {
      long v = (long) SLOTS.compareAndExchange(s, i, 0L, FORWARD);
      if (v != 0 && v != FORWARD) {
        copyInto(n, v);
      }
    }
    t.swept = true;
    // Workers may start from a table only when every table before it has been swept.
    Table c;
    while ((c = current).swept) {
      CURRENT.compareAndSet(this, c, c.next);
    }
  }

  /** Copies {@code v} into {@code n} or, if {@code n} is being swept itself, further down. */
  private void copyInto(Table n, long v) {
    while (true) {
      int r = n.insert(v);
      if (r == ADDED || r == PRESENT) {
        return;
      }
      if (r == FULL) {
        grow(n, true);
      }
      n = awaitNext(n);
    }
  }

  /** Number of distinct fingerprints added. */
  public long size() {
    long n = (int) FLAG.getVolatile(flags, 0) + (int) FLAG.getVolatile(flags, 16);
    for (int k = 0; k < counts.length; k += PAD) {
      n += (long) SLOTS.getVolatile(counts, k);
    }
    return n;
  }

  /** Number of slots in the table workers start from. */
  public int capacity() {
    return current.length;
  }

  /** Bytes held by the table workers start from (the seen-set's memory once no sweep runs). */
  public long bytes() {
    return (long) current.length * Long.BYTES;
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
    for (int f = 0; f < 2; f++) {
      if ((int) FLAG.getVolatile(flags, f * 16) != 0) {
        fps[n++] = f;
      }
    }
    long[] s = current.slots;
    for (int i = 0; i < s.length && n < fps.length; i++) {
      long v = (long) SLOTS.getVolatile(s, i);
      if (v != 0 && v != FORWARD) {
        fps[n++] = v;
      }
    }
    Arrays.sort(fps, 0, n);
    long min = -1;
    for (int i = 1; i < n; i++) {
      long gap = fps[i] - fps[i - 1];
      if (Long.compareUnsigned(gap, min) < 0) {
        min = gap;
      }
    }
    return min;
  }
}
