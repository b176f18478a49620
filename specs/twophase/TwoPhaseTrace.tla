---------------------------- MODULE TwoPhaseTrace ----------------------------
(* Trace validation of TwoPhase in the style trace specs are written for   *)
(* TLC, for the log of synod sim 2pc --out DIR --events (DIR/events.ndjson, *)
(* plain JSON).  TwoPhase describes one transaction, and the log           *)
(* interleaves many: this spec validates the transaction numbered by the   *)
(* environment variable TXN (default: the first one in the log), taking    *)
(* the lines of that transaction in order, one step per line.              *)
(*                                                                         *)
(*   TXN=3 synod trace validate --trace-spec specs/twophase/TwoPhaseTrace.tla \ *)
(*       --trace DIR/events.ndjson                                         *)
(*                                                                         *)
(* The log has more lines than the transaction: the POSTCONDITION says     *)
(* when its lines are all matched.                                         *)
EXTENDS TwoPhase, Json, IOUtils, TLC, Sequences, SequencesExt

Log == ndJsonDeserialize(IOEnv.JSON)

\* Whether record r has field f (an empty JSON object reads as <<>>).
Has(r, f) == DOMAIN r # {} /\ f \in DOMAIN r

\* The transaction of a line: its own, or that of the message it carries.
TxnOf(e) == IF Has(e, "txn") THEN e.txn
            ELSE IF Has(e, "msg") /\ Has(e.msg, "txn") THEN e.msg.txn ELSE 0

Txn == IF "TXN" \in DOMAIN IOEnv THEN atoi(IOEnv.TXN)
       ELSE TxnOf(Log[CHOOSE k \in DOMAIN Log : Has(Log[k], "txn")
                        /\ \A j \in 1..(k - 1) : ~Has(Log[j], "txn")])

Trace == SelectSeq(Log, LAMBDA e : TxnOf(e) = Txn)

\* The resource managers (TwoPhaseTrace.cfg: RM <- TraceRM).
TraceRM ==
    UNION {{Log[k].node} \cup {m.dst : m \in ToSet(IF Has(Log[k], "sent") THEN Log[k].sent ELSE <<>>)}
             : k \in DOMAIN Log} \ {"tm", "net", "nemesis"}

VARIABLE l

event == Trace[l]

TraceInit == TPInit /\ l = 1

Step ==
    CASE event.action = "RMPrepare" -> RMPrepare(event.node)
      [] event.action = "RMChooseToAbort" -> RMChooseToAbort(event.node)
      [] event.action = "TMRcvPrepared" -> TMRcvPrepared(event.msg.rm)
      [] event.action = "TMCommit" -> TMCommit
      [] event.action = "TMAbort" -> TMAbort
      [] event.action = "RMRcvCommitMsg" -> RMRcvCommitMsg(event.node)
      [] event.action = "RMRcvAbortMsg" -> RMRcvAbortMsg(event.node)
      \* the transaction starts in the initial state; msgs is every message
      \* ever sent, so losing or duplicating one changes nothing; the state
      \* that matters is persistent, so a crash is a pause
      [] OTHER -> UNCHANGED vars

\* The values the line logs, after the step.
Logged ==
    LET v == event.vars
    IN /\ Has(v, "rmState") => rmState'[event.node] = v.rmState
       /\ Has(v, "tmState") => tmState' = v.tmState
       /\ Has(v, "tmPrepared") => tmPrepared' = ToSet(v.tmPrepared)

TraceNext ==
    /\ l <= Len(Trace)
    /\ Step
    /\ Logged
    /\ l' = l + 1

TraceAccepted ==
    LET d == TLCGet("stats").diameter
    IN IF d - 1 = Len(Trace) THEN TRUE
       ELSE Print(<<"no step of TwoPhase matches line", d, "of transaction", Txn, Trace[d]>>, FALSE)
==============================================================================
