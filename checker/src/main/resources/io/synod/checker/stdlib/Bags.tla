-------------------------------- MODULE Bags --------------------------------
(***************************************************************************)
(* Bags (multisets): a bag is a function from its elements to their       *)
(* positive numbers of copies.  Set-like operators are evaluated natively; *)
(* the definitions state their meaning.                                    *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE TLC
  \* as TLC's own Bags module does: the dependency fixes the order TLC reports modules in

LOCAL Copies(B, e) == IF e \in DOMAIN B THEN B[e] ELSE 0

LOCAL Total(B, D) ==
  \* the number of copies in B of the elements of D
  LET Sum[T \in SUBSET D] ==
        IF T = {} THEN 0
        ELSE LET x == CHOOSE y \in T : TRUE IN B[x] + Sum[T \ {x}]
  IN  Sum[D]

IsABag(B) == \A e \in DOMAIN B : B[e] \in Nat /\ B[e] > 0
  \* native

BagToSet(B) == DOMAIN B
  \* native

SetToBag(S) == [e \in S |-> 1]
  \* native

BagIn(e, B) == e \in DOMAIN B
  \* native

EmptyBag == SetToBag({})
  \* native

CopiesIn(e, B) == Copies(B, e)
  \* native

B1 \oplus B2 == [e \in DOMAIN B1 \cup DOMAIN B2 |-> Copies(B1, e) + Copies(B2, e)]
  \* native

B1 \ominus B2 ==
  LET Left == {e \in DOMAIN B1 : Copies(B1, e) > Copies(B2, e)}
  IN  [e \in Left |-> B1[e] - Copies(B2, e)]
  \* native

BagUnion(S) ==
  LET Union[T \in SUBSET S] ==
        IF T = {} THEN EmptyBag
        ELSE LET b == CHOOSE c \in T : TRUE IN b \oplus Union[T \ {b}]
  IN  Union[S]
  \* native

B1 \sqsubseteq B2 == \A e \in DOMAIN B1 : B1[e] <= Copies(B2, e)
  \* native

SubBag(B) ==
  UNION {{sb \in [D -> Nat \ {0}] : \A e \in D : sb[e] <= B[e]} : D \in SUBSET DOMAIN B}
  \* native

BagOfAll(F(_), B) ==
  [y \in {F(x) : x \in DOMAIN B} |-> Total(B, {x \in DOMAIN B : F(x) = y})]
  \* native

BagCardinality(B) == Total(B, DOMAIN B)
  \* native

=============================================================================
