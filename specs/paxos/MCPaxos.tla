------------------------------ MODULE MCPaxos ------------------------------
(***************************************************************************)
(* Models of Paxos for the model checker.  The configuration files pick   *)
(* the sizes; this module only supplies the quorum systems.               *)
(*                                                                         *)
(*   MCPaxos.cfg            CI: 3 acceptors, 2 values, ballots 0..1        *)
(*   MCPaxosBench.cfg       benchmark: ballots 0..2                        *)
(*   MCPaxosSmallQuorum.cfg broken: single acceptors are quorums, so two  *)
(*                          quorums need not intersect; Consistency fails *)
(*   MCPaxosSmallQuorumRefinement.cfg  the same bug, caught as a failed    *)
(*                          refinement of Consensus                        *)
(***************************************************************************)
EXTENDS Paxos

(* Majorities: any two intersect. *)
MajorityQuorums == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

(* Deliberately broken: every single acceptor is a quorum. *)
SingletonQuorums == {{a} : a \in Acceptor}
=============================================================================
