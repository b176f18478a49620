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
 * What liveness checking costs once the JIT has compiled the checker: checks one model with its
 * temporal properties and without them (a second config) {@code runs} times each in this JVM,
 * alternating the two and the worker counts so that all see the same machine, and prints the
 * best check time of each, the liveness run split into the search (recording the behaviour
 * graph included) and the temporal check after it, and the ratio liveness / safety. A
 * whole-process run of a model checked in a fraction of a second mostly measures the JIT
 * compiling the code each run needs; this measures the engine.
 *
 * <p>Arguments: {@code SPEC LIVENESS_CONFIG SAFETY_CONFIG RUNS WORKERS...}; prints one summary
 * line per worker count prefixed with {@code warm:} for scripts.
 */
public final class WarmLiveness {
  private WarmLiveness() {}

  public static void main(String[] args) throws FrontendException {
    if (args.length < 5) {
      System.err.println("usage: WarmLiveness SPEC LIVENESS_CONFIG SAFETY_CONFIG RUNS WORKERS...");
      System.exit(2);
    }
    Path spec = Path.of(args[0]);
    SpecModel live = Checker.prepare(spec, Path.of(args[1]), List.of(), Output.NONE);
    SpecModel safe = Checker.prepare(spec, Path.of(args[2]), List.of(), Output.NONE);
    int runs = Integer.parseInt(args[3]);
    int[] workers = new int[args.length - 4];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = Integer.parseInt(args[4 + i]);
    }
    long[] bestSafe = new long[workers.length];
    long[] bestLive = new long[workers.length];
    long[] bestCheck = new long[workers.length];
    java.util.Arrays.fill(bestSafe, Long.MAX_VALUE);
    java.util.Arrays.fill(bestLive, Long.MAX_VALUE);
    java.util.Arrays.fill(bestCheck, Long.MAX_VALUE);
    for (int r = 1; r <= runs; r++) {
      for (int i = 0; i < workers.length; i++) {
        CheckOptions o = CheckOptions.defaults().withWorkers(workers[i]);
        CheckResult s = new ModelChecker(safe, o, new SearchListener() {}, Output.NONE).run();
        long[] temporal = {0};
        CheckResult l = new ModelChecker(live, o, new SearchListener() {
          @Override
          public void livenessChecked(long millis) {
            temporal[0] = millis;
          }
        }, Output.NONE).run();
        if (s.stats().distinct() != l.stats().distinct()) {
          throw new IllegalStateException("the two configs explore different state spaces ("
              + s.stats().distinct() + " and " + l.stats().distinct() + " distinct states)");
        }
        bestSafe[i] = Math.min(bestSafe[i], s.elapsedMillis());
        if (l.elapsedMillis() < bestLive[i]) {
          bestLive[i] = l.elapsedMillis();
          bestCheck[i] = temporal[0];
        }
        System.out.printf("run %d, %d worker(s): safety %,d ms, liveness %,d ms (temporal check %,d"
            + " ms; %s)%n", r, workers[i], s.elapsedMillis(), l.elapsedMillis(), temporal[0],
            l.verdict().label());
      }
    }
    for (int i = 0; i < workers.length; i++) {
      System.out.printf("warm: workers=%d safety=%d liveness=%d search=%d temporal=%d ratio=%.2f%n",
          workers[i], bestSafe[i], bestLive[i], bestLive[i] - bestCheck[i], bestCheck[i],
          (double) bestLive[i] / Math.max(1, bestSafe[i]));
    }
  }
}
