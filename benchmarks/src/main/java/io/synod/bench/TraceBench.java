package io.synod.bench;

import io.synod.conformance.trace.TraceReport;
import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceValidator;
import io.synod.sim.Protocols;
import io.synod.sim.SimConfig;
import io.synod.sim.record.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The acceptance gate of {@code synod trace validate}: traces of the correct Raft, Paxos and 2PC
 * implementations over many seeds, every fault on, each validated against its spec through the
 * mapping in {@code specs/}. Prints one line per protocol (accepted/runs, events, time, events/s,
 * largest candidate set) and the report of every rejected trace; exits 1 if any was rejected.
 * Usage: {@code TraceBench SPECS_DIR [--seeds N] [--ops N]}.
 */
public final class TraceBench {
  private TraceBench() {}

  public static void main(String[] args) throws Exception {
    Path specs = Path.of(args.length > 0 ? args[0] : "specs");
    int seeds = 50;
    int ops = 100;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--ops" -> ops = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    boolean allAccepted = true;
    Path tmp = Files.createTempDirectory("synod-trace-bench");
    System.out.printf(Locale.ROOT, "%-8s %10s %9s %9s %10s %10s%n", "protocol", "accepted", "events",
        "time s", "events/s", "max cands");
    for (String[] p : new String[][] {{"raft", "raft", "3"}, {"paxos", "paxos", "3"}, {"2pc", "twophase", "4"}}) {
      TraceValidator v = TraceValidator.of(specs.resolve(p[1]).resolve("trace.yaml"));
      int accepted = 0;
      long events = 0;
      long nanos = 0;
      int maxCands = 0;
      for (long seed = 1; seed <= seeds; seed++) {
        Path dir = tmp.resolve(p[0] + "-" + seed);
        Files.createDirectories(dir);
        RunRecorder.run(Protocols.byName(p[0]).orElseThrow(), SimConfig.of(seed, Integer.parseInt(p[2]), 4, ops),
            dir, s -> { });
        TraceResult r = v.validate(List.of(dir.resolve(RunRecorder.TRACE)));
        events += r.events();
        nanos += r.nanos();
        maxCands = Math.max(maxCands, r.maxCandidates());
        if (r.accepted()) {
          accepted++;
        } else {
          allAccepted = false;
          System.out.println(p[0] + " seed " + seed + ":\n" + TraceReport.text(r));
        }
        for (Path f : List.of(dir.resolve(RunRecorder.TRACE), dir.resolve(RunRecorder.HISTORY),
            dir.resolve(RunRecorder.SUMMARY))) {
          Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
      }
      double secs = nanos / 1e9;
      System.out.printf(Locale.ROOT, "%-8s %6d/%-3d %9d %9.2f %10.0f %10d%n", p[0], accepted, seeds, events,
          secs, events / secs, maxCands);
    }
    Files.deleteIfExists(tmp);
    System.exit(allAccepted ? 0 : 1);
  }
}
