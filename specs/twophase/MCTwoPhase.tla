----------------------------- MODULE MCTwoPhase -----------------------------
(***************************************************************************)
(* Models of two-phase commit.                                             *)
(*                                                                         *)
(*   MCTwoPhase.cfg          CI: 3 RMs; invariants and the refinement of   *)
(*                           TCommit                                       *)
(*   MCTwoPhaseBench.cfg     benchmark: 7 RMs (296,448 states)             *)
(*   MCTwoPhaseLiveness.cfg  Termination under weak fairness (holds; needs *)
(*                           liveness checking)                            *)
(*   MCTwoPhaseLivenessBench.cfg  liveness benchmark: Termination, 7 RMs   *)
(*   MCTwoPhaseEagerCommit*.cfg  broken: the TM commits as soon as one RM *)
(*                           is prepared (EagerNext below)                 *)
(* Blocking under TM failure is in MCTwoPhaseBlocking.tla.                 *)
(***************************************************************************)
EXTENDS TwoPhase

(* The bug: the TM decides commit once *some* RM is prepared, instead of  *)
(* all of them.  Another RM may meanwhile abort on its own.               *)
TMEagerCommit ==
  /\ tmState = "init"
  /\ tmPrepared # {}
  /\ tmState' = "committed"
  /\ msgs' = msgs \cup {[type |-> "Commit"]}
  /\ UNCHANGED <<rmState, tmPrepared>>

EagerNext == TPNext \/ TMEagerCommit

EagerSpec == TPInit /\ [][EagerNext]_vars
=============================================================================
