package io.synod.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.conformance.history.HistoryReaders;
import io.synod.conformance.lin.LinChecker;
import io.synod.conformance.lin.LinOptions;
import io.synod.conformance.lin.Models;
import io.synod.conformance.lin.Verdict;
import io.synod.sim.paxos.PaxosProtocol;
import io.synod.sim.raft.RaftProtocol;
import io.synod.sim.record.HistoryWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The recorded kv histories go through the real `synod lin` machinery (EDN text, reader,
 * per-key cas-register search), and its verdict must agree with the simulator tests' own
 * small checker, on correct runs and on runs with the stale-read bug. Two independent checkers
 * agreeing is what makes either believable. A read of an absent key returns nil in these
 * stores, so nil is a real value here ({@code --strict-nil}), not Knossos's unknown read.
 */
class LinCrossCheckTest {
  private final LinChecker checker =
      new LinChecker(LinOptions.defaults().withThreads(1).withTimeout(Duration.ofSeconds(60)));

  private Verdict linVerdict(SimResult r) throws IOException {
    StringWriter edn = new StringWriter();
    HistoryWriter.write(r.history(), edn);
    var history = HistoryReaders.parse("history.edn", edn.toString(), false);
    return checker.check(history, Models.create("cas-register", null, false, true)).verdict();
  }

  private static Verdict ownVerdict(SimResult r) {
    return RegisterLinearizability.check(r.history()) == null ? Verdict.VALID : Verdict.INVALID;
  }

  @Test
  void correctRaftHistoriesAreLinearizable() throws IOException {
    for (long seed = 1; seed <= 25; seed++) {
      SimResult r = TestRuns.run(new RaftProtocol(), SimConfig.of(seed, 3, 4, 80));
      assertEquals(Verdict.VALID, linVerdict(r), "raft seed " + seed);
    }
  }

  @Test
  void correctPaxosHistoriesAreLinearizable() throws IOException {
    for (long seed = 1; seed <= 25; seed++) {
      SimResult r = TestRuns.run(new PaxosProtocol(), SimConfig.of(seed, 3, 4, 80));
      assertEquals(Verdict.VALID, linVerdict(r), "paxos seed " + seed);
    }
  }

  @Test
  void staleReadIsCaughtBySynodLinAndBothCheckersAgree() throws IOException {
    int caught = 0;
    for (long seed = 1; seed <= 10; seed++) {
      SimResult r = TestRuns.run(new RaftProtocol(), TestRuns.bugConfig(seed, 3, 80, RaftProtocol.STALE_READ));
      Verdict v = linVerdict(r);
      assertEquals(ownVerdict(r), v, "seed " + seed + ": the two checkers disagree");
      if (v == Verdict.INVALID) {
        caught++;
      }
    }
    // Seed 1 is pinned by RaftSimTest; the sweep must find it too.
    assertEquals(Verdict.INVALID,
        linVerdict(TestRuns.run(new RaftProtocol(), TestRuns.bugConfig(1, 3, 80, RaftProtocol.STALE_READ))));
    org.junit.jupiter.api.Assertions.assertTrue(caught >= 1);
  }
}
