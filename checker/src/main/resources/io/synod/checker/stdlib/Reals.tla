------------------------------- MODULE Reals --------------------------------
(***************************************************************************)
(* The real numbers.  Declared so that specifications using them parse and *)
(* are checked for names and arities; the model checker cannot enumerate   *)
(* Real and reports an evaluation error where a real number is needed.     *)
(***************************************************************************)
EXTENDS Integers

Real == CHOOSE TheReals : Int \subseteq TheReals
  \* native: the set of real numbers (not enumerable)

a / b == CHOOSE quotient \in Real : a = quotient * b
  \* native

Infinity == CHOOSE inf : inf \notin Real
  \* native

=============================================================================
