package io.synod.sim.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.TestRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paxos under every fault on many seeds: at most one value chosen per slot (checked on the
 * acceptors' state after every step), learners agree, histories linearizable; each bug
 * switch is caught.
 */
class PaxosSimTest {
  private final PaxosProtocol paxos = new PaxosProtocol();

  @Test
  void correctPaxosSurvivesEveryFaultOnManySeeds() {
    long ok = 0;
    for (long seed = 1; seed <= 80; seed++) {
      SimResult r = TestRuns.run(paxos, SimConfig.of(seed, seed % 2 == 0 ? 3 : 5, 4, 80));
      assertEquals(List.of(), TestRuns.problems(r, true), "seed " + seed);
      ok += r.stats().ok;
    }
    assertTrue(ok > 80 * 30, "most operations should succeed, got " + ok);
  }

  @Test
  void withoutFaultsEveryOperationSucceeds() {
    SimResult r = TestRuns.run(paxos, SimConfig.of(7, 5, 4, 200).withFaults(java.util.EnumSet.noneOf(io.synod.sim.Fault.class)));
    assertEquals(List.of(), TestRuns.problems(r, true));
    assertEquals(0, r.stats().info, "no timeouts without faults");
  }

  private List<String> problemsWithBug(long seed, String bug) {
    return TestRuns.problems(TestRuns.run(paxos, TestRuns.bugConfig(seed, 3, 80, bug)), true);
  }

  @Test
  void acceptLowerBallotIsCaught() {
    List<String> p = problemsWithBug(1, PaxosProtocol.ACCEPT_LOWER_BALLOT);
    assertTrue(p.stream().anyMatch(s -> s.contains("two values chosen in slot")), p.toString());
    assertFalse(TestRuns.failingSeeds(paxos, s -> TestRuns.bugConfig(s, 5, 80, PaxosProtocol.ACCEPT_LOWER_BALLOT), 1, 5, true).isEmpty());
  }

  @Test
  void ignoreAcceptedValueIsCaught() {
    List<String> p = problemsWithBug(1, PaxosProtocol.IGNORE_ACCEPTED_VALUE);
    assertTrue(p.stream().anyMatch(s -> s.contains("two values chosen in slot")), p.toString());
    assertFalse(TestRuns.failingSeeds(paxos, s -> TestRuns.bugConfig(s, 5, 80, PaxosProtocol.IGNORE_ACCEPTED_VALUE), 1, 5, true).isEmpty());
  }
}
