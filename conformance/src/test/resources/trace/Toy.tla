---------------------------- MODULE Toy ----------------------------
(* A toy protocol for the trace validator's tests: nodes count up,    *)
(* announce their counts, and copy larger counts they receive.       *)
EXTENDS Naturals

CONSTANTS Node, Nil

VARIABLES val, msgs

Init == val = [n \in Node |-> 0] /\ msgs = {}

Inc(n) ==
  /\ val' = [val EXCEPT ![n] = @ + 1]
  /\ msgs' = msgs \cup {[from |-> n, v |-> val[n] + 1]}

Bump(n) ==
  /\ \E k \in 1..2 : val' = [val EXCEPT ![n] = @ + k]
  /\ UNCHANGED msgs

Copy(n, m) ==
  /\ m.v > val[n]
  /\ val' = [val EXCEPT ![n] = m.v]
  /\ UNCHANGED msgs

Next == \E n \in Node : Inc(n) \/ Bump(n) \/ \E m \in msgs : Copy(n, m)
=====================================================================
