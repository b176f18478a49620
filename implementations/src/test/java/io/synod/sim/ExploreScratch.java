package io.synod.sim;

import io.synod.sim.raft.RaftProtocol;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExploreScratch {
  @Test
  void explore() {
    RaftProtocol p = new RaftProtocol();
    SimResult r = TestRuns.run(p, SimConfig.of(1, 5, 4, 200));
    Stats s = r.stats();
    System.out.println("ok=" + s.ok + " fail=" + s.fail + " info=" + s.info + " sent=" + s.sent + " leaders=" + s.leaderChanges + " time=" + s.simulatedNanos / 1e9 + " faults=" + s.faults);
    for (String bug : p.bugNames()) {
      for (int nodes : new int[] {3, 5}) {
        int found = 0;
        StringBuilder seeds = new StringBuilder();
        for (long seed = 1; seed <= 200 && found < 5; seed++) {
          SimResult rr = TestRuns.run(p, SimConfig.of(seed, nodes, 4, 80).withBugs(Set.of(bug)));
          var probs = TestRuns.problems(rr, true);
          if (!probs.isEmpty()) {
            found++;
            seeds.append(seed).append(' ');
            if (found == 1) System.out.println(bug + " n=" + nodes + " seed " + seed + ": " + probs.get(0));
          }
        }
        System.out.println(bug + " n=" + nodes + " failing seeds: " + seeds);
      }
    }
  }
}
