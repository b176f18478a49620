package io.synod.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.trace.TraceReport;
import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-Paxos traces of synod sim, slot by slot, against specs/paxos/Paxos.tla (trace.yaml). */
class PaxosTraceTest {
  static TraceValidator validator;

  @BeforeAll
  static void load() throws Exception {
    validator = TraceValidator.of(TraceFixtures.specs().resolve("paxos/trace.yaml"));
  }

  @Test
  void correctRunsWithAllFaultsAreAccepted(@TempDir Path dir) throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      Path t = TraceFixtures.run(dir.resolve("s" + seed), "paxos", seed, 3, 30);
      TraceResult r = TraceFixtures.validate(validator, t);
      assertTrue(r.accepted(), () -> TraceReport.text(r));
      assertTrue(r.partitions() > 1, "one part per slot");
    }
  }

  @Test
  void acceptLowerBallotIsRejectedAtTheVote(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "paxos", 1, 3, 80, "accept-lower-ballot");
    TraceResult r = TraceFixtures.validate(validator, t);
    assertFalse(r.accepted());
    assertEquals(34, r.rejection().event().index(), () -> TraceReport.text(r));
    assertEquals("Phase2b", r.rejection().event().action());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("m.bal >= maxBal[a]", m.name());
  }

  @Test
  void ignoreAcceptedValueIsRejectedAtTheProposal(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "paxos", 1, 3, 80, "ignore-accepted-value");
    TraceResult r = TraceFixtures.validate(validator, t);
    assertFalse(r.accepted());
    assertEquals(77, r.rejection().event().index(), () -> TraceReport.text(r));
    assertEquals("Phase2a", r.rejection().event().action());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("m.mval = v", m.name());
  }
}
