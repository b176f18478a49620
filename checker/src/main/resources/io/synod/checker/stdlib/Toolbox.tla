------------------------------ MODULE Toolbox ------------------------------
(***************************************************************************)
(* The names trace exploration uses.  _TETrace is the behaviour being      *)
(* explored, a sequence of records from variable names to values; a trace  *)
(* spec gives it with a configuration override (CONSTANT _TETrace <- ...). *)
(* _TEPosition is the position of the current state in it.                 *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

_TETrace == CHOOSE behaviour \in [(Nat \ {0}) -> STRING] : TRUE

LOCAL Length == Cardinality(DOMAIN _TETrace)

\* The level of the current state, kept within 1 .. Length (level 0 is the first state).
_TEPosition ==
  IF TLCGet("level") >= Length THEN Length
  ELSE IF TLCGet("level") = 0 THEN 1 ELSE TLCGet("level")

=============================================================================
