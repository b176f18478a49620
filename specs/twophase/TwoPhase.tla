------------------------------ MODULE TwoPhase ------------------------------
(***************************************************************************)
(* Two-phase commit: a transaction manager (TM) coordinates the resource  *)
(* managers (RMs) of TCommit.tla.                                          *)
(*                                                                         *)
(*   Phase 1: each RM that can commit prepares and tells the TM           *)
(*            ("Prepared"); an RM that cannot simply aborts on its own.   *)
(*   Phase 2: once every RM has said Prepared, the TM decides commit and  *)
(*            broadcasts "Commit"; the TM may instead decide abort at any *)
(*            time before that (e.g. on a timeout) and broadcast "Abort". *)
(*            RMs do what the decision says.                              *)
(*                                                                         *)
(* The TM's decision is the single point of agreement, which is why 2PC  *)
(* is safe -- and why it blocks: a prepared RM may neither commit nor     *)
(* abort on its own, so if the TM fails before its decision reaches the  *)
(* RMs, they wait for as long as it is down (MCTwoPhaseBlocking).          *)
(*                                                                         *)
(* The network is the set `msgs` of messages ever sent: never removed, so *)
(* receiving may happen many times, in any order, or never (loss).  RM    *)
(* and TM state that matters survives crashes (the decision and the RMs' *)
(* prepared/committed/aborted state are logged), so crashes of RMs are    *)
(* pauses and need no action.                                             *)
(*                                                                         *)
(* Names match `synod sim 2pc` (implementations/TRACE-FORMAT.md):          *)
(* variables rmState, tmState, tmPrepared, msgs; actions RMPrepare,       *)
(* RMChooseToAbort, TMRcvPrepared, TMCommit, TMAbort, RMRcvCommitMsg,     *)
(* RMRcvAbortMsg; messages with fields type and rm.                       *)
(***************************************************************************)
CONSTANT RM

VARIABLES
  rmState,     \* rmState[r]: as in TCommit
  tmState,     \* "init", "committed" or "aborted": the TM's decision
  tmPrepared,  \* the RMs from which the TM has received Prepared
  msgs         \* every message sent so far

vars == <<rmState, tmState, tmPrepared, msgs>>

Message ==
  [type : {"Prepared"}, rm : RM] \cup [type : {"Commit", "Abort"}]

TPTypeOK ==
  /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
  /\ tmState \in {"init", "committed", "aborted"}
  /\ tmPrepared \subseteq RM
  /\ msgs \subseteq Message

TPInit ==
  /\ rmState = [r \in RM |-> "working"]
  /\ tmState = "init"
  /\ tmPrepared = {}
  /\ msgs = {}

(* ---- transaction manager ---- *)

TMRcvPrepared(r) ==
  /\ tmState = "init"
  /\ [type |-> "Prepared", rm |-> r] \in msgs
  /\ tmPrepared' = tmPrepared \cup {r}
  /\ UNCHANGED <<rmState, tmState, msgs>>

TMCommit ==
  /\ tmState = "init"
  /\ tmPrepared = RM
  /\ tmState' = "committed"
  /\ msgs' = msgs \cup {[type |-> "Commit"]}
  /\ UNCHANGED <<rmState, tmPrepared>>

TMAbort ==
  /\ tmState = "init"
  /\ tmState' = "aborted"
  /\ msgs' = msgs \cup {[type |-> "Abort"]}
  /\ UNCHANGED <<rmState, tmPrepared>>

(* ---- resource managers ---- *)

RMPrepare(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
  /\ msgs' = msgs \cup {[type |-> "Prepared", rm |-> r]}
  /\ UNCHANGED <<tmState, tmPrepared>>

(* A working RM may give up unilaterally; a prepared one may not. *)
RMChooseToAbort(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvCommitMsg(r) ==
  /\ [type |-> "Commit"] \in msgs
  /\ rmState' = [rmState EXCEPT ![r] = "committed"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvAbortMsg(r) ==
  /\ [type |-> "Abort"] \in msgs
  /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

TMNext == TMCommit \/ TMAbort \/ \E r \in RM : TMRcvPrepared(r)

RMNext(r) ==
  \/ RMPrepare(r) \/ RMChooseToAbort(r)
  \/ RMRcvCommitMsg(r) \/ RMRcvAbortMsg(r)

TPNext == TMNext \/ \E r \in RM : RMNext(r)

TPSpec == TPInit /\ [][TPNext]_vars

(* With the TM up and fair steps, every RM eventually learns the outcome. *)
FairSpec == TPSpec /\ WF_vars(TPNext)

AllDecided == \A r \in RM : rmState[r] \in {"committed", "aborted"}

(* Liveness: the transaction eventually finishes at every RM.             *)
Termination == <>AllDecided

-----------------------------------------------------------------------------
(* Refinement: 2PC implements transaction commit, with rmState mapped to  *)
(* itself.  TCConsistent then holds for 2PC too.                          *)
TC == INSTANCE TCommit

TCRefinement == TC!TCSpec

TCConsistent == TC!TCConsistent
=============================================================================
