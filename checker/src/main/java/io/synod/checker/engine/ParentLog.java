package io.synod.checker.engine;

import io.synod.checker.engine.spill.MemoryGovernor;
import io.synod.checker.engine.spill.SpillContext;
import io.synod.checker.engine.spill.SpillFile;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One worker's append-only log of admitted states: fingerprint and parent id per state, 16 bytes
 * a state, in chunks so that it never copies. A state id packs the worker index into the low
 * 8 bits and the index in that worker's log above them, so workers append without sharing.
 * Read by other threads only after the workers stopped (level barrier or end of search).
 *
 * <p>When the {@link MemoryGovernor} says so, full chunks move to this worker's spill file (at
 * a fixed offset per chunk) and the heap keeps only the chunk being filled; entries on disk are
 * read back by positional reads, which only trace rebuilding needs.
 */
final class ParentLog {
  static final long NO_PARENT = -1;
  private static final int ENTRY_BYTES = 16;

  private final int worker;
  private final int chunkBits;
  private final int chunkSize;
  private final SpillContext spill;
  private long[][] fps = new long[16][];
  private long[][] parents = new long[16][];
  private long size;
  /** Chunks below this index are on disk. */
  private int firstOnHeap;
  private SpillFile file;
  private ByteBuffer io;

  ParentLog(int worker, SpillContext spill) {
    this(worker, 16, spill);
  }

  /** A log with chunks of {@code 2^chunkBits} entries (small ones only in tests). */
  ParentLog(int worker, int chunkBits, SpillContext spill) {
    this.worker = worker;
    this.chunkBits = chunkBits;
    this.chunkSize = 1 << chunkBits;
    this.spill = spill;
  }

  /** Appends a state and returns its id. */
  long append(long fp, long parent) {
    int chunk = (int) (size >>> chunkBits);
    int off = (int) (size & (chunkSize - 1));
    if (off == 0) {
      startChunk(chunk);
    }
    fps[chunk][off] = fp;
    parents[chunk][off] = parent;
    return (size++ << 8) | worker;
  }

  private void startChunk(int chunk) {
    if (chunk == fps.length) {
      fps = Arrays.copyOf(fps, chunk * 2);
      parents = Arrays.copyOf(parents, chunk * 2);
    }
    long chunkBytes = (long) chunkSize * ENTRY_BYTES;
    if (chunk > firstOnHeap && spill.enabled() && spill.governor().spillLog()) {
      // Recycle the last spilled chunk's arrays for the new one.
      long[] f = fps[chunk - 1];
      long[] p = parents[chunk - 1];
      int spilled = chunk - firstOnHeap;
      while (firstOnHeap < chunk) {
        writeChunk(firstOnHeap++);
      }
      spill.governor().logged(-(spilled - 1) * chunkBytes);
      fps[chunk] = f;
      parents[chunk] = p;
    } else {
      fps[chunk] = new long[chunkSize];
      parents[chunk] = new long[chunkSize];
      spill.governor().logged(chunkBytes);
    }
  }

  private void writeChunk(int chunk) {
    if (file == null) {
      file = spill.newFile("parents-w" + worker);
      io = ByteBuffer.allocate(chunkSize * ENTRY_BYTES);
    }
    io.clear();
    long[] f = fps[chunk];
    long[] p = parents[chunk];
    for (int i = 0; i < chunkSize; i++) {
      io.putLong(f[i]).putLong(p[i]);
    }
    io.flip();
    file.write((long) chunk * chunkSize * ENTRY_BYTES, io);
    fps[chunk] = null;
    parents[chunk] = null;
  }

  long size() {
    return size;
  }

  static int workerOf(long id) {
    return (int) (id & 0xff);
  }

  static long indexOf(long id) {
    return id >>> 8;
  }

  long fingerprint(long id) {
    return entry(indexOf(id), 0);
  }

  /**
   * Whether {@code id} is an entry of this log whose {@link #fingerprint} is read from memory
   * (not from the spill file).
   */
  boolean inMemory(long id) {
    return id >= 0 && workerOf(id) == worker && indexOf(id) < size
        && (int) (indexOf(id) >>> chunkBits) >= firstOnHeap;
  }

  long parent(long id) {
    return entry(indexOf(id), 8);
  }

  private long entry(long index, int field) {
    int chunk = (int) (index >>> chunkBits);
    int off = (int) (index & (chunkSize - 1));
    if (chunk >= firstOnHeap) {
      return field == 0 ? fps[chunk][off] : parents[chunk][off];
    }
    ByteBuffer b = ByteBuffer.allocate(8);
    file.read(index * ENTRY_BYTES + field, b);
    return b.getLong(0);
  }

  /** Writes the log (a checkpoint): its size, then fingerprint and parent of every entry. */
  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    out.writeLong(size);
    ByteBuffer b = ByteBuffer.allocate(chunkSize * ENTRY_BYTES);
    for (long i = 0; i < size; i += chunkSize) {
      int chunk = (int) (i >>> chunkBits);
      int len = (int) Math.min(chunkSize, size - i);
      b.clear();
      if (chunk >= firstOnHeap) {
        long[] f = fps[chunk];
        long[] p = parents[chunk];
        for (int k = 0; k < len; k++) {
          b.putLong(f[k]).putLong(p[k]);
        }
      } else {
        b.limit(len * ENTRY_BYTES);
        file.read((long) chunk * chunkSize * ENTRY_BYTES, b);
      }
      out.write(b.array(), 0, len * ENTRY_BYTES);
    }
  }

  /**
   * Appends the entries {@link #writeTo} wrote (to an empty log), giving each fingerprint to
   * {@code fingerprints} as it goes (the seen-set is rebuilt from them).
   */
  void readFrom(java.io.DataInput in, java.util.function.LongConsumer fingerprints)
      throws java.io.IOException {
    long n = in.readLong();
    if (size != 0 || n < 0 || n > (1L << 56)) {
      throw new IllegalStateException("implausible parent log of " + n + " states");
    }
    byte[] b = new byte[chunkSize * ENTRY_BYTES];
    ByteBuffer view = ByteBuffer.wrap(b);
    for (long i = 0; i < n; i += chunkSize) {
      int len = (int) Math.min(chunkSize, n - i);
      in.readFully(b, 0, len * ENTRY_BYTES);
      for (int k = 0; k < len; k++) {
        long fp = view.getLong(k * ENTRY_BYTES);
        append(fp, view.getLong(k * ENTRY_BYTES + 8));
        fingerprints.accept(fp);
      }
    }
  }
}
