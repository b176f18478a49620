package io.synod.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.conformance.trace.TraceReport;
import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceSpecValidator;
import io.synod.sim.Protocols;
import io.synod.sim.SimConfig;
import io.synod.sim.record.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace specs of the repository in the style written for TLC (specs/raft/RaftTrace.tla,
 * specs/twophase/TwoPhaseTrace.tla) on the plain-JSON events of synod sim: correct runs are
 * accepted, and each bug switch the spec can see is rejected at the line where the
 * implementation leaves the spec (the lines the mapping path names too).
 */
class TraceSpecSimTest {

  static Path events(Path dir, String protocol, SimConfig cfg) throws Exception {
    RunRecorder.run(Protocols.byName(protocol).orElseThrow(), cfg, dir, s -> { }, true);
    return dir.resolve(RunRecorder.EVENTS);
  }

  static TraceSpecValidator validator(String spec) throws Exception {
    return TraceSpecValidator.of(TraceFixtures.specs().resolve(spec), null, TraceSpecValidator.Options.DEFAULT);
  }

  @Test
  void theEventsAreTheTraceInPlainJson(@TempDir Path dir) throws Exception {
    Path ev = events(dir, "raft", SimConfig.of(1, 3, 4, 30));
    List<String> itf = Files.readAllLines(dir.resolve(RunRecorder.TRACE));
    List<String> plain = Files.readAllLines(ev);
    assertEquals(itf.size(), plain.size());
    ObjectMapper m = new ObjectMapper();
    boolean sawSet = false;
    for (int i = 0; i < itf.size(); i++) {
      assertFalse(plain.get(i).contains("\"#"), plain.get(i));
      JsonNode a = m.readTree(itf.get(i));
      JsonNode b = m.readTree(plain.get(i));
      assertEquals(a.get("action"), b.get("action"));
      assertEquals(a.get("node"), b.get("node"));
      JsonNode votes = a.get("vars").get("votesGranted");
      if (votes != null) {
        sawSet = true;
        assertEquals(votes.get("#set"), b.get("vars").get("votesGranted"));
      }
      JsonNode next = a.get("vars").get("nextIndex");
      if (next != null) {
        for (JsonNode pair : next.get("#map")) {
          assertEquals(pair.get(1), b.get("vars").get("nextIndex").get(pair.get(0).asText()));
        }
      }
    }
    assertTrue(sawSet);
  }

  @Test
  void correctRaftRunsAreAccepted(@TempDir Path dir) throws Exception {
    TraceSpecValidator v = validator("raft/RaftTrace.tla");
    for (long seed = 1; seed <= 3; seed++) {
      Path ev = events(dir.resolve("s" + seed), "raft", SimConfig.of(seed, 3, 4, 40));
      TraceResult r = v.validate(ev);
      assertTrue(r.accepted(), () -> TraceReport.text(r));
      assertEquals(Files.readAllLines(ev).size(), r.events());
    }
  }

  @Test
  void raftCommittingAnEntryOfAnEarlierTermIsRejectedAtThatStep(@TempDir Path dir) throws Exception {
    Path ev = events(dir, "raft", SimConfig.of(2, 3, 1, 300).withBugs(Set.of("commit-previous-term")));
    TraceResult r = validator("raft/RaftTrace.tla").validate(ev);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertEquals(281, r.rejection().event().line());
    assertTrue(r.rejection().event().json().get("action").asText().equals("AdvanceCommitIndex"));
    assertEquals("Committable(i) # {}", r.rejection().mismatches().get(0).name());
  }

  @Test
  void raftForgettingTheVoteOnRestartIsRejectedAtTheRestart(@TempDir Path dir) throws Exception {
    Path ev = events(dir, "raft", SimConfig.of(13, 3, 1, 300).withBugs(Set.of("forget-vote")));
    TraceResult r = validator("raft/RaftTrace.tla").validate(ev);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertEquals(170, r.rejection().event().line());
    assertTrue(r.rejection().mismatches().get(0).name().contains("votedFor'[i] = v.votedFor"),
        r.rejection().mismatches().get(0).text());
  }

  /** The transactions of a 2PC log. */
  static Set<Integer> txns(Path ev) throws Exception {
    Set<Integer> out = new TreeSet<>();
    ObjectMapper m = new ObjectMapper();
    for (String line : Files.readAllLines(ev)) {
      JsonNode t = m.readTree(line).get("txn");
      if (t != null) {
        out.add(t.asInt());
      }
    }
    return out;
  }

  static TraceResult twoPhase(Path ev, int txn) throws Exception {
    return TraceSpecValidator.of(TraceFixtures.specs().resolve("twophase/TwoPhaseTrace.tla"), null,
        TraceSpecValidator.Options.DEFAULT.withEnvironment("TXN", Integer.toString(txn))).validate(ev);
  }

  @Test
  void everyTransactionOfACorrectTwoPhaseRunIsAccepted(@TempDir Path dir) throws Exception {
    Path ev = events(dir, "2pc", SimConfig.of(1, 3, 4, 12));
    Set<Integer> txns = txns(ev);
    assertTrue(txns.size() >= 10, txns.toString());
    for (int t : txns) {
      TraceResult r = twoPhase(ev, t);
      assertTrue(r.accepted(), () -> "txn " + t + ": " + TraceReport.text(r));
    }
  }

  @Test
  void twoPhaseBugsAreRejectedAtTheLineOfTheirTransaction(@TempDir Path dir) throws Exception {
    Path ev = events(dir.resolve("votes"), "2pc",
        SimConfig.of(1, 3, 4, 80).withBugs(Set.of("commit-without-all-votes")));
    TraceResult r = twoPhase(ev, 1);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertEquals(19, r.rejection().event().line());
    assertEquals("tmPrepared = RM", r.rejection().mismatches().get(0).name());
    Path ev2 = events(dir.resolve("abort"), "2pc",
        SimConfig.of(1, 3, 4, 80).withBugs(Set.of("abort-after-prepared")));
    TraceResult r2 = twoPhase(ev2, 32);
    assertTrue(r2.rejected(), () -> TraceReport.text(r2));
    assertEquals(291, r2.rejection().event().line());
    assertEquals("rmState[r] = \"working\"", r2.rejection().mismatches().get(0).name());
  }
}
