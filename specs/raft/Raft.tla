-------------------------------- MODULE Raft --------------------------------
(***************************************************************************)
(* Raft consensus (Ongaro and Ousterhout, "In Search of an Understandable *)
(* Consensus Algorithm", and Ongaro's PhD thesis, chapter 3): leader      *)
(* election, log replication and commitment.  Membership changes, log     *)
(* compaction and client sessions are not modelled.                       *)
(*                                                                         *)
(* Terms.  Time is divided into numbered terms; each term has at most one *)
(* leader, elected by a majority.  Every message carries the sender's     *)
(* term; a server that sees a higher term adopts it and becomes a         *)
(* follower (UpdateTerm), and messages from lower terms are refused or    *)
(* dropped.                                                               *)
(*                                                                         *)
(* Election.  A follower or candidate that hears nothing from a leader    *)
(* times out: it starts a new term, votes for itself and asks the others  *)
(* for their votes.  A server grants at most one vote per term (votedFor  *)
(* is persistent) and only to a candidate whose log is at least as        *)
(* up-to-date as its own: higher last term, or same last term and at      *)
(* least as long.  That restriction is what gives Leader Completeness.    *)
(*                                                                         *)
(* Replication.  The leader appends client commands to its log and sends  *)
(* AppendEntries with the entries from nextIndex on, plus the index and   *)
(* term of the entry just before them.  A follower accepts only if its    *)
(* log has that entry (the consistency check that gives Log Matching),    *)
(* deletes any conflicting suffix and appends.  The leader tracks in      *)
(* matchIndex how far each follower's log is known to match its own.      *)
(*                                                                         *)
(* Commitment.  An entry of the leader's current term is committed once   *)
(* a majority stores it; everything before it is then committed too.      *)
(* Entries of earlier terms are never committed by counting replicas      *)
(* (thesis 3.6.2, figure 3.7).  Followers learn the commit index from     *)
(* AppendEntries.                                                         *)
(*                                                                         *)
(* Network.  `messages` is a bag: a function from message to the number  *)
(* of copies in flight.  Delivery removes one copy, in any order          *)
(* (reordering); DropMessage loses a copy; DuplicateMessage adds one.     *)
(*                                                                         *)
(* Crashes.  Restart models a crash followed by a restart: currentTerm,   *)
(* votedFor and log are on stable storage and survive, everything else is *)
(* reset.  (Between crash and restart a server takes no steps, which the  *)
(* interleaving already allows, so one action suffices.)                  *)
(*                                                                         *)
(* Names match the traces of `synod sim raft`                            *)
(* (implementations/TRACE-FORMAT.md): variables currentTerm, state,       *)
(* votedFor, log, commitIndex, votesGranted, nextIndex, matchIndex,       *)
(* messages; the actions below carry the names of its events, and         *)
(* messages have its field names (mtype, mterm, msource, mdest, ...).     *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
  Server,     \* the servers
  Value,      \* the client commands
  Nil,        \* "no vote"
  Follower, Candidate, Leader  \* server states

ASSUME Nil \notin Server

VARIABLES
  currentTerm,   \* persistent: the latest term the server has seen
  state,         \* Follower, Candidate or Leader
  votedFor,      \* persistent: whom the server voted for in currentTerm, or Nil
  log,           \* persistent: a sequence of [term, value] entries
  commitIndex,   \* the highest log index known to be committed
  votesGranted,  \* candidates: the servers that granted a vote (itself included)
  nextIndex,     \* leaders: nextIndex[i][j], the next entry to send to j
  matchIndex,    \* leaders: matchIndex[i][j], how far j's log is known to match
  messages       \* the network: message -> number of copies in flight

serverVars == <<currentTerm, state, votedFor>>
leaderVars == <<votesGranted, nextIndex, matchIndex>>
vars == <<currentTerm, state, votedFor, log, commitIndex, votesGranted,
          nextIndex, matchIndex, messages>>

Quorum == {Q \in SUBSET Server : 2 * Cardinality(Q) > Cardinality(Server)}

LastTerm(xlog) == IF xlog = <<>> THEN 0 ELSE xlog[Len(xlog)].term

Min(a, b) == IF a < b THEN a ELSE b
Max(a, b) == IF a > b THEN a ELSE b

-----------------------------------------------------------------------------
(* The message bag.  The domain holds exactly the messages with at least  *)
(* one copy, so that equal networks are equal values.                     *)

(* The empty bag is the empty function, which equals <<>>, whose domain  *)
(* is 1..0; asking whether a record is in 1..0 is an error for TLC, so    *)
(* emptiness is tested first.                                             *)
InBag(m, bag) == DOMAIN bag # {} /\ m \in DOMAIN bag

WithMessage(m, bag) ==
  IF InBag(m, bag)
    THEN [bag EXCEPT ![m] = @ + 1]
    ELSE [x \in DOMAIN bag \cup {m} |-> IF x = m THEN 1 ELSE bag[x]]

WithoutMessage(m, bag) ==
  IF bag[m] > 1
    THEN [bag EXCEPT ![m] = @ - 1]
    ELSE [x \in DOMAIN bag \ {m} |-> bag[x]]

Send(m) == messages' = WithMessage(m, messages)

Discard(m) == messages' = WithoutMessage(m, messages)

(* Consume request m and send its response in one step. *)
Reply(response, m) == messages' = WithoutMessage(m, WithMessage(response, messages))

(* The number of copies in flight, for bounding models. *)
RECURSIVE BagSum(_, _)
BagSum(bag, keys) ==
  IF keys = {} THEN 0
  ELSE LET k == CHOOSE x \in keys : TRUE
       IN bag[k] + BagSum(bag, keys \ {k})

InFlight == BagSum(messages, DOMAIN messages)

-----------------------------------------------------------------------------
Init ==
  /\ currentTerm = [i \in Server |-> 0]
  /\ state = [i \in Server |-> Follower]
  /\ votedFor = [i \in Server |-> Nil]
  /\ log = [i \in Server |-> <<>>]
  /\ commitIndex = [i \in Server |-> 0]
  /\ votesGranted = [i \in Server |-> {}]
  /\ nextIndex = [i \in Server |-> [j \in Server |-> 1]]
  /\ matchIndex = [i \in Server |-> [j \in Server |-> 0]]
  /\ messages = [m \in {} |-> 0]

-----------------------------------------------------------------------------
(* ---- crashes ---- *)

Restart(i) ==
  /\ state' = [state EXCEPT ![i] = Follower]
  /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
  /\ nextIndex' = [nextIndex EXCEPT ![i] = [j \in Server |-> 1]]
  /\ matchIndex' = [matchIndex EXCEPT ![i] = [j \in Server |-> 0]]
  /\ commitIndex' = [commitIndex EXCEPT ![i] = 0]
  /\ UNCHANGED <<currentTerm, votedFor, log, messages>>

(* ---- election ---- *)

Timeout(i) ==
  /\ state[i] \in {Follower, Candidate}
  /\ currentTerm' = [currentTerm EXCEPT ![i] = @ + 1]
  /\ state' = [state EXCEPT ![i] = Candidate]
  /\ votedFor' = [votedFor EXCEPT ![i] = i]
  /\ votesGranted' = [votesGranted EXCEPT ![i] = {i}]
  /\ UNCHANGED <<log, commitIndex, nextIndex, matchIndex, messages>>

(* Candidate i asks j for its vote (again, if j has not answered). *)
RequestVote(i, j) ==
  /\ state[i] = Candidate
  /\ j \notin votesGranted[i]
  /\ Send([mtype |-> "RequestVoteRequest", mterm |-> currentTerm[i],
           mlastLogTerm |-> LastTerm(log[i]), mlastLogIndex |-> Len(log[i]),
           msource |-> i, mdest |-> j])
  /\ UNCHANGED <<serverVars, log, commitIndex, leaderVars>>

(* Whether a candidate whose log ends with (lastTerm, lastIndex) is at    *)
(* least as up-to-date as server i.                                       *)
LogUpToDate(i, lastTerm, lastIndex) ==
  \/ lastTerm > LastTerm(log[i])
  \/ lastTerm = LastTerm(log[i]) /\ lastIndex >= Len(log[i])

(* The vote server i grants for a request of term m.mterm (= its term). *)
GrantVote(i, m) ==
  /\ m.mterm = currentTerm[i]
  /\ votedFor[i] \in {Nil, m.msource}
  /\ LogUpToDate(i, m.mlastLogTerm, m.mlastLogIndex)

(* Server i answers a vote request; `grant` says whether it grants it.   *)
(* Split out so that a broken model can change the rule (MCRaft).         *)
AnswerRequestVote(i, m, grant) ==
  /\ m.mtype = "RequestVoteRequest"
  /\ m.mdest = i
  /\ m.mterm <= currentTerm[i]
  /\ votedFor' = IF grant THEN [votedFor EXCEPT ![i] = m.msource] ELSE votedFor
  /\ Reply([mtype |-> "RequestVoteResponse", mterm |-> currentTerm[i],
            mvoteGranted |-> grant, msource |-> i, mdest |-> m.msource], m)
  /\ UNCHANGED <<currentTerm, state, log, commitIndex, leaderVars>>

HandleRequestVoteRequest(i, m) ==
  m.mtype = "RequestVoteRequest" /\ AnswerRequestVote(i, m, GrantVote(i, m))

HandleRequestVoteResponse(i, m) ==
  /\ m.mtype = "RequestVoteResponse"
  /\ m.mdest = i
  /\ m.mterm = currentTerm[i]
  /\ state[i] = Candidate
  /\ votesGranted' = IF m.mvoteGranted
                       THEN [votesGranted EXCEPT ![i] = @ \cup {m.msource}]
                       ELSE votesGranted
  /\ Discard(m)
  /\ UNCHANGED <<serverVars, log, commitIndex, nextIndex, matchIndex>>

(* Candidate i takes office once the servers in one of `quorums` voted.  *)
TakeOffice(i, quorums) ==
  /\ state[i] = Candidate
  /\ votesGranted[i] \in quorums
  /\ state' = [state EXCEPT ![i] = Leader]
  /\ nextIndex' = [nextIndex EXCEPT ![i] = [j \in Server |-> Len(log[i]) + 1]]
  /\ matchIndex' = [matchIndex EXCEPT ![i] = [j \in Server |-> 0]]
  /\ UNCHANGED <<currentTerm, votedFor, log, commitIndex, votesGranted, messages>>

BecomeLeader(i) == TakeOffice(i, Quorum)

(* ---- replication ---- *)

ClientRequest(i, v) ==
  /\ state[i] = Leader
  /\ log' = [log EXCEPT ![i] = Append(@, [term |-> currentTerm[i], value |-> v])]
  /\ UNCHANGED <<serverVars, commitIndex, leaderVars, messages>>

(* Leader i sends j the n entries from nextIndex[i][j] on (n = 0: a      *)
(* heartbeat), and its commit index up to the last entry sent.  An         *)
(* implementation bounds the entries per message (synod sim: 32); the     *)
(* trace mapping (trace.yaml) names this operator with the batch it saw.  *)
AppendEntriesBatch(i, j, n) ==
  /\ i # j
  /\ state[i] = Leader
  /\ LET prevLogIndex == nextIndex[i][j] - 1
         prevLogTerm == IF prevLogIndex > 0 THEN log[i][prevLogIndex].term ELSE 0
         last == prevLogIndex + n
         entries == SubSeq(log[i], nextIndex[i][j], last)
     IN /\ last <= Len(log[i])
        /\ Send([mtype |-> "AppendEntriesRequest", mterm |-> currentTerm[i],
                 mprevLogIndex |-> prevLogIndex, mprevLogTerm |-> prevLogTerm,
                 mentries |-> entries, mcommitIndex |-> Min(commitIndex[i], last),
                 msource |-> i, mdest |-> j])
  /\ UNCHANGED <<serverVars, log, commitIndex, leaderVars>>

(* Leader i sends j all its entries from nextIndex[i][j] on (possibly     *)
(* none).                                                                 *)
AppendEntries(i, j) == AppendEntriesBatch(i, j, Len(log[i]) - nextIndex[i][j] + 1)

(* Whether follower i's log holds the entry the request builds on.  (An *)
(* IF rather than a disjunction: inside an action, the model checker      *)
(* explores each disjunct on its own, so a guard in one does not protect  *)
(* the other.)                                                            *)
PrevLogMatches(i, m) ==
  IF m.mprevLogIndex = 0 THEN TRUE
  ELSE /\ m.mprevLogIndex <= Len(log[i])
       /\ log[i][m.mprevLogIndex].term = m.mprevLogTerm

(* Follower i's log after accepting m: if every entry of m is already     *)
(* there, nothing changes (a late or duplicated request must not cut off *)
(* newer entries); otherwise the log is cut after mprevLogIndex and the   *)
(* entries appended.                                                      *)
AcceptedLog(i, m) ==
  LET n == m.mprevLogIndex
      present == \A k \in 1..Len(m.mentries) :
                   /\ n + k <= Len(log[i])
                   /\ log[i][n + k].term = m.mentries[k].term
  IN IF present THEN log[i] ELSE SubSeq(log[i], 1, n) \o m.mentries

HandleAppendEntriesRequest(i, m) ==
  /\ m.mtype = "AppendEntriesRequest"
  /\ m.mdest = i
  /\ m.mterm <= currentTerm[i]
  /\ \/ (* stale leader: refuse *)
        /\ m.mterm < currentTerm[i]
        /\ Reply([mtype |-> "AppendEntriesResponse", mterm |-> currentTerm[i],
                  msuccess |-> FALSE, mmatchIndex |-> 0, msource |-> i, mdest |-> m.msource], m)
        /\ UNCHANGED <<serverVars, log, commitIndex>>
     \/ (* current leader, but the logs differ before the entries: refuse *)
        /\ m.mterm = currentTerm[i]
        /\ state[i] # Leader
        /\ ~PrevLogMatches(i, m)
        /\ state' = [state EXCEPT ![i] = Follower]
        /\ Reply([mtype |-> "AppendEntriesResponse", mterm |-> currentTerm[i],
                  msuccess |-> FALSE, mmatchIndex |-> Len(log[i]),
                  msource |-> i, mdest |-> m.msource], m)
        /\ UNCHANGED <<currentTerm, votedFor, log, commitIndex>>
     \/ (* accept *)
        /\ m.mterm = currentTerm[i]
        /\ state[i] # Leader
        /\ PrevLogMatches(i, m)
        /\ LET lastNew == m.mprevLogIndex + Len(m.mentries)
           IN /\ state' = [state EXCEPT ![i] = Follower]
              /\ log' = [log EXCEPT ![i] = AcceptedLog(i, m)]
              /\ commitIndex' = [commitIndex EXCEPT ![i] =
                                   Max(@, Min(m.mcommitIndex, lastNew))]
              /\ Reply([mtype |-> "AppendEntriesResponse", mterm |-> currentTerm[i],
                        msuccess |-> TRUE, mmatchIndex |-> lastNew,
                        msource |-> i, mdest |-> m.msource], m)
        /\ UNCHANGED <<currentTerm, votedFor>>
  /\ UNCHANGED leaderVars

HandleAppendEntriesResponse(i, m) ==
  /\ m.mtype = "AppendEntriesResponse"
  /\ m.mdest = i
  /\ m.mterm = currentTerm[i]
  /\ state[i] = Leader
  /\ LET j == m.msource
     IN IF m.msuccess
          THEN /\ nextIndex' = [nextIndex EXCEPT ![i][j] = Max(@, m.mmatchIndex + 1)]
               /\ matchIndex' = [matchIndex EXCEPT ![i][j] = Max(@, m.mmatchIndex)]
          ELSE /\ nextIndex' = [nextIndex EXCEPT ![i][j] =
                                  Max(matchIndex[i][j] + 1, Min(@ - 1, m.mmatchIndex + 1))]
               /\ UNCHANGED matchIndex
  /\ Discard(m)
  /\ UNCHANGED <<serverVars, log, commitIndex, votesGranted>>

(* ---- commitment ---- *)

(* The servers known by leader i to store its entry at index n. *)
Agree(i, n) == {i} \cup {j \in Server : matchIndex[i][j] >= n}

(* The indexes leader i may commit: entries of its own term on a quorum. *)
Committable(i) ==
  {n \in (commitIndex[i] + 1)..Len(log[i]) :
     log[i][n].term = currentTerm[i] /\ Agree(i, n) \in Quorum}

AdvanceCommitIndex(i) ==
  /\ state[i] = Leader
  /\ Committable(i) # {}
  /\ commitIndex' = [commitIndex EXCEPT ![i] =
                       CHOOSE n \in Committable(i) : \A k \in Committable(i) : k <= n]
  /\ UNCHANGED <<serverVars, log, leaderVars, messages>>

(* ---- terms and stale messages ---- *)

(* Any message with a higher term makes i adopt the term and follow; the *)
(* message itself is handled by a later step.                            *)
UpdateTerm(i, m) ==
  /\ m.mdest = i
  /\ m.mterm > currentTerm[i]
  /\ currentTerm' = [currentTerm EXCEPT ![i] = m.mterm]
  /\ state' = [state EXCEPT ![i] = Follower]
  /\ votedFor' = [votedFor EXCEPT ![i] = Nil]
  /\ UNCHANGED <<log, commitIndex, leaderVars, messages>>

(* A response i can no longer use: from an older term, or a vote when i   *)
(* is no longer a candidate, or an append result when no longer leader.  *)
DropStaleResponse(i, m) ==
  /\ m.mdest = i
  /\ m.mtype \in {"RequestVoteResponse", "AppendEntriesResponse"}
  /\ \/ m.mterm < currentTerm[i]
     \/ m.mterm = currentTerm[i] /\ m.mtype = "RequestVoteResponse" /\ state[i] # Candidate
     \/ m.mterm = currentTerm[i] /\ m.mtype = "AppendEntriesResponse" /\ state[i] # Leader
  /\ Discard(m)
  /\ UNCHANGED <<serverVars, log, commitIndex, leaderVars>>

(* ---- network faults ---- *)

DropMessage(m) ==
  /\ Discard(m)
  /\ UNCHANGED <<serverVars, log, commitIndex, leaderVars>>

DuplicateMessage(m) ==
  /\ Send(m)
  /\ UNCHANGED <<serverVars, log, commitIndex, leaderVars>>

-----------------------------------------------------------------------------
(* Receiving: every message in flight can be delivered to its addressee. *)
Receive(m) ==
  LET i == m.mdest
  IN \/ UpdateTerm(i, m)
     \/ HandleRequestVoteRequest(i, m)
     \/ HandleRequestVoteResponse(i, m)
     \/ HandleAppendEntriesRequest(i, m)
     \/ HandleAppendEntriesResponse(i, m)
     \/ DropStaleResponse(i, m)

(* The steps that do not need a fault. *)
ProtocolNext ==
  \/ \E i \in Server : Timeout(i) \/ BecomeLeader(i) \/ AdvanceCommitIndex(i)
  \/ \E i, j \in Server : i # j /\ (RequestVote(i, j) \/ AppendEntries(i, j))
  \/ \E i \in Server, v \in Value : ClientRequest(i, v)
  \/ \E m \in DOMAIN messages : Receive(m)

FaultNext ==
  \/ \E i \in Server : Restart(i)
  \/ \E m \in DOMAIN messages : DropMessage(m) \/ DuplicateMessage(m)

Next == ProtocolNext \/ FaultNext

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* ---- safety properties (thesis figure 3.2) ---- *)

TypeOK ==
  /\ currentTerm \in [Server -> Nat]
  /\ state \in [Server -> {Follower, Candidate, Leader}]
  /\ votedFor \in [Server -> Server \cup {Nil}]
  /\ \A i \in Server : \A n \in 1..Len(log[i]) : log[i][n].value \in Value
  /\ commitIndex \in [Server -> Nat]
  /\ \A i \in Server : commitIndex[i] <= Len(log[i])

(* At most one leader per term. *)
ElectionSafety ==
  \A i, j \in Server :
    (state[i] = Leader /\ state[j] = Leader /\ currentTerm[i] = currentTerm[j]) => i = j

(* Two logs with an entry of the same index and term are identical up to *)
(* that index.                                                            *)
LogMatching ==
  \A i, j \in Server :
    \A n \in 1..Min(Len(log[i]), Len(log[j])) :
      log[i][n].term = log[j][n].term => SubSeq(log[i], 1, n) = SubSeq(log[j], 1, n)

(* A leader never overwrites or deletes entries of its log, only appends. *)
LeaderAppendOnly ==
  [][\A i \in Server :
       (state[i] = Leader /\ state'[i] = Leader /\ currentTerm'[i] = currentTerm[i])
         => /\ Len(log'[i]) >= Len(log[i])
            /\ SubSeq(log'[i], 1, Len(log[i])) = log[i]]_vars

(* A committed entry is in the log of every leader of a later term.  As a *)
(* state predicate: server j learned commitIndex[j] in a term no higher   *)
(* than currentTerm[j], so its committed entries were committed in a term *)
(* no higher than that.  A leader whose term is at least currentTerm[j]   *)
(* is either the leader that committed them or a later one, and must hold *)
(* them all.                                                              *)
LeaderCompleteness ==
  \A i \in Server : state[i] = Leader =>
    \A j \in Server : currentTerm[j] <= currentTerm[i] =>
      \A n \in 1..commitIndex[j] : n <= Len(log[i]) /\ log[i][n] = log[j][n]

(* No two servers apply different commands at the same index. *)
StateMachineSafety ==
  \A i, j \in Server :
    \A n \in 1..Min(commitIndex[i], commitIndex[j]) : log[i][n] = log[j][n]

-----------------------------------------------------------------------------
(* ---- liveness ----                                                      *)
(* Raft cannot guarantee progress while timeouts keep splitting votes or  *)
(* the network keeps losing messages (FLP); it relies on the system        *)
(* eventually being stable.  LiveSpec states that assumption: from some   *)
(* point on there are no more restarts or network faults, a server times  *)
(* out only while no server leads (that is how Raft recovers from a       *)
(* crashed leader: without it a leader that restarts before replicating   *)
(* its entry leaves the cluster leaderless forever), and every protocol   *)
(* step that stays enabled is eventually taken.  Under it, an entry of a  *)
(* leader's current term is eventually committed by every server, unless  *)
(* that leader is deposed.                                                *)
NoLeader == \A j \in Server : state[j] # Leader

ElectionTimeout(i) == NoLeader /\ Timeout(i)

StableNext ==
  \/ \E i \in Server : ElectionTimeout(i) \/ BecomeLeader(i) \/ AdvanceCommitIndex(i)
  \/ \E i, j \in Server : i # j /\ (RequestVote(i, j) \/ AppendEntries(i, j))
  \/ \E i \in Server, v \in Value : ClientRequest(i, v)
  \/ \E m \in DOMAIN messages : Receive(m)

LiveSpec ==
  /\ Spec
  /\ <>[][StableNext]_vars
  /\ \A i \in Server : WF_vars(AdvanceCommitIndex(i)) /\ WF_vars(BecomeLeader(i))
  /\ \A i \in Server : WF_vars(ElectionTimeout(i))
  /\ \A i, j \in Server : WF_vars(i # j /\ AppendEntries(i, j))
  /\ \A i, j \in Server : WF_vars(i # j /\ RequestVote(i, j))
  /\ WF_vars(\E m \in DOMAIN messages : Receive(m))

(* An entry at index n of term t, held by the leader of t, is eventually *)
(* committed everywhere unless that leader is deposed.  Terms and indexes *)
(* range over `Terms` and `Indexes`, which a model bounds.               *)
EntriesCommitted(Terms, Indexes) ==
  \A i \in Server, t \in Terms, n \in Indexes :
    (state[i] = Leader /\ currentTerm[i] = t /\ n \in 1..Len(log[i]) /\ log[i][n].term = t)
      ~> ((\A j \in Server : commitIndex[j] >= n) \/ currentTerm[i] # t)
=============================================================================
