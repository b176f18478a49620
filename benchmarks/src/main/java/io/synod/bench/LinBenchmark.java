package io.synod.bench;

import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryReaders;
import io.synod.conformance.history.OperationPairer;
import io.synod.conformance.lin.HardHistories;
import io.synod.conformance.lin.HistorySimulator;
import io.synod.conformance.lin.LinChecker;
import io.synod.conformance.lin.LinOptions;
import io.synod.conformance.lin.LinResult;
import io.synod.conformance.lin.Model;
import io.synod.conformance.lin.Models;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import us.bpsm.edn.Keyword;

/**
 * End-to-end figures for {@code synod lin}: operations per second and peak heap on simulated
 * histories (1k to 1M operations, 5 to 50 clients, one key or many), the Knossos histories
 * (whole folder and slowest history after warm-up), and an adversarial history that must end
 * in "unknown" within its budget rather than run out of memory. Prints, asserts nothing.
 *
 * <p>Usage: {@code LinBenchmark [--max-ops N] [--knossos DIR]}, or {@code LinBenchmark
 * --write-hard DIR [--seed S]} to write the generated hard histories (see {@link HardHistories}) for
 * {@code benchmarks/lin.sh} to time whole {@code synod lin} processes on.
 */
public final class LinBenchmark {
  private LinBenchmark() {}

