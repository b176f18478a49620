package io.synod.cli.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the models of a manifest and judges each run. Results come back in manifest order
 * whatever the parallelism, so reports are stable.
 */
public final class Gate {
  private final ModelRunner runner;
  private final int parallel;

  /** @param parallel how many models run at once (at least 1) */
  public Gate(ModelRunner runner, int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1");
    }
    this.runner = runner;
    this.parallel = parallel;
  }

  /**
   * Runs every entry not marked {@code waiting}.
   *
   * @param progress told about each result as it is known (in manifest order)
   */
  public List<GateResult> run(List<GateEntry> entries, Consumer<GateResult> progress)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
      // the stack of the command's own thread: evaluation recursion follows the spec
      Thread t = new Thread(null, r, "synod-gate", 1L << 30);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<GateResult>> futures = new ArrayList<>();
      for (GateEntry e : entries) {
        futures.add(pool.submit(() -> e.waiting() != null
            ? new GateResult(e, null, List.of())
            : Verdicts.judge(e, runner.run(e))));
      }
      List<GateResult> results = new ArrayList<>();
      for (Future<GateResult> f : futures) {
        GateResult r;
        try {
          r = f.get();
        } catch (ExecutionException ex) {
          // A runner is meant to turn every problem into a result; if one escapes anyway,
          // fail loudly rather than drop the model from the report.
          throw new IllegalStateException("model runner failed", ex.getCause());
        }
        results.add(r);
        progress.accept(r);
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
