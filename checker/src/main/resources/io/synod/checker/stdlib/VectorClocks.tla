---------------------------- MODULE VectorClocks ----------------------------
(***************************************************************************)
(* Logs collected from several nodes, each line stamped with the vector    *)
(* clock of its node: whether a log is in an order consistent with the     *)
(* clocks, and such an order.  CausalOrder is evaluated natively (a        *)
(* topological sort of the lines); its body states what it computes.      *)
(***************************************************************************)
EXTENDS Naturals, Sequences, Functions

\* Clock c1 precedes c2: no entry larger, one entry smaller.
LOCAL Precedes(c1, c2) ==
    /\ \A n \in DOMAIN c1 : c1[n] <= c2[n]
    /\ \E n \in DOMAIN c1 : c1[n] < c2[n]

\* Neither clock precedes the other.
LOCAL Unordered(c1, c2) ==
    \E m, n \in DOMAIN c1 : m # n /\ c1[m] < c2[m] /\ c1[n] > c2[n]

\* Every line comes after the lines whose clocks precede its clock.  Clocks
\* with different domains compare as if missing entries were 0.
IsCausalOrder(log, clock(_)) ==
    \A i \in 1 .. Len(log) : \A j \in 1 .. (i - 1) :
        LET D == DOMAIN clock(log[i]) \cup DOMAIN clock(log[j])
            Full(c) == [n \in D |-> IF n \in DOMAIN c THEN c[n] ELSE 0]
        IN  Precedes(Full(clock(log[j])), Full(clock(log[i])))
              \/ Unordered(Full(clock(log[j])), Full(clock(log[i])))

\* The lines of log reordered consistently with their clocks: clock(l) is
\* the vector clock of line l, node(l) the node that wrote it (its own entry
\* in the clock counts its logged events, 1, 2, ...), domain(c) the nodes
\* clock c has entries for.
CausalOrder(log, clock(_), node(_), domain(_)) ==
    CHOOSE newlog \in {f \in [1 .. Len(log) -> Range(log)] : Range(f) = Range(log)} :
        IsCausalOrder(newlog, clock)
  \* native
=============================================================================
