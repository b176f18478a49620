package io.synod.sim.twophase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.sim.HistoryEvent;
import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.Simulation;
import io.synod.sim.TestRuns;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two-phase commit under every fault: atomicity holds on the nodes' state after every step,
 * and what clients were told agrees with what the resource managers did (read back from the
 * recorded trace). Each bug switch is caught.
 */
class TwoPhaseSimTest {
  private final TwoPhaseProtocol tpc = new TwoPhaseProtocol();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void correctTwoPhaseCommitKeepsAtomicityOnManySeeds() throws Exception {
    long committed = 0;
    long aborted = 0;
    for (long seed = 1; seed <= 60; seed++) {
      StringWriter trace = new StringWriter();
      SimResult r = new Simulation<>(tpc, SimConfig.of(seed, seed % 2 == 0 ? 3 : 4, 4, 60), trace).run();
      assertEquals(List.of(), r.violations(), "seed " + seed);
      assertEquals(List.of(), outcomeMismatches(r, trace.toString()), "seed " + seed);
      committed += r.stats().ok;
      aborted += r.stats().fail;
    }
    assertTrue(committed > 60 * 15, "transactions should commit, got " + committed);
    assertTrue(aborted > 60, "some transactions should abort, got " + aborted);
  }

  /** Clients told :commit must see no RM abort, clients told :abort no RM commit. */
  private List<String> outcomeMismatches(SimResult r, String trace) throws Exception {
    Map<Long, Set<String>> rmFinal = new HashMap<>();
    for (String line : trace.split("\n")) {
      JsonNode ev = json.readTree(line);
      JsonNode state = ev.path("vars").path("rmState");
      if (state.isTextual() && (state.asText().equals("committed") || state.asText().equals("aborted"))) {
        rmFinal.computeIfAbsent(ev.get("txn").asLong(), k -> new HashSet<>()).add(state.asText());
      }
    }
    List<String> out = new ArrayList<>();
    for (HistoryEvent e : r.history()) {
      Set<String> seen = rmFinal.getOrDefault(e.op().value(), Set.of());
      if (e.type() == HistoryEvent.Type.OK && seen.contains("aborted")) {
        out.add("txn " + e.op().value() + " reported committed but an RM aborted");
      }
      if (e.type() == HistoryEvent.Type.FAIL && seen.contains("committed")) {
        out.add("txn " + e.op().value() + " reported aborted but an RM committed");
      }
    }
    return out;
  }

  @Test
  void commitWithoutAllVotesIsCaught() {
    List<String> p = TestRuns.problems(TestRuns.run(tpc, TestRuns.bugConfig(1, 3, 80, TwoPhaseProtocol.COMMIT_WITHOUT_ALL_VOTES)), false);
    assertTrue(p.stream().anyMatch(s -> s.contains("atomicity: ")), p.toString());
    assertFalse(TestRuns.failingSeeds(tpc, s -> TestRuns.bugConfig(s, 5, 80, TwoPhaseProtocol.COMMIT_WITHOUT_ALL_VOTES), 1, 5, false).isEmpty());
  }

  @Test
  void abortAfterPreparedIsCaught() {
    List<String> p = TestRuns.problems(TestRuns.run(tpc, TestRuns.bugConfig(2, 3, 80, TwoPhaseProtocol.ABORT_AFTER_PREPARED)), false);
    assertTrue(p.stream().anyMatch(s -> s.contains("atomicity: ")), p.toString());
    assertFalse(TestRuns.failingSeeds(tpc, s -> TestRuns.bugConfig(s, 5, 80, TwoPhaseProtocol.ABORT_AFTER_PREPARED), 1, 5, false).isEmpty());
  }
}
