--------------------------- MODULE DyadicRationals ---------------------------
(***************************************************************************)
(* Dyadic rationals num / den, den a power of two, as records             *)
(* [num |-> n, den |-> d] kept in lowest terms.                            *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE TLC

LOCAL Frac(n, d) == [num |-> n, den |-> d]

\* Halves numerator and denominator while both are even.
RECURSIVE Lowest(_)
LOCAL Lowest(p) ==
  IF p.den > 1 /\ p.num % 2 = 0 THEN Lowest(Frac(p.num \div 2, p.den \div 2)) ELSE p

IsDyadicRational(r) == \E i \in 0 .. r.den : 2^i = r.den

Zero == Frac(0, 1)

One == Frac(1, 1)

Add(p, q) ==
  LET d == IF p.den >= q.den THEN p.den ELSE q.den
  IN  Lowest(Frac(p.num * (d \div p.den) + q.num * (d \div q.den), d))

Half(p) == Lowest(Frac(p.num, p.den * 2))

PrettyPrint(p) ==
  IF p = Zero THEN "0" ELSE IF p = One THEN "1" ELSE ToString(p.num) \o "/" \o ToString(p.den)

=============================================================================
