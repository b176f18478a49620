package io.synod.sim.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.sim.SimConfig;
import io.synod.sim.SimResult;
import io.synod.sim.TestRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftSimTest {
  private final RaftProtocol raft = new RaftProtocol();

  @Test
  void correctRaftSurvivesEveryFaultOnManySeeds() {
    long ok = 0;
    for (long seed = 1; seed <= 60; seed++) {
      SimResult r = TestRuns.run(raft, SimConfig.of(seed, seed % 2 == 0 ? 3 : 5, 4, 80));
      List<String> problems = TestRuns.problems(r, true);
      assertEquals(List.of(), problems, "seed " + seed);
      ok += r.stats().ok;
    }
    assertTrue(ok > 60 * 20, "most operations should succeed, got " + ok);
  }
}
