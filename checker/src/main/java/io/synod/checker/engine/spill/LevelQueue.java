package io.synod.checker.engine.spill;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The states of the level being expanded: the workers' segments concatenated in worker order,
 * handed out in chunks that never cross a segment (so each chunk reads one decoded segment).
 * Claims go in queue order, so with one worker states are expanded in exactly the order they
 * were found. Starting a segment prefetches the next one from disk.
 */
public final class LevelQueue implements AutoCloseable {
  /** States per claim: small enough to balance workers, large enough to keep claims rare. */
  public static final int CHUNK = 16;

  private final Segment[] segments;
  private final List<SpillFile> files;
  private final SpillContext ctx;
  private final long size;
  /** The next claim: segment index in the high 32 bits, offset in it in the low 32. */
  private final AtomicLong cursor = new AtomicLong();

  /** A claimed run of states: {@code segment}'s states {@code from} (inclusive) to {@code to}. */
  public static final class Claim {
    public Segment segment;
    public int from;
    public int to;
  }

  public LevelQueue(List<Segment> segments, List<SpillFile> files, SpillContext ctx) {
    this.segments = segments.toArray(new Segment[0]);
    this.files = List.copyOf(files);
    this.ctx = ctx;
    long total = 0;
    for (Segment s : this.segments) {
      total += s.size();
    }
    this.size = total;
  }

  /** An empty level. */
  public static LevelQueue empty(SpillContext ctx) {
    return new LevelQueue(List.of(), List.of(), ctx);
  }

  /** Number of states in the level. */
  public long size() {
    return size;
  }

  /** Claims the next chunk into {@code c}; false when the level is exhausted. */
  public boolean claim(Claim c) {
    while (true) {
      long cur = cursor.get();
      int si = (int) (cur >>> 32);
      if (si >= segments.length) {
        return false;
      }
      int off = (int) cur;
      Segment s = segments[si];
      int end = Math.min(s.size(), off + CHUNK);
      long next = end == s.size() ? (long) (si + 1) << 32 : ((long) si << 32) | end;
      if (cursor.compareAndSet(cur, next)) {
        c.segment = s;
        c.from = off;
        c.to = end;
        if (off == 0 && si + 1 < segments.length) {
          ctx.prefetch(segments[si + 1]);
        }
        return true;
      }
    }
  }

  /** Frees every segment and deletes the level's files. */
  @Override
  public void close() {
    for (Segment s : segments) {
      s.release();
    }
    for (SpillFile f : files) {
      f.close();
    }
  }

  /** Whether every state has been claimed. */
  public boolean exhausted() {
    return (int) (cursor.get() >>> 32) >= segments.length;
  }

  /**
   * Shows the states not yet claimed, in queue order. Call only while no worker claims (all
   * claimed states are then expanded).
   */
  public void forEachUnclaimed(StateVisitor visitor) {
    long cur = cursor.get();
    int off = (int) cur;
    for (int si = (int) (cur >>> 32); si < segments.length; si++) {
      segments[si].forEachState(off, visitor);
      off = 0;
    }
  }
}
