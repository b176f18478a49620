-------------------------------- MODULE TLCExt ------------------------------
(***************************************************************************)
(* Further model-checker operators: checked equality, expected errors,     *)
(* model values by name, the current trace and counterexample.  All are    *)
(* evaluated natively.                                                     *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

AssertEq(a, b) == IF a = b THEN TRUE ELSE PrintT(<<"AssertEq failed:", a, b>>) /\ FALSE
  \* native: a = b, printing both values when they differ

AssertError(err, exp) == CHOOSE failedAsExpected \in BOOLEAN : TRUE
  \* native: TRUE iff evaluating exp fails with the error message err

TLCModelValue(str) == CHOOSE mv : TRUE
  \* native: the model value named str

Trace == CHOOSE states \in Seq(Any) : TRUE
  \* native: the behaviour leading to the current state, as records

CounterExample == CHOOSE ce \in [state : SUBSET (Nat \X Any), action : SUBSET (Nat \X Any \X Nat)] : TRUE
  \* native: the counterexample found, when evaluated in a POSTCONDITION (state: <<i, s_i>>,
  \* action: <<<<i, s_i>>, [name, location], <<i + 1, s_i+1>>>>), both empty when none was found

ToTrace(CE) == [i \in 1 .. Cardinality(CE.state) |-> (CHOOSE p \in CE.state : p[1] = i)[2]]

TLCDefer(expression) == TRUE
  \* native: TRUE; in simulation expression is evaluated once the successor is chosen
  \* (breadth-first search never evaluates it)

PickSuccessor(exp) == IF exp THEN TRUE ELSE CHOOSE picked \in BOOLEAN : TRUE
  \* native: lets the user pick successors when exp is FALSE

TLCNoOp(val) == val

TLCCache(expression, closure) == expression
  \* native: memoizes expression keyed by closure

TLCFP(val) == CHOOSE fingerprint \in Nat : TRUE
  \* native: a 32-bit fingerprint of val (equal values, equal numbers; not TLC's numbers)

TLCGetAndSet(key, Op(_, _), val, defaultVal) == CHOOSE previous : TRUE
  \* native: returns register key (or defaultVal) and stores Op(old, val) in it

=============================================================================
