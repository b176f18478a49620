package io.synod.sim.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synod.sim.Input;
import io.synod.sim.Op;
import io.synod.sim.Ready;
import io.synod.sim.Result;
import io.synod.sim.paxos.PaxosDisk.Acceptor;
import io.synod.sim.paxos.PaxosMsg.Accept;
import io.synod.sim.paxos.PaxosMsg.Accepted;
import io.synod.sim.paxos.PaxosMsg.Chosen;
import io.synod.sim.paxos.PaxosMsg.Nack;
import io.synod.sim.paxos.PaxosMsg.Prepare;
import io.synod.sim.paxos.PaxosMsg.Promise;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One Paxos node stepped by hand, as acceptor, proposer and learner: a message, a tick or a
 * client request in, the {@link Ready} and the node's state out. The expectations are the rules
 * of single-decree Paxos (Lamport, "Paxos Made Simple"; the Phase1a..Phase2b actions of the
 * TLA+ spec in specs/paxos), not recordings of what the code did.
 */
class PaxosNodeStepTest {
  private static final Op W1 = new Op(1, Op.Kind.WRITE, 0, 10, 0);
  private static final Op W2 = new Op(2, Op.Kind.WRITE, 0, 20, 0);
  private static final Op W3 = new Op(3, Op.Kind.WRITE, 1, 30, 0);
  private static final int CLIENT = 7;

  private static PaxosNode node(int id, int n, PaxosDisk... journal) {
    return new PaxosNode(id, n, List.of(journal), new SplittableRandom(id + 1), Set.of());
  }

  private static Ready<PaxosMsg> step(PaxosNode node, Input<PaxosMsg> in) {
    Ready<PaxosMsg> out = new Ready<>(false);
    node.step(in, out);
    return out;
  }

  private static Ready<PaxosMsg> receive(PaxosNode node, int from, PaxosMsg msg) {
    return step(node, new Input.Receive<>(from, msg));
  }

  private static List<PaxosMsg> sent(Ready<PaxosMsg> out, int to) {
    return out.sends().stream().filter(s -> s.to() == to).map(Ready.Send::msg).toList();
  }

  /** The one message {@code out} sends to every node of {@code n}, the sender included. */
  private static PaxosMsg broadcast(Ready<PaxosMsg> out, int n) {
    assertEquals(n, out.sends().size(), out.sends().toString());
    PaxosMsg m = out.sends().get(0).msg();
    for (int j = 0; j < n; j++) {
      assertEquals(List.of(m), sent(out, j), "to node " + j);
    }
    return m;
  }

  // ---- acceptor -----------------------------------------------------------------------------

  @Test
  void anAcceptorPromisesAHigherBallotDurablyReportingThatItNeverVoted() {
    PaxosNode node = node(0, 3);
    Ready<PaxosMsg> out = receive(node, 1, new Prepare(1, 5));
    assertEquals(List.of(new Promise(1, 5, -1, null)), sent(out, 1));
    assertEquals(List.of(new PaxosDisk.SlotRecord(1, new Acceptor(5, -1, null))), out.persisted());
  }

  @Test
  void anAcceptorRefusesABallotNotAboveItsPromise() {
    PaxosNode node = node(0, 3);
    receive(node, 1, new Prepare(1, 5));
    assertEquals(List.of(new Nack(1, 3, 5)), sent(receive(node, 2, new Prepare(1, 3)), 2));
    Ready<PaxosMsg> again = receive(node, 2, new Prepare(1, 5));
    assertEquals(List.of(new Nack(1, 5, 5)), sent(again, 2));
    assertEquals(List.of(), again.persisted());
    assertEquals(new Acceptor(5, -1, null), node.acceptors().get(1L));
  }

  @Test
  void anAcceptorVotesAtItsPromisedBallotAndReportsTheVoteInLaterPromises() {
    PaxosNode node = node(0, 3);
    receive(node, 1, new Prepare(1, 5));
    Ready<PaxosMsg> out = receive(node, 1, new Accept(1, 5, W1));
    assertEquals(List.of(new Accepted(1, 5, W1)), sent(out, 1));
    assertEquals(List.of(new PaxosDisk.SlotRecord(1, new Acceptor(5, 5, W1))), out.persisted());

    assertEquals(List.of(new Promise(1, 8, 5, W1)), sent(receive(node, 2, new Prepare(1, 8)), 2));
  }

  @Test
  void anAcceptorRefusesToVoteBelowItsPromise() {
    PaxosNode node = node(0, 3);
    receive(node, 2, new Prepare(1, 8));
    Ready<PaxosMsg> out = receive(node, 1, new Accept(1, 4, W2));
    assertEquals(List.of(new Nack(1, 4, 8)), sent(out, 1));
    assertEquals(List.of(), out.persisted());
    assertEquals(new Acceptor(8, -1, null), node.acceptors().get(1L));
  }

  @Test
  void eachSlotIsASeparateInstance() {
    PaxosNode node = node(0, 3);
    receive(node, 1, new Prepare(1, 9));
    assertEquals(List.of(new Promise(2, 3, -1, null)), sent(receive(node, 2, new Prepare(2, 3)), 2));
  }

  // ---- proposer -----------------------------------------------------------------------------

