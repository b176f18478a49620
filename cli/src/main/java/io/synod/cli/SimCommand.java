package io.synod.cli;

import io.synod.conformance.history.HistoryReaders;
import io.synod.conformance.lin.LinChecker;
import io.synod.conformance.lin.LinOptions;
import io.synod.conformance.lin.LinResult;
import io.synod.conformance.lin.Models;
import io.synod.conformance.lin.TextReport;
import io.synod.conformance.lin.Verdict;
import io.synod.cluster.ClusterException;
import io.synod.cluster.SeedRun;
import io.synod.cluster.SeedSweep;
import io.synod.cluster.SweepTally;
import io.synod.sim.Fault;
import io.synod.sim.record.HistoryWriter;
import java.io.StringWriter;
import java.time.Duration;
import io.synod.sim.Protocol;
import io.synod.sim.Protocols;
import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.Simulation;
import io.synod.sim.Stats;
import io.synod.sim.record.RunRecorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synod sim}: run a protocol implementation on the deterministic simulated network. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Run Raft, Paxos or two-phase commit on a simulated network with faults.",
      "Checks the protocol's invariants after every step and records the",
      "implementation trace and the client history. The same seed and options",
      "give byte-identical output.",
      "",
      "For raft and paxos the client history is also checked for linearizability",
      "(per key, cas-register model, nil = absent key), as 'synod lin --strict-nil' would.",
      "",
      "With --seeds A..B, a sweep: every seed from A to B (on this machine, or on a",
      "cluster with --cluster / --local-members), one line per failing seed, stopping",
      "after --max-failures of them; the same failing seeds wherever it runs.",
      "",
      "Exit codes: 0 invariants held and history linearizable (every seed of a sweep),",
      "12 an invariant was violated or the history is not linearizable, 2 usage error,",
      "153 the --out files cannot be written or the cluster cannot be used."
    })
public final class SimCommand implements Callable<Integer> {
  static final int SAFETY_VIOLATION = ExitCodes.of(io.synod.checker.engine.Verdict.INVARIANT);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROTOCOL", description = "raft, paxos or 2pc")
  String protocol;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the run (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--nodes", paramLabel = "N",
      description = "Cluster size; for 2pc one transaction manager plus N-1 resource managers (default: ${DEFAULT-VALUE}).")
  int nodes = 3;

