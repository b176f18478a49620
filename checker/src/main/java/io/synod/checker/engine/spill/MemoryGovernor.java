package io.synod.checker.engine.spill;

import io.synod.checker.engine.SpillMode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when memory is short, for one check. Two signals, either suffices in {@link
 * SpillMode#AUTO}: the estimated heap bytes of queued states (or of the parent logs of all
 * workers) exceed their budget, or the
 * heap that survived the most recent garbage collection exceeds {@value #HEAP_SHORT_PERCENT}%
 * of the maximum heap (what is live then cannot be freed by collecting, so more states on the
 * heap risk OutOfMemoryError whatever the estimate says). The GC figure is read at most every
 * {@value #SAMPLE_MILLIS} ms; reading it is cheap but not free.
 */
public final class MemoryGovernor {
  static final int HEAP_SHORT_PERCENT = 50;
  private static final long SAMPLE_MILLIS = 50;

  private final SpillMode mode;
  private final long queueBudget;
  private final long logBudget;
  private final long maxHeap;
  private final AtomicLong queueBytes = new AtomicLong();
  private final AtomicLong logBytes = new AtomicLong();
  private final long graphBudget;
  private final AtomicLong graphBytes = new AtomicLong();
  private final List<com.sun.management.GarbageCollectorMXBean> collectors;
  private final Set<String> heapPools = new HashSet<>();
  private volatile long sampledAt = Long.MIN_VALUE;
  private volatile boolean heapShort;

  /**
   * @param mode the spill mode
   * @param queueBudgetBytes heap budget of queued states in AUTO mode; 0 for an eighth of the
   *     maximum heap (the parent logs get a sixteenth; the seen-set needs most of the rest)
   */
  public MemoryGovernor(SpillMode mode, long queueBudgetBytes) {
    this.mode = mode;
    long max = Runtime.getRuntime().maxMemory();
    this.maxHeap = max == Long.MAX_VALUE ? 0 : max;
    long dflt = maxHeap == 0 ? Long.MAX_VALUE : maxHeap / 8;
    this.queueBudget = queueBudgetBytes > 0 ? queueBudgetBytes : dflt;
    this.logBudget = maxHeap == 0 ? Long.MAX_VALUE : maxHeap / 16;
    this.graphBudget = maxHeap == 0 ? Long.MAX_VALUE : maxHeap / 8;
    this.collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(b -> b instanceof com.sun.management.GarbageCollectorMXBean)
        .map(b -> (com.sun.management.GarbageCollectorMXBean) b)
        .toList();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
  }

  /** Whether a full queue segment of about {@code bytes} heap bytes should go to disk. */
  public boolean spillQueue(long bytes) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> queueBytes.get() + bytes > queueBudget || heapShort();
    };
  }

  /** Whether the parent logs should move their full chunks to disk. */
  public boolean spillLog() {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> logBytes.get() > logBudget || heapShort();
    };
  }

  /**
   * Whether the behaviour graph recorded for the liveness check should move its full chunks to
   * disk (and keep its frozen edges in a mapped file): beyond an eighth of the heap, or when the
   * heap is short.
   */
  public boolean spillGraph() {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> graphBytes.get() > graphBudget || heapShort();
    };
  }

  /** Whether every spillable structure goes to disk at its first chance ({@code -spill always}). */
  public boolean forced() {
    return mode == SpillMode.ALWAYS;
  }

  /** Records behaviour-graph chunks allocated on (positive) or moved off (negative) the heap. */
  public void graphed(long bytes) {
    graphBytes.addAndGet(bytes);
  }

  /** Records parent-log chunks allocated on (positive) or moved off (negative) the heap. */
  public void logged(long bytes) {
    logBytes.addAndGet(bytes);
  }

  /** Records queued states kept on (positive) or leaving (negative) the heap. */
  public void queued(long bytes) {
    queueBytes.addAndGet(bytes);
  }

  /** Whether the heap live after the last collection is above the threshold. */
  public boolean heapShort() {
    if (maxHeap == 0) {
      return false;
    }
    long now = System.nanoTime() / 1_000_000;
    if (now - sampledAt >= SAMPLE_MILLIS) {
      sampledAt = now;
      heapShort = liveAfterLastGc() * 100 > maxHeap * HEAP_SHORT_PERCENT;
    }
    return heapShort;
  }

  private long liveAfterLastGc() {
    com.sun.management.GcInfo last = null;
    for (com.sun.management.GarbageCollectorMXBean c : collectors) {
      com.sun.management.GcInfo info = c.getLastGcInfo();
      if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
        last = info;
      }
    }
    if (last == null) {
      return 0;
    }
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : last.getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    return used;
  }
}
