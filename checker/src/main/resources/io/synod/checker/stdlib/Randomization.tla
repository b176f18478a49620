---------------------------- MODULE Randomization ---------------------------
(***************************************************************************)
(* Random subsets, for checking a sample of a state space too large to     *)
(* enumerate.  Evaluated natively with the run's random seed; the bodies   *)
(* state what a result satisfies.                                          *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

RandomSubset(k, S) == CHOOSE T \in SUBSET S : Cardinality(T) = k
  \* native: a subset of S with k elements, picked at random

RandomSetOfSubsets(k, n, S) == CHOOSE T \in SUBSET SUBSET S : Cardinality(T) \leq k
  \* native: at most k random subsets of S, each element in with probability n / |S|

RandomSubsetSet(k, probability, S) == CHOOSE T \in SUBSET SUBSET S : Cardinality(T) \leq k
  \* native: at most k random subsets of S, each element in with the probability given as a string

TestRandomSetOfSubsets(k, n, S) == CHOOSE size \in Nat : size \leq k
  \* native: the number of distinct subsets RandomSetOfSubsets(k, n, S) yields

=============================================================================