  @Test
  void aClientRequestStartsPhase1WithABallotOfThisNodeOnly() {
    int n = 3;
    for (int id = 0; id < n; id++) {
      PaxosNode node = node(id, n);
      Ready<PaxosMsg> out = step(node, new Input.Request<>(CLIENT, W1));
      Prepare p = (Prepare) broadcast(out, n);
      assertEquals(1, p.slot());
      assertEquals(id, p.ballot() % n, "ballots of different proposers never collide");
      assertTrue(out.persisted().stream().anyMatch(r -> r instanceof PaxosDisk.RoundRecord),
          "the round is on disk before the ballot is used");
    }
  }

  @Test
  void aRestartedProposerNeverReusesABallot() {
    PaxosNode node = node(1, 3, new PaxosDisk.RoundRecord(4));
    Prepare p = (Prepare) broadcast(step(node, new Input.Request<>(CLIENT, W1)), 3);
    assertTrue(p.ballot() > 4 * 3 + 1, "ballot " + p.ballot() + " was possibly used before the crash");
  }

  /** Node 0 of {@code n} after a client request: its Prepare. */
  private static Prepare prepare(PaxosNode node, int n) {
    return (Prepare) broadcast(step(node, new Input.Request<>(CLIENT, W1)), n);
  }

  @Test
  void withoutAReportedVoteTheProposerProposesItsOwnCommandOnAMajorityOfPromises() {
    PaxosNode node = node(0, 3);
    long b = prepare(node, 3).ballot();
    assertEquals(List.of(), receive(node, 0, new Promise(1, b, -1, null)).sends());
    Accept a = (Accept) broadcast(receive(node, 2, new Promise(1, b, -1, null)), 3);
    assertEquals(new Accept(1, b, W1), a);
  }

  @Test
  void theProposerProposesTheValueOfTheHighestReportedVote() {
    PaxosNode node = node(0, 5);
    long b = prepare(node, 5).ballot();
    receive(node, 1, new Promise(1, b, 2, W2));
    receive(node, 2, new Promise(1, b, 4, W3));
    Accept a = (Accept) broadcast(receive(node, 3, new Promise(1, b, -1, null)), 5);
    assertEquals(new Accept(1, b, W3), a, "a value possibly chosen at ballot 4 must be proposed again");
  }

  @Test
  void promisesForAnotherBallotOrSlotDoNotCount() {
    PaxosNode node = node(0, 3);
    long b = prepare(node, 3).ballot();
    receive(node, 1, new Promise(1, b + 3, -1, null));
    receive(node, 2, new Promise(2, b, -1, null));
    assertEquals(List.of(), receive(node, 0, new Promise(1, b, -1, null)).sends(),
        "one valid promise of three is no majority");
  }

  @Test
  void aMajorityOfVotesChoosesTheValueTellsTheOthersAndAnswersTheClient() {
    PaxosNode node = node(0, 3);
    long b = prepare(node, 3).ballot();
    receive(node, 0, new Promise(1, b, -1, null));
    receive(node, 1, new Promise(1, b, -1, null));
    assertEquals(List.of(), receive(node, 0, new Accepted(1, b, W1)).replies());
    Ready<PaxosMsg> out = receive(node, 1, new Accepted(1, b, W1));
    assertEquals(W1, node.chosen().get(1L));
    assertEquals(List.of(new Chosen(1, List.of(W1))), sent(out, 1));
    assertEquals(List.of(new Chosen(1, List.of(W1))), sent(out, 2));
    assertEquals(List.of(Result.ok(W1.id(), null)), out.replies());
    assertEquals(List.of(CLIENT), out.replyClients());
  }

  @Test
  void aRefusedProposerBacksOffAndRetriesAboveTheBallotThatBeatIt() {
    PaxosNode node = node(0, 3);
    long b = prepare(node, 3).ballot();
    long promised = 7 * 3 + 2;
    assertEquals(List.of(), receive(node, 1, new Nack(1, b, promised)).sends());
    for (int t = 0; t <= PaxosNode.MAX_BACKOFF_TICKS; t++) {
      Ready<PaxosMsg> out = step(node, new Input.Tick<>());
      if (!out.sends().isEmpty()) {
        Prepare retry = (Prepare) broadcast(out, 3);
        assertEquals(1, retry.slot());
        assertTrue(retry.ballot() > promised, "retried at " + retry.ballot() + ", beaten by " + promised);
        return;
      }
    }
    fail("no retry within the longest back-off");
  }

  // ---- learner ------------------------------------------------------------------------------

  @Test
  void aLearnerTakesChosenValuesAndServesThemToAProposerThatMissedThem() {
    PaxosNode node = node(0, 3);
    receive(node, 1, new Chosen(1, List.of(W1, W2)));
    assertEquals(List.of(W1, W2), List.copyOf(node.chosen().values()));
    Ready<PaxosMsg> out = receive(node, 2, new Prepare(1, 11));
    assertEquals(List.of(new Chosen(1, List.of(W1, W2))), sent(out, 2));
    assertEquals(List.of(), out.persisted(), "a decided slot is not voted on again");
  }

  @Test
  void aNewProposalGoesToTheFirstSlotNotKnownToBeChosen() {
    PaxosNode node = node(0, 3);
    receive(node, 1, new Chosen(1, List.of(W2, W3)));
    assertEquals(3, prepare(node, 3).slot());
  }
}
