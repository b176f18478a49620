package io.synod.conformance.lin;

/**
 * The set of configurations already explored: (linearized set, model state) pairs. The set of
 * linearized operations is represented by a 128-bit Zobrist fingerprint (two independent
 * random 64-bit keys per operation, XORed in and out as operations are linearized and undone),
 * so an entry costs two longs and a state reference however long the history is; two
 * different sets collide with probability about 2^-128 per pair. Open addressing with linear
 * probing; no boxing.
 */
final class MemoTable {
  private long[] k1;
  private long[] k2;
  private Object[] states;
  private int mask;
  private int size;
  private int threshold;

  MemoTable(int initialCapacity) {
    int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    k1 = new long[cap];
    k2 = new long[cap];
    states = new Object[cap];
    mask = cap - 1;
    threshold = cap / 2;
  }

  int size() {
    return size;
  }

  /** Adds the configuration; false if it was already there. */
  boolean add(long f1, long f2, Object state) {
    int h = slot(f1, state);
    Object[] st = states;
    while (st[h] != null) {
      if (k1[h] == f1 && k2[h] == f2 && st[h].equals(state)) {
        return false;
      }
      h = (h + 1) & mask;
    }
    k1[h] = f1;
    k2[h] = f2;
    st[h] = state;
    if (++size > threshold) {
      grow();
    }
    return true;
  }

  private int slot(long f1, Object state) {
    long x = f1 ^ (state.hashCode() * 0x9E3779B97F4A7C15L);
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return (int) x & mask;
  }

  private void grow() {
    long[] o1 = k1;
    long[] o2 = k2;
    Object[] os = states;
    allocate(o1.length * 2);
    for (int i = 0; i < os.length; i++) {
      if (os[i] != null) {
        int h = slot(o1[i], os[i]);
        while (states[h] != null) {
          h = (h + 1) & mask;
        }
        k1[h] = o1[i];
        k2[h] = o2[i];
        states[h] = os[i];
      }
    }
  }
}
