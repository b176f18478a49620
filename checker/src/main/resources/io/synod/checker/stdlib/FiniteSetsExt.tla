---------------------------- MODULE FiniteSetsExt ---------------------------
(***************************************************************************)
(* Folds, sums, extrema and counting over finite sets.                     *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE Folds
LOCAL INSTANCE Functions

FoldSet(op(_, _), base, set) ==
  MapThenFoldSet(op, base, LAMBDA x : x, LAMBDA T : CHOOSE x \in T : TRUE, set)
  \* native

ReduceSet(op(_, _), set, acc) == FoldSet(op, acc, set)

SumSet(set) == FoldSet(LAMBDA x, y : x + y, 0, set)
  \* native

ProductSet(set) == FoldSet(LAMBDA x, y : x * y, 1, set)
  \* native

MapThenSumSet(op(_), set) ==
  MapThenFoldSet(LAMBDA x, y : x + y, 0, op, LAMBDA T : CHOOSE x \in T : TRUE, set)

FlattenSet(S) == UNION S

SymDiff(A, B) == (A \ B) \cup (B \ A)

Quantify(S, P(_)) == Cardinality({x \in S : P(x)})
  \* native

kSubset(k, S) == {T \in SUBSET S : Cardinality(T) = k}
  \* native

Max(S) == CHOOSE m \in S : \A x \in S : x \leq m
  \* native

Min(S) == CHOOSE m \in S : \A x \in S : m \leq x
  \* native

Choices(Sets) ==
  LET Picks == {pick \in [Sets -> UNION Sets] : \A T \in Sets : pick[T] \in T}
  IN  {{pick[T] : T \in Sets} : pick \in Picks}

ChooseUnique(S, P(_)) == CHOOSE x \in S : P(x) /\ \A y \in S : P(y) => y = x

=============================================================================
