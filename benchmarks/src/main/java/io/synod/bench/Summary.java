package io.synod.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the value-layer benchmarks ({@link ValuesBench}, {@link FpSetBench}) through JMH's
 * {@link Runner} and prints one throughput line per benchmark. Arguments: optional regular
 * expressions selecting benchmarks (default: both classes).
 */
public final class Summary {
  private Summary() {}

  public static void main(String[] args) throws RunnerException {
    OptionsBuilder ob = new OptionsBuilder();
    if (args.length == 0) {
      ob.include(ValuesBench.class.getSimpleName()).include(FpSetBench.class.getSimpleName());
    } else {
      for (String a : args) {
        ob.include(a);
      }
    }
    Options opts = ob.verbosity(VerboseMode.SILENT).build();
    Collection<RunResult> results = new Runner(opts).run();
    System.out.println();
    System.out.println("Synod value-layer benchmarks (higher is better)");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      for (String key : r.getParams().getParamsKeys()) {
        name += " " + key + "=" + r.getParams().getParam(key);
      }
      double score = r.getPrimaryResult().getScore();
      double err = r.getPrimaryResult().getScoreError();
      String unit = r.getPrimaryResult().getScoreUnit();
      if (unit.startsWith("ns/")) {
        int threads = r.getParams().getThreads();
        double perSec = threads * 1e9 / score;
        System.out.printf("  %-45s %,15.0f inserts/s  (%d thread%s, %.1f ns/insert/thread)%n",
            name, perSec, threads, threads == 1 ? "" : "s", score);
      } else {
        System.out.printf("  %-45s %,15.0f ops/s  (+- %,.0f)%n", name, score, Double.isNaN(err) ? 0 : err);
      }
    }
  }
}
