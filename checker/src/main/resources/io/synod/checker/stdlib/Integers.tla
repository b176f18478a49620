------------------------------ MODULE Integers ------------------------------
(***************************************************************************)
(* The integers: Naturals extended with the negative numbers and unary     *)
(* minus.  The arithmetic of Naturals is evaluated natively over all of    *)
(* Int; the Naturals bodies describe its restriction to Nat.               *)
(***************************************************************************)
EXTENDS Naturals

Int == CHOOSE TheIntegers : Nat \subseteq TheIntegers
  \* native: the set {..., -2, -1, 0, 1, 2, ...}

-. a == 0 - a
  \* native

=============================================================================
