------------------------------- MODULE Paxos -------------------------------
(***************************************************************************)
(* Single-decree Paxos, following Lamport's "Paxos Made Simple".          *)
(*                                                                         *)
(* Roles.  Proposers try to get a value chosen, acceptors vote, learners  *)
(* find out what was chosen.  A value is chosen once a quorum of          *)
(* acceptors has accepted it in the same ballot.  Any two quorums must    *)
(* intersect: that is the whole reason the protocol is safe, and the      *)
(* broken model MCPaxosSmallQuorum shows what happens without it.         *)
(*                                                                         *)
(* Ballots.  Every attempt to choose a value is made in a numbered        *)
(* ballot.  Each ballot belongs to a single proposer (e.g. ballot =       *)
(* round * #proposers + proposer index), so proposers are not modelled as *)
(* processes: the actions of ballot b are the actions of its owner.       *)
(*                                                                         *)
(* The two phases.                                                        *)
(*   1a  the owner of ballot b asks every acceptor to join b;             *)
(*   1b  an acceptor that has not joined a higher ballot promises never   *)
(*       to accept anything below b, and reports the last vote it cast    *)
(*       (ballot and value) -- or that it never voted;                    *)
(*   2a  with promises from a quorum, the owner of b proposes a value:    *)
(*       the value of the highest-ballot vote reported, or (no vote       *)
(*       reported) any value.  At most one proposal per ballot;           *)
(*   2b  an acceptor that has not promised a higher ballot accepts the    *)
(*       proposal (votes for it) and announces its vote.                  *)
(*   Learn: a learner that sees votes for v from a quorum in one ballot   *)
(*       learns that v is chosen.                                         *)
(*                                                                         *)
(* The network.  `msgs` is the set of every message ever sent.  Messages  *)
(* are never removed, so a message can be received any number of times   *)
(* (duplication), in any order (reordering), or never (loss); receiving   *)
(* is just reading from the set.  Acceptors keep maxBal, maxVBal and      *)
(* maxVal on stable storage, so a crash and restart of an acceptor is     *)
(* indistinguishable from a pause and needs no action of its own.         *)
(*                                                                         *)
(* Names match the traces of `synod sim paxos`                           *)
(* (implementations/TRACE-FORMAT.md): variables maxBal, maxVBal, maxVal,  *)
(* chosen, msgs; actions Phase1a, Phase1b, Phase2a, Phase2b, Learn;       *)
(* message fields type, bal, mbal, mval, val, src.                        *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
  Value,      \* the values that may be proposed
  Acceptor,   \* the acceptors
  Learner,    \* the learners
  Quorum,     \* the quorums: sets of acceptors, any two of which must intersect
  MaxBallot,  \* ballots are 0..MaxBallot (finite, for model checking)
  None        \* a value that is not in Value: "no vote" / "nothing learned"

ASSUME /\ Quorum \subseteq SUBSET Acceptor
       /\ MaxBallot \in Nat
       /\ None \notin Value

(* The property safety depends on.  It is not an ASSUME, so that a model *)
(* with quorums that do not intersect can run and show the consequence.  *)
QuorumsIntersect == \A Q1, Q2 \in Quorum : Q1 \cap Q2 # {}

Ballot == 0..MaxBallot

(* -1 stands for "no ballot yet"; it is below every ballot. *)
NoBallot == -1

Message ==
       [type : {"1a"}, bal : Ballot]
  \cup [type : {"1b"}, src : Acceptor, bal : Ballot,
        mbal : Ballot \cup {NoBallot}, mval : Value \cup {None}]
  \cup [type : {"2a"}, bal : Ballot, val : Value]
  \cup [type : {"2b"}, src : Acceptor, bal : Ballot, val : Value]

VARIABLES
  maxBal,   \* maxBal[a]: the highest ballot acceptor a has joined (promised)
  maxVBal,  \* maxVBal[a]: the ballot of a's last vote, NoBallot if none
  maxVal,   \* maxVal[a]: the value of a's last vote, None if none
  chosen,   \* chosen[l]: the value learner l has learned, None if none
  msgs      \* every message sent so far

vars == <<maxBal, maxVBal, maxVal, chosen, msgs>>

TypeOK ==
  /\ maxBal \in [Acceptor -> Ballot \cup {NoBallot}]
  /\ maxVBal \in [Acceptor -> Ballot \cup {NoBallot}]
  /\ maxVal \in [Acceptor -> Value \cup {None}]
  /\ chosen \in [Learner -> Value \cup {None}]
  /\ msgs \subseteq Message

Init ==
  /\ maxBal = [a \in Acceptor |-> NoBallot]
  /\ maxVBal = [a \in Acceptor |-> NoBallot]
  /\ maxVal = [a \in Acceptor |-> None]
  /\ chosen = [l \in Learner |-> None]
  /\ msgs = {}

Send(m) == msgs' = msgs \cup {m}

(* The owner of ballot b starts it.  Sending 1a twice changes nothing,    *)
(* so the action is only enabled once per ballot.                         *)
Phase1a(b) ==
  /\ [type |-> "1a", bal |-> b] \notin msgs
  /\ Send([type |-> "1a", bal |-> b])
  /\ UNCHANGED <<maxBal, maxVBal, maxVal, chosen>>

(* Acceptor a joins ballot m.bal, promising to ignore lower ballots, and  *)
(* reports its last vote.                                                  *)
(* (Split in two so that a trace mapping can name the message received.)  *)
Phase1bOn(a, m) ==
  /\ m.type = "1a"
  /\ m.bal > maxBal[a]
  /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
  /\ Send([type |-> "1b", src |-> a, bal |-> m.bal,
           mbal |-> maxVBal[a], mval |-> maxVal[a]])
  /\ UNCHANGED <<maxVBal, maxVal, chosen>>

Phase1b(a) == \E m \in msgs : Phase1bOn(a, m)

(* The 1b messages of ballot b from the members of Q. *)
Promises(b, Q) == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.src \in Q}

(* Whether, given the promises of quorum Q in ballot b, the owner of b may *)
(* propose v: if some member of Q reported a vote, v must be the value of  *)
(* the highest such vote; otherwise any value is safe.                     *)
SafeToPropose(b, Q, v) ==
  LET voted == {m \in Promises(b, Q) : m.mbal # NoBallot}
  IN  \/ voted = {}
      \/ \E m \in voted : /\ m.mval = v
                          /\ \A m2 \in voted : m2.mbal <= m.mbal

Phase2a(b, v) ==
  /\ ~\E m \in msgs : m.type = "2a" /\ m.bal = b
  /\ \E Q \in Quorum :
       /\ \A a \in Q : \E m \in Promises(b, Q) : m.src = a
       /\ SafeToPropose(b, Q, v)
  /\ Send([type |-> "2a", bal |-> b, val |-> v])
  /\ UNCHANGED <<maxBal, maxVBal, maxVal, chosen>>

(* Acceptor a votes for the proposal of ballot m.bal unless it promised a *)
(* higher ballot.  Voting also joins the ballot.                           *)
Phase2bOn(a, m) ==
  /\ m.type = "2a"
  /\ m.bal >= maxBal[a]
  /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
  /\ maxVBal' = [maxVBal EXCEPT ![a] = m.bal]
  /\ maxVal' = [maxVal EXCEPT ![a] = m.val]
  /\ Send([type |-> "2b", src |-> a, bal |-> m.bal, val |-> m.val])
  /\ UNCHANGED chosen

Phase2b(a) == \E m \in msgs : Phase2bOn(a, m)

(* Learner l sees votes for v in ballot b from a whole quorum. *)
Learn(l) ==
  /\ chosen[l] = None
  /\ \E b \in Ballot, v \in Value, Q \in Quorum :
       /\ \A a \in Q : [type |-> "2b", src |-> a, bal |-> b, val |-> v] \in msgs
       /\ chosen' = [chosen EXCEPT ![l] = v]
  /\ UNCHANGED <<maxBal, maxVBal, maxVal, msgs>>

Next ==
  \/ \E b \in Ballot : Phase1a(b)
  \/ \E b \in Ballot, v \in Value : Phase2a(b, v)
  \/ \E a \in Acceptor : Phase1b(a) \/ Phase2b(a)
  \/ \E l \in Learner : Learn(l)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Safety: learners never disagree. *)
Consistency ==
  \A l1, l2 \in Learner :
    (chosen[l1] # None /\ chosen[l2] # None) => chosen[l1] = chosen[l2]

(* Acceptors never vote for two values in one ballot (follows from the    *)
(* single 2a per ballot).                                                 *)
OneValuePerBallot ==
  \A m1, m2 \in msgs :
    (m1.type = "2b" /\ m2.type = "2b" /\ m1.bal = m2.bal) => m1.val = m2.val

-----------------------------------------------------------------------------
(* Refinement.  The values learned so far, seen as Consensus's `chosen`.  *)
(* Paxos implements Consensus: every Paxos behaviour, mapped through      *)
(* LearnedValues, is a Consensus behaviour (a learner learning a value    *)
(* that another learner already learned is a stuttering step).            *)
LearnedValues == {chosen[l] : l \in {k \in Learner : chosen[k] # None}}

C == INSTANCE Consensus WITH chosen <- LearnedValues

(* THEOREM Spec => C!Spec, checked by the models as property Refinement. *)
Refinement == C!Spec
=============================================================================
