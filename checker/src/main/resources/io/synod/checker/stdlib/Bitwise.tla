------------------------------- MODULE Bitwise -------------------------------
(***************************************************************************)
(* Bitwise operations on natural numbers, each bit of the result computed  *)
(* from the bits of the operands at the same position. The evaluator has   *)
(* native versions; these definitions state what they compute.             *)
(***************************************************************************)
LOCAL INSTANCE Naturals

LOCAL Bit(n, i) == (n \div 2^i) % 2

LOCAL Width(x, y) ==
  LET Top[n \in Nat] == IF n = 0 THEN 0 ELSE 1 + Top[n \div 2]
  IN  Top[IF x >= y THEN x ELSE y]

LOCAL Combine(x, y, F(_, _)) ==
  LET Acc[i \in Nat] == IF i = 0 THEN 0 ELSE Acc[i - 1] + F(Bit(x, i - 1), Bit(y, i - 1)) * 2^(i - 1)
  IN  Acc[Width(x, y)]

x & y == Combine(x, y, LAMBDA a, b : a * b)
  \* native

x | y == Combine(x, y, LAMBDA a, b : IF a + b > 0 THEN 1 ELSE 0)
  \* native

x ^^ y == Combine(x, y, LAMBDA a, b : (a + b) % 2)
  \* native

shiftR(n, pos) == n \div 2^pos
  \* native

=============================================================================
