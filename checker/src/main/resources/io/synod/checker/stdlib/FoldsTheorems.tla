------------------------------ MODULE FoldsTheorems ------------------------------
(***************************************************************************)
(* Facts about MapThenFoldSet (statements only; proofs omitted).           *)
(***************************************************************************)
EXTENDS Folds, FiniteSets

THEOREM MapThenFoldSetEmpty ==
  ASSUME NEW op(_, _), NEW base, NEW f(_), NEW choose(_)
  PROVE  MapThenFoldSet(op, base, f, choose, {}) = base

THEOREM MapThenFoldSetSingleton ==
  ASSUME NEW op(_, _), NEW base, NEW f(_), NEW choose(_), NEW x,
         choose({x}) = x
  PROVE  MapThenFoldSet(op, base, f, choose, {x}) = op(f(x), base)

THEOREM MapThenFoldSetNonempty ==
  ASSUME NEW op(_, _), NEW base, NEW f(_), NEW choose(_), NEW S, IsFiniteSet(S), S # {},
         choose(S) \in S
  PROVE  MapThenFoldSet(op, base, f, choose, S)
           = op(f(choose(S)), MapThenFoldSet(op, base, f, choose, S \ {choose(S)}))

=============================================================================
