---------------------------- MODULE Combinatorics ----------------------------
(***************************************************************************)
(* Counting: n! and the binomial coefficient "n choose k".                 *)
(***************************************************************************)
EXTENDS Naturals

factorial[n \in Nat] == IF n = 0 THEN 1 ELSE n * factorial[n - 1]

choose(n, k) == factorial[n] \div (factorial[k] * factorial[n - k])
  \* native: the binomial coefficient without n!, 0 when k > n (as TLC's own version)

=============================================================================
