package io.synod.checker.engine;

/**
 * The checkpoints of one search: writes them when the search pauses, tells the listener (TLC's
 * lines), and after a failure writes no more (the previous checkpoint stays usable and the search
 * goes on); recovers the search from one.
 */
final class Checkpoints {
  private final CheckpointSettings settings;
  private final SpecModel model;
  private final SearchListener listener;
  private final long seed;
  private boolean failed;
  private int written;

  Checkpoints(CheckpointSettings settings, SpecModel model, SearchListener listener, long seed) {
    this.settings = settings;
    this.model = model;
    this.listener = listener;
    this.seed = seed;
  }

  CheckpointSettings settings() {
    return settings;
  }

  /** How many checkpoints were written. */
  int written() {
    return written;
  }

  void write(BfsSearch search) {
    if (failed || !settings.writes()) {
      return;
    }
    listener.checkpointStarted(settings.dir());
    try {
      CheckpointFile.Written w =
          CheckpointFile.write(settings.dir(), settings.identity(), seed, model, search);
      written++;
      listener.checkpointDone(settings.dir(), search.stats(), w.bytes(), w.millis());
    } catch (CheckpointException e) {
      failed = true;
      listener.checkpointFailed(settings.dir(), e.getMessage());
    }
  }

  /** @throws CheckpointException when the checkpoint cannot be used */
  void recover(BfsSearch search) {
    listener.recoveryStarted(settings.recoverFrom());
    long t0 = System.nanoTime();
    CheckpointFile.restore(settings.recoverFrom(), settings.identity(), model, search);
    SearchStats s = search.stats();
    listener.recoveryDone(s.distinct(), s.queue(), (System.nanoTime() - t0) / 1_000_000);
  }
}
