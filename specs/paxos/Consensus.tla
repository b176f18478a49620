----------------------------- MODULE Consensus -----------------------------
(***************************************************************************)
(* The problem that Paxos solves, stated with no processes and no         *)
(* messages at all: a set of proposed values, and a set `chosen` that     *)
(* starts empty and at some point receives one value, after which it      *)
(* never changes.  Safety of consensus is exactly this:                   *)
(*                                                                         *)
(*   - only a proposed value can be chosen (here: any value of Value),    *)
(*   - at most one value is chosen,                                        *)
(*   - once chosen, a value stays chosen (learners can rely on it).       *)
(*                                                                         *)
(* A protocol implements consensus when every behaviour it allows, seen   *)
(* through a refinement mapping that computes `chosen` from the           *)
(* protocol's state, is a behaviour of Spec below.  Paxos.tla does that.  *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANT Value

VARIABLE chosen

TypeOK == chosen \subseteq Value

Init == chosen = {}

(* The only step: pick a value, once. *)
Choose == /\ chosen = {}
          /\ \E v \in Value : chosen' = {v}

Next == Choose

Spec == Init /\ [][Next]_chosen

(* Implied by Spec; stated separately so that it can be checked as an     *)
(* invariant of the abstract model itself.                                *)
AtMostOne == Cardinality(chosen) <= 1
=============================================================================