  @Option(names = "--clients", paramLabel = "C", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients = 4;

  @Option(names = "--ops", paramLabel = "N", description = "Operations to issue in total (default: ${DEFAULT-VALUE}).")
  int ops = 200;

  @Option(names = "--keys", paramLabel = "K", description = "Distinct keys for raft and paxos (default: ${DEFAULT-VALUE}).")
  int keys = 3;

  @Option(names = "--faults", paramLabel = "LIST",
      description = "Comma-separated faults: partition, crash, drop, dup, reorder, or all / none (default: ${DEFAULT-VALUE}).")
  String faults = "all";

  @Option(names = "--bug", paramLabel = "NAME",
      description = {"Turn on a bug switch (repeatable).",
          "raft: stale-read, commit-previous-term, forget-vote",
          "paxos: accept-lower-ballot, ignore-accepted-value",
          "2pc: commit-without-all-votes, abort-after-prepared"})
  List<String> bugs = new ArrayList<>();

  @Option(names = "--max-time", paramLabel = "SECONDS",
      description = "Stop after this much simulated time, in seconds (default: ${DEFAULT-VALUE}).")
  double maxTime = 120;

  @Option(names = "--no-lin", description = "Skip the linearizability check of the client history.")
  boolean noLin;

  @Option(names = "--lin-max-configs", paramLabel = "N",
      description = "Budget of the history's linearizability check: most configurations one key may remember"
          + " before the answer is 'undecided' (exit 3). Default: derived from the heap size, as synod lin's.")
  long linMaxConfigs;

  @Option(names = "--seeds", paramLabel = "A..B",
      description = "Sweep: run every seed from A to B (e.g. 1..500) and report the failing ones.")
  String seeds;

  @Option(names = "--max-failures", paramLabel = "K", defaultValue = "10",
      description = "Sweep: stop after the first K failing seeds (0: run every seed; default: ${DEFAULT-VALUE}).")
  int maxFailures;

  @Option(names = "--cluster", paramLabel = "HOST[:PORT],...",
      description = "Sweep on the cluster of `synod cluster member` processes at these addresses"
          + " (same failing seeds as on one machine).")
  String cluster;

  @Option(names = "--local-members", paramLabel = "N",
      description = "Sweep on N cluster members started as separate JVMs on this machine.")
  Integer localMembers;

  @Option(names = "--member-heap", paramLabel = "SIZE",
      description = "With --local-members: each member's maximum heap (java -Xmx), e.g. 512m.")
  String memberHeap;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write trace.ndjson, history.edn and summary.json here (default: no files).")
  Path out;

  @Option(names = "--events",
      description = "With --out: also write events.ndjson, the trace in plain JSON (sets and sequences as arrays,"
          + " per-node maps as objects), as trace specs written for TLC read it (specs/raft/RaftTrace.tla).")
  boolean events;

  @Override
  public Integer call() {
    Protocol<?> p = Protocols.byName(protocol.toLowerCase(Locale.ROOT)).orElseThrow(() -> usage(
        "unknown protocol '" + protocol + "' (expected one of " + String.join(", ", Protocols.names()) + ")"));
    SimConfig cfg = config(p);
    if (linMaxConfigs < 0) {
      throw usage("--lin-max-configs must not be negative, got " + linMaxConfigs);
    }
    ClusterRun on = ClusterRun.of(cluster, localMembers, memberHeap, CheckCommand.version(), null, 0);
    if (seeds != null) {
      return sweep(p, cfg, on);
    }
    if (on != null || maxFailures != 10) {
      throw usage((on != null ? (cluster != null ? "--cluster" : "--local-members") : "--max-failures")
          + " applies to a sweep only: give --seeds A..B");
    }
    if (out != null && java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw usage("--out " + out + " exists and is not a directory");
    }
    if (events && out == null) {
      throw usage("--events needs --out DIR");
    }
    PrintWriter err = spec.commandLine().getErr();
    Consumer<Stats> progress = System.console() != null ? new ProgressBar(err, ops) : s -> {};
    long wall = System.nanoTime();
    SimResult r;
    try {
      r = out == null ? new Simulation<>(p, cfg, null).onProgress(progress).run()
          : RunRecorder.run(p, cfg, out, progress, events);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(out, e);
    }
    if (progress instanceof ProgressBar bar) {
      bar.clear();
    }
    wall = System.nanoTime() - wall;
    PrintWriter o = spec.commandLine().getOut();
    print(o, r, wall);
    LinResult lin = noLin || !KV_PROTOCOLS.contains(r.protocol()) || r.history().isEmpty()
        ? null : linearizability(r, linMaxConfigs);
    if (lin != null) {
      o.println("history      " + switch (lin.verdict()) {
        case VALID -> "linearizable";
        case INVALID -> "NOT linearizable:";
        case UNKNOWN -> UNDECIDED;
      });
      if (lin.verdict() == Verdict.INVALID) {
        o.print(new TextReport(false).briefFailure(lin));
      }
      o.flush();
    }
    return runExit(!r.violations().isEmpty(), lin == null ? null : lin.verdict());
  }

  /**
   * A single run's exit code: a violated invariant or a history shown not linearizable is TLC's
   * invariant code; a history the search could not decide is no evidence of success (3).
   */
  static int runExit(boolean invariantViolated, Verdict lin) {
    if (invariantViolated || lin == Verdict.INVALID) {
      return SAFETY_VIOLATION;
    }
    return lin == Verdict.UNKNOWN ? ExitCodes.of(ExitCodes.Answer.UNKNOWN)
        : ExitCodes.of(io.synod.checker.engine.Verdict.SUCCESS);
  }

  /**
   * A sweep's exit code from the reasons of the seeds it listed, in seed order: undecided seeds
   * stop a sweep as failing ones do, but only a seed shown to be wrong makes it a violation.
   */
  static int sweepExit(List<String> reasons) {
    if (reasons.isEmpty()) {
      return ExitCodes.of(io.synod.checker.engine.Verdict.SUCCESS);
    }
    return reasons.stream().allMatch(UNDECIDED::equals) ? ExitCodes.of(ExitCodes.Answer.UNKNOWN) : SAFETY_VIOLATION;
  }

  /**
   * {@code --seeds A..B}: every seed on this machine, one after another, or on the cluster; the
   * same failing seeds in the same order either way (a {@link SweepTally} orders the results).
   */
  private int sweep(Protocol<?> p, SimConfig cfg, ClusterRun on) {
    long[] range = seedRange(seeds);
    if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
      throw usage("--seed and --seeds exclude each other: give one");
    }
    if (out != null) {
      throw usage("--out records one run: rerun a failing seed with --seed S --out DIR");
    }
    if (maxFailures < 0) {
      throw usage("--max-failures must not be negative, got " + maxFailures);
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    o.printf("synod sim %s sweep: seeds %d..%d, %d nodes, %d clients, %d ops, %s%s%n", p.name(), range[0], range[1],
        cfg.nodes(), cfg.clients(), cfg.ops(), faultsAndBugs(cfg), on == null ? "" : ", on a cluster");
    o.flush();
    List<String> reasons = new ArrayList<>();
    SweepTally tally = new SweepTally(range[0], range[1], maxFailures, (seed, failure) -> {
      if (failure != null) {
        reasons.add(failure);
        o.printf("seed %-8d %s: %s%n", seed, failure.equals(UNDECIDED) ? "UNDECIDED" : "FAILED", failure);
        o.flush();
      }
    });
    OneSeed run = OneSeed.of(p.name(), cfg, noLin, linMaxConfigs);
    long wall = System.nanoTime();
    if (on == null) {
      for (long s = range[0]; !tally.finished(); s++) {
        tally.add(s, run.run(s));
      }
    } else {
      on.onCluster(client -> {
        try {
          new SeedSweep(client).withNotices(line -> {
            err.println(line);
            err.flush();
          }).run(run, range[0], range[1], tally);
        } catch (ClusterException e) {
          throw new UserError(e.getMessage(), 153);
        }
        return null;
      });
    }
    wall = System.nanoTime() - wall;
    List<Long> failing = tally.failingSeeds();
    long ran = tally.lastSeed() - range[0] + 1;
    o.printf(Locale.ROOT, "sweep        %d seeds run (%d..%d) in %.1f s wall, %d failing%s%s%n", ran, range[0],
        tally.lastSeed(), wall / 1e9, failing.size(),
        failing.isEmpty() ? "" : ": " + String.join(", ", failing.stream().map(String::valueOf).toList()),
        maxFailures > 0 && failing.size() == maxFailures && tally.lastSeed() < range[1]
            ? " (stopped at the first " + maxFailures + ", --max-failures)" : "");
    o.flush();
    return sweepExit(reasons);
  }

  /** A seed's reason when the linearizability search ran out of budget before a verdict. */
  static final String UNDECIDED = "linearizability unknown (search budget exhausted)";

  private static long[] seedRange(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(-?[0-9]+)\\s*\\.\\.\\s*(-?[0-9]+)\\s*")
        .matcher(text);
    if (!m.matches()) {
      throw usage("--seeds expects a range A..B such as 1..100, got '" + text + "'");
    }
    long a;
    long b;
    try {
      a = Long.parseLong(m.group(1));
      b = Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      throw usage("--seeds '" + text + "': a seed does not fit in 64 bits");
    }
    if (a > b) {
      throw usage("--seeds '" + text + "': the first seed is greater than the last");
    }
    return new long[] {a, b};
  }

  /**
   * One seed of a sweep with the command's other settings, on this machine or on a cluster
   * member: null when it passes, else the first reason it fails (the single run's verdict).
   */
  record OneSeed(String protocol, int nodes, int clients, int ops, int keys, EnumSet<Fault> faults,
      ArrayList<String> bugs, long maxTimeNanos, boolean noLin, long linMaxConfigs) implements SeedRun {
    /** SimConfig is not serializable: its settings travel one by one. */
    static OneSeed of(String protocol, SimConfig c, boolean noLin, long linMaxConfigs) {
      return new OneSeed(protocol, c.nodes(), c.clients(), c.ops(), c.keys(), EnumSet.copyOf(c.faults()),
          new ArrayList<>(c.bugs()), c.maxTimeNanos(), noLin, linMaxConfigs);
    }

    @Override
    public String run(long seed) {
      SimConfig config = new SimConfig(seed, nodes, clients, ops, keys, faults, new LinkedHashSet<>(bugs),
          maxTimeNanos, false);
      SimResult r = new Simulation<>(Protocols.byName(protocol).orElseThrow(), config, null).run();
      if (!r.violations().isEmpty()) {
        return "invariant violated: " + r.violations().get(0);
      }
      LinResult lin = noLin || !KV_PROTOCOLS.contains(r.protocol()) || r.history().isEmpty()
          ? null : linearizability(r, linMaxConfigs);
      if (lin == null || lin.verdict() == Verdict.VALID) {
        return null;
      }
      return lin.verdict() == Verdict.INVALID ? "history not linearizable" : UNDECIDED;
    }
  }

  private static final Set<String> KV_PROTOCOLS = Set.of("raft", "paxos");

  /** The recorded history through the same reader and search as `synod lin`. */
  private static LinResult linearizability(SimResult r, long maxConfigs) {
    StringWriter edn = new StringWriter();
    try {
      HistoryWriter.write(r.history(), edn);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var history = HistoryReaders.parse("history.edn", edn.toString(), false);
    var checker = new LinChecker(LinOptions.defaults().withTimeout(Duration.ofSeconds(60))
        .withMaxConfigs(maxConfigs));
    return checker.check(history, Models.create("cas-register", null, false, true));
  }

  private SimConfig config(Protocol<?> p) {
    if (nodes < p.minNodes() || nodes > 64) {
      throw usage("--nodes must be between " + p.minNodes() + " and 64 for " + p.name() + ", got " + nodes);
    }
    if (clients < 1 || clients > 1000) {
      throw usage("--clients must be between 1 and 1000, got " + clients);
    }
    if (ops < 0) {
      throw usage("--ops must not be negative, got " + ops);
    }
    if (keys < 1) {
      throw usage("--keys must be at least 1, got " + keys);
    }
    if (!(maxTime > 0) || maxTime > 1e9) {
      throw usage("--max-time must be a positive number of seconds, got " + maxTime);
    }
    EnumSet<Fault> f;
    try {
      f = Fault.parseList(faults);
    } catch (IllegalArgumentException e) {
      throw usage("--faults: " + e.getMessage());
    }
    Set<String> b = new LinkedHashSet<>();
    for (String bug : bugs) {
      if (!p.bugNames().contains(bug)) {
        throw usage("--bug: unknown bug '" + bug + "' for " + p.name() + " (expected one of "
            + String.join(", ", p.bugNames()) + ")");
      }
      b.add(bug);
    }
    return new SimConfig(seed, nodes, clients, ops, keys, f, b, (long) (maxTime * 1e9), false);
  }

  private static UserError usage(String message) {
    return new UserError(message, ExitCodes.USAGE);
  }

  private void print(PrintWriter o, SimResult r, long wallNanos) {
    Stats s = r.stats();
    SimConfig c = r.config();
    o.printf("synod sim %s: seed %d, %d nodes, %d clients, %d ops, %s%n", r.protocol(), c.seed(),
        c.nodes(), c.clients(), c.ops(), faultsAndBugs(c));
    o.printf("operations   %d invoked: %d ok, %d fail, %d info%n", s.invoked, s.ok, s.fail, s.info);
    List<String> inj = new ArrayList<>();
    for (Fault f : Fault.values()) {
      inj.add(f.cliName() + " " + s.faults.getOrDefault(f, 0L));
    }
    o.printf("faults       %s%n", String.join(", ", inj));
    if (r.protocol().equals("raft")) {
      o.printf("leaders      %d leader changes%n", s.leaderChanges);
    }
    o.printf("messages     %d sent, %d delivered, %d dropped, %d duplicated%n", s.sent, s.delivered, s.dropped,
        s.duplicated);
    double simSec = s.simulatedNanos / 1e9;
    double wallSec = wallNanos / 1e9;
    o.printf(Locale.ROOT, "time         %.3f s simulated, %.3f s wall, %d steps (%.0f messages/s wall)%n", simSec,
        wallSec, s.steps, wallSec > 0 ? s.delivered / wallSec : 0.0);
    if (r.violations().isEmpty()) {
      o.println("invariants   held after every step");
    } else {
      o.printf("invariants   VIOLATED (%d):%n", r.violations().size());
      for (String v : r.violations().subList(0, Math.min(5, r.violations().size()))) {
        o.println("  " + v);
      }
    }
    if (out != null) {
      o.printf("output       %s, %s, %s%n", out.resolve(RunRecorder.TRACE), out.resolve(RunRecorder.HISTORY),
          out.resolve(RunRecorder.SUMMARY));
    }
    o.flush();
  }

  private static String faultsAndBugs(SimConfig c) {
    List<String> fl = new ArrayList<>();
    for (Fault f : c.faults()) {
      fl.add(f.cliName());
    }
    return "faults " + (fl.isEmpty() ? "none" : String.join(",", fl)) + ", bugs "
        + (c.bugs().isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(c.bugs())));
  }

  /** A one-line bar on a terminal's stderr, redrawn in place. */
  private static final class ProgressBar implements Consumer<Stats> {
    private final PrintWriter err;
    private final int total;

    ProgressBar(PrintWriter err, int total) {
      this.err = err;
      this.total = Math.max(1, total);
    }

    @Override
    public void accept(Stats s) {
      long done = s.ok + s.fail + s.info;
      int width = 30;
      int filled = (int) Math.min(width, done * width / total);
      err.printf(Locale.ROOT, "\r[%s%s] %d/%d ops, %.1f s simulated", "#".repeat(filled), ".".repeat(width - filled),
          done, total, s.simulatedNanos / 1e9);
      err.flush();
    }

    void clear() {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }
}
