-------------------------------- MODULE Quorum -------------------------------
(***************************************************************************)
(* The quorum systems over S: non-empty sets of subsets of S any two of    *)
(* which intersect, closed under taking supersets within S.                *)
(***************************************************************************)

QuorumSystem(S) ==
  {QS \in SUBSET SUBSET S :
     /\ QS # {}
     /\ \A Q, R \in QS : Q \cap R # {}
     /\ \A Q \in QS : \A R \in SUBSET S : Q \subseteq R => R \in QS}

=============================================================================
