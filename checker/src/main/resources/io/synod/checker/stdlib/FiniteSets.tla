----------------------------- MODULE FiniteSets -----------------------------
(***************************************************************************)
(* Finiteness and the number of elements of a set.  Both operators are     *)
(* evaluated natively.                                                     *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences

IsFiniteSet(S) == \E enum \in Seq(S) : \A x \in S : \E i \in 1 .. Len(enum) : enum[i] = x
  \* native

Cardinality(S) ==
  LET Count[T \in SUBSET S] ==
        IF T = {} THEN 0
        ELSE LET x == CHOOSE y \in T : TRUE IN 1 + Count[T \ {x}]
  IN  Count[S]
  \* native

=============================================================================
