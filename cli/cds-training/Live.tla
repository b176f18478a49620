---------------------------- MODULE Live ----------------------------
(* The second training model of bin/synod's class-data-sharing archive: *)
(* fairness and temporal properties, so that the classes of the        *)
(* liveness check (tableau, behaviour graph, component search, lasso    *)
(* printing) are archived too. Finishes holds; Starts is violated       *)
(* (Go is not fair), which ends the check with a lasso.                 *)
EXTENDS Naturals

CONSTANTS Procs, N

VARIABLES pc, count

vars == <<pc, count>>

Init == /\ pc = [p \in Procs |-> "idle"]
        /\ count = 0

Go(p) == /\ pc[p] = "idle"
         /\ pc' = [pc EXCEPT ![p] = "busy"]
         /\ count' = (count + 1) % N

Done(p) == /\ pc[p] = "busy"
           /\ pc' = [pc EXCEPT ![p] = "idle"]
           /\ UNCHANGED count

Next == \E p \in Procs : Go(p) \/ Done(p)

Spec == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Done(p))

Finishes == \A p \in Procs : (pc[p] = "busy") ~> (pc[p] = "idle")
Starts == \A p \in Procs : []<>(pc[p] = "busy")
=======================================================================
