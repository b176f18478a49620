package io.synod.sim;

import io.synod.sim.paxos.PaxosProtocol;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExploreScratch {
  @Test
  void explore() {
    PaxosProtocol p = new PaxosProtocol();
    for (long seed = 1; seed <= 3; seed++) {
    SimResult r = TestRuns.run(p, SimConfig.of(seed, 5, 4, 200));
    Stats s = r.stats();
    System.out.println("ok=" + s.ok + " fail=" + s.fail + " info=" + s.info + " sent=" + s.sent + " time=" + s.simulatedNanos / 1e9 + " faults=" + s.faults + " " + TestRuns.problems(r, true));
    }
    int bad = 0;
    long t0 = System.nanoTime();
    for (long seed = 1; seed <= 100; seed++) {
      SimResult r = TestRuns.run(p, SimConfig.of(seed, seed % 2 == 0 ? 3 : 5, 4, 80));
      var probs = TestRuns.problems(r, true);
      if (!probs.isEmpty()) { bad++; System.out.println("CORRECT seed " + seed + " " + probs); }
    }
    System.out.println("correct bad=" + bad + " in " + (System.nanoTime() - t0) / 1e9);
    for (String bug : p.bugNames()) {
      for (String faults : new String[] {"all", "none"}) {
      for (int nodes : new int[] {3, 5}) {
        int found = 0;
        StringBuilder seeds = new StringBuilder();
        for (long seed = 1; seed <= 100 && found < 6; seed++) {
          SimResult rr = TestRuns.run(p, SimConfig.of(seed, nodes, 4, 80).withBugs(Set.of(bug)).withFaults(Fault.parseList(faults)));
          var probs = TestRuns.problems(rr, true);
          if (!probs.isEmpty()) {
            found++;
            seeds.append(seed).append(' ');
            if (found == 1) System.out.println(bug + " " + faults + " n=" + nodes + " seed " + seed + ": " + probs.get(0));
          }
        }
        System.out.println(bug + " " + faults + " n=" + nodes + " failing seeds: " + seeds);
      }
      }
    }
  }
}
