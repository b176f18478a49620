package io.synod.checker.engine.spill;

import io.synod.checker.value.BinaryIn;
import io.synod.checker.value.BinaryOut;
import io.synod.checker.value.Value;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Up to {@link #CAPACITY} queued states of one level with their parent-log ids, on the heap or
 * encoded in a spill file. Filled and spilled by one worker; once its level is being expanded,
 * any worker may load it (decoding it at most once) and it releases its arrays when every state
 * in it has been expanded.
 */
public final class Segment {
  public static final int CAPACITY = 4096;

  private final SpillContext ctx;
  private final int size;
  private final AtomicInteger remaining;
  private Value[][] states;
  private long[] ids;
  /** Estimated heap bytes while counted as queued on the heap, else 0. */
  private long heapBytes;
  private SpillFile file;
  private long offset;
  private int length;
  private boolean released;

  Segment(SpillContext ctx, Value[][] states, long[] ids, int size) {
    this.ctx = ctx;
    this.states = states;
    this.ids = ids;
    this.size = size;
    this.remaining = new AtomicInteger(size);
  }

  public int size() {
    return size;
  }

  /** Counts this segment as {@code bytes} of queued heap until it spills or is released. */
  synchronized void keepOnHeap(long bytes) {
    heapBytes = bytes;
    ctx.governor().queued(bytes);
  }

  synchronized boolean onDisk() {
    return file != null && states == null && !released;
  }

  /**
   * Encodes the states to {@code f} and drops them from the heap; false (leaving them on the
   * heap) if a state holds a value the codec does not write. Returns the bytes written, or -1.
   */
  synchronized long spill(SpillFile f, BinaryOut scratch) {
    if (states == null) {
      return -1;
    }
    scratch.reset();
    if (!SegmentCodec.encode(ctx.codec(), states, ids, size, scratch)) {
      return -1;
    }
    offset = f.append(scratch.array(), scratch.length());
    length = scratch.length();
    file = f;
    states = null;
    ids = null;
    ctx.governor().queued(-heapBytes);
    heapBytes = 0;
    return length;
  }

  /** The states (decoded from disk on first use); slots of expanded states may be null. */
  public synchronized Value[][] states() {
    if (states == null) {
      load();
    }
    return states;
  }

  /** The parent-log ids of the states (after {@link #states()}). */
  public synchronized long[] ids() {
    if (ids == null) {
      load();
    }
    return ids;
  }

  private void load() {
    if (released || file == null) {
      throw new IllegalStateException("segment read after it was released");
    }
    byte[] b = new byte[length];
    file.read(offset, ByteBuffer.wrap(b));
    Value[][] s = new Value[size][];
    long[] i = new long[size];
    SegmentCodec.decode(ctx.codec(), new BinaryIn(b, 0, length), size, s, i);
    states = s;
    ids = i;
  }

  /** Decodes ahead of use; failures are left for the worker to meet (and report). */
  void prefetch() {
    try {
      synchronized (this) {
        if (!released && states == null) {
          load();
        }
      }
    } catch (RuntimeException e) {
      // The worker that needs the segment loads it again and reports the error.
    }
  }

  /** Marks {@code n} states as expanded; the last frees the arrays. */
  public void expanded(int n) {
    if (remaining.addAndGet(-n) == 0) {
      release();
    }
  }

  /** Frees the states whether or not they were expanded (the level ended or the search stopped). */
  synchronized void release() {
    released = true;
    states = null;
    ids = null;
    ctx.governor().queued(-heapBytes);
    heapBytes = 0;
  }

  /**
   * Shows the states from index {@code from} on to {@code visitor}, decoding them from disk into
   * arrays of its own when they are not on the heap (a checkpoint reads the whole queue and must
   * not bring a spilled one back into memory).
   */
  void forEachState(int from, StateVisitor visitor) {
    Value[][] s;
    long[] i;
    synchronized (this) {
      if (released) {
        throw new IllegalStateException("segment read after it was released");
      }
      s = states;
      i = ids;
      if (s == null) {
        byte[] b = new byte[length];
        file.read(offset, ByteBuffer.wrap(b));
        s = new Value[size][];
        i = new long[size];
        SegmentCodec.decode(ctx.codec(), new BinaryIn(b, 0, length), size, s, i);
      }
    }
    for (int k = from; k < size; k++) {
      visitor.visit(s[k], i[k]);
    }
  }
}
