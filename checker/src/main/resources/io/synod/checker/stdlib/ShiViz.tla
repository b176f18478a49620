------------------------------ MODULE ShiViz -------------------------------
(***************************************************************************)
(* What ShiViz, a viewer of distributed-system logs, needs for each state  *)
(* of an explored behaviour (_TETrace of module Toolbox, whose states have *)
(* a per-process pc): Host, the process that took the step into the state, *)
(* and Clock, that process's vector clock as a JSON object.  The host of   *)
(* a state is the process whose pc differs from the previous state's (the  *)
(* previous host when pc did not change; "--" for the first state); each   *)
(* step adds one to the host's entry of the clock.                         *)
(***************************************************************************)
LOCAL INSTANCE Integers
LOCAL INSTANCE Json
LOCAL INSTANCE TLC
\* not LOCAL: a trace spec's override of _TETrace must reach the names below
INSTANCE Toolbox

LOCAL HostOf[i \in DOMAIN _TETrace] ==
  IF i = 1 THEN "--"
  ELSE IF _TETrace[i - 1].pc = _TETrace[i].pc THEN HostOf[i - 1]
  ELSE CHOOSE p \in DOMAIN _TETrace[i - 1].pc : _TETrace[i - 1].pc[p] # _TETrace[i].pc[p]

Host == HostOf[_TEPosition]

LOCAL Tick(i) == [p \in DOMAIN _TETrace[i].pc |-> IF i > 1 /\ p = HostOf[i] THEN 1 ELSE 0]

LOCAL ClockOf[i \in DOMAIN _TETrace] ==
  IF i = 1 THEN Tick(1)
  ELSE [p \in DOMAIN _TETrace[i].pc |-> ClockOf[i - 1][p] + Tick(i)[p]]

Clock == ToJsonObject(ClockOf[_TEPosition])

=============================================================================
