package io.synod.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.conformance.trace.TraceReport;
import io.synod.conformance.trace.TraceResult;
import io.synod.conformance.trace.TraceValidator;
import io.synod.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raft traces of synod sim against specs/raft/Raft.tla through specs/raft/trace.yaml. */
class RaftTraceTest {
  static TraceValidator validator;

  @BeforeAll
  static void load() throws Exception {
    validator = TraceValidator.of(TraceFixtures.specs().resolve("raft/trace.yaml"));
  }

  private static TraceResult rejected(Path trace) throws Exception {
    TraceResult r = TraceFixtures.validate(validator, trace);
    assertFalse(r.accepted(), "rejected");
    return r;
  }

  private static Path corrupt(Path dir, Path trace, java.util.function.UnaryOperator<List<String>> edit)
      throws Exception {
    List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(trace)));
    Path bad = dir.resolve("corrupt-" + System.nanoTime() + ".ndjson");
    Files.write(bad, lines);
    return bad;
  }

  @Test
  void correctRunsWithAllFaultsAreAccepted(@TempDir Path dir) throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      Path t = TraceFixtures.run(dir.resolve("s" + seed), "raft", seed, 3, 40);
      TraceResult r = TraceFixtures.validate(validator, t);
      assertTrue(r.accepted(), () -> TraceReport.text(r));
    }
  }

  @Test
  void oneFilePerNodeIsMergedByLamportClocks(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir.resolve("run"), "raft", 2, 3, 40);
    java.util.Map<String, List<String>> perNode = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(t)) {
      String node = line.replaceAll(".*?\"node\":\"([a-z0-9]+)\".*", "$1");
      perNode.computeIfAbsent(node, k -> new ArrayList<>()).add(line);
    }
    assertTrue(perNode.containsKey("net") && perNode.size() >= 4, perNode.keySet().toString());
    List<Path> files = new ArrayList<>();
    for (var en : perNode.entrySet()) {
      files.add(Files.write(dir.resolve(en.getKey() + ".ndjson"), en.getValue()));
    }
    java.util.Collections.reverse(files);
    TraceResult r = validator.validate(files);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertEquals(Files.readAllLines(t).size(), r.events());
  }

  @Test
  void commitPreviousTermIsRejectedAtTheCommit(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "raft",
        SimConfig.of(2, 3, 1, 300).withBugs(Set.of("commit-previous-term")));
    TraceResult r = rejected(t);
    assertEquals(280, r.rejection().event().index(), () -> TraceReport.text(r));
    assertEquals("AdvanceCommitIndex", r.rejection().event().action());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("Committable(i) # {}", m.name());
  }

  @Test
  void forgetVoteIsRejectedAtTheRestartThatLosesTheVote(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "raft", SimConfig.of(13, 3, 1, 300).withBugs(Set.of("forget-vote")));
    TraceResult r = rejected(t);
    assertEquals(169, r.rejection().event().index(), () -> TraceReport.text(r));
    assertEquals("Restart", r.rejection().event().action());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.VALUE, m.kind());
    assertEquals("votedFor", m.name());
  }

  @Test
  void staleReadsAreInvisibleToTheSpec(@TempDir Path dir) throws Exception {
    // the bug answers reads without a log entry: no event, so nothing for the spec to refuse
    // (the linearizability checker catches it on the history; see README)
    Path t = TraceFixtures.run(dir, "raft", 1, 3, 80, "stale-read");
    TraceResult r = TraceFixtures.validate(validator, t);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
  }

  @Test
  void aChangedTermIsRejectedAtItsLine(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "raft", 1, 3, 20);
    int line = TraceFixtures.lines(t, "Timeout").get(0);
    Path bad = corrupt(dir, t, l -> {
      l.set(line - 1, l.get(line - 1).replace("\"currentTerm\":1", "\"currentTerm\":2"));
      return l;
    });
    TraceResult r = rejected(bad);
    assertEquals(line, r.rejection().event().line(), () -> TraceReport.text(r));
    assertEquals(TraceResult.Kind.VALUE, r.rejection().mismatches().get(0).kind());
    assertEquals("currentTerm", r.rejection().mismatches().get(0).name());
  }

  @Test
  void aDroppedTimeoutIsRejectedAtTheNodesNextStep(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "raft", 1, 3, 20);
    List<String> orig = Files.readAllLines(t);
    int line = TraceFixtures.lines(t, "Timeout").get(0);
    String node = orig.get(line - 1).replaceAll(".*\"node\":\"(n\\d+)\".*", "$1");
    int next = -1;
    for (int i = line; i < orig.size(); i++) {
      if (orig.get(i).contains("\"node\":\"" + node + "\"")) {
        next = i + 1;
        break;
      }
    }
    Path bad = corrupt(dir, t, l -> {
      l.remove(line - 1);
      return l;
    });
    TraceResult r = rejected(bad);
    // one line earlier in the corrupted file
    assertEquals(next - 1, r.rejection().event().line(), () -> TraceReport.text(r));
  }

  @Test
  void aLeaderElectedBeforeItsDecidingVoteIsRejected(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "raft", 1, 3, 20);
    List<String> orig = Files.readAllLines(t);
    int leader = TraceFixtures.lines(t, "BecomeLeader").get(0);
    assertTrue(orig.get(leader - 2).startsWith("{\"action\":\"HandleRequestVoteResponse\""),
        "the deciding vote comes just before");
    Path bad = corrupt(dir, t, l -> {
      String a = l.get(leader - 2);
      l.set(leader - 2, l.get(leader - 1));
      l.set(leader - 1, a);
      return l;
    });
    TraceResult r = rejected(bad);
    assertEquals(leader - 1, r.rejection().event().line(), () -> TraceReport.text(r));
    assertEquals(TraceResult.Kind.CONJUNCT, r.rejection().mismatches().get(0).kind());
    assertEquals("votesGranted[i] \\in quorums", r.rejection().mismatches().get(0).name());
  }

  @Test
  void aMessageReceivedThatWasNeverSentIsRejected(@TempDir Path dir) throws Exception {
    Path t = TraceFixtures.run(dir, "raft", 1, 3, 20);
    int line = TraceFixtures.lines(t, "HandleAppendEntriesRequest").get(0);
    Path bad = corrupt(dir, t, l -> {
      l.set(line - 1, l.get(line - 1).replaceFirst("\"msg\":\\{\"mtype\":\"AppendEntriesRequest\",\"mterm\":(\\d+)",
          "\"msg\":{\"mtype\":\"AppendEntriesRequest\",\"mterm\":$17"));
      return l;
    });
    TraceResult r = rejected(bad);
    assertEquals(line, r.rejection().event().line(), () -> TraceReport.text(r));
    assertEquals(TraceResult.Kind.MESSAGE, r.rejection().mismatches().get(0).kind());
    assertEquals("messages", r.rejection().mismatches().get(0).name());
  }
}
