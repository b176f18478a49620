----------------------------- MODULE Statistics ------------------------------
(***************************************************************************)
(* ChiSquare(expected, actual, alpha): whether the observed counts fit the *)
(* expected frequencies at significance level alpha (a string such as     *)
(* "0.05"). The evaluator decides it with Pearson's chi-square test; as a  *)
(* formula it only states that the hypothesis is not rejected.            *)
(***************************************************************************)
EXTENDS Naturals

ChiSquare(expected, actual, alpha) == TRUE
  \* native: FALSE when the test rejects, at level alpha, that actual follows expected

=============================================================================
