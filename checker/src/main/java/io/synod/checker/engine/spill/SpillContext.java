package io.synod.checker.engine.spill;

import io.synod.checker.engine.SpillMode;
import io.synod.checker.value.ValueCodec;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What one check needs to spill: the memory governor, the value codec, the spill directory and
 * a prefetch thread that decodes the next spilled segment while the workers expand the current
 * one. Without spilling ({@link SpillMode#NEVER}) there is no directory and no thread.
 */
public final class SpillContext implements AutoCloseable {
  private final MemoryGovernor governor;
  private final ValueCodec codec = new ValueCodec();
  private final boolean enabled;
  private final Path metaDir;
  private SpillDirectory dir;
  private boolean closed;
  private final ExecutorService prefetcher;

  private SpillContext(MemoryGovernor governor, boolean enabled, Path metaDir, SpillDirectory dir) {
    this.governor = governor;
    this.enabled = enabled;
    this.metaDir = metaDir;
    this.dir = dir;
    this.prefetcher = !enabled ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "synod-prefetch");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Sets up spilling for one check. The directory is made under {@code metaDir} (null for the
   * temp dir): at once when the place was chosen ({@code metaDir} given) or spilling is forced,
   * so that an unusable place is reported before the search, not hours in; otherwise only when
   * the first file is needed, so that checks that fit in memory never touch the disk.
   */
  public static SpillContext create(SpillMode mode, long queueBudgetBytes, Path metaDir) {
    boolean enabled = mode != SpillMode.NEVER;
    boolean eager = enabled && (metaDir != null || mode == SpillMode.ALWAYS);
    SpillDirectory d = eager ? SpillDirectory.create(metaDir) : null;
    return new SpillContext(new MemoryGovernor(mode, queueBudgetBytes), enabled, metaDir, d);
  }

  public MemoryGovernor governor() {
    return governor;
  }

  ValueCodec codec() {
    return codec;
  }

  /** Whether files may be written at all. */
  public boolean enabled() {
    return enabled;
  }

  /** A new spill file (only when {@link #enabled}); makes the directory on first use. */
  public SpillFile newFile(String name) {
    return spillDirectory(true).newFile(name);
  }

  private synchronized SpillDirectory spillDirectory(boolean make) {
    if (dir == null && make) {
      if (closed) {
        throw new SpillException("the check's spill directory is already closed");
      }
      dir = SpillDirectory.create(metaDir);
    }
    return dir;
  }

  /** Decodes {@code s} in the background if it is on disk. */
  void prefetch(Segment s) {
    if (prefetcher != null && s.onDisk()) {
      try {
        prefetcher.execute(s::prefetch);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // Closing: the worker decodes the segment itself if it still needs it.
      }
    }
  }

  /** Bytes written to disk so far. */
  public long bytesSpilled() {
    SpillDirectory d = spillDirectory(false);
    return d == null ? 0 : d.bytesWritten();
  }

  /** The spill directory, or null while there is none. */
  public Path directory() {
    SpillDirectory d = spillDirectory(false);
    return d == null ? null : d.path();
  }

  /** Stops the prefetch thread and deletes the spill directory. */
  @Override
  public void close() {
    if (prefetcher != null) {
      prefetcher.shutdownNow();
    }
    SpillDirectory d;
    synchronized (this) {
      closed = true;
      d = dir;
    }
    if (d != null) {
      d.close();
    }
  }
}
