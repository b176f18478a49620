--------------------------- MODULE FunctionTheorems ---------------------------
(***************************************************************************)
(* Facts about the operators of Functions, stated for TLAPS users. Synod   *)
(* ships the statements only: the proofs are omitted, and the model        *)
(* checker never evaluates a THEOREM.                                      *)
(***************************************************************************)
EXTENDS Functions, Naturals, FiniteSets

THEOREM RestrictDomainIsS ==
  ASSUME NEW f, NEW S \in SUBSET DOMAIN f
  PROVE  DOMAIN Restrict(f, S) = S

THEOREM RangeOfRestrictIsImage ==
  ASSUME NEW f, NEW S \in SUBSET DOMAIN f
  PROVE  Range(Restrict(f, S)) = Image(f, S)

THEOREM InjectiveOfRestriction ==
  ASSUME NEW f, IsInjective(f), NEW S \in SUBSET DOMAIN f
  PROVE  IsInjective(Restrict(f, S))

THEOREM BijectionIsInjectiveAndSurjective ==
  ASSUME NEW S, NEW T, NEW f \in Bijection(S, T)
  PROVE  f \in Injection(S, T) /\ f \in Surjection(S, T)

THEOREM InjectionPreservesCardinality ==
  ASSUME NEW S, IsFiniteSet(S), NEW T, NEW f \in Injection(S, T)
  PROVE  Cardinality(Range(f)) = Cardinality(S)

THEOREM ExistsBijectionSymmetric ==
  ASSUME NEW S, NEW T, ExistsBijection(S, T)
  PROVE  ExistsBijection(T, S)

=============================================================================
