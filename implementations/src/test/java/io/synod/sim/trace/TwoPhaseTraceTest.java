package io.synod.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.trace.TraceReport;
import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2PC traces of synod sim against specs/twophase/TwoPhase.tla through specs/twophase/trace.yaml. */
class TwoPhaseTraceTest {
  static TraceValidator validator;

  @BeforeAll
  static void load() throws Exception {
    validator = TraceValidator.of(TraceFixtures.specs().resolve("twophase/trace.yaml"));
  }

  @Test
  void correctRunsWithAllFaultsAreAccepted(@TempDir Path dir) throws Exception {
    for (long seed = 1; seed <= 8; seed++) {
      Path t = TraceFixtures.run(dir.resolve("s" + seed), "2pc", seed, 4, 40);
      TraceResult r = TraceFixtures.validate(validator, t);
      assertTrue(r.accepted(), () -> TraceReport.text(r));
      assertTrue(r.partitions() > 1, "one part per transaction");
    }
  }

  @Test
  void commitWithoutAllVotesIsRejectedAtTheCommit(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "2pc", 1, 3, 80, "commit-without-all-votes");
    TraceResult r = TraceFixtures.validate(validator, t);
    assertFalse(r.accepted());
    assertEquals(18, r.rejection().event().index(), () -> TraceReport.text(r));
    assertEquals("TMCommit", r.rejection().event().action());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("tmPrepared = RM", m.name());
  }

  @Test
  void abortAfterPreparedIsRejectedAtTheAbort(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "2pc", 1, 3, 80, "abort-after-prepared");
    TraceResult r = TraceFixtures.validate(validator, t);
    assertFalse(r.accepted());
    assertEquals(290, r.rejection().event().index(), () -> TraceReport.text(r));
    assertEquals("RMChooseToAbort", r.rejection().event().action());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("rmState[r] = \"working\"", m.name());
  }

  @Test
  void aCommitSwappedBeforeTheLastVoteIsRejectedThere(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "2pc", 1, 3, 20);
    List<String> lines = new ArrayList<>(Files.readAllLines(t));
    int commit = TraceFixtures.lines(t, "TMCommit").get(0);
    // the TM's commit follows the vote that completed tmPrepared: swap the two
    int vote = commit - 1;
    assertTrue(lines.get(vote - 1).startsWith("{\"action\":\"TMRcvPrepared\""));
    String c = lines.get(commit - 1);
    lines.set(commit - 1, lines.get(vote - 1));
    lines.set(vote - 1, c);
    Path bad = dir.resolve("swapped.ndjson");
    Files.write(bad, lines);
    TraceResult r = TraceFixtures.validate(validator, bad);
    assertFalse(r.accepted());
    assertEquals(vote, r.rejection().event().line(), () -> TraceReport.text(r));
    assertEquals("tmPrepared = RM", r.rejection().mismatches().get(0).name());
  }

  @Test
  void aDroppedPrepareMakesItsVoteAMessageNeverSent(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "2pc", 1, 3, 20);
    List<String> lines = new ArrayList<>(Files.readAllLines(t));
    int prepare = TraceFixtures.lines(t, "RMPrepare").get(0);
    String removed = lines.remove(prepare - 1);
    String txn = removed.replaceAll(".*\"txn\":(\\d+).*", "$1");
    String rm = removed.replaceAll(".*\"node\":\"(rm\\d+)\".*", "$1");
    // the first receipt by the TM of that vote, now never sent
    int expected = -1;
    for (int i = prepare - 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("{\"action\":\"TMRcvPrepared\"") && l.contains("\"txn\":" + txn + ",")
          && l.contains("\"msg\":{\"type\":\"Prepared\",\"txn\":" + txn + ",\"rm\":\"" + rm + "\"")) {
        expected = i + 1;
        break;
      }
    }
    assertTrue(expected > 0, "the vote is received");
    Path bad = dir.resolve("dropped.ndjson");
    Files.write(bad, lines);
    TraceResult r = TraceFixtures.validate(validator, bad);
    assertFalse(r.accepted());
    assertEquals(expected, r.rejection().event().line(), () -> TraceReport.text(r));
    assertEquals(TraceResult.Kind.MESSAGE, r.rejection().mismatches().get(0).kind());
    assertEquals("msgs", r.rejection().mismatches().get(0).name());
  }

  @Test
  void aChangedLoggedValueIsRejectedAtItsLine(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "2pc", 1, 3, 20);
    List<String> lines = new ArrayList<>(Files.readAllLines(t));
    int prepare = TraceFixtures.lines(t, "RMPrepare").get(0);
    lines.set(prepare - 1, lines.get(prepare - 1).replace("\"rmState\":\"prepared\"", "\"rmState\":\"committed\""));
    Path bad = dir.resolve("changed.ndjson");
    Files.write(bad, lines);
    TraceResult r = TraceFixtures.validate(validator, bad);
    assertFalse(r.accepted());
    assertEquals(prepare, r.rejection().event().line(), () -> TraceReport.text(r));
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.VALUE, m.kind());
    assertEquals("rmState", m.name());
    assertTrue(r.rejection().prefixItf().contains("\"states\""), "the matched prefix is an ITF trace");
  }
}
