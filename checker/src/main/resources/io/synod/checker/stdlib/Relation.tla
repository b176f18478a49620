------------------------------- MODULE Relation -----------------------------
(***************************************************************************)
(* Properties and closures of a binary relation R over a set S, R given as *)
(* a Boolean function on S \X S (R[x, y] means x is related to y).         *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

IsReflexive(R, S) == \A x \in S : R[x, x]

IsIrreflexive(R, S) == \A x \in S : ~R[x, x]

IsSymmetric(R, S) == \A x, y \in S : R[x, y] = R[y, x]

IsAntiSymmetric(R, S) == \A x, y \in S : R[x, y] /\ R[y, x] => x = y

IsAsymmetric(R, S) == \A x, y \in S : ~(R[x, y] /\ R[y, x])

IsTransitive(R, S) == \A x, y, z \in S : R[x, y] /\ R[y, z] => R[x, z]

IsStrictlyPartiallyOrdered(R, S) == IsIrreflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)

IsPartiallyOrdered(R, S) == IsReflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)

IsStrictlyTotallyOrdered(R, S) ==
  IsStrictlyPartiallyOrdered(R, S) /\ \A x, y \in S : x # y => R[x, y] \/ R[y, x]

IsTotallyOrdered(R, S) == IsPartiallyOrdered(R, S) /\ \A x, y \in S : R[x, y] \/ R[y, x]

TransitiveClosure(R, S) ==
  (*************************************************************************)
  (* Paths of length at most 2^k after k squarings; Cardinality(S)         *)
  (* squarings cover every simple path.                                    *)
  (*************************************************************************)
  LET Paths[k \in Nat] ==
        IF k = 0 THEN [p \in S \X S |-> R[p[1], p[2]]]
        ELSE [p \in S \X S |-> \/ Paths[k - 1][p]
                               \/ \E m \in S : Paths[k - 1][<<p[1], m>>] /\ Paths[k - 1][<<m, p[2]>>]]
  IN  Paths[Cardinality(S)]
  \* native

ReflexiveTransitiveClosure(R, S) ==
  LET Closure == TransitiveClosure(R, S)
  IN  [p \in S \X S |-> p[1] = p[2] \/ Closure[p]]

IsConnected(R, S) ==
  LET Closure == ReflexiveTransitiveClosure(R, S)
  IN  \A x, y \in S : Closure[x, y]

=============================================================================
