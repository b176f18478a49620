package io.synod.checker.liveness;

import io.synod.checker.engine.spill.SpillContext;
import io.synod.checker.engine.spill.SpillFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Fixed-length arrays of the frozen behaviour graph whose length grows with its edges: on the
 * heap, or, for a graph that spills, in a memory-mapped file of the check's spill directory (the
 * operating system pages it in and out; the heap holds only the mappings). Mapped in segments
 * of 2^27 bytes, so any length fits; an element never straddles two segments.
 */
final class GraphArrays {
  private static final int SEG_BITS = 27;
  private static final long SEG_MASK = (1L << SEG_BITS) - 1;

  private GraphArrays() {}

  private static ByteBuffer[] map(SpillFile f, long bytes) {
    int n = (int) ((bytes + SEG_MASK) >>> SEG_BITS);
    ByteBuffer[] segs = new ByteBuffer[Math.max(1, n)];
    for (int i = 0; i < segs.length; i++) {
      long at = (long) i << SEG_BITS;
      // whole longs, so that clearing may write 8 bytes at a time
      long len = Math.min(1L << SEG_BITS, Math.max(8, (bytes - at + 7) & ~7L));
      segs[i] = f.map(at, len).order(ByteOrder.nativeOrder());
    }
    return segs;
  }

  /** An int array; {@code spill} null keeps it on the heap. */
  static final class Ints {
    private final int[] heap;
    private final SpillFile file;
    private final ByteBuffer[] segs;

    Ints(int length, SpillContext spill, String name) {
      heap = spill == null ? new int[length] : null;
      file = spill == null ? null : spill.newFile(name);
      segs = file == null ? null : map(file, (long) length * 4);
    }

    /** Deletes the mapped file (its blocks are freed once the mapping is collected). */
    void release() {
      if (file != null) {
        file.close();
      }
    }

    // get and set are kept under 35 bytes of bytecode, so that the quick compiler (C1), which
    // inlines nothing larger, inlines them into the loops of a check that has just started
    int get(int i) {
      return heap != null ? heap[i] : mappedGet(i);
    }

    void set(int i, int v) {
      if (heap != null) {
        heap[i] = v;
      } else {
        mappedSet(i, v);
      }
    }

    private int mappedGet(int i) {
      long b = (long) i << 2;
      return segs[(int) (b >>> SEG_BITS)].getInt((int) (b & SEG_MASK));
    }

    private void mappedSet(int i, int v) {
      long b = (long) i << 2;
      segs[(int) (b >>> SEG_BITS)].putInt((int) (b & SEG_MASK), v);
    }

    boolean onHeap() {
      return heap != null;
    }

    /** Sets every element to 0. */
    void clear() {
      if (heap != null) {
        java.util.Arrays.fill(heap, 0);
        return;
      }
      for (ByteBuffer b : segs) {
        for (int i = 0; i < b.capacity(); i += 8) {
          b.putLong(i, 0);
        }
      }
    }
  }

  /** A long array; {@code spill} null keeps it on the heap. */
  static final class Longs {
    private final long[] heap;
    private final SpillFile file;
    private final ByteBuffer[] segs;

    Longs(int length, SpillContext spill, String name) {
      heap = spill == null ? new long[length] : null;
      file = spill == null ? null : spill.newFile(name);
      segs = file == null ? null : map(file, (long) length * 8);
    }

    /** Deletes the mapped file (its blocks are freed once the mapping is collected). */
    void release() {
      if (file != null) {
        file.close();
      }
    }

    long get(int i) {
      return heap != null ? heap[i] : mappedGet(i);
    }

    void set(int i, long v) {
      if (heap != null) {
        heap[i] = v;
      } else {
        mappedSet(i, v);
      }
    }

    private long mappedGet(int i) {
      long b = (long) i << 3;
      return segs[(int) (b >>> SEG_BITS)].getLong((int) (b & SEG_MASK));
    }

    private void mappedSet(int i, long v) {
      long b = (long) i << 3;
      segs[(int) (b >>> SEG_BITS)].putLong((int) (b & SEG_MASK), v);
    }
  }
}
