------------------------------ MODULE TCommit ------------------------------
(***************************************************************************)
(* Transaction commit, the problem two-phase commit solves (Gray and      *)
(* Lamport, "Consensus on Transaction Commit").  A transaction spans      *)
(* several resource managers (RMs).  Each RM works on its part, then      *)
(* either prepares (it is able to commit and promises to do whatever is   *)
(* decided) or gives up.  The RMs must agree: all commit or all abort.    *)
(*                                                                         *)
(* Here there is no coordinator and no message: only what each RM knows,  *)
(* and the rules that keep them consistent.  An RM may commit only when   *)
(* every RM is prepared or already committed; it may abort only while no  *)
(* RM has committed.                                                      *)
(***************************************************************************)
CONSTANT RM  \* the resource managers

VARIABLE rmState  \* rmState[r]: "working", "prepared", "committed" or "aborted"

TCTypeOK == rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]

TCInit == rmState = [r \in RM |-> "working"]

(* Every RM is prepared or has committed: committing is allowed. *)
CanCommit == \A r \in RM : rmState[r] \in {"prepared", "committed"}

(* No RM has committed: aborting is still allowed. *)
NoneCommitted == \A r \in RM : rmState[r] # "committed"

Prepare(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "prepared"]

Decide(r) ==
  \/ /\ rmState[r] = "prepared"
     /\ CanCommit
     /\ rmState' = [rmState EXCEPT ![r] = "committed"]
  \/ /\ rmState[r] \in {"working", "prepared"}
     /\ NoneCommitted
     /\ rmState' = [rmState EXCEPT ![r] = "aborted"]

TCNext == \E r \in RM : Prepare(r) \/ Decide(r)

TCSpec == TCInit /\ [][TCNext]_rmState

(* The safety property: never one RM committed and another aborted. *)
TCConsistent ==
  \A r1, r2 \in RM : ~(rmState[r1] = "aborted" /\ rmState[r2] = "committed")
=============================================================================
