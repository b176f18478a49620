------------------------------ MODULE QuorumTheorems ------------------------------
(***************************************************************************)
(* Facts about quorum systems (statements only; proofs omitted).           *)
(***************************************************************************)
EXTENDS Quorum, Integers, FiniteSets

THEOREM QuorumsIntersect ==
  ASSUME NEW S, NEW QS \in QuorumSystem(S), NEW Q \in QS, NEW R \in QS
  PROVE  \E s \in S : s \in Q \cap R

THEOREM QuorumSuperset ==
  ASSUME NEW S, NEW QS \in QuorumSystem(S), NEW Q \in QS, NEW R \in SUBSET S, Q \subseteq R
  PROVE  R \in QS

THEOREM MajoritiesQuorumSystem ==
  ASSUME NEW S, IsFiniteSet(S), S # {}
  PROVE  {Q \in SUBSET S : 2 * Cardinality(Q) > Cardinality(S)} \in QuorumSystem(S)

=============================================================================
