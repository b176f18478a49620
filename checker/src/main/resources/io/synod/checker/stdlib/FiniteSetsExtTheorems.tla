------------------------- MODULE FiniteSetsExtTheorems -------------------------
(***************************************************************************)
(* Facts about the operators of FiniteSetsExt (statements only; proofs     *)
(* omitted).                                                               *)
(***************************************************************************)
EXTENDS FiniteSetsExt, FiniteSets, Integers

THEOREM SumSetEmpty == SumSet({}) = 0

THEOREM SumSetAddElement ==
  ASSUME NEW S \in SUBSET Int, IsFiniteSet(S), NEW x \in Int \ S
  PROVE  SumSet(S \cup {x}) = SumSet(S) + x

THEOREM MaxIsUpperBound ==
  ASSUME NEW S \in SUBSET Int, IsFiniteSet(S), S # {}
  PROVE  Max(S) \in S /\ \A x \in S : x <= Max(S)

THEOREM MinIsLowerBound ==
  ASSUME NEW S \in SUBSET Int, IsFiniteSet(S), S # {}
  PROVE  Min(S) \in S /\ \A x \in S : Min(S) <= x

THEOREM KSubsetCardinality ==
  ASSUME NEW S, IsFiniteSet(S), NEW k \in Nat, NEW T \in kSubset(k, S)
  PROVE  T \subseteq S /\ Cardinality(T) = k

THEOREM QuantifyBounded ==
  ASSUME NEW S, IsFiniteSet(S), NEW P(_)
  PROVE  Quantify(S, P) \in 0 .. Cardinality(S)

=============================================================================
