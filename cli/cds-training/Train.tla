---------------------------- MODULE Train ----------------------------
(* A small model run once after each build of the CLI jar, so that the *)
(* JVM can record the classes a check loads into a class-data-sharing   *)
(* archive (bin/synod). It touches the common parts of the language and *)
(* ends with an invariant violation, so trace printing is loaded too.   *)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS Procs, Max

VARIABLES log, owner, seen

vars == <<log, owner, seen>>

Init == /\ log = <<>>
        /\ owner = [p \in Procs |-> 0]
        /\ seen = {}

Write(p) == /\ Len(log) < Max
            /\ LET v == Len(log) + 1 IN
                 /\ log' = Append(log, [by |-> p, val |-> v])
                 /\ owner' = [owner EXCEPT ![p] = @ + 1]
                 /\ seen' = seen \cup {v % 3}

Drop == /\ log # <<>>
        /\ log' = Tail(log)
        /\ UNCHANGED <<owner, seen>>

Next == \/ \E p \in Procs : Write(p)
        \/ Drop

Bounded == \A p \in Procs : owner[p] <= Max
Small == Cardinality(seen) < 3 \/ (CHOOSE x \in seen : x > 1) = 2
NotFull == Len(log) < Max \/ \E i \in DOMAIN log : log[i].by = CHOOSE p \in Procs : TRUE

Spec == Init /\ [][Next]_vars
=======================================================================
