package io.synod.sim.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synod.sim.Input;
import io.synod.sim.Op;
import io.synod.sim.Ready;
import io.synod.sim.Result;
import io.synod.sim.raft.RaftMsg.AppendRequest;
import io.synod.sim.raft.RaftMsg.AppendResponse;
import io.synod.sim.raft.RaftMsg.VoteRequest;
import io.synod.sim.raft.RaftMsg.VoteResponse;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One Raft node stepped by hand: a message, a tick or a client request in, the {@link Ready}
 * (messages, journal records, client answers) and the node's state out. The expectations are
 * the rules of Figure 2 of the Raft paper ("In Search of an Understandable Consensus
 * Algorithm") and of section 5.4.2 (Figure 8), not recordings of what the code did.
 */
class RaftNodeStepTest {
  private static final Op W1 = new Op(1, Op.Kind.WRITE, 0, 10, 0);
  private static final Op W2 = new Op(2, Op.Kind.WRITE, 0, 20, 0);
  private static final Op W3 = new Op(3, Op.Kind.WRITE, 1, 30, 0);
  private static final int CLIENT = 7;

  private static RaftNode node(int id, int n, RaftDisk... journal) {
    return new RaftNode(id, n, List.of(journal), new SplittableRandom(id + 1), Set.of());
  }

  private static Ready<RaftMsg> step(RaftNode node, Input<RaftMsg> in) {
    Ready<RaftMsg> out = new Ready<>(false);
    node.step(in, out);
    return out;
  }

  private static Ready<RaftMsg> receive(RaftNode node, int from, RaftMsg msg) {
    return step(node, new Input.Receive<>(from, msg));
  }

  private static Ready<RaftMsg> tick(RaftNode node) {
    return step(node, new Input.Tick<>());
  }

  /** Ticks until the election timeout fires (at most the longest timeout); its step's output. */
  private static Ready<RaftMsg> timeOut(RaftNode node) {
    for (int t = 0; t < RaftNode.ELECTION_MIN_TICKS + RaftNode.ELECTION_SPREAD_TICKS; t++) {
      Ready<RaftMsg> out = tick(node);
      if (node.role() != RaftNode.Role.FOLLOWER) {
        return out;
      }
    }
    return fail("no election timeout within the longest timeout");
  }

  /** Node 0 of {@code n}, made leader of the next term by the vote of node 1 (and 2 when n is 5). */
  private static RaftNode leader(int n, RaftDisk... journal) {
    RaftNode node = node(0, n, journal);
    timeOut(node);
    for (int j = 1; j <= n / 2; j++) {
      receive(node, j, new VoteResponse(node.currentTerm(), true));
    }
    assertEquals(RaftNode.Role.LEADER, node.role());
    return node;
  }

  private static <M> List<Integer> recipients(Ready<M> out) {
    return out.sends().stream().map(Ready.Send::to).sorted().toList();
  }

  private static RaftMsg only(Ready<RaftMsg> out, int to) {
    List<RaftMsg> msgs = out.sends().stream().filter(s -> s.to() == to).map(Ready.Send::msg).toList();
    assertEquals(1, msgs.size(), "messages to " + to + ": " + msgs);
    return msgs.get(0);
  }

  // ---- elections ------------------------------------------------------------------------

  @Test
  void aFollowerStaysQuietBeforeItsElectionTimeout() {
    RaftNode node = node(1, 3);
    for (int t = 1; t < RaftNode.ELECTION_MIN_TICKS; t++) {
      Ready<RaftMsg> out = tick(node);
      assertEquals(List.of(), out.sends(), "tick " + t);
      assertEquals(List.of(), out.persisted(), "tick " + t);
    }
    assertEquals(RaftNode.Role.FOLLOWER, node.role());
    assertEquals(0, node.currentTerm());
  }

  @Test
  void onTimeoutAFollowerStartsAnElectionVotingForItselfDurably() {
    RaftNode node = node(1, 3);
    Ready<RaftMsg> out = timeOut(node);
    assertEquals(RaftNode.Role.CANDIDATE, node.role());
    assertEquals(1, node.currentTerm());
    assertEquals(List.of(new RaftDisk.TermVote(1, 1)), out.persisted());
    assertEquals(List.of(0, 2), recipients(out), "RequestVote to every other server");
    assertEquals(new VoteRequest(1, 0, 0), only(out, 0));
    assertEquals(new VoteRequest(1, 0, 0), only(out, 2));
  }

  @Test
  void aVoteRequestCarriesTheLastEntryOfTheLog() {
    RaftNode node = node(2, 3, new RaftDisk.TermVote(2, -1),
        new RaftDisk.LogSuffix(1, List.of(new Entry(1, W1), new Entry(2, W2))));
    Ready<RaftMsg> out = timeOut(node);
    assertEquals(3, node.currentTerm());
    assertEquals(new VoteRequest(3, 2, 2), only(out, 0));
  }

  @Test
  void aServerVotesForOneCandidatePerTerm() {
    RaftNode node = node(0, 3);
    Ready<RaftMsg> out = receive(node, 1, new VoteRequest(1, 0, 0));
    assertEquals(1, node.currentTerm(), "a higher term is adopted");
    assertEquals(new VoteResponse(1, true), only(out, 1));
    assertEquals(new RaftDisk.TermVote(1, 1), out.persisted().get(out.persisted().size() - 1),
        "the vote is on disk before the answer leaves");

    assertEquals(new VoteResponse(1, false), only(receive(node, 2, new VoteRequest(1, 0, 0)), 2));
    assertEquals(new VoteResponse(1, true), only(receive(node, 1, new VoteRequest(1, 0, 0)), 1),
        "a repeated request of the same candidate gets the same answer");
  }

  @Test
  void aVoteGoesOnlyToACandidateWhoseLogIsAtLeastAsUpToDate() {
    RaftNode node = node(0, 5, new RaftDisk.TermVote(2, -1),
        new RaftDisk.LogSuffix(1, List.of(new Entry(1, W1), new Entry(2, W2))));
    assertEquals(new VoteResponse(3, false), only(receive(node, 1, new VoteRequest(3, 5, 1)), 1),
        "a longer log with an older last term is behind");
    assertEquals(new VoteResponse(3, false), only(receive(node, 2, new VoteRequest(3, 1, 2)), 2),
        "a shorter log with the same last term is behind");
    assertEquals(new VoteResponse(3, true), only(receive(node, 3, new VoteRequest(3, 2, 2)), 3));
  }

  @Test
  void requestsOfAnOlderTermAreRejectedWithTheCurrentTerm() {
    RaftNode node = node(0, 3, new RaftDisk.TermVote(3, -1));
    assertEquals(new VoteResponse(3, false), only(receive(node, 1, new VoteRequest(2, 9, 2)), 1));
    AppendResponse r = (AppendResponse) only(receive(node, 2, new AppendRequest(2, 0, 0, List.of(), 0)), 2);
    assertEquals(3, r.term());
    assertEquals(false, r.success());
    assertEquals(3, node.currentTerm());
    assertEquals(RaftNode.Role.FOLLOWER, node.role());
  }

  @Test
  void aCandidateWithAMajorityOfVotesBecomesLeaderAndAssertsItWithHeartbeats() {
    RaftNode node = node(0, 5);
    timeOut(node);
    receive(node, 1, new VoteResponse(1, true));
    receive(node, 2, new VoteResponse(1, false));
    assertEquals(RaftNode.Role.CANDIDATE, node.role(), "2 of 5 votes are no majority");
    Ready<RaftMsg> out = receive(node, 3, new VoteResponse(1, true));
    assertEquals(RaftNode.Role.LEADER, node.role());
    assertEquals(List.of(1, 2, 3, 4), recipients(out));
    for (int j = 1; j < 5; j++) {
      assertEquals(new AppendRequest(1, 0, 0, List.of(), 0), only(out, j));
    }
  }

  @Test
  void aVoteOfAnEarlierTermDoesNotCount() {
    RaftNode node = node(0, 3, new RaftDisk.TermVote(4, -1));
    timeOut(node);
    receive(node, 1, new VoteResponse(4, true));
    assertEquals(RaftNode.Role.CANDIDATE, node.role());
  }

  @Test
  void aHigherTermInAnyMessageTurnsALeaderIntoAFollower() {
    RaftNode node = leader(3);
    Ready<RaftMsg> out = receive(node, 2, new AppendResponse(5, false, 0));
    assertEquals(RaftNode.Role.FOLLOWER, node.role());
    assertEquals(5, node.currentTerm());
    assertEquals(List.of(new RaftDisk.TermVote(5, -1)), out.persisted());
  }

  @Test
  void aCandidateStepsDownForALeaderOfItsTerm() {
    RaftNode node = node(0, 3);
    timeOut(node);
    Ready<RaftMsg> out = receive(node, 2, new AppendRequest(1, 0, 0, List.of(), 0));
    assertEquals(RaftNode.Role.FOLLOWER, node.role());
    assertEquals(new AppendResponse(1, true, 0), only(out, 2));
  }

  // ---- log replication ----------------------------------------------------------------------

  @Test
  void appendEntriesFailsWhenTheLogLacksThePrecedingEntry() {
    RaftNode node = node(0, 3);
    Ready<RaftMsg> out = receive(node, 1, new AppendRequest(1, 1, 1, List.of(new Entry(1, W2)), 0));
    assertEquals(false, ((AppendResponse) only(out, 1)).success());
    assertEquals(List.of(), node.log());
  }

  @Test
  void appendEntriesStoresNewEntriesDurablyAndFollowsTheLeadersCommitIndex() {
    RaftNode node = node(0, 3);
    List<Entry> entries = List.of(new Entry(1, W1), new Entry(1, W2));
    Ready<RaftMsg> out = receive(node, 1, new AppendRequest(1, 0, 0, entries, 1));
    assertEquals(entries, node.log());
    assertEquals(1, node.commitIndex());
    assertEquals(new AppendResponse(1, true, 2), only(out, 1));
    assertTrue(out.persisted().contains(new RaftDisk.LogSuffix(1, entries)), out.persisted().toString());
  }

  @Test
  void theCommitIndexNeverPassesTheLastNewEntry() {
    RaftNode node = node(0, 3);
    receive(node, 1, new AppendRequest(1, 0, 0, List.of(new Entry(1, W1)), 5));
    assertEquals(1, node.commitIndex());
  }

  @Test
  void aConflictingEntryAndAllThatFollowItAreReplaced() {
    RaftNode node = node(0, 3, new RaftDisk.TermVote(1, -1), new RaftDisk.LogSuffix(1,
        List.of(new Entry(1, W1), new Entry(1, W2), new Entry(1, W3))));
    Ready<RaftMsg> out = receive(node, 1, new AppendRequest(2, 1, 1, List.of(new Entry(2, W3)), 0));
    assertEquals(List.of(new Entry(1, W1), new Entry(2, W3)), node.log());
    assertEquals(new AppendResponse(2, true, 2), only(out, 1));
  }

  @Test
  void aStaleOrDuplicatedAppendNeverTruncatesMatchingEntries() {
    List<Entry> log = List.of(new Entry(1, W1), new Entry(1, W2), new Entry(1, W3));
    RaftNode node = node(0, 3, new RaftDisk.TermVote(1, -1), new RaftDisk.LogSuffix(1, log));
    Ready<RaftMsg> out = receive(node, 1, new AppendRequest(1, 0, 0, List.of(new Entry(1, W1)), 0));
    assertEquals(log, node.log());
    assertEquals(new AppendResponse(1, true, 1), only(out, 1));
    assertEquals(List.of(), out.persisted());
  }

  @Test
  void aLeaderCommitsAnEntryOfItsTermStoredByAMajorityAndThenAnswersTheClient() {
    RaftNode node = leader(3);
    Ready<RaftMsg> out = step(node, new Input.Request<>(CLIENT, W1));
    assertEquals(List.of(new Entry(1, W1)), node.log());
    assertTrue(out.persisted().contains(new RaftDisk.LogSuffix(1, List.of(new Entry(1, W1)))));
    assertEquals(new AppendRequest(1, 0, 0, List.of(new Entry(1, W1)), 0), only(out, 1));
    assertEquals(List.of(), out.replies(), "no answer before the entry is committed");

    out = receive(node, 1, new AppendResponse(1, true, 1));
    assertEquals(1, node.commitIndex());
    assertEquals(List.of(Result.ok(W1.id(), null)), out.replies());
    assertEquals(List.of(CLIENT), out.replyClients());
  }

  /** Section 8: a read goes through the log too, or a deposed leader could answer stale data. */
  @Test
  void aLeaderAnswersAReadOnlyOnceItIsCommitted() {
    RaftNode node = leader(3);
    Op read = new Op(4, Op.Kind.READ, 0, 0, 0);
    Ready<RaftMsg> out = step(node, new Input.Request<>(CLIENT, read));
    assertEquals(List.of(), out.replies());
    assertEquals(List.of(new Entry(1, read)), node.log());
    out = receive(node, 1, new AppendResponse(1, true, 1));
    assertEquals(List.of(Result.ok(read.id(), null)), out.replies());
  }

  /** Figure 8: counting replicas commits only entries of the leader's own term. */
  @Test
  void aLeaderDoesNotCommitAnEarlierTermsEntryByCountingReplicas() {
    RaftNode node = leader(3, new RaftDisk.TermVote(1, -1),
        new RaftDisk.LogSuffix(1, List.of(new Entry(1, W1))));
    assertEquals(2, node.currentTerm());
    receive(node, 1, new AppendResponse(2, true, 1));
    assertEquals(0, node.commitIndex(), "entry 1 (term 1) is on a majority but not committed");

    step(node, new Input.Request<>(CLIENT, W2));
    Ready<RaftMsg> out = receive(node, 1, new AppendResponse(2, true, 2));
    assertEquals(2, node.commitIndex(), "committing entry 2 (term 2) commits entry 1 with it");
    assertEquals(List.of(Result.ok(W2.id(), null)), out.replies());
  }

  @Test
  void aRejectedAppendMakesTheLeaderRetryFromAnEarlierEntry() {
    List<Entry> log = List.of(new Entry(1, W1), new Entry(1, W2));
    RaftNode node = leader(3, new RaftDisk.TermVote(1, -1), new RaftDisk.LogSuffix(1, log));
    Ready<RaftMsg> out = receive(node, 1, new AppendResponse(2, false, 0));
    AppendRequest retry = (AppendRequest) only(out, 1);
    assertTrue(retry.prevLogIndex() < 2, "retried from before the heartbeat's entry 2: " + retry);
    assertEquals(log.subList((int) retry.prevLogIndex(), 2), retry.entries());
    assertEquals(retry.prevLogIndex() == 0 ? 0 : 1, retry.prevLogTerm());
  }

  @Test
  void aFollowerRedirectsClientsToTheLeaderItHeardFrom() {
    RaftNode node = node(0, 3);
    receive(node, 2, new AppendRequest(1, 0, 0, List.of(), 0));
    Ready<RaftMsg> out = step(node, new Input.Request<>(CLIENT, W1));
    assertEquals(List.of(Result.redirect(W1.id(), 2)), out.replies());
    assertEquals(List.of(), node.log());
    assertEquals(List.of(), out.sends());
  }
}
