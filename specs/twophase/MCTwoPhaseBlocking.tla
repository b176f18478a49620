------------------------- MODULE MCTwoPhaseBlocking -------------------------
(***************************************************************************)
(* Two-phase commit with a TM that can fail for good.  It shows why 2PC   *)
(* is called a blocking protocol: once an RM has prepared it must wait    *)
(* for the TM's decision, so if the TM fails before deciding, prepared    *)
(* RMs can do nothing at all.                                              *)
(*                                                                         *)
(* Two ways to see it:                                                    *)
(*   MCTwoPhaseBlocking.cfg          deadlock checking: a state where the  *)
(*       TM is down, RMs are prepared and no step is possible.  Finished  *)
(*       transactions are not deadlocks: Finished below lets them idle.   *)
(*   MCTwoPhaseBlockingLiveness.cfg  the liveness property Termination    *)
(*       fails even under fairness (needs liveness checking).              *)
(* Gray and Lamport's Paxos Commit removes the single TM to avoid this.   *)
(***************************************************************************)
EXTENDS TwoPhase

VARIABLE tmUp  \* whether the TM is running

bvars == <<vars, tmUp>>

BInit == TPInit /\ tmUp = TRUE

(* The TM stops and never comes back. *)
TMFail == tmUp /\ tmUp' = FALSE /\ UNCHANGED vars

(* Every RM has decided: the transaction is over and the system idles.    *)
Finished == AllDecided /\ UNCHANGED bvars

BNext ==
  \/ tmUp /\ TMNext /\ UNCHANGED tmUp
  \/ \E r \in RM : RMNext(r) /\ UNCHANGED tmUp
  \/ TMFail
  \/ Finished

BSpec == BInit /\ [][BNext]_bvars

BFairSpec == BSpec /\ WF_bvars(BNext)
=============================================================================
