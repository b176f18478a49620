package io.synod.checker.engine;

/**
 * One worker's append-only log of admitted states: fingerprint and parent id per state, 16 bytes
 * a state, in chunks so that it never copies. A state id packs the worker index into the low
 * 8 bits and the index in that worker's log above them, so workers append without sharing.
 * Read by other threads only after the workers stopped (level barrier or end of search).
 */
final class ParentLog {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  static final long NO_PARENT = -1;

  private final int worker;
  private long[][] fps = new long[16][];
  private long[][] parents = new long[16][];
  private long size;

  ParentLog(int worker) {
    this.worker = worker;
  }

  /** Appends a state and returns its id. */
  long append(long fp, long parent) {
    int chunk = (int) (size >>> CHUNK_BITS);
    int off = (int) (size & (CHUNK - 1));
    if (chunk == fps.length) {
      fps = java.util.Arrays.copyOf(fps, chunk * 2);
      parents = java.util.Arrays.copyOf(parents, chunk * 2);
    }
    if (fps[chunk] == null) {
      fps[chunk] = new long[CHUNK];
      parents[chunk] = new long[CHUNK];
    }
    fps[chunk][off] = fp;
    parents[chunk][off] = parent;
    return (size++ << 8) | worker;
  }

  long size() {
    return size;
  }

  long fingerprintAt(long index) {
    return fps[(int) (index >>> CHUNK_BITS)][(int) (index & (CHUNK - 1))];
  }

  static int workerOf(long id) {
    return (int) (id & 0xff);
  }

  static long indexOf(long id) {
    return id >>> 8;
  }

  long fingerprint(long id) {
    return fingerprintAt(indexOf(id));
  }

  long parent(long id) {
    long i = indexOf(id);
    return parents[(int) (i >>> CHUNK_BITS)][(int) (i & (CHUNK - 1))];
  }
}
