-------------------------- MODULE Linearizability --------------------------
(***************************************************************************)
(* Linearizability (Herlihy and Wing, 1990) of a finite history of        *)
(* operations on a concurrent object, against a sequential specification *)
(* of that object.                                                        *)
(*                                                                         *)
(* A history is linearizable when each operation can be given a single    *)
(* instant, between its invocation and its response, at which it takes    *)
(* effect, such that                                                      *)
(*   (1) real-time order is kept: if a responded before b was invoked,    *)
(*       a comes before b;                                                 *)
(*   (2) the operations, executed one at a time in that order on the      *)
(*       sequential object, return what they returned in the history.    *)
(* Operations still pending (invoked, no response) may or may not have    *)
(* taken effect: a history is linearizable if some choice of the pending  *)
(* operations, added with suitable responses, makes it linearizable.      *)
(*                                                                         *)
(* An operation is a record with at least                                 *)
(*   id    a unique identifier                                            *)
(*   done  TRUE once it has responded                                     *)
(*   after the ids of the operations that had responded when it was       *)
(*         invoked -- real-time order without a clock:                    *)
(*         a precedes b  iff  a.done /\ a.id \in b.after                 *)
(* plus whatever the sequential specification reads (e.g. f, arg, ret).  *)
(*                                                                         *)
(* The sequential specification is given by two operators:               *)
(*   Ok(s, o)    in object state s, operation o may return what it did  *)
(*   Apply(s, o) the object state after o                                 *)
(*                                                                         *)
(* The search below builds a linearization front to back: at each point   *)
(* only operations that no remaining operation precedes are candidates.   *)
(* That keeps the search small on the short histories a model produces.  *)
(***************************************************************************)
EXTENDS FiniteSets

Precedes(a, b) == a.done /\ a.id \in b.after

(* Whether history H (a set of operations) is linearizable for the       *)
(* object that starts in state init.                                      *)
(*                                                                         *)
(* LinearizableFrom(todo, s): whether the operations in `todo` can be     *)
(* linearized, starting from object state s.  Pending operations are not  *)
(* checked by Ok: their response is not known yet, so any response is     *)
(* possible.  It is local to IsLinearizable, reading Ok and Apply from    *)
(* there: SANY refuses RECURSIVE F(_, _, _, _) for a definition whose last *)
(* parameter is an operator, F(todo, s, Ok(_, _), Apply(_, _)).            *)
IsLinearizable(H, init, Ok(_, _), Apply(_, _)) ==
  LET RECURSIVE LinearizableFrom(_, _)
      LinearizableFrom(todo, s) ==
        \/ todo = {}
        \/ \E o \in todo :
             /\ \A p \in todo : ~Precedes(p, o)
             /\ (o.done => Ok(s, o))
             /\ LinearizableFrom(todo \ {o}, Apply(s, o))
  IN  \E pending \in SUBSET {o \in H : ~o.done} :
        LinearizableFrom({o \in H : o.done} \cup pending, init)

-----------------------------------------------------------------------------
(* A read/write register, the sequential object of ABD.  Operations have  *)
(* f = "read" or "write", arg (the value written) and ret (the value read).*)
RegisterOk(s, o) == o.f = "read" => o.ret = s

RegisterApply(s, o) == IF o.f = "write" THEN o.arg ELSE s

IsLinearizableRegister(H, init) ==
  IsLinearizable(H, init, RegisterOk, RegisterApply)
=============================================================================
