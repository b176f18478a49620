------------------------------ MODULE Naturals ------------------------------
(***************************************************************************)
(* The natural numbers 0, 1, 2, ... with their arithmetic and order.       *)
(*                                                                         *)
(* Synod evaluates every operator of this module natively (each marked     *)
(* "native" below).  The bodies below say what the operators mean:         *)
(* the set Nat and addition are the primitives, named by CHOOSE; the rest  *)
(* is defined from them.                                                   *)
(***************************************************************************)

Nat == CHOOSE TheNaturals : TRUE
  \* native: the set {0, 1, 2, ...}

a + b == CHOOSE sum \in Nat : TRUE
  \* native: the sum of a and b

a < b == \E gap \in Nat : gap # 0 /\ a + gap = b
  \* native

a <= b == a < b \/ a = b
  \* native

a > b == b < a
  \* native

a >= b == b <= a
  \* native

a - b == CHOOSE diff \in Nat : b + diff = a
  \* native

a * b ==
  LET Times[n \in Nat] == IF n = 0 THEN 0 ELSE Times[n - 1] + a
  IN  Times[b]
  \* native

a ^ b ==
  LET Power[n \in Nat] == IF n = 0 THEN 1 ELSE Power[n - 1] * a
  IN  Power[b]
  \* native

a .. b == {i \in Nat : a <= i /\ i <= b}
  \* native

a \div b == CHOOSE q \in Nat : \E r \in 0 .. (b - 1) : a = b * q + r
  \* native

a % b == a - b * (a \div b)
  \* native

=============================================================================
