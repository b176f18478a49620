--------------------------------- MODULE TLC --------------------------------
(***************************************************************************)
(* Operators that the model checker provides: printing, assertions, run    *)
(* statistics and registers, and a few helpers on functions and sequences. *)
(* All are evaluated natively; where the meaning is expressible in TLA+    *)
(* the body states it, otherwise the body names the result by CHOOSE.      *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets
  \* as TLC's own TLC module does: the dependency fixes the order TLC reports modules in

Print(out, val) == val
  \* native: also prints out

PrintT(out) == TRUE
  \* native: also prints out

Assert(val, out) == IF val = TRUE THEN TRUE ELSE CHOOSE failure : failure # failure
  \* native: when val is not TRUE, stops with an error showing out

JavaTime == CHOOSE seconds \in Nat : TRUE
  \* native: the current time in seconds since the epoch

TLCGet(i) == CHOOSE stored : TRUE
  \* native: register i, or a run statistic such as "level" or "distinct"

TLCSet(i, v) == TRUE
  \* native: stores v in register i of the evaluating worker

d :> e == [x \in {d} |-> e]
  \* native

f @@ g == [x \in DOMAIN f \cup DOMAIN g |-> IF x \in DOMAIN f THEN f[x] ELSE g[x]]
  \* native

Permutations(S) == {p \in [S -> S] : \A y \in S : \E x \in S : p[x] = y}
  \* native

SortSeq(s, Op(_, _)) ==
  LET Positions == 1 .. Len(s)
      Orders == {p \in [Positions -> Positions] : \A j \in Positions : \E i \in Positions : p[i] = j}
      InOrder(p) == \A i, j \in Positions : i < j => ~Op(s[p[j]], s[p[i]])
      order == CHOOSE p \in Orders : InOrder(p)
  IN  [i \in Positions |-> s[order[i]]]
  \* native

RandomElement(S) == CHOOSE x \in S : TRUE
  \* native: an element picked at random each time it is evaluated

Any == CHOOSE anything : TRUE
  \* native: a value that is an element of every set

ToString(v) == CHOOSE text \in STRING : TRUE
  \* native: v printed as TLC prints values

TLCEval(v) == v
  \* native: forces the evaluation of v (no lazy value)

=============================================================================
