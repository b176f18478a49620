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
  \* (not yet native in Synod; TLC: TRUE iff evaluating exp fails with the error message err)

TLCModelValue(str) == CHOOSE mv : TRUE
  \* native: the model value named str

Trace == CHOOSE states \in Seq(Any) : TRUE
  \* (not yet native in Synod; TLC: the behaviour leading to the current state, as records)

CounterExample == CHOOSE ce \in [state : SUBSET (Nat \X Any), action : SUBSET (Nat \X Any \X Nat)] : TRUE
  \* (not yet native in Synod; TLC: the counterexample found, when evaluated in a POSTCONDITION)

ToTrace(CE) == [i \in 1 .. Cardinality(CE.state) |-> (CHOOSE p \in CE.state : p[1] = i)[2]]

TLCDefer(expression) == TRUE
  \* (not yet native in Synod; TLC: evaluates expression after the current state is explored)

PickSuccessor(exp) == IF exp THEN TRUE ELSE CHOOSE picked \in BOOLEAN : TRUE
  \* (not yet native in Synod; TLC: lets the user pick successors when exp is FALSE)

TLCNoOp(val) == val

TLCCache(expression, closure) == expression
  \* native: memoizes expression keyed by closure

TLCFP(val) == CHOOSE fingerprint \in Nat : TRUE
  \* (not yet native in Synod; TLC: the fingerprint of val)

TLCGetAndSet(key, Op(_, _), val, defaultVal) == CHOOSE previous : TRUE
  \* native: returns register key (or defaultVal) and stores Op(old, val) in it

=============================================================================
