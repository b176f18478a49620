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
  private final SpillDirectory dir;
  private final ExecutorService prefetcher;

  private SpillContext(MemoryGovernor governor, SpillDirectory dir) {
    this.governor = governor;
    this.dir = dir;
    this.prefetcher = dir == null ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "synod-prefetch");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Sets up spilling for one check; the directory is made at once (under {@code metaDir}, null
   * for the temp dir) so that an unusable place is reported before the search, not hours in.
   */
  public static SpillContext create(SpillMode mode, long queueBudgetBytes, Path metaDir) {
    SpillDirectory d = mode == SpillMode.NEVER ? null : SpillDirectory.create(metaDir);
    return new SpillContext(new MemoryGovernor(mode, queueBudgetBytes), d);
  }

  public MemoryGovernor governor() {
    return governor;
  }

  ValueCodec codec() {
    return codec;
  }

  /** Whether files can be written at all. */
  public boolean enabled() {
    return dir != null;
  }

  /** A new spill file (only when {@link #enabled}). */
  public SpillFile newFile(String name) {
    return dir.newFile(name);
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
    return dir == null ? 0 : dir.bytesWritten();
  }

  /** The spill directory, or null without spilling. */
  public Path directory() {
    return dir == null ? null : dir.path();
  }

  /** Stops the prefetch thread and deletes the spill directory. */
  @Override
  public void close() {
    if (prefetcher != null) {
      prefetcher.shutdownNow();
    }
    if (dir != null) {
      dir.close();
    }
  }
}
