package io.synod.bench;

import io.synod.checker.Checker;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpecModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Worker scaling of the search with the JIT warmed up: checks one model {@code runs} times in
 * this JVM at each worker count, alternating the counts so that both see the same machine, and
 * prints each run's search time and the best per worker count. A whole-process run of a model
 * that takes a second or two is dominated by the JIT compiling the evaluator, which competes
 * with the second worker for the second core; this measures what the engine itself scales to.
 *
 * <p>Arguments: {@code SPEC CONFIG RUNS WORKERS...}; prints one summary line per worker count
 * prefixed with {@code scaling:} for scripts.
 */
public final class WarmScaling {
  private WarmScaling() {}

  public static void main(String[] args) throws FrontendException {
    if (args.length < 4) {
      System.err.println("usage: WarmScaling SPEC CONFIG RUNS WORKERS...");
      System.exit(2);
    }
    Path spec = Path.of(args[0]);
    Path config = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    int[] workers = new int[args.length - 3];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = Integer.parseInt(args[3 + i]);
    }
    SpecModel model = Checker.prepare(spec, config, List.of(), Output.NONE);
    long[] best = new long[workers.length];
    long distinct = 0;
    for (int r = 1; r <= runs; r++) {
      for (int i = 0; i < workers.length; i++) {
        CheckResult result = new ModelChecker(model, CheckOptions.defaults().withWorkers(workers[i]),
            new SearchListener() {}, Output.NONE).run();
        long ms = result.elapsedMillis();
        distinct = result.stats().distinct();
        best[i] = r == 1 ? ms : Math.min(best[i], ms);
        System.out.printf("run %d, %d worker(s): %,d ms (%s, %,d distinct states)%n",
            r, workers[i], ms, result.verdict().label(), distinct);
      }
    }
    for (int i = 0; i < workers.length; i++) {
      System.out.printf("scaling: workers=%d best=%d ms states/s=%.0f speedup=%.2f%n", workers[i],
          best[i], distinct * 1000.0 / Math.max(1, best[i]), (double) best[0] / Math.max(1, best[i]));
    }
  }
}
