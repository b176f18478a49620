------------------------------ MODULE RealTime ------------------------------
(***************************************************************************)
(* Real-time specifications (Specifying Systems, chapter 9): the variable  *)
(* now holds the current time, a real number.  Shipped so that specs that *)
(* extend it parse; the model checker cannot enumerate Real, so a behavior *)
(* spec built from RTnow is not checkable, as in TLC.                      *)
(***************************************************************************)
EXTENDS Reals

VARIABLE now

(* Action A, with state function v, must occur between D and E time units *)
(* after it was last enabled continuously (or last occurred).              *)
RTBound(A, v, D, E) ==
  LET Next(clock) == clock' = IF <<A>>_v \/ ~(ENABLED <<A>>_v)'
                                THEN 0
                                ELSE clock + (now' - now)
      Timed(clock) == (clock = 0) /\ [][Next(clock)]_<<clock, v, now>>
      NotLate(clock) == [](clock \leq E)
      NotEarly(clock) == [][A => clock \geq D]_v
  IN \EE clock : Timed(clock) /\ NotLate(clock) /\ NotEarly(clock)

(* Time advances, without bound, in steps that leave v unchanged.          *)
RTnow(v) == LET Tick == /\ now' \in {r \in Real : r > now}
                        /\ UNCHANGED v
            IN  /\ now \in Real
                /\ [][Tick]_now
                /\ \A r \in Real : WF_now(Tick /\ (now' > r))
=============================================================================
