------------------------------ MODULE Naturals ------------------------------
(***************************************************************************)
(* The natural numbers 0, 1, 2, ... with their arithmetic and order.       *)
(*                                                                         *)
(* Synod evaluates every operator of this module natively (see             *)
(* native-operators.txt).  The bodies below say what the operators mean:   *)
(* the set Nat and addition are the primitives, named by CHOOSE; the rest  *)
(* is defined from them.                                                   *)
(***************************************************************************)

Nat == CHOOSE TheNaturals : TRUE
  \* native: the set {0, 1, 2, ...}

a + b == CHOOSE sum \in Nat : TRUE
  \* native: the sum of a and b

a < b == \E gap \in Nat : gap # 0 /\ a + gap = b

a <= b == a < b \/ a = b

a > b == b < a

a >= b == b <= a

a - b == CHOOSE diff \in Nat : b + diff = a

a * b ==
  LET Times[n \in Nat] == IF n = 0 THEN 0 ELSE Times[n - 1] + a
  IN  Times[b]

a ^ b ==
  LET Power[n \in Nat] == IF n = 0 THEN 1 ELSE Power[n - 1] * a
  IN  Power[b]

a .. b == {i \in Nat : a <= i /\ i <= b}

a \div b == CHOOSE q \in Nat : \E r \in 0 .. (b - 1) : a = b * q + r

a % b == a - b * (a \div b)

=============================================================================