  public static void main(String[] args) throws IOException {
    int maxOps = 1_000_000;
    Path knossos = Path.of("..", "shared", "histories", "knossos");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max-ops" -> maxOps = Integer.parseInt(args[++i]);
        case "--knossos" -> knossos = Path.of(args[++i]);
        case "--write-hard" -> {
          Path dir = Path.of(args[++i]);
          writeHard(dir, i + 2 < args.length && args[i + 1].equals("--seed") ? Long.parseLong(args[i + 2]) : 1);
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.printf("synod lin benchmark: %d processors, max heap %d MB, Java %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    warmUp();
    simulated(maxOps);
    if (Files.isDirectory(knossos)) {
      knossosFolder(knossos);
    } else {
      System.out.println("\n(no Knossos histories at " + knossos + ": skipped)");
    }
    adversarial();
    System.out.printf("%nprocess peak resident memory (VmHWM): %s%n", vmHwm());
  }

  /**
   * Writes the hard histories, one file each, and {@code cases.txt}: one line per file with
   * its name, clients, keys and the {@code synod lin} model arguments.
   */
  private static void writeHard(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    StringBuilder index = new StringBuilder();
    for (boolean bad : new boolean[] {false, true}) {
      String name = "a-kv-50c-10keys-2000-" + (bad ? "bad" : "ok") + ".edn";
      Files.writeString(dir.resolve(name), HistorySimulator.toEdn(HardHistories.kvAppend(50, 10, 2000, bad, seed)));
      index.append(name).append(" 50 10 kv\n");
    }
    for (int ops : new int[] {1000, 10_000}) {
      for (boolean bad : new boolean[] {false, true}) {
        String name = "b-cas-50c-1key-" + ops + "-" + (bad ? "bad" : "ok") + ".edn";
        Files.writeString(dir.resolve(name), HistorySimulator.toEdn(HardHistories.register(50, ops, bad, seed)));
        index.append(name).append(" 50 1 cas-register --init 0\n");
      }
    }
    Files.writeString(dir.resolve("cases.txt"), index);
  }

  private static Model<?> casRegister() {
    return Models.create("cas-register", null, false, false);
  }

  private static void warmUp() {
    for (int i = 0; i < 5; i++) {
      check(simulate(20_000, 10, 1 + i % 2 * 20, i), LinOptions.defaults());
    }
  }

  private static History simulate(int ops, int clients, int keys, long seed) {
    var cfg = new HistorySimulator.Config(ops, clients, keys, 0.002, 0.05, 0.5, seed);
    return new OperationPairer().pair("sim", HistorySimulator.simulate(cfg));
  }

  private record Run(LinResult result, long nanos, long peakHeap) {}

  private static Run check(History h, LinOptions options) {
    resetPeaks();
    long t0 = System.nanoTime();
    LinResult r = new LinChecker(options).check(h, casRegister());
    long nanos = System.nanoTime() - t0;
    return new Run(r, nanos, peakHeap());
  }

  private static void simulated(int maxOps) {
    System.out.println("\nSimulated correct cas-register stores (reads 50%, fail 5%, crash 0.2%), 1 run each:");
    System.out.printf("%9s %8s %6s %9s %12s %12s %10s %s%n",
        "ops", "clients", "keys", "verdict", "ops/s", "configs", "time ms", "peak heap MB");
    for (int ops = 1_000; ops <= maxOps; ops *= 10) {
      for (int clients : new int[] {5, 50}) {
        for (int keys : new int[] {1, 1000}) {
          if (ops >= 1_000_000 && clients == 50 && keys == 1) {
            // Unknown after the budget at 10k already; skip the slowest row.
            System.out.printf("%9d %8d %6d %9s%n", ops, clients, 1, "skipped");
            continue;
          }
          int k = Math.min(keys, Math.max(1, ops / 100));
          History h = simulate(ops, clients, k, ops + clients + k);
          Run run = check(h, LinOptions.defaults().withTimeout(Duration.ofSeconds(30)));
          System.out.printf("%9d %8d %6d %9s %12.0f %12d %10.1f %d%n",
              h.operations().size(), clients, run.result().partitionCount(),
              run.result().verdict().name().toLowerCase(), h.operations().size() / (run.nanos() / 1e9),
              run.result().configs(), run.nanos() / 1e6, run.peakHeap() >> 20);
        }
      }
    }
  }

  private record Case(Path file, Model<?> model) {}

  private static void knossosFolder(Path dir) throws IOException {
    List<Case> cases = new ArrayList<>();
    Model<?> cas = Models.create("cas-register", 0L, true, false);
    Model<?> multi = Models.create("multi-register",
        Map.of(Keyword.newKeyword("x"), 0L, Keyword.newKeyword("y"), 0L), true, false);
    Model<?> mutex = Models.create("mutex", null, false, false);
    for (String sub : List.of("cas-register/good", "cas-register/bad", "multi-register/good", "mutex/bad")) {
      Model<?> m = sub.startsWith("cas") ? cas : sub.startsWith("multi") ? multi : mutex;
      try (Stream<Path> s = Files.list(dir.resolve(sub))) {
        s.sorted().forEach(f -> cases.add(new Case(f, m)));
      }
    }
    System.out.printf("%nKnossos histories (%d files), read + check, in this JVM:%n", cases.size());
    for (int round = 1; round <= 4; round++) {
      long t0 = System.nanoTime();
      long slowest = 0;
      String slowestName = "";
      int valid = 0;
      for (Case c : cases) {
        long s = System.nanoTime();
        History h = HistoryReaders.read(c.file());
        LinResult r = new LinChecker(LinOptions.defaults()).check(h, c.model());
        long took = System.nanoTime() - s;
        valid += r.verdict() == io.synod.conformance.lin.Verdict.VALID ? 1 : 0;
        if (took > slowest) {
          slowest = took;
          slowestName = c.file().getFileName().toString();
        }
      }
      System.out.printf("  round %d%s: whole folder %.0f ms, slowest history %s %.1f ms, %d valid, %d invalid%n",
          round, round == 1 ? " (cold)" : "", (System.nanoTime() - t0) / 1e6, slowestName, slowest / 1e6,
          valid, cases.size() - valid);
    }
  }

  private static void adversarial() {
    int n = 40;
    // n concurrent writes, each read by a concurrent reader (so none is unobservable), and a
    // read of a value nobody wrote
    StringBuilder sb = new StringBuilder("{:process 999, :type :invoke, :f :read, :value nil}\n");
    for (int i = 0; i < n; i++) {
      sb.append("{:process ").append(i).append(", :type :invoke, :f :write, :value ").append(i).append("}\n");
      sb.append("{:process ").append(n + i).append(", :type :invoke, :f :read, :value nil}\n");
    }
    sb.append("{:process 999, :type :ok, :f :read, :value -1}\n");
    for (int i = 0; i < n; i++) {
      sb.append("{:process ").append(i).append(", :type :ok, :f :write, :value ").append(i).append("}\n");
      sb.append("{:process ").append(n + i).append(", :type :ok, :f :read, :value ").append(i).append("}\n");
    }
    History h = HistoryReaders.parse("adversarial.edn", sb.toString(), false);
    System.out.printf("%nAdversarial: %d concurrent writes and an impossible read (2^%d subsets):%n", n, n);
    for (LinOptions o : List.of(
        LinOptions.defaults().withTimeout(Duration.ofSeconds(10)),
        LinOptions.defaults().withMaxConfigs(2_000_000))) {
      Run run = check(h, o);
      System.out.printf("  %s: %s after %.1f s, %d configs, peak heap %d MB%n",
          o.maxConfigs() > 0 ? "--max-configs 2000000" : "--timeout 10s (default memory budget)",
          run.result().verdict().name().toLowerCase(), run.nanos() / 1e9, run.result().configs(),
          run.peakHeap() >> 20);
      System.out.println("    " + run.result().partitions().get(0).unknownReason());
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peaks since the last reset: an upper bound of the peak heap. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String vmHwm() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.substring(6).trim();
        }
      }
    } catch (IOException e) {
      return "unavailable (" + e.getMessage() + ")";
    }
    return "unavailable";
  }
}
