package io.synod.checker.engine.spill;

import io.synod.checker.value.BinaryOut;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One worker's new states of the next level, in the order found, as segments. A full segment is
 * sealed and, when the {@link MemoryGovernor} says memory is short, encoded to this worker's
 * file for the level, together with the worker's earlier segments still on the heap. Used by its
 * worker only, and at the level barrier by the thread that builds the next {@link LevelQueue}.
 */
public final class NextLevelBuffer {
  /** How often (in sealed segments) the heap cost of a state is measured again. */
  private static final int SAMPLE_EVERY = 64;
  /**
   * States encoded per measurement. Few: states of one level are much alike, and encoding 64
   * made the JIT compile the codec with C2 in the middle of searches that never spill (0.12 s
   * of compiler time on raft-bench, taken from a worker when every core runs one).
   */
  private static final int SAMPLE_STATES = 8;

  private final int worker;
  private final SpillContext ctx;
  private final BinaryOut scratch = new BinaryOut(1 << 16);
  private final List<Segment> sealed = new ArrayList<>();
  private int firstOnHeap;
  private Value[][] states = new Value[64][];
  private long[] ids = new long[64];
  private int n;
  private long size;
  private SpillFile file;
  private final List<SpillFile> files = new ArrayList<>();
  private int fileSeq;
  private long bytesPerState = -1;
  private int seals;

  public NextLevelBuffer(int worker, SpillContext ctx) {
    this.worker = worker;
    this.ctx = ctx;
  }

  /** Appends a new state with its parent-log id. */
  public void add(Value[] s, long id) {
    if (n == states.length) {
      if (n == Segment.CAPACITY) {
        seal();
      } else {
        int cap = Math.min(Segment.CAPACITY, n * 2);
        states = Arrays.copyOf(states, cap);
        ids = Arrays.copyOf(ids, cap);
      }
    }
    states[n] = s;
    ids[n] = id;
    n++;
    size++;
  }

  /** States added since the last {@link #takeInto}. */
  public long size() {
    return size;
  }

  private void seal() {
    Segment seg = new Segment(ctx, states, ids, n);
    int slots = n > 0 ? states[0].length : 0;
    if (bytesPerState < 0 || seals++ % SAMPLE_EVERY == 0) {
      sample(slots);
    }
    states = new Value[Segment.CAPACITY][];
    ids = new long[Segment.CAPACITY];
    n = 0;
    long bytes = bytesPerState * seg.size();
    sealed.add(seg);
    if (ctx.enabled() && ctx.governor().spillQueue(bytes)) {
      spillHeapSegments();
    }
    if (!seg.onDisk()) {
      seg.keepOnHeap(bytes);
    }
  }

  /**
   * Estimates the heap bytes of one queued state from the encoded size of a few: a value
   * object takes several times its encoding (headers, references, cached fingerprints), plus
   * the state array and the segment's slots for it.
   */
  private void sample(int slots) {
    int k = Math.min(n, SAMPLE_STATES);
    scratch.reset();
    long encoded = SegmentCodec.encode(ctx.codec(), states, ids, k, scratch)
        ? scratch.length() / Math.max(1, k) : 64L * slots;
    bytesPerState = 12 + 16 + 4L * slots + 4 * encoded;
  }

  /** Moves this worker's sealed segments that are still on the heap to its file. */
  private void spillHeapSegments() {
    for (; firstOnHeap < sealed.size(); firstOnHeap++) {
      Segment s = sealed.get(firstOnHeap);
      if (file == null) {
        file = ctx.newFile("queue-w" + worker + "-" + fileSeq++);
        files.add(file);
      }
      s.spill(file, scratch);
    }
  }

  /**
   * Seals what is left and moves the segments (in order) to {@code segments} and the files that
   * hold them to {@code levelFiles}, leaving this buffer empty for the next level.
   */
  public void takeInto(List<Segment> segments, List<SpillFile> levelFiles) {
    if (n > 0) {
      seal();
    }
    segments.addAll(sealed);
    levelFiles.addAll(files);
    sealed.clear();
    files.clear();
    firstOnHeap = 0;
    file = null;
    size = 0;
    states = new Value[64][];
    ids = new long[64];
  }

  /** Shows the states added since the last {@link #takeInto}, in order (by their worker only). */
  public void forEach(StateVisitor visitor) {
    for (Segment seg : sealed) {
      seg.forEachState(0, visitor);
    }
    for (int k = 0; k < n; k++) {
      visitor.visit(states[k], ids[k]);
    }
  }
}
