------------------------------- MODULE MCABD -------------------------------
(***************************************************************************)
(* Models of ABD, and checks of Linearizability.tla itself.               *)
(*                                                                         *)
(*   MCABD.cfg             CI: 3 replicas, 1 write and 1 read            *)
(*   MCABDBench.cfg        benchmark: 1 write and 2 reads                 *)
(*   MCABDSmallQuorum.cfg  broken: single replicas are quorums             *)
(*   MCABDNoWriteBack.cfg  broken: reads return after the query phase     *)
(* Every model fails (reports a false ASSUME) if the linearizability      *)
(* definition misjudges one of the small histories below.                 *)
(***************************************************************************)
EXTENDS ABD

MajorityQuorums == {Q \in SUBSET Replica : 2 * Cardinality(Q) > Cardinality(Replica)}

(* Deliberately broken: quorums that need not intersect. *)
SingletonQuorums == {{r} : r \in Replica}

(* The bug: a reader returns as soon as a quorum answered its query,      *)
(* skipping the write-back phase.                                         *)
ReturnWithoutWriteBack(c) ==
  /\ client[c].phase = "query"
  /\ \E Q \in Quorum :
       /\ QuorumReplied(c, Q)
       /\ Respond(c, Newest(Replies(c, Q)).val)
  /\ client' = [client EXCEPT ![c] = Idle]
  /\ UNCHANGED <<store, msgs, nops>>

NoWriteBackNext == Next \/ \E c \in Reader : ReturnWithoutWriteBack(c)

NoWriteBackSpec == Init /\ [][NoWriteBackNext]_vars

-----------------------------------------------------------------------------
(* Small histories with a known verdict.  Op ids are <<process, n>>.      *)
Op(id, f, arg, ret, done, after) ==
  [id |-> id, f |-> f, arg |-> arg, ret |-> ret, done |-> done, after |-> after]

W1 == Op(<<"w", 1>>, "write", 1, 1, TRUE, {})

(* A write, then a read that sees it: linearizable. *)
ASSUME L!IsLinearizableRegister({W1, Op(<<"r", 1>>, "read", 0, 1, TRUE, {<<"w", 1>>})}, 0)

(* A read after a completed write that returns the old value: not. *)
ASSUME ~L!IsLinearizableRegister({W1, Op(<<"r", 1>>, "read", 0, 0, TRUE, {<<"w", 1>>})}, 0)

(* A read concurrent with the write may return either value. *)
ASSUME L!IsLinearizableRegister({W1, Op(<<"r", 1>>, "read", 0, 0, TRUE, {})}, 0)
ASSUME L!IsLinearizableRegister({W1, Op(<<"r", 1>>, "read", 0, 1, TRUE, {})}, 0)

(* A pending write may have taken effect ... *)
ASSUME L!IsLinearizableRegister(
         {Op(<<"w", 1>>, "write", 1, 0, FALSE, {}), Op(<<"r", 1>>, "read", 0, 1, TRUE, {})}, 0)

(* ... but not un-happen: new/old inversion of two reads during a write. *)
ASSUME ~L!IsLinearizableRegister(
          {Op(<<"w", 1>>, "write", 1, 0, FALSE, {}),
           Op(<<"r", 1>>, "read", 0, 1, TRUE, {}),
           Op(<<"r", 2>>, "read", 0, 0, TRUE, {<<"r", 1>>})}, 0)

(* A value nobody wrote cannot be read. *)
ASSUME ~L!IsLinearizableRegister({Op(<<"r", 1>>, "read", 0, 7, TRUE, {})}, 0)
=============================================================================
