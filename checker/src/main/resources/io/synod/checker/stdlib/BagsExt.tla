------------------------------- MODULE BagsExt -------------------------------
(***************************************************************************)
(* More operators on bags (functions from elements to their positive      *)
(* number of copies).                                                      *)
(***************************************************************************)
LOCAL INSTANCE Bags
LOCAL INSTANCE Integers
LOCAL INSTANCE Folds

LOCAL Copies(B, x) == IF x \in DOMAIN B THEN B[x] ELSE 0

\* One more copy of x in B.
BagAdd(B, x) == [e \in DOMAIN B \cup {x} |-> Copies(B, e) + IF e = x THEN 1 ELSE 0]

\* One copy of x less in B (B itself when x is not in it).
BagRemove(B, x) ==
  [e \in {d \in DOMAIN B : d # x \/ B[d] > 1} |-> IF e = x THEN B[e] - 1 ELSE B[e]]

\* No copy of x left in B.
BagRemoveAll(B, x) == [e \in DOMAIN B \ {x} |-> B[e]]

(***************************************************************************)
(* Folds op over f(x) for every copy of every element x of B, starting     *)
(* from base; choose picks the next element among those left, and all the  *)
(* copies of an element are folded one after the other.                    *)
(***************************************************************************)
MapThenFoldBag(op(_, _), base, f(_), choose(_), B) ==
  LET Repeat(x, acc) ==
        LET R[k \in Nat] == IF k = 0 THEN acc ELSE op(f(x), R[k - 1])
        IN  R[B[x]]
      Fold[Rest \in SUBSET DOMAIN B] ==
        IF Rest = {} THEN base
        ELSE LET x == choose(Rest) IN Repeat(x, Fold[Rest \ {x}])
  IN  Fold[DOMAIN B]

FoldBag(op(_, _), base, B) == MapThenFoldBag(op, base, LAMBDA x : x, LAMBDA S : CHOOSE x \in S : TRUE, B)

SumBag(B) == FoldBag(LAMBDA x, y : x + y, 0, B)

ProductBag(B) == FoldBag(LAMBDA x, y : x * y, 1, B)

=============================================================================
