------------------------------- MODULE MCRaft -------------------------------
(***************************************************************************)
(* Models of Raft.  Raft's state space is infinite (terms, logs and the   *)
(* network grow without bound), so every model bounds terms, log length   *)
(* and messages in flight with StateConstraint.                           *)
(*                                                                         *)
(*   MCRaft.cfg             CI: 3 servers, 1 command, term 1, logs <= 1   *)
(*   MCRaftBench.cfg        benchmark: terms <= 2, 1 message in flight    *)
(*   MCRaftLiveness.cfg     EntriesCommitted under LiveSpec, 2 servers    *)
(*                          (liveness checking)                            *)
(*   MCRaftLivenessBench.cfg  the same with 3 servers (benchmark)         *)
(*   MCRaftSmallQuorum.cfg  broken: a candidate takes office on its own   *)
(*                          vote; expected: ElectionSafety violated        *)
(*   MCRaftNoLogCheck.cfg   broken: votes granted without the log         *)
(*                          up-to-date check; expected: LeaderCompleteness *)
(*                          violated                                       *)
(*   MCRaftLeaderTruncate.cfg  broken: a leader removes an entry; expected: *)
(*                          action property LeaderAppendOnly violated      *)
(*   MCRaftLivenessNoElection.cfg  broken: stability without elections;   *)
(*                          expected: liveness property Committed violated *)
(***************************************************************************)
EXTENDS Raft

CONSTANTS
  MaxTerm,       \* no server goes beyond this term
  MaxLogLen,     \* no log grows beyond this length
  MaxInFlight    \* at most this many message copies in flight

StateConstraint ==
  /\ \A i \in Server : currentTerm[i] <= MaxTerm /\ Len(log[i]) <= MaxLogLen
  /\ InFlight <= MaxInFlight

(* Liveness with the bounds of the model. *)
Committed == EntriesCommitted(0..MaxTerm, 1..MaxLogLen)

-----------------------------------------------------------------------------
(* Bug 1: a quorum of one.  Any candidate is elected by its own vote, so  *)
(* two candidates of the same term can both lead.                         *)
SelfQuorums == {Q \in SUBSET Server : Q # {}}

SmallQuorumNext ==
  \/ Next
  \/ \E i \in Server : TakeOffice(i, SelfQuorums)

SmallQuorumSpec == Init /\ [][SmallQuorumNext]_vars

(* Bug 2: the voter forgets to compare logs (only the term and its        *)
(* earlier vote are checked), so a candidate missing committed entries    *)
(* can win an election.                                                   *)
GrantVoteIgnoringLog(i, m) ==
  /\ m.mterm = currentTerm[i]
  /\ votedFor[i] \in {Nil, m.msource}

NoLogCheckNext ==
  \/ Next
  \/ \E m \in DOMAIN messages :
       /\ m.mtype = "RequestVoteRequest"
       /\ AnswerRequestVote(m.mdest, m, GrantVoteIgnoringLog(m.mdest, m))

NoLogCheckSpec == Init /\ [][NoLogCheckNext]_vars

(* Bug 3: a leader that takes back the last entry of its log (say, to     *)
(* undo a client request it could not replicate).  Followers may already *)
(* hold the entry; the action property LeaderAppendOnly forbids it.       *)
LeaderTruncate(i) ==
  /\ state[i] = Leader
  /\ log[i] # <<>>
  /\ log' = [log EXCEPT ![i] = SubSeq(@, 1, Len(@) - 1)]
  /\ UNCHANGED <<serverVars, commitIndex, leaderVars, messages>>

TruncateNext == Next \/ \E i \in Server : LeaderTruncate(i)

TruncateSpec == Init /\ [][TruncateNext]_vars

-----------------------------------------------------------------------------
(* Bug 4: stability without elections.  LiveSpec's first version assumed  *)
(* that eventually no server times out at all.  A leader that restarts    *)
(* before replicating its entry then leaves the cluster leaderless        *)
(* forever, and Committed fails (TLC and Synod find the lasso).           *)
NoElectionLiveSpec ==
  /\ Spec
  /\ <>[][StableNext /\ ~\E i \in Server : ElectionTimeout(i)]_vars
  /\ \A i \in Server : WF_vars(AdvanceCommitIndex(i)) /\ WF_vars(BecomeLeader(i))
  /\ \A i, j \in Server : WF_vars(i # j /\ AppendEntries(i, j))
  /\ \A i, j \in Server : WF_vars(i # j /\ RequestVote(i, j))
  /\ WF_vars(\E m \in DOMAIN messages : Receive(m))
=============================================================================
